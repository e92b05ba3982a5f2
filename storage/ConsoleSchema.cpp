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
    Migration v2;
    v2.version = 2;
    // The history cache (storage::HistoryStore): resolved actions, their
    // approvers, the broker's audit log and checkpoints. Every column the
    // history view filters or sorts on has an index that also orders by time,
    // so a filtered, sorted window of a million rows is an index walk.
    v2.statements = {
        QStringLiteral("CREATE TABLE history_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE history_actions ("
                       " row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL,"
                       " submitted_at TEXT NOT NULL, resolved_at TEXT, tenant TEXT NOT NULL, agent TEXT NOT NULL,"
                       " user TEXT NOT NULL, tool TEXT NOT NULL, status TEXT NOT NULL, approvers TEXT NOT NULL,"
                       " rule TEXT NOT NULL, trace_id TEXT NOT NULL, message TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX history_by_time ON history_actions (submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_seq ON history_actions (seq)"),
        QStringLiteral("CREATE INDEX history_by_tenant ON history_actions (tenant, submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_agent ON history_actions (agent, submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_user ON history_actions (user, submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_tool ON history_actions (tool, submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_status ON history_actions (status, submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_approvers ON history_actions (approvers, submitted_at)"),
        QStringLiteral("CREATE INDEX history_by_rule ON history_actions (rule, submitted_at)"),
        QStringLiteral("CREATE TABLE history_approvers ("
                       " action_row INTEGER NOT NULL REFERENCES history_actions (row) ON DELETE CASCADE,"
                       " key_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (action_row, key_id))"),
        QStringLiteral("CREATE INDEX history_approvers_by_key ON history_approvers (key_id)"),
        QStringLiteral("CREATE INDEX history_approvers_by_name ON history_approvers (name)"),
        QStringLiteral("CREATE TABLE audit_cache ("
                       " seq INTEGER PRIMARY KEY, event TEXT NOT NULL, action_id TEXT, at TEXT NOT NULL,"
                       " entry TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX audit_cache_by_action ON audit_cache (action_id, seq)"),
        QStringLiteral("CREATE INDEX audit_cache_by_event ON audit_cache (event, seq)"),
        QStringLiteral("CREATE TABLE audit_checkpoints (seq INTEGER PRIMARY KEY, jws TEXT NOT NULL)"),
    };
    return {v1, v2};
}

} // namespace countersign::storage
