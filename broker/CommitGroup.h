#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace countersign::storage {
class Database;
class Transaction;
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
// A batch must be committed (flush()) before anything reads the store on
// behalf of someone else or opens its own transaction: readers would see
// uncommitted rows, and SQLite cannot nest BEGIN.
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
    // Commits the open batch now (if any) and runs its outcomes.
    void flush();

Q_SIGNALS:
    // After each batch's outcomes ran: how many requests it answered, and how
    // long the COMMIT (the fsync) took.
    void batchFinished(int requests, bool committed, qint64 commitNanoseconds);

private:
    storage::Database &m_database;
    std::unique_ptr<storage::Transaction> m_transaction;
    // [0] the batch's outcomes; one more list per open savepoint.
    QList<QList<Outcome>> m_frames;
    int m_requests = 0;
    int m_window = 0;
    int m_maxRequests = 256;
    bool m_flushing = false;
    QTimer m_timer;
};

} // namespace countersign::broker
