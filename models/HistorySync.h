#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace countersign::storage {
class HistoryStore;
}

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::models {

// Fills the history cache from the broker whenever the connection is live:
// first the audit log after the newest cached entry (`audit_range`), then
// the actions changed after the history cursor (`history`), page by page,
// each page stored in one transaction. A resolution seen live starts another
// round, which fetches only what is new. Nothing here ever deletes what the
// cache holds, except when the broker turns out to be another one.
class HistorySync : public QObject
{
    Q_OBJECT

public:
    static constexpr int kHistoryPage = 500;
    static constexpr int kAuditPage = 5000;

    HistorySync(storage::HistoryStore *store, net::BrokerConnection *connection, QObject *parent = nullptr);

    bool isSyncing() const { return m_phase != Phase::Idle; }
    // Starts a round now if live and idle (or queues one behind the running round).
    void syncNow();
    // Actions and audit entries received in the last finished round.
    qint64 lastRoundActions() const { return m_lastRoundActions; }
    qint64 lastRoundAuditEntries() const { return m_lastRoundAudit; }
    qint64 rounds() const { return m_rounds; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // New rows are in the cache (after every stored page).
    void cacheChanged();
    void syncingChanged(bool syncing);
    void roundFinished(qint64 actions, qint64 auditEntries);
    void failed(const QString &message);

private:
    enum class Phase { Idle, Audit, History };

    void onReply(const QJsonObject &reply);
    void onAction(const QJsonObject &message);
    void requestAudit(qint64 from);
    void requestHistory(qint64 after);
    void finishRound(const QString &error = QString());
    void setPhase(Phase phase);

    storage::HistoryStore *m_store;
    net::BrokerConnection *m_connection;
    Phase m_phase = Phase::Idle;
    bool m_again = false;
    QString m_requestId;
    qint64 m_nextId = 0;
    qint64 m_roundActions = 0;
    qint64 m_roundAudit = 0;
    qint64 m_lastRoundActions = 0;
    qint64 m_lastRoundAudit = 0;
    qint64 m_rounds = 0;
    QString m_lastError;
};

} // namespace countersign::models
