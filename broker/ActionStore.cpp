#include "broker/ActionStore.h"

#include "core/CanonicalJson.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"
#include "storage/Database.h"
#include "storage/RawQuery.h"

#include <QSqlError>
#include <QSqlQuery>

namespace countersign::broker {

namespace {

// The document lives in action_documents (schema v4); no other column there
// is called like one of `actions`, so the callers' WHERE clauses stay unqualified.
const QString kColumns = QStringLiteral(
    "SELECT actions.id, seq, tenant, agent_id, tool, user, token_id, status, policy_decision, policy_rule, "
    "submitted_at, expires_at, resolved_at, digest, action_documents.document, result, purged_at FROM actions "
    "JOIN action_documents ON action_documents.action_id = actions.id ");

QString ts(const QDateTime &time)
{
    return time.isValid() ? core::JsonReader::formatTimestamp(time) : QString();
}

QVariant tsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(core::JsonReader::formatTimestamp(time)) : QVariant();
}

QJsonObject parseObject(const QVariant &value)
{
    if (value.isNull())
        return {};
    core::JsonLimits limits;
    limits.maxBytes = 64 * 1024 * 1024;
    const auto parsed = core::JsonParser::parseObject(value.toString().toUtf8(), limits);
    return parsed.ok() ? parsed.value->toObject() : QJsonObject();
}

bool fail(const storage::RawQuery &query, QString *error)
{
    if (error)
        *error = query.error();
    return false;
}

bool execOrFail(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace

QJsonObject ActionStore::Decision::toJson() const
{
    return {{QStringLiteral("approver"), approver},      {QStringLiteral("verdict"), verdict},
            {QStringLiteral("reason"), reason},          {QStringLiteral("issued_at"), issuedAt},
            {QStringLiteral("received_at"), receivedAt}, {QStringLiteral("jws"), jws}};
}

ActionStore::ActionStore(storage::Database &database)
    : m_database(database)
{ }

ActionStore::~ActionStore() = default;

QSqlQuery &ActionStore::prepared(const QString &sql) const
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        it = m_prepared.emplace(sql, query).first;
    }
    return it->second;
}

qint64 ActionStore::nextChangeSeq(QString *error)
{
    // One statement: the counter stays in the database (a rollback gives the
    // value back, so seqs stay gap-free) and RETURNING saves the re-read.
    storage::RawQuery *query = raw("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_seq' "
                                   "RETURNING CAST(value AS INTEGER)",
                                   error);
    if (!query)
        return 0;
    if (!query->next()) {
        *error = query->error().isEmpty() ? QStringLiteral("the change counter is missing") : query->error();
        return 0;
    }
    const qint64 seq = query->integer(0);
    query->reset();
    return seq;
}

qint64 ActionStore::reserveChangeSeqs(qsizetype count, QString *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'change_seq'"));
    query.addBindValue(qint64(count));
    if (!query.exec()) {
        *error = query.lastError().text();
        return 0;
    }
    const qint64 head = headChangeSeq();
    return head > 0 ? head - count + 1 : 0;
}

qint64 ActionStore::headChangeSeq() const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

qint64 ActionStore::resumeFloor() const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'resume_floor'")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

bool ActionStore::insert(const StoredAction &a, QString *error, const QByteArray &canonicalDocument)
{
    storage::RawQuery *q = raw("INSERT INTO actions (id, seq, tenant, agent_id, tool, user, token_id, status, "
                               "policy_decision, policy_rule, submitted_at, expires_at, resolved_at, digest) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
    if (!q)
        return false;
    q->bind(1, a.id);
    q->bind(2, a.seq);
    int i = 2;
    for (const QString &text : {a.tenant, a.agentId, a.tool, a.user, a.tokenId, a.status, a.policyDecision,
                                a.policyRule, ts(a.submittedAt), ts(a.expiresAt), ts(a.resolvedAt), a.digest})
        q->bind(++i, text);
    if (!q->exec())
        return fail(*q, error);
    // The document in its own table (schema v4): a status change rewrites only the small row.
    storage::RawQuery *document = raw("INSERT INTO action_documents (action_id, document) VALUES (?, ?)", error);
    if (!document)
        return false;
    const QByteArray text
        = canonicalDocument.isEmpty() ? core::CanonicalJson::serializeOrEmpty(a.document) : canonicalDocument;
    document->bind(1, a.id);
    document->bind(2, QByteArrayView(text));
    return document->exec() || fail(*document, error);
}

bool ActionStore::updateStatus(const QString &id, const QString &status, qint64 seq, const QDateTime &resolvedAt,
                               QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE actions SET status = ?, seq = ?, resolved_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(seq);
    q.addBindValue(tsOrNull(resolvedAt));
    q.addBindValue(id);
    return execOrFail(q, error);
}

bool ActionStore::resolveInOne(const QList<StoredAction> &actions, QString *error)
{
    if (actions.isEmpty())
        return true;
    // The ids travel as one JSON array; json_each's key is the array index, so
    // the n-th id takes seq first + n. Against one prepared UPDATE per row this
    // saves the per-statement round trip through Qt's SQL layer.
    QByteArray ids = "[";
    for (const StoredAction &a : actions) {
        if (a.status != actions.first().status || a.resolvedAt != actions.first().resolvedAt
            || a.seq != actions.first().seq + (&a - actions.constData())) {
            if (error)
                *error = QStringLiteral("resolveInOne needs one status, one time and consecutive seqs");
            return false;
        }
        if (ids.size() > 1)
            ids += ',';
        ids += core::CanonicalJson::serializeOrEmpty(QJsonValue(a.id));
    }
    ids += ']';
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE actions SET status = ?, resolved_at = ?, seq = ? + j.key "
                             "FROM json_each(?) AS j WHERE actions.id = j.value"));
    q.addBindValue(actions.first().status);
    q.addBindValue(tsOrNull(actions.first().resolvedAt));
    q.addBindValue(actions.first().seq);
    q.addBindValue(QString::fromUtf8(ids));
    if (!execOrFail(q, error))
        return false;
    if (q.numRowsAffected() != actions.size()) {
        if (error)
            *error = QStringLiteral("updated %1 of %2 actions").arg(q.numRowsAffected()).arg(actions.size());
        return false;
    }
    return true;
}

