#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <memory>

class QThread;

namespace countersign::storage {

class Database;

// Makes a WAL database's commits durable off the writing thread. Once
// started, the writer's connection runs with synchronous=NORMAL: a COMMIT
// writes its frames to the WAL and returns without waiting for the disk, and
// the commit is durable only once the WAL file has been synced. Whoever
// commits therefore asks for durability before telling anyone:
//
// - requestSync() after a COMMIT returns a ticket; a thread of this class
//   syncs the WAL (one fdatasync for every commit made since the last one)
//   and emits synced(t) on the writer's thread: every ticket up to t is on
//   disk. The writer keeps working meanwhile (group commit, CommitGroup).
// - syncNow() syncs on the caller's thread and returns when everything
//   committed so far is on disk (Transaction::commit, and readers that must
//   see only durable state).
//
// A failed sync cannot be retried safely (the kernel may have dropped the
// pages it could not write), so it ends the process at once, before anything
// that depended on it is acknowledged; what was acknowledged before is on
// disk, and the restart recovers from the WAL.
class WalSyncer : public QObject
{
    Q_OBJECT

public:
    ~WalSyncer() override;

    // Null (with *error) when the database is not an SQLite file in WAL mode.
    // Switches the connection to synchronous=NORMAL and registers with the
    // Database, so that every Transaction::commit syncs.
    static std::unique_ptr<WalSyncer> start(Database &database, QString *error);

    quint64 requestSync();
    void syncNow();
    quint64 syncedTicket() const;
    quint64 syncs() const;

Q_SIGNALS:
    void synced(quint64 ticket);

private:
    WalSyncer(Database &database, int walFile);
    void run();
    void syncFile(); // fdatasync, or the end of the process

    Database &m_database;
    const int m_walFile;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    quint64 m_requested = 0;
    quint64 m_synced = 0;
    quint64 m_syncs = 0;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace countersign::storage
