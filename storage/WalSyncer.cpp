#include "storage/WalSyncer.h"

#include "storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

namespace countersign::storage {

namespace {
Q_LOGGING_CATEGORY(lcWal, "countersign.storage.wal")

int openForSync(const QString &path)
{
    return ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
}
} // namespace

WalSyncer::WalSyncer(Database &database, int walFile)
    : m_database(database)
    , m_walFile(walFile)
{ }

std::unique_ptr<WalSyncer> WalSyncer::start(Database &database, QString *error)
{
    sqlite3 *connection = database.sqliteHandle();
    const char *path = connection ? sqlite3_db_filename(connection, "main") : nullptr;
    QSqlQuery query(database.connection());
    if (!path || !*path || !query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next()
        || query.value(0).toString() != QStringLiteral("wal")) {
        *error = QStringLiteral("deferred syncs need an SQLite database file in WAL mode");
        return nullptr;
    }
    query.finish();
    // The WAL exists once the connection has written in WAL mode; it is not
    // removed while this connection stays open. Its directory entry is synced
    // once here: SQLite does that itself only at synchronous=FULL.
    const QString wal = QFile::decodeName(path) + QStringLiteral("-wal");
    const int walFile = openForSync(wal);
    const int directory = openForSync(QFileInfo(wal).absolutePath());
    const bool directorySynced = directory >= 0 && ::fsync(directory) == 0;
    if (directory >= 0)
        ::close(directory);
    if (walFile < 0 || !directorySynced) {
        *error
            = QStringLiteral("cannot open %1 for syncing: %2").arg(wal, QString::fromLocal8Bit(std::strerror(errno)));
        if (walFile >= 0)
            ::close(walFile);
        return nullptr;
    }
    // Everything so far durable before the connection stops syncing itself,
    // and proof that this file can be synced at all: if not, the connection
    // keeps syncing every commit itself.
    if (::fdatasync(walFile) != 0) {
        *error = QStringLiteral("cannot sync %1: %2").arg(wal, QString::fromLocal8Bit(std::strerror(errno)));
        ::close(walFile);
        return nullptr;
    }
    std::unique_ptr<WalSyncer> syncer(new WalSyncer(database, walFile));
    if (!query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
        *error = QStringLiteral("cannot set synchronous=NORMAL");
        return nullptr;
    }
    database.setWalSyncer(syncer.get());
    syncer->m_thread.reset(QThread::create([self = syncer.get()] { self->run(); }));
    syncer->m_thread->setObjectName(QStringLiteral("wal-sync"));
    syncer->m_thread->start();
    return syncer;
}

WalSyncer::~WalSyncer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeAll();
    }
    if (m_thread)
        m_thread->wait();
    // Whatever was committed last is made durable before the connection goes
    // back to syncing every commit itself.
    syncNow();
    m_database.setWalSyncer(nullptr);
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    ::close(m_walFile);
}

quint64 WalSyncer::requestSync()
{
    QMutexLocker lock(&m_mutex);
    const quint64 ticket = ++m_requested;
    m_wake.wakeOne();
    return ticket;
}

void WalSyncer::syncNow()
{
    quint64 target = 0;
    {
        QMutexLocker lock(&m_mutex);
        // Everything committed on the writer's thread so far, with or without a ticket.
        target = ++m_requested;
    }
    syncFile();
    QMutexLocker lock(&m_mutex);
    m_synced = std::max(m_synced, target);
}

quint64 WalSyncer::syncedTicket() const
{
    QMutexLocker lock(&m_mutex);
    return m_synced;
}

quint64 WalSyncer::syncs() const
{
    QMutexLocker lock(&m_mutex);
    return m_syncs;
}

void WalSyncer::syncFile()
{
    int rc = 0;
    do {
        rc = ::fdatasync(m_walFile);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        qCCritical(lcWal).noquote() << "syncing the write-ahead log failed:"
                                    << QString::fromLocal8Bit(std::strerror(errno))
                                    << "- stopping before anything more is acknowledged";
        ::_exit(75);
    }
    QMutexLocker lock(&m_mutex);
    ++m_syncs;
}

void WalSyncer::run()
{
    for (;;) {
        quint64 target = 0;
        {
            QMutexLocker lock(&m_mutex);
            while (m_requested == m_synced && !m_stop)
                m_wake.wait(&m_mutex);
            if (m_stop)
                return;
            target = m_requested;
        }
        syncFile();
        {
            QMutexLocker lock(&m_mutex);
            if (target <= m_synced)
                continue;
            m_synced = target;
        }
        Q_EMIT synced(target);
    }
}

} // namespace countersign::storage
