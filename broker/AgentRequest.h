#pragma once

#include "broker/PreparedSubmission.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace countersign::broker {

// One agent HTTP request, routed and read by the network thread, for the
// store thread to carry out (AgentApi). Values only: it crosses threads.
struct AgentRequest
{
    enum class Kind {
        Submit, // POST /v1/actions
        Status, // GET /v1/actions/{id}[?wait=SECONDS]
        Result, // POST /v1/actions/{id}/result
        Health, // GET /healthz
        Metrics, // GET /metrics
    };

    Kind kind = Kind::Health;
    QString actionId;
    QByteArray authorization;
    QString idempotencyKey;
    QByteArray body; // Result
    qint64 waitSeconds = 0;
    std::shared_ptr<const PreparedSubmission> submission; // Submit
};

} // namespace countersign::broker
