#include "models/HistorySync.h"

#include "net/BrokerConnection.h"
#include "storage/HistoryStore.h"

#include <QJsonArray>
#include <QTimer>

namespace countersign::models {

HistorySync::HistorySync(storage::HistoryStore *store, net::BrokerConnection *connection, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_connection(connection)
{
    connect(m_connection, &net::BrokerConnection::reply, this, &HistorySync::onReply);
    connect(m_connection, &net::BrokerConnection::actionMessage, this, &HistorySync::onAction);
    // Compact resolutions (a kill switch) are new history too; the round fetches them in full.
    connect(m_connection, &net::BrokerConnection::actionsResolved, this, &HistorySync::syncNow);
    connect(m_connection, &net::BrokerConnection::stateChanged, this, [this](net::BrokerConnection::State state) {
        if (state == net::BrokerConnection::State::Live) {
            syncNow();
        } else if (m_phase != Phase::Idle) {
            // The answer will not come on this socket; the next live state starts over from the cursors.
            m_again = false;
            finishRound(tr("the connection to the broker was lost during the sync"));
        }
    });
    if (m_connection->isLive())
        QTimer::singleShot(0, this, &HistorySync::syncNow);
}

void HistorySync::setPhase(Phase phase)
{
    const bool was = isSyncing();
    m_phase = phase;
    if (was != isSyncing())
        Q_EMIT syncingChanged(isSyncing());
}

void HistorySync::syncNow()
{
    if (!m_connection->isLive())
        return;
    if (m_phase != Phase::Idle) {
        m_again = true;
        return;
    }
    QString error;
    if (!m_store->adoptBroker(m_connection->brokerKeyId(), &error)) {
        m_lastError = error;
        Q_EMIT failed(error);
        return;
    }
    m_roundActions = 0;
    m_roundAudit = 0;
    setPhase(Phase::Audit);
    requestAudit(m_store->auditHead() + 1);
}

void HistorySync::onAction(const QJsonObject &message)
{
    const QString status
        = message.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("status")).toString();
    if (!status.isEmpty() && status != QStringLiteral("pending"))
        syncNow();
}

void HistorySync::requestAudit(qint64 from)
{
    m_requestId = QStringLiteral("history-sync-%1").arg(++m_nextId);
    if (!m_connection->send({{QStringLiteral("type"), QStringLiteral("audit_range")},
                             {QStringLiteral("id"), m_requestId},
                             {QStringLiteral("from"), from},
                             {QStringLiteral("to"), 0},
                             {QStringLiteral("limit"), kAuditPage}}))
        finishRound(tr("not connected"));
}

void HistorySync::requestHistory(qint64 after)
{
    m_requestId = QStringLiteral("history-sync-%1").arg(++m_nextId);
    if (!m_connection->send({{QStringLiteral("type"), QStringLiteral("history")},
                             {QStringLiteral("id"), m_requestId},
                             {QStringLiteral("filter"), QJsonObject {}},
                             {QStringLiteral("after"), after},
                             {QStringLiteral("limit"), kHistoryPage}}))
        finishRound(tr("not connected"));
}

void HistorySync::finishRound(const QString &error)
{
    m_requestId.clear();
    m_lastError = error;
    if (error.isEmpty()) {
        m_lastRoundActions = m_roundActions;
        m_lastRoundAudit = m_roundAudit;
        ++m_rounds;
    }
    setPhase(Phase::Idle);
    if (error.isEmpty())
        Q_EMIT roundFinished(m_lastRoundActions, m_lastRoundAudit);
    else
        Q_EMIT failed(error);
    if (m_again) {
        m_again = false;
        QTimer::singleShot(0, this, &HistorySync::syncNow);
    }
}

void HistorySync::onReply(const QJsonObject &reply)
{
    if (m_requestId.isEmpty() || reply.value(QStringLiteral("id")).toString() != m_requestId)
        return;
    const QString type = reply.value(QStringLiteral("type")).toString();
    QString error;
    if (type == QStringLiteral("audit_entries") && m_phase == Phase::Audit) {
        QList<QJsonObject> entries;
        for (const QJsonValue &v : reply.value(QStringLiteral("entries")).toArray())
            entries.append(v.toObject());
        QList<storage::HistoryStore::Checkpoint> checkpoints;
        for (const QJsonValue &v : reply.value(QStringLiteral("checkpoints")).toArray()) {
            const QJsonObject o = v.toObject();
            checkpoints.append({o.value(QStringLiteral("seq")).toInteger(), o.value(QStringLiteral("jws")).toString()});
        }
        if (!m_store->storeAudit(entries, checkpoints, &error)) {
            finishRound(tr("cannot store audit entries: %1").arg(error));
            return;
        }
        m_roundAudit += entries.size();
        const qint64 head = reply.value(QStringLiteral("head")).toInteger();
        const qint64 last = entries.isEmpty() ? 0 : entries.last().value(QStringLiteral("seq")).toInteger();
        if (!entries.isEmpty() && last < head) {
            requestAudit(last + 1);
        } else {
            setPhase(Phase::History);
            requestHistory(m_store->historyCursor());
        }
        return;
    }
    if (type == QStringLiteral("history_page") && m_phase == Phase::History) {
        QList<QJsonObject> items;
        for (const QJsonValue &v : reply.value(QStringLiteral("items")).toArray())
            items.append(v.toObject());
        const qint64 nextAfter = reply.value(QStringLiteral("next_after")).toInteger();
        if (!m_store->storeHistoryPage(items, nextAfter, &error)) {
            finishRound(tr("cannot store history: %1").arg(error));
            return;
        }
        m_roundActions += items.size();
        if (!items.isEmpty())
            Q_EMIT cacheChanged();
        if (reply.value(QStringLiteral("done")).toBool() || items.isEmpty())
            finishRound();
        else
            requestHistory(nextAfter);
        return;
    }
    if (type == QStringLiteral("error"))
        finishRound(
            tr("the broker refused the history request: %1").arg(reply.value(QStringLiteral("message")).toString()));
}

} // namespace countersign::models
