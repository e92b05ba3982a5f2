#include "storage/HistoryStore.h"

#include "core/JsonReader.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace countersign::storage {

namespace {

const QString kRowColumns = QStringLiteral(
    "SELECT row, id, seq, submitted_at, tenant, agent, user, tool, status, approvers, rule FROM history_actions ");

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toString();
}

QString columnName(HistoryStore::Column column)
{
    switch (column) {
    case HistoryStore::Column::Time:
        return QStringLiteral("submitted_at");
    case HistoryStore::Column::Tenant:
        return QStringLiteral("tenant");
    case HistoryStore::Column::Agent:
        return QStringLiteral("agent");
    case HistoryStore::Column::User:
        return QStringLiteral("user");
    case HistoryStore::Column::Tool:
        return QStringLiteral("tool");
    case HistoryStore::Column::Outcome:
        return QStringLiteral("status");
    case HistoryStore::Column::Approvers:
        return QStringLiteral("approvers");
    case HistoryStore::Column::Rule:
        return QStringLiteral("rule");
    case HistoryStore::Column::Seq:
        return QStringLiteral("seq");
    }
    return QStringLiteral("submitted_at");
}

// Each word becomes a quoted FTS5 prefix term, so nothing the user types is
// read as FTS query syntax.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
    }
    return terms.join(QLatin1Char(' '));
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

bool HistoryStore::Filter::isEmpty() const
{
    return !from.isValid() && !to.isValid() && tenant.isEmpty() && agent.isEmpty() && user.isEmpty() && tool.isEmpty()
        && outcome.isEmpty() && approver.isEmpty() && rule.isEmpty() && text.trimmed().isEmpty();
}

HistoryStore::HistoryStore(Database &database)
    : m_database(database)
{
    // Not a migration: a SQLite built without FTS5 must still open the cache.
    // Contentless (the text lives in history_actions.message); rowid = row.
    QSqlQuery q(m_database.connection());
    m_fullText = q.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS history_fts USING fts5("
                                       "arguments, evidence, content='', columnsize=0)"));
}

QString HistoryStore::timeKey(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString HistoryStore::brokerKeyId() const
{
    QSqlQuery q(m_database.connection());
    if (q.exec(QStringLiteral("SELECT value FROM history_meta WHERE key = 'broker'")) && q.next())
        return q.value(0).toString();
    return {};
}

bool HistoryStore::adoptBroker(const QString &brokerKeyId, QString *error)
{
    const QString current = brokerKeyId.isEmpty() ? QString() : this->brokerKeyId();
    if (current == brokerKeyId)
        return true;
    if (!clear(error))
        return false;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO history_meta (key, value) VALUES ('broker', ?)"));
    q.addBindValue(brokerKeyId);
    return exec(q, error);
}

bool HistoryStore::clear(QString *error)
{
    Transaction t(m_database);
    if (!t.begin(error))
        return false;
    QSqlQuery q(m_database.connection());
    for (const char *sql : {"DELETE FROM history_approvers", "DELETE FROM history_actions", "DELETE FROM audit_cache",
                            "DELETE FROM audit_checkpoints", "DELETE FROM history_meta"}) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *error = q.lastError().text();
            return false;
        }
    }
    if (m_fullText && !q.exec(QStringLiteral("INSERT INTO history_fts (history_fts) VALUES ('delete-all')"))) {
        *error = q.lastError().text();
        return false;
    }
    return t.commit(error);
}

