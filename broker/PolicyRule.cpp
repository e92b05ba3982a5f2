#include "broker/PolicyRule.h"

#include "core/Vocabulary.h"

#include <QRegularExpression>

namespace countersign::broker {

namespace {

const QStringList &approveKeys()
{
    static const QStringList keys {QStringLiteral("quorum"),           QStringLiteral("deny_threshold"),
                                   QStringLiteral("approver_roles"),   QStringLiteral("deadline"),
                                   QStringLiteral("forbid_requester"), QStringLiteral("require_reason_on")};
    return keys;
}

} // namespace

PolicyRule PolicyRule::read(const QJsonObject &json, const QString &path, int line, PolicyReader &reader,
                            qint64 minDeadlineSeconds)
{
    PolicyRule rule;
    rule.m_path = path;
    rule.m_line = line;
    QStringList allowed {QStringLiteral("id"),     QStringLiteral("description"), QStringLiteral("match"),
                         QStringLiteral("unless"), QStringLiteral("action"),      QStringLiteral("reason")};
    allowed += approveKeys();
    reader.checkKeys(json, path, allowed);
    const auto at = [&](const QString &key) { return PolicyReader::pathOf(path, key); };

    if (!json.contains(QStringLiteral("id"))) {
        reader.error(at(QStringLiteral("id")), QStringLiteral("missing required key"));
    } else if (const auto id = reader.string(json.value(QStringLiteral("id")), at(QStringLiteral("id")))) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"));
        if (!pattern.match(*id).hasMatch())
            reader.error(at(QStringLiteral("id")),
                         QStringLiteral("expected 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter "
                                        "or digit"));
        else if (*id == QStringLiteral("default-deny"))
            reader.error(at(QStringLiteral("id")),
                         QStringLiteral("\"default-deny\" is reserved for the implicit "
                                        "final rule"));
        else
            rule.m_id = *id;
    }

    if (json.contains(QStringLiteral("description")))
        rule.m_description = reader.string(json.value(QStringLiteral("description")), at(QStringLiteral("description")))
                                 .value_or(QString());

    if (!json.contains(QStringLiteral("match"))) {
        reader.error(at(QStringLiteral("match")),
                     QStringLiteral("missing required key (write match = {} for a rule that matches every action)"));
    } else if (const auto match = reader.object(json.value(QStringLiteral("match")), at(QStringLiteral("match")))) {
        rule.m_match = PolicyConditions::read(*match, at(QStringLiteral("match")), reader);
    }

