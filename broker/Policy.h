#pragma once

#include "broker/PolicyDecision.h"
#include "broker/PolicyRule.h"
#include "broker/PolicyTenant.h"
#include "core/Action.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace countersign::broker {

// The broker's policy: ordered rules read from an operator-edited TOML file
// (docs/policy.md). Rules are tried in file order and the first that applies
// decides; when none does the action is denied by "default-deny". A file with
// any error is refused as a whole, with every error located as
// `FILE:LINE: path: message`, so a bad edit never half-loads.
class Policy
{
public:
    static constexpr int kFormatVersion = 1;
    static QString defaultDenyRule() { return QStringLiteral("default-deny"); }

    // `minDeadlineSeconds`: the shortest approval deadline a rule may set
    // (countersignd.conf [limits] min_approval_deadline_seconds).
    static std::optional<Policy> parse(QByteArrayView text, const QString &sourceName, QStringList *errors,
                                       qint64 minDeadlineSeconds = PolicyRule::kMinDeadlineSeconds);
    static std::optional<Policy> load(const QString &path, QStringList *errors,
                                      qint64 minDeadlineSeconds = PolicyRule::kMinDeadlineSeconds);

    PolicyDecision evaluate(const core::Action &action) const;

    // Lower-case hex SHA-256 of the file's bytes, for the audit log.
    QString sha256() const { return m_sha256; }
    QString sourceName() const { return m_sourceName; }
    const QList<PolicyRule> &rules() const { return m_rules; }

    QStringList tenants() const;
    // The tenant's own domains and its partner allow-list (normalised); empty for
    // an unknown tenant, so every domain is external to it.
    QStringList tenantDomains(const QString &tenant) const;
    QStringList allowedDomains(const QString &tenant) const;

private:
    QString m_sourceName;
    QString m_sha256;
    QList<PolicyRule> m_rules;
    QHash<QString, PolicyTenant> m_tenants;
};

} // namespace countersign::broker
