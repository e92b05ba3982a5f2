#pragma once

#include "broker/PolicyGlob.h"
#include "broker/PolicyPath.h"
#include "broker/PolicyReader.h"
#include "broker/PolicyTenant.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace countersign::broker {

// One condition on an action's `arguments`, e.g.
// `{ path = ["to[*]", "cc[*]"], domain_not_in = ["$tenant.domains"] }`.
//
// Every path is resolved and the values pooled. The predicate holds when ANY
// pooled value satisfies the operator (so a deny rule fires on the one bad
// element), except `exists`, which asks whether the pool is non-empty. A path
// that reaches nothing satisfies nothing (but `exists = false`).
class PolicyPredicate
{
public:
    enum class Op { Equals, In, Glob, Regex, Exists, DomainNotIn, Contains };

    static constexpr qsizetype kMaxRegexLength = 512;
    // Stand-ins in a domain_not_in list for the action's tenant's lists.
    static QString tenantDomainsToken() { return QStringLiteral("$tenant.domains"); }
    static QString allowedDomainsToken() { return QStringLiteral("$tenant.allowed_domains"); }

    // Problems go to `reader`; the result is only meaningful when none were added.
    static PolicyPredicate read(const QJsonObject &json, const QString &path, PolicyReader &reader);

    // Whether the predicate holds; `why` says which value made it hold, or why none did.
    bool evaluate(const QJsonObject &arguments, const PolicyTenant &tenant, QString *why) const;
    QString describe() const;

private:
    bool valueSatisfies(const QJsonValue &value, const QStringList &domains, QString *detail) const;
    bool stringEquals(const QString &a, const QString &b) const;
    bool jsonEquals(const QJsonValue &a, const QJsonValue &b) const;

    QList<PolicyPath> m_paths;
    Op m_op = Op::Equals;
    QString m_opName;
    QJsonValue m_operand;
    bool m_ignoreCase = false;
    std::optional<PolicyGlob> m_glob;
    QRegularExpression m_regex;
    QStringList m_domains; // literal, normalised
    bool m_includeTenantDomains = false;
    bool m_includeAllowedDomains = false;
};

} // namespace countersign::broker
