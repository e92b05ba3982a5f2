#include "storage/RawQuery.h"

#include "storage/Database.h"

#include <QString>

#include <sqlite3.h>

namespace countersign::storage {

RawQuery::RawQuery(sqlite3_stmt *statement)
    : m_statement(statement)
{ }

RawQuery::~RawQuery()
{
    sqlite3_finalize(m_statement);
}

std::unique_ptr<RawQuery> RawQuery::prepare(const Database &database, const char *sql, QString *error)
{
    sqlite3 *db = database.sqliteHandle();
    if (!db) {
        *error = QStringLiteral("not an open SQLite connection");
        return nullptr;
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(statement);
        return nullptr;
    }
    return std::unique_ptr<RawQuery>(new RawQuery(statement));
}

bool RawQuery::bind(int index, qint64 value)
{
    return sqlite3_bind_int64(m_statement, index, value) == SQLITE_OK;
}

bool RawQuery::bind(int index, QByteArrayView utf8)
{
    // A null view would bind SQL NULL; an empty text stays a text.
    const char *data = utf8.data() ? utf8.data() : "";
    return sqlite3_bind_text(m_statement, index, data, int(utf8.size()), SQLITE_STATIC) == SQLITE_OK;
}

bool RawQuery::bind(int index, const QString &text)
{
    if (text.isNull())
        return bindNull(index);
    const QByteArray utf8 = text.toUtf8();
    return sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) == SQLITE_OK;
}

bool RawQuery::bindNull(int index)
{
    return sqlite3_bind_null(m_statement, index) == SQLITE_OK;
}

bool RawQuery::exec()
{
    while (next()) { }
    return m_error.isEmpty();
}

void RawQuery::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_error.clear();
}

bool RawQuery::next()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
    return false;
}

RawQuery::Type RawQuery::type(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return Type::Integer;
    case SQLITE_FLOAT:
        return Type::Float;
    case SQLITE_TEXT:
        return Type::Text;
    case SQLITE_BLOB:
        return Type::Blob;
    default:
        return Type::Null;
    }
}

qint64 RawQuery::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView RawQuery::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
}

} // namespace countersign::storage
