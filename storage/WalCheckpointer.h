#pragma once

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>

class QThread;
struct sqlite3;

namespace countersign::storage {

class Database;

// Checkpoints a WAL database on a thread of its own, through a second
// connection, so that the connection that writes (the broker's store thread)
// never spends its time copying pages back into the database file and
// syncing it. SQLite's automatic checkpoint on the writing connection is
// turned off; after each commit the writer only tells this thread how long
// the WAL has grown. Checkpoints are PASSIVE: they never block the writer,
// and the writer never waits for them — except that a WAL grown past
// `hardLimitPages` is checkpointed and started over by the writer itself (at
// its next commit again if a background checkpoint held the lock). A WAL
// starts over only when a checkpoint has copied all of it, which commits
// arriving all the time can keep from happening, so this bounds the file.
class WalCheckpointer
{
public:
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Null (with *error) when the database is not an SQLite file in WAL mode
    // or the second connection cannot be opened.
    static std::unique_ptr<WalCheckpointer> start(Database &database, int thresholdPages, int hardLimitPages,
                                                  QString *error);

    // Checkpoints run so far, on this thread and by the writer.
    quint64 backgroundCheckpoints() const;
    quint64 writerCheckpoints() const;

private:
    WalCheckpointer(Database &database, sqlite3 *connection, int thresholdPages, int hardLimitPages);
    static int walHook(void *self, sqlite3 *writer, const char *schema, int pages);
    void run();

    Database &m_database;
    sqlite3 *m_connection; // this thread's own
    const int m_thresholdPages;
    const int m_hardLimitPages;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_due = false;
    int m_backfilled = 0; // frames of the WAL the last checkpoint copied
    bool m_stop = false;
    quint64 m_background = 0;
    quint64 m_byWriter = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace countersign::storage
