#pragma once

#include "storage/Migration.h"

#include <QList>

namespace countersign::storage {

// The console's own database (`console.db` in the XDG data directory): the
// durable outbox of signed decisions and, later, the history cache.
class ConsoleSchema
{
public:
    static QList<Migration> migrations();
};

} // namespace countersign::storage
