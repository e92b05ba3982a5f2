#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QStringList>

namespace countersign::core {

// What the broker's policy decided for an action (the broker-stamped `policy` field).
struct PolicyOutcome
{
    QString decision; // allow, deny, approve
    QString rule;
    QString reason;
    int quorum = 0;
    int denyThreshold = 1;
    QStringList approverRoles;
    bool forbidRequester = true;
    QString requireReasonOn; // "", deny, approve, both
    QJsonObject extensions;

    static PolicyOutcome read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
    QJsonObject toJson() const;
};

} // namespace countersign::core
