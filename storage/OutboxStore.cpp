#include "storage/OutboxStore.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace countersign::storage {

namespace {
const QString kColumns
    = QStringLiteral("SELECT id, broker, action_id, verdict, jws, created_at, attempts, last_error FROM outbox ");

OutboxStore::Entry fromRow(const QSqlQuery &q)
{
    OutboxStore::Entry e;
    e.id = q.value(0).toLongLong();
    e.broker = q.value(1).toString();
    e.actionId = q.value(2).toString();
    e.verdict = q.value(3).toString();
    e.jws = q.value(4).toString();
    e.createdAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
    e.attempts = q.value(6).toInt();
    e.lastError = q.value(7).toString();
    return e;
}
} // namespace

OutboxStore::OutboxStore(Database &database)
    : m_database(database)
{ }

std::optional<qint64> OutboxStore::enqueue(const QString &broker, const QString &actionId, const QString &verdict,
                                           const QString &jws, QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT INTO outbox (broker, action_id, verdict, jws, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(broker);
    q.addBindValue(actionId);
    q.addBindValue(verdict);
    q.addBindValue(jws);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

QList<OutboxStore::Entry> OutboxStore::pending(const QString &broker) const
{
    QList<Entry> out;
    QSqlQuery q(m_database.connection());
    q.prepare(kColumns
              + (broker.isEmpty() ? QStringLiteral("ORDER BY id") : QStringLiteral("WHERE broker = ? ORDER BY id")));
    if (!broker.isEmpty())
        q.addBindValue(broker);
    if (q.exec()) {
        while (q.next())
            out.append(fromRow(q));
    }
    return out;
}

std::optional<OutboxStore::Entry> OutboxStore::find(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(kColumns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

bool OutboxStore::noteAttempt(qint64 id, const QString &error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"));
    q.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
    q.addBindValue(id);
    return q.exec();
}

bool OutboxStore::remove(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    return q.exec();
}

int OutboxStore::count() const
{
    QSqlQuery q(m_database.connection());
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace countersign::storage