bool ActionStore::setResult(const QString &id, const QString &status, const QJsonObject &result, qint64 seq,
                            QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE actions SET status = ?, result = ?, seq = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(QString::fromUtf8(core::CanonicalJson::serializeOrEmpty(result)));
    q.addBindValue(seq);
    q.addBindValue(id);
    return execOrFail(q, error);
}

bool ActionStore::touch(const QString &id, qint64 seq, QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE actions SET seq = ? WHERE id = ?"));
    q.addBindValue(seq);
    q.addBindValue(id);
    return execOrFail(q, error);
}

QList<ActionStore::StoredAction> ActionStore::select(const QString &whereAndOrder, const QVariantList &binds,
                                                     const std::function<bool(const StoredAction &)> &keep,
                                                     bool parseDocuments) const
{
    QList<StoredAction> out;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(kColumns + whereAndOrder);
    for (const QVariant &bind : binds)
        q.addBindValue(bind);
    if (!q.exec())
        return out;
    while (q.next()) {
        StoredAction a;
        a.id = q.value(0).toString();
        a.seq = q.value(1).toLongLong();
        a.tenant = q.value(2).toString();
        a.agentId = q.value(3).toString();
        a.tool = q.value(4).toString();
        a.user = q.value(5).toString();
        a.tokenId = q.value(6).toString();
        a.status = q.value(7).toString();
        a.policyDecision = q.value(8).toString();
        a.policyRule = q.value(9).toString();
        a.submittedAt = core::JsonReader::parseTimestamp(q.value(10).toString());
        a.expiresAt = core::JsonReader::parseTimestamp(q.value(11).toString());
        a.resolvedAt = core::JsonReader::parseTimestamp(q.value(12).toString());
        a.digest = q.value(13).toString();
        a.purgedAt = core::JsonReader::parseTimestamp(q.value(16).toString());
        if (keep && !keep(a))
            continue;
        if (parseDocuments) {
            a.document = parseObject(q.value(14));
            a.result = parseObject(q.value(15));
        } else {
            a.documentText = q.value(14).toString().toUtf8();
        }
        out.append(a);
    }
    return out;
}

std::optional<ActionStore::StoredAction> ActionStore::find(const QString &id) const
{
    const QList<StoredAction> rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<ActionStore::StoredAction> ActionStore::pending() const
{
    return select(QStringLiteral("WHERE status = 'pending' ORDER BY seq"), {});
}

QList<ActionStore::StoredAction> ActionStore::pendingScope(const std::function<bool(const StoredAction &)> &keep) const
{
    QList<StoredAction> out;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, seq, tenant, agent_id, tool, user, status FROM actions "
                               "WHERE status = 'pending' ORDER BY seq")))
        return out;
    while (q.next()) {
        StoredAction a;
        a.id = q.value(0).toString();
        a.seq = q.value(1).toLongLong();
        a.tenant = q.value(2).toString();
        a.agentId = q.value(3).toString();
        a.tool = q.value(4).toString();
        a.user = q.value(5).toString();
        a.status = q.value(6).toString();
        if (!keep || keep(a))
            out.append(std::move(a));
    }
    return out;
}

