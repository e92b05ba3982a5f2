#pragma once

#include "storage/Migration.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace countersign::storage {

// One SQLite database file opened through Qt SQL: WAL journal, full
// synchronous commits (an acknowledged write survives a crash), foreign keys
// on, and a busy timeout so the daemon and its admin commands can share it.
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
    int schemaVersion() const;
    QString path() const { return m_path; }

private:
    Database(QString connectionName, QString path);

    QString m_connectionName;
    QString m_path;
};

} // namespace countersign::storage
