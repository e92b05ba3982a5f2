#pragma once

#include "core/Ed25519PublicKey.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace countersign::storage {
class Database;
}

namespace countersign::broker {

// Enrolled approver keys (table `approvers`). Callers own the transaction.
class ApproverRegistry
{
public:
    struct Approver
    {
        QString keyId;
        QString name;
        QString identity; // the person's user id, compared with request.user for self-approval
        core::Ed25519PublicKey publicKey;
        QStringList roles; // approver, reviewer, oncall, admin, or policy-defined roles
        QStringList tenants; // "*" means every tenant
        QDateTime enrolledAt;
        QDateTime revokedAt;

        bool isActive() const { return !revokedAt.isValid(); }
        bool hasRole(const QString &role) const { return roles.contains(role); }
        bool hasAnyRole(const QStringList &wanted) const;
        bool coversTenant(const QString &tenant) const;
        QJsonObject toJson() const;
    };

    explicit ApproverRegistry(storage::Database &database);

    std::optional<Approver> add(const QString &name, const QString &identity, const core::Ed25519PublicKey &key,
                                const QStringList &roles, const QStringList &tenants, QString *error);
    // By key id or by name; returns the revoked approver.
    std::optional<Approver> revoke(const QString &keyIdOrName, QString *error);
    // Kept in memory per database generation (a rollback, a write here or
    // another process's commit, e.g. `approver revoke`, drops it): every
    // console message and push looks its approver up again.
    std::optional<Approver> find(const QString &keyId) const;
    QList<Approver> list() const;

    static const QStringList &builtInRoles();

private:
    storage::Database &m_database;
    mutable QHash<QString, Approver> m_byKeyId;
    mutable quint64 m_cachedGeneration = 0;
};

} // namespace countersign::broker
