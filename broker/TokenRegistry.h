#pragma once

#include "core/SecureBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

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

        bool allowsTool(const QString &tool) const;
        bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && now >= expiresAt; }
        bool isRevoked() const { return revokedAt.isValid(); }
        QJsonObject toJson() const;
    };

    explicit TokenRegistry(storage::Database &database);

    // Returns the token record; *secret receives the bearer token to hand to the agent.
    std::optional<AgentToken> create(const QString &tenant, const QString &agentId, const QStringList &tools,
                                     qint64 ttlSeconds, QString *secret, QString *error);
    std::optional<AgentToken> revoke(const QString &id, QString *error);
    std::optional<AgentToken> findBySecret(QByteArrayView secret) const;
    QList<AgentToken> list() const;

    static QString hashOf(QByteArrayView secret);

private:
    storage::Database &m_database;
};

} // namespace countersign::broker
