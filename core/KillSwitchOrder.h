#pragma once

#include "core/JsonReader.h"

#include <QDateTime>
#include <QJsonObject>

namespace countersign::core {

// A signed order from an on-call key to engage or release a kill switch.
// JWS typ `countersign.killswitch`.
struct KillSwitchOrder
{
    QString operation; // engage, release
    QString scope; // global, tenant, user, agent, tool
    QString target; // empty for global
    QString reason;
    QString issuedBy; // key id
    QDateTime issuedAt;
    QString nonce;
    QJsonObject extensions;

    static KillSwitchOrder read(const QJsonObject &json, ValidationErrors *errors);
    QJsonObject toJson() const;
};

} // namespace countersign::core