qint64 HistoryStore::historyCursor() const
{
    QSqlQuery q(m_database.connection());
    if (q.exec(QStringLiteral("SELECT value FROM history_meta WHERE key = 'history_after'")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

bool HistoryStore::upsert(const QJsonObject &message, const QHash<QString, QString> &names, QString *error,
                          bool *stored)
{
    *stored = false;
    const QJsonObject action = message.value(QStringLiteral("action")).toObject();
    const QString status = message.value(QStringLiteral("resolution"))
                               .toObject()
                               .value(QStringLiteral("status"))
                               .toString(action.value(QStringLiteral("status")).toString());
    const QString id = action.value(QStringLiteral("id")).toString();
    if (id.isEmpty() || status.isEmpty() || status == QStringLiteral("pending"))
        return true;
    const QDateTime submitted
        = core::JsonReader::parseTimestamp(action.value(QStringLiteral("submitted_at")).toString());
    const QDateTime resolved = core::JsonReader::parseTimestamp(
        message.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("resolved_at")).toString());
    QStringList approverNames;
    QList<QPair<QString, QString>> approvers;
    for (const QJsonValue &d : action.value(QStringLiteral("decisions")).toArray()) {
        const QString key = d.toObject().value(QStringLiteral("approver")).toString();
        const QString name = names.value(key, key);
        approvers.append({key, name});
        approverNames.append(name);
    }
    const QJsonObject request = action.value(QStringLiteral("request")).toObject();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT row FROM history_actions WHERE id = ?"));
    q.addBindValue(id);
    if (!exec(q, error))
        return false;
    const bool exists = q.next();
    const qint64 existingRow = exists ? q.value(0).toLongLong() : 0;
    q.finish();

    const QVariantList values {
        message.value(QStringLiteral("seq")).toInteger(action.value(QStringLiteral("seq")).toInteger()),
        submitted.isValid() ? timeKey(submitted) : QString(),
        resolved.isValid() ? timeKey(resolved) : QVariant(),
        action.value(QStringLiteral("tenant")).toString(),
        action.value(QStringLiteral("agent")).toObject().value(QStringLiteral("id")).toString(),
        request.value(QStringLiteral("user")).toString(),
        action.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString(),
        status,
        approverNames.join(QStringLiteral(", ")),
        action.value(QStringLiteral("policy")).toObject().value(QStringLiteral("rule")).toString(),
        action.value(QStringLiteral("trace")).toObject().value(QStringLiteral("trace_id")).toString(),
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact))};
    qint64 row = existingRow;
    if (exists) {
        // COALESCE: Qt binds an empty-but-null QString as NULL.
        q.prepare(QStringLiteral("UPDATE history_actions SET seq = ?, submitted_at = COALESCE(?, ''), resolved_at = ?,"
                                 " tenant = COALESCE(?, ''), agent = COALESCE(?, ''), user = COALESCE(?, ''),"
                                 " tool = COALESCE(?, ''), status = ?, approvers = COALESCE(?, ''),"
                                 " rule = COALESCE(?, ''), trace_id = COALESCE(?, ''), message = ? WHERE row = ?"));
        for (const QVariant &v : values)
            q.addBindValue(v);
        q.addBindValue(existingRow);
        if (!exec(q, error))
            return false;
        q.prepare(QStringLiteral("DELETE FROM history_approvers WHERE action_row = ?"));
        q.addBindValue(existingRow);
        if (!exec(q, error))
            return false;
    } else {
        q.prepare(QStringLiteral("INSERT INTO history_actions (seq, submitted_at, resolved_at, tenant, agent, user,"
                                 " tool, status, approvers, rule, trace_id, message, id)"
                                 " VALUES (?, COALESCE(?, ''), ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
                                 " COALESCE(?, ''), ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?)"));
        for (const QVariant &v : values)
            q.addBindValue(v);
        q.addBindValue(id);
        if (!exec(q, error))
            return false;
        row = q.lastInsertId().toLongLong();
        if (m_fullText) {
            // What the agent sent is indexed once: arguments and evidence never change.
            QStringList evidence;
            for (const QJsonValue &e : action.value(QStringLiteral("evidence")).toArray()) {
                const QJsonObject o = e.toObject();
                for (const char *key : {"title", "uri", "source_authority", "content", "excerpt", "used_for"})
                    evidence.append(o.value(QLatin1String(key)).toString());
            }
            q.prepare(QStringLiteral("INSERT INTO history_fts (rowid, arguments, evidence) VALUES (?, ?, ?)"));
            q.addBindValue(row);
            q.addBindValue(compact(action.value(QStringLiteral("arguments"))));
            q.addBindValue(evidence.join(QLatin1Char('\n')));
            if (!exec(q, error))
                return false;
        }
    }
    for (const auto &[key, name] : std::as_const(approvers)) {
        q.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO history_approvers (action_row, key_id, name) VALUES (?, ?, COALESCE(?, ''))"));
        q.addBindValue(row);
        q.addBindValue(key);
        q.addBindValue(name);
        if (!exec(q, error))
            return false;
    }
    *stored = true;
    return true;
}

bool HistoryStore::insertMessages(const QList<QJsonObject> &messages, QString *error, int *stored)
{
    Transaction t(m_database);
    if (!t.begin(error))
        return false;
    QHash<QString, QString> names;
    for (const ApproverKey &k : approverKeys())
        names.insert(k.keyId, k.name);
    int n = 0;
    for (const QJsonObject &m : messages) {
        bool ok = false;
        if (!upsert(m, names, error, &ok))
            return false;
        n += ok ? 1 : 0;
    }
    if (stored)
        *stored = n;
    return t.commit(error);
}

