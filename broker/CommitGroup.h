#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace countersign::storage {
class Database;
class Transaction;
class WalSyncer;
} // namespace countersign::storage

namespace countersign::broker {

// Group commit. Work that arrives while the event loop is busy joins one open
// transaction (BEGIN IMMEDIATE) as steps, each in its own SAVEPOINT, and the
// whole batch commits with one fsync when the event loop comes back to it (a
// zero-interval timer, or `window` ms later), or at once when it holds
// `maxRequests` requests. Nothing is told before the commit: whoever joins
// registers outcomes, run after the commit with `true`, or with `false` when
// the commit failed and everything in the batch was rolled back (answer with
// an error, announce nothing). A step that fails rolls back alone and drops
// the outcomes it registered.
//
// When the database defers its syncs (storage::WalSyncer), a batch's COMMIT
// only writes the WAL; its outcomes wait until the WAL is synced, while the
// next batch already fills. Outcomes always run in commit order.
//
// A batch must be committed and synced (flush()) before anything reads the
// store on behalf of someone else or opens its own transaction: readers would
// see uncommitted or not yet durable rows, and SQLite cannot nest BEGIN.
class CommitGroup : public QObject
{
    Q_OBJECT

public:
    using Outcome = std::function<void(bool committed)>;

    explicit CommitGroup(storage::Database &database, QObject *parent = nullptr);
    ~CommitGroup() override;

    void setWindow(int milliseconds) { m_window = milliseconds; }
    void setMaxRequests(int requests) { m_maxRequests = std::max(1, requests); }

    bool isOpen() const;
    // Opens the batch when none is open and schedules its commit.
    bool begin(QString *error);
    // Runs `work` in a SAVEPOINT of the open batch (opening one when needed).
    bool step(const std::function<bool(QString *error)> &work, QString *error);
    // Runs once the batch holding the current step has committed or failed.
    // Outside any step it belongs to the batch itself. With no batch open it
    // runs at once (there is nothing to wait for).
    void whenDone(Outcome outcome);
    // One more request answered by this batch; commits when the batch is full.
    void requestJoined();
    // Commits the open batch now (if any), waits until every committed batch
    // is on disk, and runs their outcomes.
    void flush();
    // Commits the open batch now (if any); its outcomes run once it is on disk.
    void commit();

Q_SIGNALS:
    // After each batch's outcomes ran: how many requests it answered, and how
    // long it took from COMMIT until it was on disk.
    void batchFinished(int requests, bool committed, qint64 commitNanoseconds);

private:
    struct Committed
    {
        quint64 ticket = 0; // WalSyncer's
        QList<Outcome> outcomes;
        int requests = 0;
        qint64 startedNs = 0; // m_clock at COMMIT
    };
    void onSynced(quint64 ticket);
    // Runs the outcomes of the front batches up to `ticket`, in order; a
    // nested call leaves them to the outer one.
    void release(quint64 ticket);

    storage::Database &m_database;
    std::unique_ptr<storage::Transaction> m_transaction;
    // [0] the batch's outcomes; one more list per open savepoint.
    QList<QList<Outcome>> m_frames;
    QList<Committed> m_awaitingSync; // committed, in commit order, not yet on disk
    QElapsedTimer m_clock;
    bool m_releasing = false;
    const storage::WalSyncer *m_connectedSyncer = nullptr;
    int m_requests = 0;
    int m_window = 0;
    int m_maxRequests = 256;
    bool m_flushing = false;
    QTimer m_timer;
};

} // namespace countersign::broker
