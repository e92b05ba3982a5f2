#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

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
    // The acting tenant's own and allowed (partner) domains from the policy,
    // normalised, so the console can mark every other domain external. Absent
    // (nullopt) from an older broker: the console then treats every domain as external.
    std::optional<QStringList> tenantDomains;
    std::optional<QStringList> allowedDomains;
    QJsonObject extensions;

    static PolicyOutcome read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
    QJsonObject toJson() const;
};

} // namespace countersign::core