bool HistoryStore::storeHistoryPage(const QList<QJsonObject> &messages, qint64 nextAfter, QString *error)
{
    Transaction t(m_database);
    if (!t.begin(error))
        return false;
    QHash<QString, QString> names;
    for (const ApproverKey &k : approverKeys())
        names.insert(k.keyId, k.name);
    for (const QJsonObject &m : messages) {
        bool ok = false;
        if (!upsert(m, names, error, &ok))
            return false;
    }
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO history_meta (key, value) VALUES ('history_after', ?)"));
    q.addBindValue(QString::number(std::max(nextAfter, historyCursor())));
    return exec(q, error) && t.commit(error);
}

QJsonObject HistoryStore::syntheticMessage(qint64 n)
{
    static const char *const outcomes[] = {"approved", "denied", "expired", "killed", "executed", "failed"};
    static const char *const tools[] = {"email.send", "crm.update", "files.write", "payments.refund", "db.query"};
    const QDateTime at = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(n * 7);
    const QString id = QStringLiteral("act_synthetic_%1").arg(n, 8, 10, QLatin1Char('0'));
    const QJsonObject action {
        {QStringLiteral("id"), id},
        {QStringLiteral("seq"), n},
        {QStringLiteral("tenant"), QStringLiteral("tenant-%1").arg(n % 7)},
        {QStringLiteral("submitted_at"), core::JsonReader::formatTimestamp(at)},
        {QStringLiteral("status"), QLatin1String(outcomes[n % 6])},
        {QStringLiteral("request"),
         QJsonObject {{QStringLiteral("user"), QStringLiteral("user%1@example.com").arg(n % 97)}}},
        {QStringLiteral("agent"), QJsonObject {{QStringLiteral("id"), QStringLiteral("agent:bench-%1").arg(n % 53)}}},
        {QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QLatin1String(tools[n % 5])}}},
        {QStringLiteral("arguments"),
         QJsonObject {{QStringLiteral("to"), QStringLiteral("customer%1@example.org").arg(n % 1009)},
                      {QStringLiteral("subject"), QStringLiteral("Invoice %1 for order %2").arg(n).arg(n % 10007)}}},
        {QStringLiteral("evidence"),
         QJsonArray {QJsonObject {{QStringLiteral("title"), QStringLiteral("CRM record %1").arg(n % 4999)}}}},
        {QStringLiteral("policy"), QJsonObject {{QStringLiteral("rule"), QStringLiteral("rule-%1").arg(n % 11)}}},
        {QStringLiteral("decisions"), QJsonArray {}},
    };
    return {{QStringLiteral("type"), QStringLiteral("action")},
            {QStringLiteral("seq"), n},
            {QStringLiteral("action"), action},
            {QStringLiteral("resolution"), QJsonObject {{QStringLiteral("status"), QLatin1String(outcomes[n % 6])}}}};
}

QString HistoryStore::whereClause(const Filter &f, QVariantList *binds) const
{
    QStringList where;
    auto add = [&](const QString &clause, const QVariant &value) {
        where.append(clause);
        binds->append(value);
    };
    if (f.from.isValid())
        add(QStringLiteral("submitted_at >= ?"), timeKey(f.from));
    if (f.to.isValid())
        add(QStringLiteral("submitted_at < ?"), timeKey(f.to));
    if (!f.tenant.isEmpty())
        add(QStringLiteral("tenant = ?"), f.tenant);
    if (!f.agent.isEmpty())
        add(QStringLiteral("agent = ?"), f.agent);
    if (!f.user.isEmpty())
        add(QStringLiteral("user = ?"), f.user);
    if (!f.tool.isEmpty())
        add(QStringLiteral("tool = ?"), f.tool);
    if (!f.outcome.isEmpty())
        add(QStringLiteral("status = ?"), f.outcome);
    if (!f.rule.isEmpty())
        add(QStringLiteral("rule = ?"), f.rule);
    if (!f.approver.isEmpty()) {
        where.append(QStringLiteral("row IN (SELECT action_row FROM history_approvers WHERE key_id = ? OR name = ?)"));
        binds->append(f.approver);
        binds->append(f.approver);
    }
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        if (m_fullText) {
            add(QStringLiteral("row IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?)"), ftsQuery(text));
        } else {
            // Without FTS5: a case-insensitive substring scan of the whole stored message.
            add(QStringLiteral("instr(lower(message), lower(?)) > 0"), text);
        }
    }
    return where.isEmpty() ? QString()
                           : QString(QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + QLatin1Char(' '));
}

