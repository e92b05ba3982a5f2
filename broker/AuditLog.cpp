#include "broker/AuditLog.h"

#include "core/AuditChain.h"
#include "core/AuditEntry.h"
#include "core/AuditEntryText.h"
#include "core/CanonicalJson.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/StatementType.h"
#include "storage/Database.h"
#include "storage/RawQuery.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace countersign::broker {

namespace {

const QString kEntryColumns = QStringLiteral("SELECT seq, at, event, action_id, data, prev_hash, hash FROM audit_log");

QString nowText()
{
    return core::JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc());
}

} // namespace

QString AuditLog::Report::summary() const
{
    if (!ok)
        return QStringLiteral("FAILED at seq %1: %2").arg(firstBadSeq).arg(problem);
    QString text = entries == 0
        ? QStringLiteral("audit log is empty")
        : QStringLiteral("verified %1 entries, seq %2 to %3").arg(entries).arg(firstSeq).arg(lastSeq);
    if (lastCheckpointSeq > 0)
        text += QStringLiteral("; %1 signed checkpoints verified, the last at seq %2 (%3)")
                    .arg(checkpointsVerified)
                    .arg(lastCheckpointSeq)
                    .arg(lastCheckpointAt);
    if (lastSeq > lastCheckpointSeq)
        text += QStringLiteral("; %1 entries after the last checkpoint are chained but not yet signed")
                    .arg(lastSeq - lastCheckpointSeq);
    return text;
}

AuditLog::AuditLog(storage::Database &database)
    : m_database(database)
{ }

AuditLog::~AuditLog() = default;

core::AuditEntry AuditLog::entryFromRow(const QVariant &seq, const QVariant &at, const QVariant &event,
                                        const QVariant &actionId, const QVariant &data, const QVariant &prev,
                                        const QVariant &hash)
{
    core::AuditEntry entry;
    entry.seq = seq.toLongLong();
    entry.at = core::JsonReader::parseTimestamp(at.toString());
    entry.event = event.toString();
    entry.actionId = actionId.toString();
    const auto parsed = core::JsonParser::parseObject(data.toString().toUtf8());
    entry.data
        = parsed.ok() ? parsed.value->toObject() : QJsonObject {{QStringLiteral("x-unreadable"), data.toString()}};
    entry.prevHash = prev.toString();
    entry.hash = hash.toString();
    return entry;
}

void AuditLog::setCheckpointing(const core::Ed25519PrivateKey *brokerKey, int everyEntries)
{
    m_checkpointKey = brokerKey;
    m_checkpointEvery = everyEntries;
}

AuditLog::Head &AuditLog::head()
{
    if (m_head.valid && m_head.generation == m_database.generation())
        return m_head;
    m_head = Head();
    m_head.hash = core::AuditEntry::genesisHash();
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) && query.next()) {
        m_head.seq = query.value(0).toLongLong();
        m_head.hash = query.value(1).toString();
    }
    m_head.lastCheckpoint = lastCheckpointSeq();
    m_head.generation = m_database.generation();
    m_head.valid = true;
    return m_head;
}

