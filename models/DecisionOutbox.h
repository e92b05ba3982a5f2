#pragma once

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace countersign::storage {
class Database;
class OutboxStore;
} // namespace countersign::storage

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::models {

// Signed decisions on their way to the broker. Each one is committed to the
// console's database before it is sent, re-sent (the same JWS, byte for byte)
// whenever the connection comes back, and removed only when the broker
// accepts it or rejects it for good. Closing the console or losing the
// network therefore never loses a decision, and never turns it into another.
class DecisionOutbox : public QObject
{
    Q_OBJECT

public:
    DecisionOutbox(storage::Database &database, net::BrokerConnection *connection, QObject *parent = nullptr);
    ~DecisionOutbox() override;

    std::optional<qint64> submit(const QString &actionId, const QString &verdict, const QByteArray &jws,
                                 QString *error);
    int pendingCount() const;
    // Sends everything queued for the connected broker (also done on every reconnect).
    void flush();

    static QString requestId(qint64 entryId);

Q_SIGNALS:
    // The broker's final answer: accepted, or rejected with a code that retrying cannot change.
    void answered(const QString &actionId, const QJsonObject &reply);
    void pendingCountChanged(int count);

private:
    void onReply(const QJsonObject &reply);

    std::unique_ptr<storage::OutboxStore> m_store;
    net::BrokerConnection *m_connection;
};

} // namespace countersign::models