QList<ActionStore::StoredAction> ActionStore::changedBetween(qint64 first, qint64 last) const
{
    return select(QStringLiteral("WHERE seq >= ? AND seq <= ? ORDER BY seq"), {first, last}, {}, false);
}

QHash<QString, QList<ActionStore::Decision>> ActionStore::decisionsBetween(qint64 first, qint64 last) const
{
    QHash<QString, QList<Decision>> out;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT d.action_id, d.approver, d.verdict, d.reason, d.issued_at, d.received_at, d.jws "
                             "FROM decisions d JOIN actions a ON a.id = d.action_id WHERE a.seq >= ? AND a.seq <= ? "
                             "ORDER BY d.id"));
    q.addBindValue(first);
    q.addBindValue(last);
    if (q.exec()) {
        while (q.next())
            out[q.value(0).toString()].append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                               q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                               q.value(6).toString()});
    }
    return out;
}

int ActionStore::pendingCountForAgent(const QString &tenant, const QString &agentId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending' AND tenant = ? AND agent_id = ?"));
    q.addBindValue(tenant);
    q.addBindValue(agentId);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

QList<ActionStore::StoredAction> ActionStore::dueForExpiry(const QDateTime &now) const
{
    // Timestamps are stored as RFC 3339 UTC text, so text order is time order
    // only for a fixed format; compare as Julian days to be safe.
    return select(QStringLiteral("WHERE status = 'pending' AND julianday(expires_at) <= julianday(?) ORDER BY seq"),
                  {ts(now)});
}

QDateTime ActionStore::nextExpiry() const
{
    // Ordering by julianday() cannot use the (status, expires_at) index and
    // visits every pending row, on every submission. Our timestamps are UTC
    // text whose first 19 characters (to the second) sort as time; only the
    // optional milliseconds do not. So take the least text from the index,
    // then order that one second's rows exactly.
    QSqlQuery first(m_database.connection());
    if (!first.exec(QStringLiteral("SELECT expires_at FROM actions WHERE status = 'pending' AND expires_at IS NOT NULL "
                                   "ORDER BY expires_at LIMIT 1"))
        || !first.next())
        return {};
    const QString second = first.value(0).toString().left(19);
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT expires_at FROM actions WHERE status = 'pending' AND expires_at >= ? "
                             "AND expires_at < ? ORDER BY julianday(expires_at) LIMIT 1"));
    q.addBindValue(second);
    q.addBindValue(QString(second + QLatin1Char('~')));
    if (q.exec() && q.next())
        return core::JsonReader::parseTimestamp(q.value(0).toString());
    return core::JsonReader::parseTimestamp(first.value(0).toString());
}

QList<ActionStore::StoredAction> ActionStore::changedSince(qint64 seq, qsizetype limit) const
{
    return select(QStringLiteral("WHERE seq > ? ORDER BY seq LIMIT ?"), {seq, qint64(limit)});
}

QList<ActionStore::StoredAction> ActionStore::history(const HistoryFilter &f) const
{
    QStringList where {QStringLiteral("seq > ?")};
    QVariantList binds {f.afterSeq};
    auto add = [&](const QString &clause, const QVariant &value) {
        where.append(clause);
        binds.append(value);
    };
    if (f.from.isValid())
        add(QStringLiteral("julianday(submitted_at) >= julianday(?)"), ts(f.from));
    if (f.to.isValid())
        add(QStringLiteral("julianday(submitted_at) < julianday(?)"), ts(f.to));
    if (!f.tenant.isEmpty())
        add(QStringLiteral("tenant = ?"), f.tenant);
    if (!f.agent.isEmpty())
        add(QStringLiteral("agent_id = ?"), f.agent);
    if (!f.user.isEmpty())
        add(QStringLiteral("user = ?"), f.user);
    if (!f.tool.isEmpty())
        add(QStringLiteral("tool = ?"), f.tool);
    if (!f.status.isEmpty())
        add(QStringLiteral("status = ?"), f.status);
    if (!f.approver.isEmpty())
        add(QStringLiteral("id IN (SELECT action_id FROM decisions WHERE approver = ?)"), f.approver);
    if (!f.tenants.contains(QStringLiteral("*"))) {
        QStringList marks;
        for (const QString &tenant : f.tenants) {
            marks.append(QStringLiteral("?"));
            binds.append(tenant);
        }
        where.append(marks.isEmpty() ? QStringLiteral("0")
                                     : QStringLiteral("tenant IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')'));
    }
    binds.append(qint64(f.limit));
    return select(QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))
                      + QStringLiteral(" ORDER BY seq LIMIT ?"),
                  binds);
}

