#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

struct sqlite3_stmt;

namespace countersign::storage {

class Database;

// A forward-only SQLite statement on a Database's own connection, bound and
// read as SQLite holds its values: no QVariant and no UTF-16 copy per value.
// For scans over millions of rows (audit verification) and for the writes of
// every submission, prepared once and run again after reset(); everything
// else uses Qt SQL. The values a row gives are valid until next(), reset() or
// destruction; bound text must stay valid until the statement has run.
class RawQuery
{
public:
    enum class Type { Integer, Float, Text, Blob, Null };

    ~RawQuery();
    RawQuery(const RawQuery &) = delete;
    RawQuery &operator=(const RawQuery &) = delete;

    // Null (with *error set) if the connection is not SQLite or the SQL does not prepare.
    static std::unique_ptr<RawQuery> prepare(const Database &database, const char *sql, QString *error);

    // 1-based, as in SQLite.
    bool bind(int index, qint64 value);
    bool bind(int index, QByteArrayView utf8); // text, not copied
    bool bind(int index, const QString &text); // as UTF-8, copied; a null QString binds NULL
    bool bindNull(int index);
    // Runs a statement that returns no rows to its end; false (error() set) on failure.
    bool exec();
    // Ready to run again: bindings cleared, error() too.
    void reset();
    // The next row; false at the end or on an error (then error() is not empty).
    bool next();
    QString error() const { return m_error; }

    Type type(int column) const;
    qint64 integer(int column) const;
    QByteArrayView text(int column) const; // UTF-8 as stored

private:
    explicit RawQuery(sqlite3_stmt *statement);

    sqlite3_stmt *m_statement;
    QString m_error;
};

} // namespace countersign::storage
