#include "core/PolicyOutcome.h"

#include "core/JsonReader.h"
#include "core/Vocabulary.h"

namespace countersign::core {

PolicyOutcome PolicyOutcome::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    PolicyOutcome out;
    out.decision = r.oneOf(QStringLiteral("decision"), vocabulary::policyDecision());
    out.rule = r.string(QStringLiteral("rule"));
    out.reason = r.string(QStringLiteral("reason"), JsonReader::Optional);
    out.quorum = int(r.integer(QStringLiteral("quorum"), JsonReader::Optional).value_or(0));
    out.denyThreshold = int(r.integer(QStringLiteral("deny_threshold"), JsonReader::Optional, 1).value_or(1));
    out.approverRoles = r.stringList(QStringLiteral("approver_roles"), JsonReader::Optional);
    out.forbidRequester = r.boolean(QStringLiteral("forbid_requester")).value_or(true);
    out.requireReasonOn
        = r.oneOf(QStringLiteral("require_reason_on"),
                  {QStringLiteral("deny"), QStringLiteral("approve"), QStringLiteral("both")}, JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

QJsonObject PolicyOutcome::toJson() const
{
    QJsonObject json = extensions;
    json.insert(QStringLiteral("decision"), decision);
    json.insert(QStringLiteral("rule"), rule);
    if (!reason.isEmpty())
        json.insert(QStringLiteral("reason"), reason);
    if (decision == QStringLiteral("approve")) {
        json.insert(QStringLiteral("quorum"), quorum);
        json.insert(QStringLiteral("deny_threshold"), denyThreshold);
        json.insert(QStringLiteral("approver_roles"), QJsonArray::fromStringList(approverRoles));
        json.insert(QStringLiteral("forbid_requester"), forbidRequester);
        if (!requireReasonOn.isEmpty())
            json.insert(QStringLiteral("require_reason_on"), requireReasonOn);
    }
    return json;
}

} // namespace countersign::core