QList<ActionStore::StoredAction> ActionStore::purgeCandidates(const QString &tenant, const QDateTime &before,
                                                              bool excludeListed, const QStringList &listed) const
{
    QString where = QStringLiteral("WHERE purged_at IS NULL AND status != 'pending' AND julianday(submitted_at) < "
                                   "julianday(?)");
    QVariantList binds {ts(before)};
    if (!tenant.isEmpty()) {
        where += QStringLiteral(" AND tenant = ?");
        binds.append(tenant);
    }
    if (excludeListed) {
        for (const QString &t : listed) {
            where += QStringLiteral(" AND tenant != ?");
            binds.append(t);
        }
    }
    return select(where + QStringLiteral(" ORDER BY seq"), binds);
}

bool ActionStore::replaceDocument(const QString &id, const QJsonObject &document, const QDateTime &purgedAt,
                                  QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE action_documents SET document = ? WHERE action_id = ?"));
    q.addBindValue(QString::fromUtf8(core::CanonicalJson::serializeOrEmpty(document)));
    q.addBindValue(id);
    if (!execOrFail(q, error))
        return false;
    QSqlQuery purged(m_database.connection());
    purged.prepare(QStringLiteral("UPDATE actions SET purged_at = ? WHERE id = ?"));
    purged.addBindValue(ts(purgedAt));
    purged.addBindValue(id);
    return execOrFail(purged, error);
}

bool ActionStore::addDecision(const Decision &d, QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("INSERT INTO decisions (action_id, approver, verdict, reason, issued_at, received_at, jws) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         QVariantList {d.actionId, d.approver, d.verdict, d.reason, d.issuedAt, d.receivedAt, d.jws})
        q.addBindValue(v);
    return execOrFail(q, error);
}

QList<ActionStore::Decision> ActionStore::decisions(const QString &actionId) const
{
    QList<Decision> out;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT action_id, approver, verdict, reason, issued_at, received_at, jws FROM decisions "
                             "WHERE action_id = ? ORDER BY id"));
    q.addBindValue(actionId);
    if (q.exec()) {
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
    }
    return out;
}

bool ActionStore::seenNonce(const QString &nonce) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM nonces WHERE nonce = ?"));
    q.addBindValue(nonce);
    return q.exec() && q.next();
}

bool ActionStore::rememberNonce(const QString &nonce, const QString &kind, QString *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO nonces (nonce, kind, seen_at) VALUES (?, ?, ?)"));
    q.addBindValue(nonce);
    q.addBindValue(kind);
    q.addBindValue(ts(QDateTime::currentDateTimeUtc()));
    if (!execOrFail(q, error))
        return false;
    return q.numRowsAffected() == 1;
}

std::optional<ActionStore::IdempotencyRecord> ActionStore::idempotency(const QString &tokenId, const QString &key) const
{
    QString error;
    storage::RawQuery *q
        = raw("SELECT body_sha256, http_status, response FROM idempotency WHERE token_id = ? AND key = ?", &error);
    if (!q)
        return std::nullopt;
    q->bind(1, tokenId);
    q->bind(2, key);
    if (!q->next()) {
        q->reset();
        return std::nullopt;
    }
    const IdempotencyRecord record {QString::fromUtf8(q->text(0)), int(q->integer(1)), q->text(2).toByteArray()};
    q->reset();
    return record;
}

bool ActionStore::putIdempotency(const QString &tokenId, const QString &key, const IdempotencyRecord &record,
                                 QString *error)
{
    storage::RawQuery *q
        = raw("INSERT INTO idempotency (token_id, key, body_sha256, http_status, response, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?)",
              error);
    if (!q)
        return false;
    q->bind(1, tokenId);
    q->bind(2, key);
    q->bind(3, record.bodySha256);
    q->bind(4, qint64(record.httpStatus));
    q->bind(5, QByteArrayView(record.response));
    q->bind(6, ts(QDateTime::currentDateTimeUtc()));
    return q->exec() || fail(*q, error);
}

storage::RawQuery *ActionStore::raw(const char *sql, QString *error) const
{
    auto it = m_raw.find(QByteArray(sql));
    if (it == m_raw.end()) {
        auto query = storage::RawQuery::prepare(m_database, sql, error);
        if (!query)
            return nullptr;
        it = m_raw.emplace(QByteArray(sql), std::move(query)).first;
    }
    it->second->reset();
    return it->second.get();
}

QJsonObject ActionStore::assemble(const StoredAction &action) const
{
    return assemble(action, decisions(action.id));
}

QJsonObject ActionStore::assemble(const StoredAction &action, const QList<Decision> &decisionList) const
{
    QJsonObject json = action.document;
    json.insert(QStringLiteral("seq"), action.seq);
    json.insert(QStringLiteral("status"), action.status);
    QJsonArray decisionArray;
    for (const Decision &d : decisionList)
        decisionArray.append(d.toJson());
    json.insert(QStringLiteral("decisions"), decisionArray);
    return json;
}

} // namespace countersign::broker
