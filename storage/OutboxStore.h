#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace countersign::storage {

class Database;

// The console's durable outbox of signed decisions (table `outbox`).
class OutboxStore
{
public:
    struct Entry
    {
        qint64 id = 0;
        QString broker; // broker key id the decision is for
        QString actionId;
        QString verdict;
        QString jws;
        QDateTime createdAt;
        int attempts = 0;
        QString lastError;
    };

    explicit OutboxStore(Database &database);

    // Durable (committed) when it returns.
    std::optional<qint64> enqueue(const QString &broker, const QString &actionId, const QString &verdict,
                                  const QString &jws, QString *error);
    QList<Entry> pending(const QString &broker = QString()) const;
    std::optional<Entry> find(qint64 id) const;
    bool noteAttempt(qint64 id, const QString &error);
    bool remove(qint64 id);
    int count() const;

private:
    Database &m_database;
};

} // namespace countersign::storage
