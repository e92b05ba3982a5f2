#include "storage/Transaction.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace countersign::storage {

Transaction::Transaction(Database &database)
    : m_database(database)
{ }

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::begin(QString *error)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error = QStringLiteral("cannot start a transaction: %1").arg(query.lastError().text());
        return false;
    }
    m_active = true;
    // We hold the write lock now: nobody else can commit until we finish.
    m_database.checkExternalChanges();
    return true;
}

bool Transaction::commit(QString *error)
{
    if (!commitWithoutSync(error))
        return false;
    m_database.syncCommitted();
    return true;
}

bool Transaction::commitWithoutSync(QString *error)
{
    if (!m_active)
        return false;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        if (error)
            *error = QStringLiteral("commit failed: %1").arg(query.lastError().text());
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
    m_database.invalidate();
}

} // namespace countersign::storage
