#include "broker/Policy.h"

#include "broker/PolicyDomains.h"
#include "broker/PolicyReader.h"
#include "broker/TomlDocument.h"
#include "core/Sha256.h"

#include <QFile>
#include <QJsonArray>

#include <algorithm>

namespace countersign::broker {

namespace {

void readTenantDomains(const QJsonObject &table, const QString &key, const QString &path, PolicyReader &reader,
                       QStringList *out)
{
    if (!table.contains(key))
        return;
    const QString keyPath = PolicyReader::pathOf(path, key);
    const QJsonValue value = table.value(key);
    // An empty list is allowed here (a tenant with no partners).
    if (value.isArray() && value.toArray().isEmpty())
        return;
    const auto domains = reader.stringList(value, keyPath);
    if (!domains)
        return;
    for (qsizetype i = 0; i < domains->size(); ++i) {
        const QString normalized = PolicyDomains::normalize(domains->at(i));
        if (normalized.isEmpty())
            reader.error(value.isString() ? keyPath : PolicyReader::indexPath(keyPath, i),
                         QStringLiteral("not a domain name"));
        else if (!out->contains(normalized))
            out->append(normalized);
    }
}

} // namespace

std::optional<Policy> Policy::parse(QByteArrayView text, const QString &sourceName, QStringList *errors,
                                    qint64 minDeadlineSeconds)
{
    const std::optional<TomlDocument> doc = TomlDocument::parse(text, sourceName, errors);
    if (!doc)
        return std::nullopt;
    const QJsonObject root = doc->root();

    core::ValidationErrors problems;
    PolicyReader reader(&problems);
    Policy policy;
    policy.m_sourceName = sourceName;
    policy.m_sha256 = QString::fromLatin1(core::Sha256::hex(text));

    reader.checkKeys(root, QString(), {QStringLiteral("version"), QStringLiteral("tenants"), QStringLiteral("rules")});

    // The version comes first so a file written for a later format is refused
    // rather than half-understood.
    if (!root.contains(QStringLiteral("version")))
        reader.error(QStringLiteral("version"),
                     QStringLiteral("missing required key (write version = %1)").arg(kFormatVersion));
    else if (root.value(QStringLiteral("version")) != QJsonValue(kFormatVersion))
        reader.error(QStringLiteral("version"),
                     QStringLiteral("unsupported version (this broker reads version = %1)").arg(kFormatVersion));

    if (root.contains(QStringLiteral("tenants"))) {
        if (const auto tenants = reader.object(root.value(QStringLiteral("tenants")), QStringLiteral("tenants"))) {
            for (auto it = tenants->constBegin(); it != tenants->constEnd(); ++it) {
                const QString path = PolicyReader::pathOf(QStringLiteral("tenants"), it.key());
                const auto table = reader.object(it.value(), path);
                if (!table)
                    continue;
                reader.checkKeys(*table, path, {QStringLiteral("domains"), QStringLiteral("allowed_domains")});
                PolicyTenant tenant;
                readTenantDomains(*table, QStringLiteral("domains"), path, reader, &tenant.domains);
                readTenantDomains(*table, QStringLiteral("allowed_domains"), path, reader, &tenant.allowedDomains);
                policy.m_tenants.insert(it.key(), tenant);
            }
        }
    }

    if (!root.contains(QStringLiteral("rules"))) {
        reader.error(QStringLiteral("rules"), QStringLiteral("missing required key (add [[rules]] tables)"));
    } else if (!root.value(QStringLiteral("rules")).isArray()) {
        reader.error(QStringLiteral("rules"), QStringLiteral("expected an array of tables ([[rules]])"));
    } else {
        const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
        QHash<QString, QString> seen; // id → path of the rule that used it
        std::optional<PolicyRule> catchAll;
        for (qsizetype i = 0; i < rules.size(); ++i) {
            const QString path = PolicyReader::indexPath(QStringLiteral("rules"), i);
            const auto table = reader.object(rules.at(i), path);
            if (!table)
                continue;
            const qsizetype before = reader.errorCount();
            PolicyRule rule = PolicyRule::read(*table, path, doc->lineOf(path), reader, minDeadlineSeconds);
            if (!rule.id().isEmpty()) {
                const auto previous = seen.constFind(rule.id());
                if (previous != seen.constEnd())
                    reader.error(PolicyReader::pathOf(path, QStringLiteral("id")),
                                 QStringLiteral("duplicate rule id \"%1\" (first used at line %2)")
                                     .arg(rule.id())
                                     .arg(doc->lineOf(previous.value())));
                else
                    seen.insert(rule.id(), path);
            }
            // Rules after one that matches everything can never be reached: that is
            // an ordering mistake, not a policy.
            if (catchAll)
                reader.error(path,
                             QStringLiteral("unreachable: rule \"%1\" at line %2 matches every action")
                                 .arg(catchAll->id())
                                 .arg(catchAll->line()));
            if (reader.errorCount() == before && rule.isCatchAll()) {
                if (rule.outcome().isAllow())
                    reader.error(PolicyReader::pathOf(path, QStringLiteral("match")),
                                 QStringLiteral("a rule that allows every action disables the policy"));
                else if (!catchAll)
                    catchAll = rule;
            }
            policy.m_rules.append(rule);
        }
    }

    if (!problems.isEmpty()) {
        // Reported in file order, whatever order the checks ran in.
        QList<QPair<int, QString>> located;
        for (const core::ValidationError &problem : std::as_const(problems))
            located.append({doc->lineOf(problem.path), doc->locate(problem)});
        std::stable_sort(located.begin(), located.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &entry : std::as_const(located))
            errors->append(entry.second);
        return std::nullopt;
    }
    return policy;
}

std::optional<Policy> Policy::load(const QString &path, QStringList *errors, qint64 minDeadlineSeconds)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    // One byte over the limit is enough to know it is too large.
    const QByteArray text = file.read(TomlDocument::kMaxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return parse(text, path, errors, minDeadlineSeconds);
}

PolicyDecision Policy::evaluate(const core::Action &action) const
{
    const PolicyTenant tenant = m_tenants.value(action.tenant);
    QStringList explanation;
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const PolicyRule &rule = m_rules.at(i);
        QString why;
        const bool applies = rule.applies(action, tenant, &why);
        explanation.append(QStringLiteral("#%1 %2 (line %3): %4").arg(i + 1).arg(rule.id()).arg(rule.line()).arg(why));
        if (applies) {
            PolicyDecision decision = rule.outcome();
            decision.explanation = explanation;
            return decision;
        }
    }
    PolicyDecision decision;
    decision.decision = QStringLiteral("deny");
    decision.rule = defaultDenyRule();
    decision.reason = QStringLiteral("no policy rule matched this action");
    explanation.append(defaultDenyRule() + QStringLiteral(": no rule matched, so the action is denied"));
    decision.explanation = explanation;
    return decision;
}

QStringList Policy::tenants() const
{
    QStringList out = m_tenants.keys();
    out.sort();
    return out;
}

QStringList Policy::tenantDomains(const QString &tenant) const
{
    return m_tenants.value(tenant).domains;
}

QStringList Policy::allowedDomains(const QString &tenant) const
{
    return m_tenants.value(tenant).allowedDomains;
}

} // namespace countersign::broker
