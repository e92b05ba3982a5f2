#include "broker/CommitGroup.h"

#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/WalSyncer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcBroker)

namespace countersign::broker {

CommitGroup::CommitGroup(storage::Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CommitGroup::commit);
    m_clock.start();
}

CommitGroup::~CommitGroup()
{
    flush();
}

bool CommitGroup::isOpen() const
{
    return m_transaction != nullptr;
}

bool CommitGroup::begin(QString *error)
{
    if (m_transaction)
        return true;
    auto transaction = std::make_unique<storage::Transaction>(m_database);
    if (!transaction->begin(error))
        return false;
    m_transaction = std::move(transaction);
    m_frames = {QList<Outcome>()};
    m_requests = 0;
    m_timer.start(m_window);
    return true;
}

bool CommitGroup::step(const std::function<bool(QString *error)> &work, QString *error)
{
    if (!begin(error))
        return false;
    const QString name = QStringLiteral("cs_step%1").arg(m_frames.size());
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SAVEPOINT ") + name)) {
        *error = QStringLiteral("cannot start a savepoint: %1").arg(query.lastError().text());
        return false;
    }
    m_frames.append(QList<Outcome>());
    bool ok = work(error);
    QList<Outcome> outcomes = m_frames.takeLast();
    if (ok && !query.exec(QStringLiteral("RELEASE ") + name)) {
        *error = QStringLiteral("cannot release a savepoint: %1").arg(query.lastError().text());
        ok = false;
    }
    if (ok) {
        m_frames.last() += outcomes;
        return true;
    }
    // The step alone is undone; the rest of the batch stands.
    query.exec(QStringLiteral("ROLLBACK TO ") + name);
    query.exec(QStringLiteral("RELEASE ") + name);
    m_database.invalidate();
    return false;
}

void CommitGroup::whenDone(Outcome outcome)
{
    if (!m_frames.isEmpty()) {
        m_frames.last().append(std::move(outcome));
        return;
    }
    // Told after the batches committed before it, never before.
    if (!m_awaitingSync.isEmpty()) {
        m_awaitingSync.last().outcomes.append(std::move(outcome));
        return;
    }
    outcome(true);
}

void CommitGroup::requestJoined()
{
    ++m_requests;
    if (m_requests >= m_maxRequests)
        commit();
}

void CommitGroup::commit()
{
    if (!m_transaction || m_flushing)
        return;
    m_timer.stop();
    QString error;
    const qint64 startedNs = m_clock.nsecsElapsed();
    const bool committed = m_transaction->commitWithoutSync(&error);
    if (!committed)
        qCWarning(lcBroker).noquote() << "a batch of" << m_requests
                                      << "requests could not be committed; all of it was rolled back:" << error;
    std::unique_ptr<storage::Transaction> finished = std::move(m_transaction);
    finished.reset();
    Committed batch {0, m_frames.value(0), m_requests, startedNs};
    m_frames.clear();
    m_requests = 0;
    storage::WalSyncer *syncer = m_database.walSyncer();
    if (committed && syncer) {
        if (m_connectedSyncer != syncer) {
            connect(syncer, &storage::WalSyncer::synced, this, &CommitGroup::onSynced);
            m_connectedSyncer = syncer;
        }
        batch.ticket = syncer->requestSync();
        m_awaitingSync.append(std::move(batch));
        return;
    }
    // No deferred sync: the COMMIT itself was durable (or failed, and nothing of it was kept).
    // The batch is closed before its outcomes run: whatever they start is a new batch.
    m_flushing = true;
    for (const Outcome &outcome : std::as_const(batch.outcomes))
        outcome(committed);
    m_flushing = false;
    Q_EMIT batchFinished(batch.requests, committed, m_clock.nsecsElapsed() - startedNs);
}

void CommitGroup::flush()
{
    commit();
    if (m_awaitingSync.isEmpty())
        return;
    if (storage::WalSyncer *syncer = m_database.walSyncer())
        syncer->syncNow();
    release(m_awaitingSync.last().ticket);
}

void CommitGroup::onSynced(quint64 ticket)
{
    release(ticket);
}

void CommitGroup::release(quint64 ticket)
{
    if (m_releasing)
        return;
    m_releasing = true;
    // An outcome may itself sync (flush() from a reader), which makes later
    // batches durable too: they are released here, in order, not left waiting.
    const auto durable = [this, ticket] {
        const storage::WalSyncer *syncer = m_database.walSyncer();
        return std::max(ticket, syncer ? syncer->syncedTicket() : 0);
    };
    while (!m_awaitingSync.isEmpty() && m_awaitingSync.first().ticket <= durable()) {
        // By index: outcomes registered meanwhile (whenDone) join the batches.
        for (qsizetype i = 0; i < m_awaitingSync.first().outcomes.size(); ++i) {
            const Outcome outcome = m_awaitingSync.first().outcomes.at(i);
            outcome(true);
        }
        const Committed done = m_awaitingSync.takeFirst();
        Q_EMIT batchFinished(done.requests, true, m_clock.nsecsElapsed() - done.startedNs);
    }
    m_releasing = false;
}

} // namespace countersign::broker
