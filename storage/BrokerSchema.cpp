#include "storage/BrokerSchema.h"

namespace countersign::storage {

QList<Migration> BrokerSchema::migrations()
{
    Migration v1;
    v1.version = 1;
    v1.statements = {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        // One row per action. `document` is the canonical JSON of the stamped
        // action without its mutable fields (seq, status, decisions); its
        // digest is `digest`. `seq` is the global change counter's value at
        // the action's latest change.
        QStringLiteral("CREATE TABLE actions ("
                       " id TEXT PRIMARY KEY,"
                       " seq INTEGER NOT NULL UNIQUE,"
                       " tenant TEXT NOT NULL, agent_id TEXT NOT NULL, tool TEXT NOT NULL, user TEXT NOT NULL,"
                       " token_id TEXT NOT NULL, status TEXT NOT NULL, policy_decision TEXT NOT NULL,"
                       " policy_rule TEXT NOT NULL, submitted_at TEXT NOT NULL, expires_at TEXT, resolved_at TEXT,"
                       " digest TEXT NOT NULL, document TEXT NOT NULL, result TEXT, purged_at TEXT)"),
        QStringLiteral("CREATE INDEX actions_by_status ON actions(status, expires_at)"),
        QStringLiteral("CREATE INDEX actions_by_submitted ON actions(submitted_at)"),
        QStringLiteral("CREATE TABLE decisions ("
                       " id INTEGER PRIMARY KEY, action_id TEXT NOT NULL REFERENCES actions(id),"
                       " approver TEXT NOT NULL, verdict TEXT NOT NULL, reason TEXT NOT NULL,"
                       " issued_at TEXT NOT NULL, received_at TEXT NOT NULL, jws TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX decisions_by_action ON decisions(action_id)"),
        QStringLiteral("CREATE TABLE nonces (nonce TEXT PRIMARY KEY, kind TEXT NOT NULL, seen_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE idempotency ("
                       " token_id TEXT NOT NULL, key TEXT NOT NULL, body_sha256 TEXT NOT NULL,"
                       " http_status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,"
                       " PRIMARY KEY (token_id, key))"),
        QStringLiteral("CREATE TABLE tokens ("
                       " id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL,"
                       " agent_id TEXT NOT NULL, tools TEXT NOT NULL, created_at TEXT NOT NULL,"
                       " expires_at TEXT, revoked_at TEXT)"),
        QStringLiteral("CREATE TABLE approvers ("
                       " key_id TEXT PRIMARY KEY, name TEXT NOT NULL, identity TEXT NOT NULL,"
                       " public_key TEXT NOT NULL, roles TEXT NOT NULL, tenants TEXT NOT NULL,"
                       " enrolled_at TEXT NOT NULL, revoked_at TEXT)"),
        QStringLiteral("CREATE TABLE killswitches ("
                       " id INTEGER PRIMARY KEY, scope TEXT NOT NULL, target TEXT NOT NULL, reason TEXT NOT NULL,"
                       " engaged_by TEXT NOT NULL, engaged_at TEXT NOT NULL, engage_jws TEXT NOT NULL,"
                       " killed_count INTEGER NOT NULL DEFAULT 0, released_by TEXT, released_at TEXT,"
                       " release_reason TEXT, release_jws TEXT)"),
        // Append-only: the broker never updates or deletes a row here.
        QStringLiteral("CREATE TABLE audit_log ("
                       " seq INTEGER PRIMARY KEY, at TEXT NOT NULL, event TEXT NOT NULL, action_id TEXT,"
                       " data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX audit_by_action ON audit_log(action_id)"),
        QStringLiteral("CREATE TABLE checkpoints (seq INTEGER PRIMARY KEY, head_hash TEXT NOT NULL,"
                       " issued_at TEXT NOT NULL, jws TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('change_seq', '0'), ('resume_floor', '0')"),
    };
    // v2: what an engaged kill switch is blocking — submissions it refused and
    // the distinct agents it stopped (a JSON array of agent ids).
    Migration v2;
    v2.version = 2;
    v2.statements = {
        QStringLiteral("ALTER TABLE killswitches ADD COLUMN refused_count INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE killswitches ADD COLUMN agents TEXT NOT NULL DEFAULT '[]'"),
    };
    // v3: the per-agent pending limit is checked on every submission; without
    // this index the count visits every pending row (see docs/performance.md).
    Migration v3;
    v3.version = 3;
    v3.statements = {
        QStringLiteral("CREATE INDEX actions_pending_by_agent ON actions(status, tenant, agent_id)"),
    };
    // v4: the stamped action's document in its own table. Changing an
    // action's status or seq then rewrites a small row, not the document too:
    // a kill switch resolving 10 000 actions wrote ≈ 21 MB of WAL for two
    // small fields each (docs/performance.md, B9).
    Migration v4;
    v4.version = 4;
    v4.statements = {
        QStringLiteral("CREATE TABLE action_documents ("
                       " action_id TEXT PRIMARY KEY REFERENCES actions(id), document TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO action_documents (action_id, document) SELECT id, document FROM actions"),
        QStringLiteral("ALTER TABLE actions DROP COLUMN document"),
    };
    // v5: fewer pages written per submission (docs/performance.md, B2). The
    // indexes that only pending actions are looked up by — the per-agent
    // pending count, deadlines, the pending list in seq order — hold only
    // pending actions, so an action allowed or denied by policy adds nothing
    // to them; `actions_by_submitted` goes (every query on submitted_at
    // compares julianday(), which no index serves); and the idempotency
    // records are one B-tree keyed by (token, key) instead of a table plus
    // an index.
    Migration v5;
    v5.version = 5;
    v5.statements = {
        QStringLiteral("DROP INDEX actions_pending_by_agent"),
        QStringLiteral("DROP INDEX actions_by_status"),
        QStringLiteral("DROP INDEX actions_by_submitted"),
        QStringLiteral("CREATE INDEX actions_pending_by_agent ON actions(tenant, agent_id) WHERE status = 'pending'"),
        QStringLiteral("CREATE INDEX actions_pending_by_deadline ON actions(expires_at) WHERE status = 'pending'"),
        QStringLiteral("CREATE INDEX actions_pending_by_seq ON actions(seq) WHERE status = 'pending'"),
        QStringLiteral("CREATE TABLE idempotency_v5 ("
                       " token_id TEXT NOT NULL, key TEXT NOT NULL, body_sha256 TEXT NOT NULL,"
                       " http_status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,"
                       " PRIMARY KEY (token_id, key)) WITHOUT ROWID"),
        QStringLiteral("INSERT INTO idempotency_v5 SELECT token_id, key, body_sha256, http_status, response, created_at"
                       " FROM idempotency"),
        QStringLiteral("DROP TABLE idempotency"),
        QStringLiteral("ALTER TABLE idempotency_v5 RENAME TO idempotency"),
    };
    return {v1, v2, v3, v4, v5};
}

} // namespace countersign::storage
