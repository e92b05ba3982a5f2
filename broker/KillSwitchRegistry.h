#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace countersign::storage {
class Database;
}

namespace countersign::broker {

// Kill switches (table `killswitches`). Engaged switches stay until a
// signed release; state lives in the database, so it survives restarts.
class KillSwitchRegistry
{
public:
    struct KillSwitch
    {
        qint64 id = 0;
        QString scope; // global, tenant, user, agent, tool
        QString target;
        QString reason;
        QString engagedBy;
        QDateTime engagedAt;
        qint64 killedCount = 0;
        qint64 refusedCount = 0; // submissions refused because of this switch
        QStringList agents; // distinct agents it killed actions of or refused submissions from
        QString releasedBy;
        QDateTime releasedAt;
        QString releaseReason;

        bool isActive() const { return !releasedAt.isValid(); }
        bool covers(const QString &tenant, const QString &user, const QString &agent, const QString &tool) const;
        QJsonObject toJson() const;
    };

    explicit KillSwitchRegistry(storage::Database &database);

    std::optional<KillSwitch> engage(const QString &scope, const QString &target, const QString &reason,
                                     const QString &by, const QString &jws, QString *error);
    // After engaging: how many pending actions it killed, and whose.
    bool setKilled(qint64 id, qint64 count, const QStringList &agents, QString *error);
    // One more submission refused by switch `id`, from `agent`.
    bool countRefusal(qint64 id, const QString &agent, QString *error);
    std::optional<KillSwitch> release(const QString &scope, const QString &target, const QString &reason,
                                      const QString &by, const QString &jws, QString *error);
    std::optional<KillSwitch> findActive(const QString &scope, const QString &target) const;
    QList<KillSwitch> active() const;
    QList<KillSwitch> all() const;
    // The first active switch covering the given action coordinates.
    std::optional<KillSwitch> blocking(const QString &tenant, const QString &user, const QString &agent,
                                       const QString &tool) const;

private:
    QList<KillSwitch> query(const QString &where) const;

    storage::Database &m_database;
    mutable std::optional<QList<KillSwitch>> m_activeCache;
    mutable quint64 m_activeGeneration = 0;
};

} // namespace countersign::broker
