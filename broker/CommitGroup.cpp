#include "broker/CommitGroup.h"

#include "storage/Database.h"
#include "storage/Transaction.h"

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
    connect(&m_timer, &QTimer::timeout, this, &CommitGroup::flush);
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
    if (m_frames.isEmpty()) {
        outcome(true);
        return;
    }
    m_frames.last().append(std::move(outcome));
}

void CommitGroup::requestJoined()
{
    ++m_requests;
    if (m_requests >= m_maxRequests)
        flush();
}

void CommitGroup::flush()
{
    if (!m_transaction || m_flushing)
        return;
    m_timer.stop();
    QString error;
    QElapsedTimer clock;
    clock.start();
    const bool committed = m_transaction->commit(&error);
    const qint64 commitNs = clock.nsecsElapsed();
    if (!committed)
        qCWarning(lcBroker).noquote() << "a batch of" << m_requests
                                      << "requests could not be committed; all of it was rolled back:" << error;
    std::unique_ptr<storage::Transaction> finished = std::move(m_transaction);
    finished.reset();
    const QList<Outcome> outcomes = m_frames.value(0);
    m_frames.clear();
    const int requests = m_requests;
    m_requests = 0;
    // The batch is closed before its outcomes run: whatever they start is a new batch.
    m_flushing = true;
    for (const Outcome &outcome : outcomes)
        outcome(committed);
    m_flushing = false;
    Q_EMIT batchFinished(requests, committed, commitNs);
}

} // namespace countersign::broker
