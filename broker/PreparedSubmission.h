#pragma once

#include "core/Action.h"
#include "core/CanonicalJson.h"
#include "core/JsonLimits.h"
#include "core/ValidationError.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace countersign::broker {

// What can be worked out of a submission's body alone, without any state: its
// SHA-256 (the idempotency record's), the strict parse and the validation of
// the action. The network thread does it while the store thread is busy; the
// store thread decides what to answer, in the same order of checks as ever
// (token, idempotency key, size, replay, then these results).
struct PreparedSubmission
{
    qsizetype bodySize = 0;
    QString bodySha256; // hex
    // Set when the body is not a JSON object within the limits.
    std::optional<core::ValidationError> parseError;
    core::Action action;
    // Broker fields the agent sent, then whatever Action::read found.
    core::ValidationErrors problems;
    // The document's members in canonical form, for the stamped action's
    // canonical text (CanonicalJson::joinMembers with the broker's members).
    core::CanonicalJson::Members members;

    static PreparedSubmission fromBody(QByteArrayView body, const core::JsonLimits &limits);
};

} // namespace countersign::broker
