#pragma once

#include "storage/Migration.h"

#include <QList>

namespace countersign::storage {

// The broker's store (`countersignd.db`). See docs/operations.md for what each
// table holds and which of them are append-only.
class BrokerSchema
{
public:
    static QList<Migration> migrations();
};

} // namespace countersign::storage
