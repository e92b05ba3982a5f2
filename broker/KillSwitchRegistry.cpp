#include "broker/KillSwitchRegistry.h"

#include "core/JsonReader.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace countersign::broker {

namespace {
// A write here makes the active switches kept in memory stale, whichever way it ends.
struct CacheGuard
{
    explicit CacheGuard(storage::Database &database)
        : m_database(database)
    { }
    ~CacheGuard() { m_database.invalidate(); }
    storage::Database &m_database;
};
} // namespace

namespace {

QStringList agentsFrom(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QString agentsText(const QStringList &agents)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(agents)).toJson(QJsonDocument::Compact));
}

} // namespace

bool KillSwitchRegistry::KillSwitch::covers(const QString &tenant, const QString &user, const QString &agent,
                                            const QString &tool) const
{
    if (!isActive())
        return false;
    if (scope == QStringLiteral("global"))
        return true;
    // Without case, like the policy's name globs: a switch on `shell.exec` also
    // stops `Shell.Exec`. A switch errs on the side of stopping too much.
    if (scope == QStringLiteral("tenant"))
        return target.compare(tenant, Qt::CaseInsensitive) == 0;
    if (scope == QStringLiteral("user"))
        return target.compare(user, Qt::CaseInsensitive) == 0;
    if (scope == QStringLiteral("agent"))
        return target.compare(agent, Qt::CaseInsensitive) == 0;
    if (scope == QStringLiteral("tool"))
        return target.compare(tool, Qt::CaseInsensitive) == 0;
    return true; // an unknown scope stops everything rather than nothing
}

QJsonObject KillSwitchRegistry::KillSwitch::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id},
                      {QStringLiteral("scope"), scope},
                      {QStringLiteral("target"), target},
                      {QStringLiteral("reason"), reason},
                      {QStringLiteral("engaged_by"), engagedBy},
                      {QStringLiteral("engaged_at"), core::JsonReader::formatTimestamp(engagedAt)},
                      {QStringLiteral("killed_count"), killedCount},
                      {QStringLiteral("refused_count"), refusedCount},
                      {QStringLiteral("agents"), QJsonArray::fromStringList(agents)},
                      {QStringLiteral("active"), isActive()}};
    if (!isActive()) {
        json.insert(QStringLiteral("released_by"), releasedBy);
        json.insert(QStringLiteral("released_at"), core::JsonReader::formatTimestamp(releasedAt));
        json.insert(QStringLiteral("release_reason"), releaseReason);
    }
    return json;
}

KillSwitchRegistry::KillSwitchRegistry(storage::Database &database)
    : m_database(database)
{ }

QList<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::query(const QString &where) const
{
    QList<KillSwitch> out;
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT id, scope, target, reason, engaged_by, engaged_at, killed_count, released_by, "
                               "released_at, release_reason, refused_count, agents FROM killswitches ")
                + where + QStringLiteral(" ORDER BY id")))
        return out;
    while (q.next()) {
        KillSwitch k;
        k.id = q.value(0).toLongLong();
        k.scope = q.value(1).toString();
        k.target = q.value(2).toString();
        k.reason = q.value(3).toString();
        k.engagedBy = q.value(4).toString();
        k.engagedAt = core::JsonReader::parseTimestamp(q.value(5).toString());
        k.killedCount = q.value(6).toLongLong();
        k.releasedBy = q.value(7).toString();
        k.releasedAt = core::JsonReader::parseTimestamp(q.value(8).toString());
        k.releaseReason = q.value(9).toString();
        k.refusedCount = q.value(10).toLongLong();
        k.agents = agentsFrom(q.value(11).toString());
        out.append(k);
    }
    return out;
}

std::optional<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::engage(const QString &scope, const QString &target,
                                                                         const QString &reason, const QString &by,
                                                                         const QString &jws, QString *error)
{
    const CacheGuard guard(m_database);
    if (findActive(scope, target)) {
        *error = QStringLiteral("a %1 kill switch for '%2' is already engaged").arg(scope, target);
        return std::nullopt;
    }
    KillSwitch k;
    k.scope = scope;
    k.target = target;
    k.reason = reason;
    k.engagedBy = by;
    k.engagedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO killswitches (scope, target, reason, engaged_by, engaged_at, engage_jws) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(scope);
    // A global switch has no target: stored as '' (a null QString would bind NULL).
    q.addBindValue(target.isNull() ? QStringLiteral("") : target);
    q.addBindValue(reason);
    q.addBindValue(by);
    q.addBindValue(core::JsonReader::formatTimestamp(k.engagedAt));
    q.addBindValue(jws);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    k.id = q.lastInsertId().toLongLong();
    return k;
}

bool KillSwitchRegistry::setKilled(qint64 id, qint64 count, const QStringList &agents, QString *error)
{
    const CacheGuard guard(m_database);
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE killswitches SET killed_count = ?, agents = ? WHERE id = ?"));
    q.addBindValue(count);
    q.addBindValue(agentsText(agents));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool KillSwitchRegistry::countRefusal(qint64 id, const QString &agent, QString *error)
{
    const CacheGuard guard(m_database);
    QSqlQuery read(m_database.connection());
    read.prepare(QStringLiteral("SELECT agents FROM killswitches WHERE id = ?"));
    read.addBindValue(id);
    if (!read.exec() || !read.next()) {
        *error = read.lastError().text();
        return false;
    }
    QStringList agents = agentsFrom(read.value(0).toString());
    if (!agent.isEmpty() && !agents.contains(agent))
        agents.append(agent);
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE killswitches SET refused_count = refused_count + 1, agents = ? WHERE id = ?"));
    q.addBindValue(agentsText(agents));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::release(const QString &scope, const QString &target,
                                                                          const QString &reason, const QString &by,
                                                                          const QString &jws, QString *error)
{
    const CacheGuard guard(m_database);
    auto active = findActive(scope, target);
    if (!active) {
        *error = QStringLiteral("no %1 kill switch for '%2' is engaged").arg(scope, target);
        return std::nullopt;
    }
    active->releasedBy = by;
    active->releasedAt = QDateTime::currentDateTimeUtc();
    active->releaseReason = reason;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE killswitches SET released_by = ?, released_at = ?, release_reason = ?, "
                             "release_jws = ? WHERE id = ?"));
    q.addBindValue(by);
    q.addBindValue(core::JsonReader::formatTimestamp(active->releasedAt));
    q.addBindValue(reason);
    q.addBindValue(jws);
    q.addBindValue(active->id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return active;
}

std::optional<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::findActive(const QString &scope,
                                                                             const QString &target) const
{
    for (const KillSwitch &k : active()) {
        if (k.scope == scope && k.target == target)
            return k;
    }
    return std::nullopt;
}

QList<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::active() const
{
    // Every submission asks; the answer changes only with a write here, a
    // rollback or another process's commit (Database::generation).
    m_database.checkExternalChanges();
    if (!m_activeCache || m_activeGeneration != m_database.generation()) {
        m_activeCache = query(QStringLiteral("WHERE released_at IS NULL"));
        m_activeGeneration = m_database.generation();
    }
    return *m_activeCache;
}

QList<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::all() const
{
    return query(QString());
}

std::optional<KillSwitchRegistry::KillSwitch> KillSwitchRegistry::blocking(const QString &tenant, const QString &user,
                                                                           const QString &agent,
                                                                           const QString &tool) const
{
    for (const KillSwitch &k : active()) {
        if (k.covers(tenant, user, agent, tool))
            return k;
    }
    return std::nullopt;
}

} // namespace countersign::broker
