#pragma once

#include "storage/Migration.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace countersign::storage {

// One SQLite database file opened through Qt SQL: WAL journal, full
// synchronous commits (an acknowledged write survives a crash), foreign keys
// on, and a busy timeout so the daemon and its admin commands can share it.
class WalSyncer;

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static std::unique_ptr<Database> open(const QString &path, QString *error);
    // Applies the migrations newer than the file's user_version. Refuses a file
    // written by a newer Countersign.
    bool migrate(const QList<Migration> &migrations, QString *error);

    QSqlDatabase connection() const;
    // The connection's own sqlite3 handle (Qt's driver is linked against the
    // same system libsqlite3 as this library), or null when it has none.
    sqlite3 *sqliteHandle() const;
    int schemaVersion() const;

    // What callers may cache from the file (an audit chain head, the active
    // kill switches, tokens) is valid only while this number stays the same:
    // it changes on every rollback and whenever another connection (the CLI in
    // another process) has committed since we last looked.
    quint64 generation() const { return m_generation; }
    void invalidate() { ++m_generation; }
    // Compares PRAGMA data_version with the last value seen and invalidates on
    // a change. Cheap (one prepared pragma); Transaction::begin calls it.
    void checkExternalChanges();
    QString path() const { return m_path; }

    // With a WalSyncer (the running broker) commits do not sync themselves;
    // whoever commits outside a group commit calls this before telling anyone.
    void syncCommitted();
    WalSyncer *walSyncer() const { return m_walSyncer; }
    void setWalSyncer(WalSyncer *syncer) { m_walSyncer = syncer; }

private:
    Database(QString connectionName, QString path);

    QString m_connectionName;
    QString m_path;
    quint64 m_generation = 0;
    qint64 m_dataVersion = -1;
    std::optional<QSqlQuery> m_dataVersionQuery;
    WalSyncer *m_walSyncer = nullptr;
};

} // namespace countersign::storage
