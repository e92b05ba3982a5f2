#pragma once

#include <QStringList>

namespace countersign::storage {

// One step of a schema: applied once, in order, inside a transaction, and
// recorded in `PRAGMA user_version`.
struct Migration
{
    int version = 0;
    QStringList statements;
};

} // namespace countersign::storage
