#include "storage/WalCheckpointer.h"

#include "storage/Database.h"

#include <QThread>

#include <sqlite3.h>

namespace countersign::storage {

WalCheckpointer::WalCheckpointer(Database &database, sqlite3 *connection, int thresholdPages, int hardLimitPages)
    : m_database(database)
    , m_connection(connection)
    , m_thresholdPages(std::max(1, thresholdPages))
    , m_hardLimitPages(std::max(1, hardLimitPages))
{ }

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(Database &database, int thresholdPages, int hardLimitPages,
                                                        QString *error)
{
    sqlite3 *writer = database.sqliteHandle();
    const char *path = writer ? sqlite3_db_filename(writer, "main") : nullptr;
    if (!path || !*path) {
        *error = QStringLiteral("background checkpoints need an SQLite database file");
        return nullptr;
    }
    sqlite3 *connection = nullptr;
    if (sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("cannot open a checkpoint connection: %1")
                     .arg(QString::fromUtf8(connection ? sqlite3_errmsg(connection) : "out of memory"));
        sqlite3_close(connection);
        return nullptr;
    }
    // Checkpoints sync the database file as the writer's commits sync the WAL.
    sqlite3_exec(connection, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    std::unique_ptr<WalCheckpointer> checkpointer(
        new WalCheckpointer(database, connection, thresholdPages, hardLimitPages));
    // Replaces the automatic checkpoint (itself a WAL hook) on the writer.
    sqlite3_wal_hook(writer, &WalCheckpointer::walHook, checkpointer.get());
    checkpointer->m_thread.reset(QThread::create([self = checkpointer.get()] { self->run(); }));
    checkpointer->m_thread->setObjectName(QStringLiteral("wal-checkpoint"));
    checkpointer->m_thread->start(QThread::LowPriority);
    return checkpointer;
}

WalCheckpointer::~WalCheckpointer()
{
    if (sqlite3 *writer = m_database.sqliteHandle())
        sqlite3_wal_hook(writer, nullptr, nullptr);
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    if (m_thread)
        m_thread->wait();
    sqlite3_close(m_connection);
}

quint64 WalCheckpointer::backgroundCheckpoints() const
{
    QMutexLocker lock(&m_mutex);
    return m_background;
}

quint64 WalCheckpointer::writerCheckpoints() const
{
    QMutexLocker lock(&m_mutex);
    return m_byWriter;
}

int WalCheckpointer::walHook(void *context, sqlite3 *writer, const char *schema, int pages)
{
    auto *self = static_cast<WalCheckpointer *>(context);
    if (pages >= self->m_hardLimitPages) {
        // Waits for the background checkpoint and readers, then starts the
        // WAL over: the one way to bound it while commits never pause.
        sqlite3_wal_checkpoint_v2(writer, schema, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
        QMutexLocker lock(&self->m_mutex);
        ++self->m_byWriter;
        self->m_backfilled = 0;
        return SQLITE_OK;
    }
    QMutexLocker lock(&self->m_mutex);
    // The WAL started over after a complete checkpoint.
    if (pages < self->m_backfilled)
        self->m_backfilled = 0;
    // What the last checkpoint copied stays in the WAL until it starts over;
    // only frames written since count towards the next one.
    if (pages - self->m_backfilled >= self->m_thresholdPages && !self->m_due) {
        self->m_due = true;
        self->m_wake.wakeOne();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (!m_due && !m_stop)
                m_wake.wait(&m_mutex);
            if (m_stop)
                return;
        }
        int inWal = 0;
        int copied = 0;
        sqlite3_wal_checkpoint_v2(m_connection, "main", SQLITE_CHECKPOINT_PASSIVE, &inWal, &copied);
        QMutexLocker lock(&m_mutex);
        ++m_background;
        m_backfilled = std::max(0, copied);
        m_due = false;
    }
}

} // namespace countersign::storage
