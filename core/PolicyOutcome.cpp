#include "core/PolicyOutcome.h"

#include "core/JsonReader.h"
#include "core/Vocabulary.h"

#include <limits>

namespace countersign::core {

PolicyOutcome PolicyOutcome::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    // quorum and deny_threshold are ints: a larger value is an error, never silently narrowed.
    const auto smallInteger = [&r](const QString &key, qint64 minimum, int absent) {
        const auto value = r.integer(key, JsonReader::Optional, minimum);
        if (value && *value > std::numeric_limits<int>::max()) {
            r.error(key, QStringLiteral("must be at most %1").arg(std::numeric_limits<int>::max()));
            return absent;
        }
        return value ? int(*value) : absent;
    };
    PolicyOutcome out;
    out.decision = r.oneOf(QStringLiteral("decision"), vocabulary::policyDecision());
    out.rule = r.string(QStringLiteral("rule"));
    out.reason = r.string(QStringLiteral("reason"), JsonReader::Optional);
    out.quorum = smallInteger(QStringLiteral("quorum"), 0, 0);
    out.denyThreshold = smallInteger(QStringLiteral("deny_threshold"), 1, 1);
    out.approverRoles = r.stringList(QStringLiteral("approver_roles"), JsonReader::Optional);
    out.forbidRequester = r.boolean(QStringLiteral("forbid_requester")).value_or(true);
    out.requireReasonOn
        = r.oneOf(QStringLiteral("require_reason_on"),
                  {QStringLiteral("deny"), QStringLiteral("approve"), QStringLiteral("both")}, JsonReader::Optional);
    if (json.contains(QStringLiteral("tenant_domains")))
        out.tenantDomains = r.stringList(QStringLiteral("tenant_domains"), JsonReader::Optional);
    if (json.contains(QStringLiteral("allowed_domains")))
        out.allowedDomains = r.stringList(QStringLiteral("allowed_domains"), JsonReader::Optional);
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
    if (tenantDomains)
        json.insert(QStringLiteral("tenant_domains"), QJsonArray::fromStringList(*tenantDomains));
    if (allowedDomains)
        json.insert(QStringLiteral("allowed_domains"), QJsonArray::fromStringList(*allowedDomains));
    return json;
}

} // namespace countersign::core
