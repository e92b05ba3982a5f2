#pragma once

#include "broker/PolicyGlob.h"
#include "core/SecureBytes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace countersign::storage {
class Database;
}

namespace countersign::broker {

// Agent bearer tokens (table `tokens`). Only the SHA-256 of a token is
// stored; the token itself is shown once, when it is created.
class TokenRegistry
{
public:
    struct AgentToken
    {
        QString id;
        QString tenant;
        QString agentId;
        QStringList tools; // globs
        QDateTime createdAt;
        QDateTime expiresAt; // invalid: never
        QDateTime revokedAt;

        // The tool globs compiled once, when the record is read (shared by copies).
        std::shared_ptr<const QList<PolicyGlob>> compiledTools;

        bool allowsTool(const QString &tool) const;
        bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && now >= expiresAt; }
        bool isRevoked() const { return revokedAt.isValid(); }
        QJsonObject toJson() const;
    };

    explicit TokenRegistry(storage::Database &database);

    // Returns the token record; *secret receives the bearer token to hand to the agent.
    // Writes here (and any rollback or other process's commit, see
    // Database::generation) drop the tokens findBySecret keeps in memory.
    std::optional<AgentToken> create(const QString &tenant, const QString &agentId, const QStringList &tools,
                                     qint64 ttlSeconds, QString *secret, QString *error);
    std::optional<AgentToken> revoke(const QString &id, QString *error);
    std::optional<AgentToken> findBySecret(QByteArrayView secret) const;
    QList<AgentToken> list() const;

    static QString hashOf(QByteArrayView secret);

private:
    storage::Database &m_database;
    // Known tokens by the SHA-256 of their secret, valid for one database generation.
    mutable QHash<QString, AgentToken> m_byHash;
    mutable quint64 m_cachedGeneration = 0;
};

} // namespace countersign::broker
