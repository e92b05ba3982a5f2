#include "storage/Database.h"

#include "storage/Transaction.h"
#include "storage/WalSyncer.h"

#include <QAtomicInt>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace countersign::storage {

namespace {
QAtomicInt s_counter;
}

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{ }

Database::~Database()
{
    m_dataVersionQuery.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    const QString name = QStringLiteral("countersign-%1").arg(s_counter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, path));
    const bool created = !QFile::exists(path);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
            return nullptr;
        }
        QSqlQuery query(db);
        // temp_store=MEMORY: a savepoint's statement journal (group commit
        // runs every request in one) stays in memory instead of a temporary
        // file, which cost a write system call per page changed and put copies
        // of stored pages in /var/tmp.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                                   "PRAGMA temp_store=MEMORY"}) {
            if (!query.exec(QString::fromLatin1(pragma))) {
                *error = QStringLiteral("%1: %2").arg(QString::fromLatin1(pragma), query.lastError().text());
                return nullptr;
            }
        }
    }
    // The store holds what agents submitted; only its owner may read it. SQLite
    // gives the -wal and -shm files the same permissions.
    if (created)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::syncCommitted()
{
    if (m_walSyncer)
        m_walSyncer->syncNow();
}

sqlite3 *Database::sqliteHandle() const
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void Database::checkExternalChanges()
{
    if (!m_dataVersionQuery) {
        m_dataVersionQuery.emplace(connection());
        m_dataVersionQuery->prepare(QStringLiteral("PRAGMA data_version"));
    }
    QSqlQuery &query = *m_dataVersionQuery;
    if (!query.exec() || !query.next()) {
        query.finish();
        invalidate();
        return;
    }
    const qint64 version = query.value(0).toLongLong();
    query.finish();
    if (version != m_dataVersion) {
        m_dataVersion = version;
        invalidate();
    }
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Database::migrate(const QList<Migration> &migrations, QString *error)
{
    const int current = schemaVersion();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current > latest) {
        *error = QStringLiteral("%1 has schema version %2, newer than this program's %3; refusing to touch it")
                     .arg(m_path)
                     .arg(current)
                     .arg(latest);
        return false;
    }
    for (const Migration &migration : migrations) {
        if (migration.version <= current)
            continue;
        Transaction transaction(*this);
        if (!transaction.begin(error))
            return false;
        QSqlQuery query(connection());
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration %1 failed: %2 (%3)")
                             .arg(migration.version)
                             .arg(query.lastError().text(), statement.left(80));
                return false;
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version))
            || !transaction.commit(error))
            return false;
    }
    return true;
}

} // namespace countersign::storage