storage::RawQuery *AuditLog::insertStatement(QString *error)
{
    // Prepared once: the insert runs for every entry of every submission.
    if (!m_insert) {
        m_insert
            = storage::RawQuery::prepare(m_database,
                                         "INSERT INTO audit_log (seq, at, event, action_id, data, prev_hash, hash) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                         error);
        if (!m_insert) {
            *error = QStringLiteral("audit append failed: %1").arg(*error);
            return nullptr;
        }
    }
    m_insert->reset();
    return m_insert.get();
}

std::optional<core::AuditEntry> AuditLog::append(const QString &event, const QString &actionId, const QJsonObject &data,
                                                 QString *error)
{
    const QList<core::AuditEntry> appended = appendEntries({{event, actionId, data}}, error);
    if (appended.isEmpty())
        return std::nullopt;
    return appended.first();
}

bool AuditLog::appendMany(const QList<NewEntry> &entries, QString *error)
{
    return entries.isEmpty() || !appendEntries(entries, error).isEmpty();
}

QList<core::AuditEntry> AuditLog::appendEntries(const QList<NewEntry> &entries, QString *error)
{
    QList<core::AuditEntry> out;
    storage::RawQuery *statement = insertStatement(error);
    if (!statement)
        return out;
    storage::RawQuery &insert = *statement;
    Head &h = head();
    qint64 seq = h.seq;
    QString prevHash = h.hash;
    qint64 lastCheckpoint = h.lastCheckpoint;
    out.reserve(entries.size());
    // A kill appends thousands of entries with the same data object: its
    // canonical text is made once, and each entry's hash input is spliced from
    // the texts as they are stored (core::AuditEntryText, the same splice
    // verify() checks), falling back to computeHash() where it cannot be.
    QJsonObject lastData;
    QByteArray dataText;
    bool haveData = false;
    QDateTime lastAt;
    QString atText;
    QByteArray atUtf8;
    QByteArray input;
    for (const NewEntry &e : entries) {
        core::AuditEntry entry;
        entry.seq = ++seq;
        entry.prevHash = prevHash;
        entry.at = QDateTime::currentDateTimeUtc();
        entry.event = e.event;
        entry.actionId = e.actionId;
        entry.data = e.data;
        if (!e.dataText.isEmpty()) {
            dataText = e.dataText;
            haveData = false;
        } else if (!haveData || e.data != lastData) {
            dataText = core::CanonicalJson::serializeOrEmpty(e.data);
            lastData = e.data;
            haveData = true;
        }
        if (entry.at != lastAt) {
            atText = core::JsonReader::formatTimestamp(entry.at);
            atUtf8 = atText.toUtf8();
            lastAt = entry.at;
        }
        const QByteArray event = e.event.toUtf8();
        const QByteArray actionId = e.actionId.toUtf8();
        const QByteArray previous = prevHash.toUtf8();
        const core::AuditEntryText text {entry.seq, atUtf8, event, actionId, dataText, previous};
        input.clear();
        if (text.appendHashInput(input)) {
            entry.hash = core::AuditEntry::hashOf(input);
        } else {
            if (!e.dataText.isEmpty()) {
                const auto parsed = core::JsonParser::parseObject(e.dataText);
                entry.data = parsed.ok() ? parsed.value->toObject() : QJsonObject();
            }
            entry.hash = entry.computeHash();
        }
        const QByteArray hash = entry.hash.toLatin1();
        insert.reset();
        insert.bind(1, entry.seq);
        insert.bind(2, QByteArrayView(atUtf8));
        insert.bind(3, QByteArrayView(event));
        if (e.actionId.isEmpty())
            insert.bindNull(4);
        else
            insert.bind(4, QByteArrayView(actionId));
        insert.bind(5, QByteArrayView(dataText));
        insert.bind(6, QByteArrayView(previous));
        insert.bind(7, QByteArrayView(hash));
        if (!insert.exec()) {
            *error = QStringLiteral("audit append failed: %1").arg(insert.error());
            // The caller rolls back; the kept head must be read again.
            m_head.valid = false;
            return {};
        }
        prevHash = entry.hash;
        // Checkpoints fall exactly where one-by-one appends put them: every N entries.
        if (m_checkpointKey && m_checkpointEvery > 0 && entry.seq - lastCheckpoint >= m_checkpointEvery) {
            if (!insertCheckpoint(entry.seq, entry.hash, *m_checkpointKey, error)) {
                m_head.valid = false;
                return {};
            }
            lastCheckpoint = entry.seq;
        }
        out.append(entry);
    }
    h.seq = seq;
    h.hash = prevHash;
    h.lastCheckpoint = lastCheckpoint;
    return out;
}

qint64 AuditLog::headSeq() const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT MAX(seq) FROM audit_log")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

qint64 AuditLog::lastCheckpointSeq() const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT MAX(seq) FROM checkpoints")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

std::optional<AuditLog::Checkpoint> AuditLog::checkpoint(const core::Ed25519PrivateKey &brokerKey, QString *error)
{
    storage::Transaction transaction(m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    QSqlQuery head(m_database.connection());
    if (!head.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) || !head.next())
        return std::nullopt;
    const qint64 seq = head.value(0).toLongLong();
    if (seq <= lastCheckpointSeq())
        return std::nullopt;
    auto cp = insertCheckpoint(seq, head.value(1).toString(), brokerKey, error);
    if (!cp || !transaction.commit(error))
        return std::nullopt;
    if (m_head.valid && m_head.seq == seq)
        m_head.lastCheckpoint = seq;
    return cp;
}

std::optional<AuditLog::Checkpoint> AuditLog::insertCheckpoint(qint64 seq, const QString &headHash,
                                                               const core::Ed25519PrivateKey &brokerKey, QString *error)
{
    Checkpoint cp;
    cp.seq = seq;
    cp.headHash = headHash;
    cp.issuedAt = nowText();
    const QJsonObject statement {{QStringLiteral("seq"), cp.seq},
                                 {QStringLiteral("head_hash"), cp.headHash},
                                 {QStringLiteral("issued_at"), cp.issuedAt},
                                 {QStringLiteral("broker"), brokerKey.keyId()}};
    const auto jws = core::Jws::signStatement(brokerKey, core::statement_type::checkpoint(), statement, error);
    if (!jws)
        return std::nullopt;
    cp.jws = QString::fromLatin1(*jws);
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO checkpoints (seq, head_hash, issued_at, jws) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(cp.seq);
    insert.addBindValue(cp.headHash);
    insert.addBindValue(cp.issuedAt);
    insert.addBindValue(cp.jws);
    if (!insert.exec()) {
        *error = QStringLiteral("checkpoint failed: %1").arg(insert.lastError().text());
        return std::nullopt;
    }
    return cp;
}

QList<core::AuditEntry> AuditLog::entries(qint64 from, qint64 to, qsizetype limit) const
{
    QList<core::AuditEntry> out;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(kEntryColumns + QStringLiteral(" WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?"));
    query.addBindValue(from);
    query.addBindValue(to <= 0 ? std::numeric_limits<qint64>::max() : to);
    query.addBindValue(qint64(limit));
    if (query.exec()) {
        while (query.next())
            out.append(entryFromRow(query.value(0), query.value(1), query.value(2), query.value(3), query.value(4),
                                    query.value(5), query.value(6)));
    }
    return out;
}

QList<core::AuditEntry> AuditLog::entriesForAction(const QString &actionId) const
{
    QList<core::AuditEntry> out;
    QSqlQuery query(m_database.connection());
    query.prepare(kEntryColumns + QStringLiteral(" WHERE action_id = ? ORDER BY seq"));
    query.addBindValue(actionId);
    if (query.exec()) {
        while (query.next())
            out.append(entryFromRow(query.value(0), query.value(1), query.value(2), query.value(3), query.value(4),
                                    query.value(5), query.value(6)));
    }
    return out;
}

QList<AuditLog::Checkpoint> AuditLog::checkpoints(qint64 from, qint64 to) const
{
    QList<Checkpoint> out;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT seq, head_hash, issued_at, jws FROM checkpoints WHERE seq >= ? AND seq <= ? "
                                 "ORDER BY seq"));
    query.addBindValue(from);
    query.addBindValue(to <= 0 ? std::numeric_limits<qint64>::max() : to);
    if (query.exec()) {
        while (query.next())
            out.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString()});
    }
    return out;
}

