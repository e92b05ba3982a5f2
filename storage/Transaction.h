#pragma once

#include <QString>

namespace countersign::storage {

class Database;

// BEGIN IMMEDIATE … COMMIT, rolled back unless committed. IMMEDIATE takes the
// write lock up front, so read-then-append sequences (the audit chain) cannot
// interleave with another process writing the same file.
class Transaction
{
public:
    explicit Transaction(Database &database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool begin(QString *error);
    // Commits and, when the database defers its syncs (WalSyncer), syncs.
    bool commit(QString *error);
    // Commits without that sync: the caller makes the commit durable
    // (WalSyncer::requestSync) before it tells anyone (CommitGroup).
    bool commitWithoutSync(QString *error);
    void rollback();
    bool isActive() const { return m_active; }

private:
    Database &m_database;
    bool m_active = false;
};

} // namespace countersign::storage