    if (json.contains(QStringLiteral("unless"))) {
        const QJsonValue unless = json.value(QStringLiteral("unless"));
        const QString unlessPath = at(QStringLiteral("unless"));
        if (unless.isObject()) {
            rule.m_unless.append(PolicyConditions::read(unless.toObject(), unlessPath, reader));
        } else if (unless.isArray() && !unless.toArray().isEmpty()) {
            const QJsonArray items = unless.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString itemPath = PolicyReader::indexPath(unlessPath, i);
                if (const auto table = reader.object(items.at(i), itemPath))
                    rule.m_unless.append(PolicyConditions::read(*table, itemPath, reader));
            }
        } else {
            reader.error(unlessPath, QStringLiteral("expected a table or a non-empty array of tables"));
        }
        for (qsizetype i = 0; i < rule.m_unless.size(); ++i) {
            // An empty `unless` holds for every action, which would disable the rule.
            if (rule.m_unless.at(i).isEmpty())
                reader.error(unless.isObject() ? unlessPath : PolicyReader::indexPath(unlessPath, i),
                             QStringLiteral("an empty unless table would disable the rule"));
        }
    }

    PolicyDecision &outcome = rule.m_outcome;
    outcome.rule = rule.m_id;
    if (!json.contains(QStringLiteral("action"))) {
        reader.error(at(QStringLiteral("action")), QStringLiteral("missing required key (allow, deny or approve)"));
    } else {
        const QJsonValue action = json.value(QStringLiteral("action"));
        if (!action.isString() || !core::vocabulary::policyDecision().contains(action.toString()))
            reader.error(at(QStringLiteral("action")), QStringLiteral("expected \"allow\", \"deny\" or \"approve\""));
        else
            outcome.decision = action.toString();
    }

    if (json.contains(QStringLiteral("reason")))
        outcome.reason
            = reader.string(json.value(QStringLiteral("reason")), at(QStringLiteral("reason"))).value_or(QString());
    if (outcome.reason.isEmpty())
        outcome.reason = rule.m_description;

    if (!outcome.decision.isEmpty() && !outcome.isApprove()) {
        for (const QString &key : approveKeys()) {
            if (json.contains(key))
                reader.error(at(key), QStringLiteral("only valid when action = \"approve\""));
        }
        return rule;
    }
    if (!outcome.isApprove())
        return rule;

    outcome.quorum = 1;
    if (json.contains(QStringLiteral("quorum")))
        outcome.quorum
            = reader.integer(json.value(QStringLiteral("quorum")), at(QStringLiteral("quorum")), 1, kMaxQuorum)
                  .value_or(1);
    if (json.contains(QStringLiteral("deny_threshold")))
        outcome.denyThreshold = reader
                                    .integer(json.value(QStringLiteral("deny_threshold")),
                                             at(QStringLiteral("deny_threshold")), 1, kMaxQuorum)
                                    .value_or(1);

    if (!json.contains(QStringLiteral("approver_roles"))) {
        reader.error(at(QStringLiteral("approver_roles")),
                     QStringLiteral("missing required key: an approve rule must name the roles that may approve"));
    } else if (const auto roles = reader.stringList(json.value(QStringLiteral("approver_roles")),
                                                    at(QStringLiteral("approver_roles")))) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:-]*$"));
        for (qsizetype i = 0; i < roles->size(); ++i) {
            if (!pattern.match(roles->at(i)).hasMatch())
                reader.error(json.value(QStringLiteral("approver_roles")).isString()
                                 ? at(QStringLiteral("approver_roles"))
                                 : PolicyReader::indexPath(at(QStringLiteral("approver_roles")), i),
                             QStringLiteral("expected a role name (letters, digits, '.', '_', ':' or '-')"));
            else if (!outcome.approverRoles.contains(roles->at(i)))
                outcome.approverRoles.append(roles->at(i));
        }
    }

    outcome.deadlineSeconds = kDefaultDeadlineSeconds;
    if (json.contains(QStringLiteral("deadline"))) {
        const QString deadlinePath = at(QStringLiteral("deadline"));
        const QJsonValue deadline = json.value(QStringLiteral("deadline"));
        const std::optional<qint64> seconds
            = deadline.isString() ? PolicyDecision::parseDuration(deadline.toString()) : std::nullopt;
        if (!seconds)
            reader.error(deadlinePath,
                         QStringLiteral("expected a duration such as \"900s\", \"15m\", \"2h\" or \"1d\""));
        else if (*seconds < minDeadlineSeconds || *seconds > kMaxDeadlineSeconds)
            reader.error(deadlinePath,
                         QStringLiteral("must be between %1 and %2")
                             .arg(PolicyDecision::formatDuration(minDeadlineSeconds),
                                  PolicyDecision::formatDuration(kMaxDeadlineSeconds)));
        else
            outcome.deadlineSeconds = *seconds;
    }

    if (json.contains(QStringLiteral("forbid_requester")))
        outcome.forbidRequester
            = reader.boolean(json.value(QStringLiteral("forbid_requester")), at(QStringLiteral("forbid_requester")))
                  .value_or(true);

    outcome.requireReasonOn = QStringLiteral("deny");
    if (json.contains(QStringLiteral("require_reason_on"))) {
        static const QStringList options {QStringLiteral("deny"), QStringLiteral("approve"), QStringLiteral("both")};
        const QJsonValue value = json.value(QStringLiteral("require_reason_on"));
        if (!value.isString() || !options.contains(value.toString()))
            reader.error(at(QStringLiteral("require_reason_on")),
                         QStringLiteral("expected \"deny\", \"approve\" or \"both\""));
        else
            outcome.requireReasonOn = value.toString();
    }
    return rule;
}

bool PolicyRule::applies(const core::Action &action, const PolicyTenant &tenant, QString *why) const
{
    QString matchWhy;
    if (!m_match.evaluate(action, tenant, &matchWhy)) {
        *why = QStringLiteral("no match: ") + matchWhy;
        return false;
    }
    QStringList notHeld;
    for (qsizetype i = 0; i < m_unless.size(); ++i) {
        QString unlessWhy;
        const QString name = m_unless.size() == 1 ? QStringLiteral("unless") : QStringLiteral("unless[%1]").arg(i);
        if (m_unless.at(i).evaluate(action, tenant, &unlessWhy)) {
            *why = QStringLiteral("no match: %1 holds: %2").arg(name, unlessWhy);
            return false;
        }
        notHeld.append(QStringLiteral("%1 does not hold (%2)").arg(name, unlessWhy));
    }
    *why = QStringLiteral("matched: ") + matchWhy;
    if (!notHeld.isEmpty())
        *why += QStringLiteral("; ") + notHeld.join(QStringLiteral("; "));
    return true;
}

} // namespace countersign::broker
