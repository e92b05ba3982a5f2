#pragma once

#include "core/Action.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace countersign::core {

// The risk badges of the pending queue, computed from an action alone (plus
// the tenant's mail domains, when the console knows them). Each badge says in
// words why it is there; score() orders the queue by risk.
class ActionRisk
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::ActionRisk)

public:
    enum class Kind {
        Irreversible, // id `irreversible`: tool.annotations.irreversible is true
        Destructive, // id `destructive`: tool.annotations.destructive is true
        ExternalRecipients, // id `external_recipients`
        RestrictedData, // id `restricted_data` (labelled "Sensitive data" when only confidential data changes)
        UntrustedEvidence, // id `untrusted_evidence`
        StaleMemory, // id `stale_memory`: stale, unsourced, expired or user-generated memory
    };

    struct Badge
    {
        Kind kind = Kind::Irreversible;
        QString id;
        QString label;
        QString explanation; // whole sentences; values from the action already formatted
        int weight = 0;
    };

    ActionRisk() = default;
    // `tenantDomains`: the tenant's own mail/web domains. Empty means unknown:
    // then the requesting user's own email domain is the only one trusted.
    explicit ActionRisk(const Action &action, const QStringList &tenantDomains = {},
                        const QDateTime &now = QDateTime::currentDateTimeUtc());

    const QList<Badge> &badges() const { return m_badges; }
    QStringList ids() const;
    bool has(Kind kind) const;
    bool has(const QString &id) const;
    const Badge *badge(Kind kind) const;
    int score() const;
    // The external addresses and hosts found, as they appear in the action
    // (untrusted: format before showing).
    const QStringList &externalRecipients() const { return m_external; }

    static QString id(Kind kind);
    // The domains counted as the tenant's own for this action.
    static QStringList ownDomains(const Action &action, const QStringList &tenantDomains);
    static bool isOwnDomain(const QString &domain, const QStringList &ownDomains);
    // Hosts that cannot be reached from outside: localhost, private IPv4,
    // unique-local IPv6, and the private-use names (.internal, .local, .lan, …).
    static bool isInternalHost(const QString &host);

private:
    void add(Kind kind, const QString &label, const QString &explanation, int weight);
    void checkExternal(const Action &action, const QStringList &tenantDomains);

    QList<Badge> m_badges;
    QStringList m_external;
};

} // namespace countersign::core