std::optional<QString> AuditLog::checkpointProblem(const Checkpoint &checkpoint, const core::Ed25519PublicKey &key)
{
    const core::JwsResult result
        = core::Jws::verifyStatement(checkpoint.jws.toLatin1(), key, core::statement_type::checkpoint());
    if (!result.ok())
        return QStringLiteral("checkpoint at seq %1 does not verify with the broker key (%2)")
            .arg(checkpoint.seq)
            .arg(result.message);
    if (result.statement.value(QStringLiteral("seq")).toInteger() != checkpoint.seq
        || result.statement.value(QStringLiteral("head_hash")).toString() != checkpoint.headHash)
        return QStringLiteral("checkpoint at seq %1 was altered: its signed content differs from the stored row")
            .arg(checkpoint.seq);
    return std::nullopt;
}

AuditLog::Report AuditLog::verify(const core::Ed25519PublicKey &brokerKey, qint64 from, VerifyMode mode) const
{
    Report report;
    QMap<qint64, Checkpoint> pending;
    for (const Checkpoint &cp : checkpoints(from, 0)) {
        if (const auto problem = checkpointProblem(cp, brokerKey)) {
            report.ok = false;
            report.firstBadSeq = cp.seq;
            report.problem = *problem;
            return report;
        }
        pending.insert(cp.seq, cp);
    }
    QString previous = core::AuditEntry::genesisHash();
    if (from > 1) {
        const QList<core::AuditEntry> before = entries(from - 1, from - 1, 1);
        if (before.isEmpty()) {
            report.ok = false;
            report.firstBadSeq = from - 1;
            report.problem = QStringLiteral("entry %1 is missing").arg(from - 1);
            return report;
        }
        previous = before.first().hash;
    }
    core::AuditChain chain(previous, from);
    // One verified entry: the seqs the report names and the checkpoint over it, if any.
    auto accepted = [&](qint64 seq, const QString &hash) {
        if (report.firstSeq == 0)
            report.firstSeq = seq;
        report.lastSeq = seq;
        const auto cp = pending.constFind(seq);
        if (cp == pending.constEnd())
            return true;
        if (cp->headHash != hash) {
            report.ok = false;
            report.firstBadSeq = seq;
            report.problem = QStringLiteral("entry does not match the signed checkpoint at seq %1").arg(seq);
            return false;
        }
        ++report.checkpointsVerified;
        report.lastCheckpointSeq = cp->seq;
        report.lastCheckpointAt = cp->issuedAt;
        pending.erase(cp);
        return true;
    };
    if (mode == VerifyMode::Full) {
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(kEntryColumns + QStringLiteral(" WHERE seq >= ? ORDER BY seq"));
        query.addBindValue(from);
        if (!query.exec()) {
            report.ok = false;
            report.problem = query.lastError().text();
            return report;
        }
        while (query.next()) {
            const core::AuditEntry entry = entryFromRow(query.value(0), query.value(1), query.value(2), query.value(3),
                                                        query.value(4), query.value(5), query.value(6));
            ++report.fullRederivations;
            if (!chain.add(entry))
                break;
            if (!accepted(entry.seq, entry.hash))
                return report;
        }
    } else {
        // The rows as SQLite stores them; a row the fast path cannot accept is
        // read again through Qt SQL, exactly as the full path reads it, and judged by add().
        QString error;
        const auto rows = storage::RawQuery::prepare(
            m_database,
            "SELECT seq, at, event, action_id, data, prev_hash, hash, rowid FROM audit_log "
            "WHERE seq >= ? ORDER BY seq",
            &error);
        if (!rows || !rows->bind(1, from)) {
            report.ok = false;
            report.problem = rows ? QStringLiteral("cannot bind the audit query") : error;
            return report;
        }
        using Type = storage::RawQuery::Type;
        QSqlQuery again(m_database.connection());
        again.prepare(kEntryColumns + QStringLiteral(" WHERE rowid = ?"));
        while (rows->next()) {
            const bool textual = rows->type(0) == Type::Integer && rows->type(1) == Type::Text
                && rows->type(2) == Type::Text && (rows->type(3) == Type::Text || rows->type(3) == Type::Null)
                && rows->type(4) == Type::Text && rows->type(5) == Type::Text && rows->type(6) == Type::Text;
            if (textual) {
                const core::AuditEntryText text {rows->integer(0), rows->text(1), rows->text(2),
                                                 rows->text(3),    rows->text(4), rows->text(5)};
                const QByteArrayView hash = rows->text(6);
                if (chain.addCanonical(text, hash)) {
                    // The stored hash is the computed one, plain ASCII.
                    if (!accepted(text.seq, pending.contains(text.seq) ? QString::fromLatin1(hash) : QString()))
                        return report;
                    continue;
                }
            }
            ++report.fullRederivations;
            again.bindValue(0, rows->integer(7));
            if (!again.exec() || !again.next()) {
                report.ok = false;
                report.firstBadSeq = rows->integer(0);
                report.problem = QStringLiteral("cannot read the audit entry again: %1").arg(again.lastError().text());
                return report;
            }
            const core::AuditEntry entry = entryFromRow(again.value(0), again.value(1), again.value(2), again.value(3),
                                                        again.value(4), again.value(5), again.value(6));
            if (!chain.add(entry))
                break;
            if (!accepted(entry.seq, entry.hash))
                return report;
        }
        if (!rows->error().isEmpty() && chain.result().ok) {
            // Fail closed: a log that cannot be read to its end is not verified.
            report.ok = false;
            report.firstBadSeq = report.lastSeq + 1;
            report.problem = QStringLiteral("reading the audit log failed: %1").arg(rows->error());
            return report;
        }
    }
    if (!chain.result().ok) {
        report.ok = false;
        report.firstBadSeq = chain.result().firstBadSeq;
        report.problem = chain.result().problem;
        return report;
    }
    report.entries = chain.result().count;
    if (!pending.isEmpty()) {
        report.ok = false;
        report.firstBadSeq = report.lastSeq + 1;
        report.problem = QStringLiteral("a signed checkpoint covers seq %1, but the log ends at seq %2 (entries "
                                        "deleted from the end)")
                             .arg(pending.firstKey())
                             .arg(report.lastSeq);
    }
    return report;
}