QString HistoryStore::orderClause(Column sort, Qt::SortOrder order, bool reverse)
{
    const bool ascending = (order == Qt::AscendingOrder) != reverse;
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString clause = QStringLiteral("ORDER BY ") + columnName(sort) + dir;
    if (sort != Column::Time && sort != Column::Seq)
        clause += QStringLiteral(", submitted_at") + dir;
    return clause + QStringLiteral(", row") + dir + QLatin1Char(' ');
}

qint64 HistoryStore::count(const Filter &filter) const
{
    QVariantList binds;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM history_actions ") + whereClause(filter, &binds));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QList<HistoryStore::Row> HistoryStore::rows(const Filter &filter, Column sort, Qt::SortOrder order, qint64 offset,
                                            int limit) const
{
    QList<Row> out;
    QVariantList binds;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(kRowColumns + whereClause(filter, &binds) + orderClause(sort, order)
              + QStringLiteral("LIMIT ? OFFSET ?"));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return out;
    out.reserve(limit);
    while (q.next()) {
        Row r;
        r.row = q.value(0).toLongLong();
        r.id = q.value(1).toString();
        r.seq = q.value(2).toLongLong();
        r.submittedAt = q.value(3).toString();
        r.tenant = q.value(4).toString();
        r.agent = q.value(5).toString();
        r.user = q.value(6).toString();
        r.tool = q.value(7).toString();
        r.outcome = q.value(8).toString();
        r.approvers = q.value(9).toString();
        r.rule = q.value(10).toString();
        out.append(r);
    }
    return out;
}

qint64 HistoryStore::indexOf(const QString &actionId, const Filter &filter, Column sort, Qt::SortOrder order) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT row, submitted_at, ") + columnName(sort)
              + QStringLiteral(" FROM history_actions WHERE id = ?"));
    q.addBindValue(actionId);
    if (!q.exec() || !q.next())
        return -1;
    const qint64 row = q.value(0).toLongLong();
    const QVariant time = q.value(1);
    const QVariant key = q.value(2);
    q.finish();
    // Rows before it in (key, time, row) order, among those matching the filter.
    QVariantList binds;
    QString where = whereClause(filter, &binds);
    const bool asc = order == Qt::AscendingOrder;
    const QString cmp = asc ? QStringLiteral("<") : QStringLiteral(">");
    const QString col = columnName(sort);
    QString before;
    QVariantList beforeBinds;
    if (sort == Column::Time || sort == Column::Seq) {
        before = QStringLiteral("(%1 %2 ? OR (%1 = ? AND row %2 ?))").arg(col, cmp);
        beforeBinds = {key, key, row};
    } else {
        before = QStringLiteral("(%1 %2 ? OR (%1 = ? AND (submitted_at %2 ? OR (submitted_at = ? AND row %2 ?))))")
                     .arg(col, cmp);
        beforeBinds = {key, key, time, time, row};
    }
    where = where.isEmpty() ? QString(QStringLiteral("WHERE ") + before)
                            : QString(where + QStringLiteral("AND ") + before);
    QSqlQuery c(m_database.connection());
    c.prepare(QStringLiteral("SELECT COUNT(*) FROM history_actions ") + where);
    for (const QVariant &b : std::as_const(binds))
        c.addBindValue(b);
    for (const QVariant &b : std::as_const(beforeBinds))
        c.addBindValue(b);
    if (!c.exec() || !c.next())
        return -1;
    const qint64 index = c.value(0).toLongLong();
    // The row must itself match the filter.
    QVariantList matchBinds;
    QString matchWhere = whereClause(filter, &matchBinds);
    matchWhere
        = matchWhere.isEmpty() ? QStringLiteral("WHERE row = ?") : QString(matchWhere + QStringLiteral("AND row = ?"));
    QSqlQuery m(m_database.connection());
    m.prepare(QStringLiteral("SELECT 1 FROM history_actions ") + matchWhere);
    for (const QVariant &b : std::as_const(matchBinds))
        m.addBindValue(b);
    m.addBindValue(row);
    return m.exec() && m.next() ? index : -1;
}

QStringList HistoryStore::ids(const Filter &filter, Column sort, Qt::SortOrder order, qint64 limit) const
{
    QStringList out;
    QVariantList binds;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM history_actions ") + whereClause(filter, &binds) + orderClause(sort, order)
              + QStringLiteral("LIMIT ?"));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

