#include "storage/ConsoleSchema.h"

namespace countersign::storage {

QList<Migration> ConsoleSchema::migrations()
{
    Migration v1;
    v1.version = 1;
    v1.statements = {
        // A decision is written here before it is sent and removed only when the
        // broker accepts it or rejects it for good; the JWS never changes, so a
        // resend is the same decision, not a new one.
        QStringLiteral("CREATE TABLE outbox ("
                       " id INTEGER PRIMARY KEY, broker TEXT NOT NULL, action_id TEXT NOT NULL,"
                       " verdict TEXT NOT NULL, jws TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,"
                       " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)"),
    };
    return {v1};
}

} // namespace countersign::storage