bool AuditLog::exportRange(QIODevice *out, const core::Ed25519PublicKey &brokerKey, qint64 from, qint64 to,
                           QString *error) const
{
    const QList<Checkpoint> cps = checkpoints(from, 0);
    qint64 last = to > 0 ? to : headSeq();
    // Extend the range to the next signed checkpoint, so every exported entry
    // is covered by a broker signature.
    for (const Checkpoint &cp : cps) {
        if (cp.seq >= last) {
            last = cp.seq;
            break;
        }
    }
    const QJsonObject header {{QStringLiteral("format"), QStringLiteral("countersign-audit-export/1")},
                              {QStringLiteral("broker_key_id"), brokerKey.keyId()},
                              {QStringLiteral("broker_public_key"), QString::fromLatin1(brokerKey.toBase64Url())},
                              {QStringLiteral("from"), from},
                              {QStringLiteral("to"), last},
                              {QStringLiteral("exported_at"), nowText()}};
    auto writeLine = [out](const QJsonObject &object) {
        const QByteArray line = core::CanonicalJson::serializeOrEmpty(object) + '\n';
        return out->write(line) == line.size();
    };
    if (!writeLine(header)) {
        *error = out->errorString();
        return false;
    }
    if (from > 1) {
        // The hash the first exported entry chains to, so the range verifies on its own.
        const QList<core::AuditEntry> before = entries(from - 1, from - 1, 1);
        if (!before.isEmpty())
            writeLine({{QStringLiteral("type"), QStringLiteral("anchor")},
                       {QStringLiteral("seq"), before.first().seq},
                       {QStringLiteral("hash"), before.first().hash}});
    }
    qsizetype nextCp = 0;
    for (qint64 chunk = from; chunk <= last; chunk += 1000) {
        for (const core::AuditEntry &entry : entries(chunk, std::min(last, chunk + 999), 1000)) {
            if (!writeLine(
                    {{QStringLiteral("type"), QStringLiteral("entry")}, {QStringLiteral("entry"), entry.toJson()}})) {
                *error = out->errorString();
                return false;
            }
            while (nextCp < cps.size() && cps.at(nextCp).seq <= entry.seq) {
                const Checkpoint &cp = cps.at(nextCp++);
                writeLine({{QStringLiteral("type"), QStringLiteral("checkpoint")},
                           {QStringLiteral("seq"), cp.seq},
                           {QStringLiteral("jws"), cp.jws}});
            }
        }
    }
    return true;
}

} // namespace countersign::broker