std::optional<QJsonObject> HistoryStore::message(const QString &actionId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT message FROM history_actions WHERE id = ?"));
    q.addBindValue(actionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return parseObject(q.value(0).toString());
}

qint64 HistoryStore::auditHead() const
{
    QSqlQuery q(m_database.connection());
    return q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit_cache")) && q.next() ? q.value(0).toLongLong()
                                                                                               : 0;
}

qint64 HistoryStore::auditFirst() const
{
    QSqlQuery q(m_database.connection());
    return q.exec(QStringLiteral("SELECT COALESCE(MIN(seq), 0) FROM audit_cache")) && q.next() ? q.value(0).toLongLong()
                                                                                               : 0;
}

bool HistoryStore::storeAudit(const QList<QJsonObject> &entries, const QList<Checkpoint> &checkpoints, QString *error)
{
    Transaction t(m_database);
    if (!t.begin(error))
        return false;
    QSqlQuery q(m_database.connection());
    // Stored exactly as received: verification runs over what the broker sent.
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO audit_cache (seq, event, action_id, at, entry) VALUES (?, ?, ?, ?, ?)"));
    for (const QJsonObject &e : entries) {
        q.addBindValue(e.value(QStringLiteral("seq")).toInteger());
        q.addBindValue(e.value(QStringLiteral("event")).toString());
        const QString actionId = e.value(QStringLiteral("action_id")).toString();
        q.addBindValue(actionId.isEmpty() ? QVariant() : QVariant(actionId));
        q.addBindValue(e.value(QStringLiteral("at")).toString());
        q.addBindValue(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)));
        if (!exec(q, error))
            return false;
    }
    QSqlQuery c(m_database.connection());
    c.prepare(QStringLiteral("INSERT OR REPLACE INTO audit_checkpoints (seq, jws) VALUES (?, ?)"));
    for (const Checkpoint &cp : checkpoints) {
        c.addBindValue(cp.seq);
        c.addBindValue(cp.jws);
        if (!exec(c, error))
            return false;
    }
    return t.commit(error);
}

QList<QJsonObject> HistoryStore::auditEntries(qint64 from, qint64 to, int limit) const
{
    QList<QJsonObject> out;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entry FROM audit_cache WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?"));
    q.addBindValue(from);
    q.addBindValue(to <= 0 ? std::numeric_limits<qint64>::max() : to);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.append(parseObject(q.value(0).toString()));
    }
    return out;
}

QList<QJsonObject> HistoryStore::auditForAction(const QString &actionId) const
{
    QList<QJsonObject> out;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT entry FROM audit_cache WHERE action_id = ? ORDER BY seq"));
    q.addBindValue(actionId);
    if (q.exec()) {
        while (q.next())
            out.append(parseObject(q.value(0).toString()));
    }
    return out;
}

QList<QJsonObject> HistoryStore::auditEvents(const QStringList &events) const
{
    QList<QJsonObject> out;
    QSqlQuery q(m_database.connection());
    QStringList marks;
    for (qsizetype i = 0; i < events.size(); ++i)
        marks.append(QStringLiteral("?"));
    q.prepare(QStringLiteral("SELECT entry FROM audit_cache WHERE event IN (") + marks.join(QLatin1Char(','))
              + QStringLiteral(") ORDER BY seq"));
    for (const QString &e : events)
        q.addBindValue(e);
    if (q.exec()) {
        while (q.next())
            out.append(parseObject(q.value(0).toString()));
    }
    return out;
}

QList<HistoryStore::Checkpoint> HistoryStore::checkpoints(qint64 from, qint64 to) const
{
    QList<Checkpoint> out;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT seq, jws FROM audit_checkpoints WHERE seq >= ? AND seq <= ? ORDER BY seq"));
    q.addBindValue(from);
    q.addBindValue(to <= 0 ? std::numeric_limits<qint64>::max() : to);
    if (q.exec()) {
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString()});
    }
    return out;
}

QHash<QString, HistoryStore::ApproverKey> HistoryStore::approverKeys() const
{
    QHash<QString, ApproverKey> keys;
    const QList<QJsonObject> entries
        = auditEvents({QStringLiteral("approver_enrolled"), QStringLiteral("approver_revoked")});
    for (const QJsonObject &entry : entries) {
        const QJsonObject data = entry.value(QStringLiteral("data")).toObject();
        const QString keyId = data.value(QStringLiteral("key_id")).toString();
        if (keyId.isEmpty())
            continue;
        if (entry.value(QStringLiteral("event")).toString() == QStringLiteral("approver_enrolled")) {
            ApproverKey k;
            k.keyId = keyId;
            k.name = data.value(QStringLiteral("name")).toString();
            k.publicKey = data.value(QStringLiteral("public_key")).toString();
            k.enrolledAt = data.value(QStringLiteral("enrolled_at")).toString();
            keys.insert(keyId, k);
        } else if (keys.contains(keyId)) {
            keys[keyId].revokedAt = entry.value(QStringLiteral("at")).toString();
        }
    }
    return keys;
}

} // namespace countersign::storage
