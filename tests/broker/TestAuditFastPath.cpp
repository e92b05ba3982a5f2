// `AuditLog::verify` hashes each row's stored canonical texts (the fast path)
// and re-derives an entry in full only when that does not prove it. These tests
// tamper with a real broker-schema SQLite file the way someone with write access
// would and require the fast path to reach exactly the verdict, the first bad
// seq and the message of the full re-derivation (VerifyMode::Full, the only path
// before) — and that rows the fast path cannot judge are decided by the full one.

#include "broker/AuditLog.h"
#include "core/CanonicalJson.h"
#include "core/Ed25519PrivateKey.h"
#include "storage/BrokerSchema.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using Mode = broker::AuditLog::VerifyMode;

namespace {

constexpr int kEntries = 65; // checkpoints at 10, 20, ... 60; 61-65 chained but not signed
constexpr int kCheckpointEvery = 10;

struct Log
{
    QTemporaryDir dir;
    std::unique_ptr<storage::Database> database;
    core::Ed25519PrivateKey key = core::Ed25519PrivateKey::generate();
    std::unique_ptr<broker::AuditLog> audit;
};

// The hash over the row's texts spliced as the fast path splices them, computed
// here independently (Qt's SHA-256): what an attacker who knows the format but
// not the broker key could store for bytes that are not canonical.
QString splicedHash(const QSqlDatabase &db, qint64 seq)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT at, event, action_id, data, prev_hash FROM audit_log WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec() || !q.next())
        return QString();
    QByteArray bytes = "{";
    if (!q.value(2).isNull())
        bytes += "\"action_id\":\"" + q.value(2).toString().toUtf8() + "\",";
    bytes += "\"at\":\"" + q.value(0).toString().toUtf8() + "\",\"data\":" + q.value(3).toString().toUtf8()
        + ",\"event\":\"" + q.value(1).toString().toUtf8() + "\",\"prev_hash\":\"" + q.value(4).toString().toUtf8()
        + "\",\"seq\":" + QByteArray::number(seq) + "}";
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestAuditFastPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untouchedLogTakesOnlyTheFastPath();
    void tamperedLogGetsTheSameVerdict_data();
    void tamperedLogGetsTheSameVerdict();
    void equivalentNonCanonicalRowsAreDecidedByTheFullPath();
    void rechainedRewriteIsCaughtByTheCheckpointOnBothPaths();
    void entriesGivenAsTextVerifyOnBothPaths();

private:
    static bool build(Log &log);
    static bool exec(Log &log, const QString &sql);
    // Both reports, compared field by field; returns the fast one.
    static broker::AuditLog::Report both(Log &log, qint64 from = 1);
};

bool TestAuditFastPath::build(Log &log)
{
    QString error;
    log.database = storage::Database::open(log.dir.filePath(QStringLiteral("countersignd.db")), &error);
    if (!log.database || !log.database->migrate(storage::BrokerSchema::migrations(), &error)) {
        qWarning() << error;
        return false;
    }
    log.audit = std::make_unique<broker::AuditLog>(*log.database);
    log.audit->setCheckpointing(&log.key, kCheckpointEvery);
    QList<broker::AuditLog::NewEntry> entries;
    for (int i = 1; i <= kEntries; ++i) {
        const QString id = QStringLiteral("act_%1").arg(i / 3, 6, 10, QLatin1Char('0'));
        switch (i % 5) {
        case 0: // no action: a kill switch, as the broker writes it
            entries.append({QStringLiteral("kill_switch_engaged"),
                            QString(),
                            {{QStringLiteral("scope"), QStringLiteral("tool")},
                             {QStringLiteral("target"), QStringLiteral("fs.write_file")},
                             {QStringLiteral("killed"), QJsonArray {id, QString(id + QStringLiteral("b"))}}}});
            break;
        case 1:
            entries.append(
                {QStringLiteral("submitted"),
                 id,
                 {{QStringLiteral("digest"), QStringLiteral("sha256:9fXk1bq2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t")},
                  {QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("user"), QStringLiteral("zoë@acme.example — “quoted” \"x\"\n")}}});
            break;
        case 2:
            entries.append({QStringLiteral("policy_decided"),
                            id,
                            {{QStringLiteral("decision"), QStringLiteral("approve")},
                             {QStringLiteral("quorum"), 2},
                             {QStringLiteral("score"), 0.75},
                             {QStringLiteral("forbid_requester"), true}}});
            break;
        case 3:
            entries.append({QStringLiteral("decision_accepted"), id, {}});
            break;
        default:
            entries.append({QStringLiteral("resolved"),
                            id,
                            {{QStringLiteral("status"), QStringLiteral("approved")},
                             {QStringLiteral("nested"), QJsonObject {{QStringLiteral("a"), QJsonArray {1, 2}}}}}});
        }
    }
    storage::Transaction transaction(*log.database);
    if (!transaction.begin(&error) || !log.audit->appendMany(entries, &error) || !transaction.commit(&error)) {
        qWarning() << error;
        return false;
    }
    return true;
}

bool TestAuditFastPath::exec(Log &log, const QString &sql)
{
    for (const QString &statement : sql.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        QSqlQuery q(log.database->connection());
        if (!q.exec(statement)) {
            qWarning() << statement << q.lastError().text();
            return false;
        }
    }
    return true;
}

broker::AuditLog::Report TestAuditFastPath::both(Log &log, qint64 from)
{
    const auto fast = log.audit->verify(log.key.publicKey(), from, Mode::Fast);
    const auto full = log.audit->verify(log.key.publicKey(), from, Mode::Full);
    [&] {
        QCOMPARE(fast.ok, full.ok);
        QCOMPARE(fast.firstBadSeq, full.firstBadSeq);
        QCOMPARE(fast.problem, full.problem);
        QCOMPARE(fast.entries, full.entries);
        QCOMPARE(fast.firstSeq, full.firstSeq);
        QCOMPARE(fast.lastSeq, full.lastSeq);
        QCOMPARE(fast.checkpointsVerified, full.checkpointsVerified);
        QCOMPARE(fast.lastCheckpointSeq, full.lastCheckpointSeq);
        QCOMPARE(fast.lastCheckpointAt, full.lastCheckpointAt);
        QCOMPARE(fast.summary(), full.summary());
    }();
    return fast;
}

void TestAuditFastPath::untouchedLogTakesOnlyTheFastPath()
{
    Log log;
    QVERIFY(build(log));
    for (const qint64 from : {1, 2, 25, 61}) {
        const auto report = both(log, from);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(report.ok, qPrintable(report.summary()));
        QCOMPARE(report.entries, kEntries - from + 1);
        QCOMPARE(report.fullRederivations, 0);
    }
    QCOMPARE(both(log).checkpointsVerified, kEntries / kCheckpointEvery);
}

void TestAuditFastPath::tamperedLogGetsTheSameVerdict_data()
{
    QTest::addColumn<QString>("sql"); // {spliced:N} is replaced by splicedHash(N) after the first statements
    QTest::addColumn<qint64>("firstBad");
    QTest::newRow("data byte changed") << QStringLiteral("UPDATE audit_log SET data = replace(data, 'acme', 'acne') "
                                                         "WHERE seq = 21")
                                       << qint64(21);
    QTest::newRow("event changed") << QStringLiteral("UPDATE audit_log SET event = 'resolvex' WHERE seq = 24")
                                   << qint64(24);
    QTest::newRow("at changed") << QStringLiteral("UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE seq = 22")
                                << qint64(22);
    QTest::newRow("action_id changed") << QStringLiteral("UPDATE audit_log SET action_id = 'act_x' WHERE seq = 22")
                                       << qint64(22);
    QTest::newRow("action_id removed") << QStringLiteral("UPDATE audit_log SET action_id = NULL WHERE seq = 22")
                                       << qint64(22);
    QTest::newRow("action_id added") << QStringLiteral("UPDATE audit_log SET action_id = 'act_x' WHERE seq = 25")
                                     << qint64(25);
    QTest::newRow("prev_hash changed") << QStringLiteral("UPDATE audit_log SET prev_hash = (SELECT hash FROM "
                                                         "audit_log WHERE seq = 20) WHERE seq = 23")
                                       << qint64(23);
    QTest::newRow("hash changed") << QStringLiteral("UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE "
                                                    "seq = 20) WHERE seq = 23")
                                  << qint64(23);
    QTest::newRow("entry deleted") << QStringLiteral("DELETE FROM audit_log WHERE seq = 33") << qint64(33);
    QTest::newRow("data swapped") << QStringLiteral("UPDATE audit_log SET data = CASE seq WHEN 31 THEN (SELECT data "
                                                    "FROM audit_log WHERE seq = 32) ELSE (SELECT data FROM audit_log "
                                                    "WHERE seq = 31) END WHERE seq IN (31, 32)")
                                  << qint64(31);
    QTest::newRow("rows reordered") << QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 42; UPDATE audit_log "
                                                      "SET seq = 42 WHERE seq = 43; UPDATE audit_log SET seq = 43 "
                                                      "WHERE seq = -1")
                                    << qint64(42);
    QTest::newRow("checkpoint forged") << QStringLiteral("UPDATE checkpoints SET head_hash = (SELECT hash FROM "
                                                         "audit_log WHERE seq = 29) WHERE seq = 30")
                                       << qint64(30);
    QTest::newRow("tail deleted under a checkpoint")
        << QStringLiteral("DELETE FROM audit_log WHERE seq >= 58") << qint64(58);
    QTest::newRow("unsigned tail altered") << QStringLiteral("UPDATE audit_log SET data = replace(data, 'acme', "
                                                             "'acne') WHERE seq = 61")
                                           << qint64(61);
    QTest::newRow("seq stored as text") << QStringLiteral("UPDATE audit_log SET hash = hash || ' ' WHERE seq = 12")
                                        << qint64(12);
    // Bytes that are not canonical, with the hash an attacker computes over
    // exactly those bytes: the fast path must not take them (the full path
    // hashes the canonical form, which differs).
    QTest::newRow("whitespace, hash over the spliced bytes")
        << QStringLiteral("UPDATE audit_log SET data = replace(data, ',\"', ', \"') WHERE seq = 22; "
                          "UPDATE audit_log SET hash = '{spliced:22}' WHERE seq = 22")
        << qint64(22);
    QTest::newRow("member injected, hash over the spliced bytes")
        << QStringLiteral("UPDATE audit_log SET data = '{},\"evil\":1' WHERE seq = 23; "
                          "UPDATE audit_log SET hash = '{spliced:23}' WHERE seq = 23")
        << qint64(23);
    QTest::newRow("zero milliseconds, hash over the spliced bytes")
        << QStringLiteral("UPDATE audit_log SET at = '2026-12-04T14:00:00.000Z' WHERE seq = 24; "
                          "UPDATE audit_log SET hash = '{spliced:24}' WHERE seq = 24")
        << qint64(24);
    QTest::newRow("escaped slash, hash over the spliced bytes")
        << QStringLiteral("UPDATE audit_log SET data = '{\"a\":\"\\/\"}' WHERE seq = 26; "
                          "UPDATE audit_log SET hash = '{spliced:26}' WHERE seq = 26")
        << qint64(26);
}

void TestAuditFastPath::tamperedLogGetsTheSameVerdict()
{
    QFETCH(QString, sql);
    QFETCH(qint64, firstBad);
    Log log;
    QVERIFY(build(log));
    const QStringList statements = sql.split(QStringLiteral("; "));
    for (QString statement : statements) {
        const qsizetype at = statement.indexOf(QStringLiteral("{spliced:"));
        if (at >= 0) {
            const qsizetype end = statement.indexOf(QLatin1Char('}'), at);
            const qint64 seq = statement.mid(at + 9, end - at - 9).toLongLong();
            statement.replace(at, end - at + 1, splicedHash(log.database->connection(), seq));
        }
        QVERIFY(exec(log, statement));
    }
    const auto report = both(log);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!report.ok, qPrintable(report.summary()));
    QCOMPARE(report.firstBadSeq, firstBad);
    // Only the entry that broke was re-derived; everything before it took the fast path.
    QVERIFY2(report.fullRederivations <= 1, qPrintable(QString::number(report.fullRederivations)));
}

void TestAuditFastPath::equivalentNonCanonicalRowsAreDecidedByTheFullPath()
{
    // Rows that mean the same entry but are not stored canonically: the same
    // canonical bytes, so the stored hashes (and the signed checkpoints) still
    // hold. The fast path cannot prove that and hands them to the full path.
    Log log;
    QVERIFY(build(log));
    QVERIFY(exec(log, QStringLiteral("UPDATE audit_log SET data = replace(data, ',\"', ', \"') WHERE seq = 21")));
    QVERIFY(exec(log, QStringLiteral("UPDATE audit_log SET data = replace(data, '{\"', '{ \"') WHERE seq = 34")));
    QVERIFY(exec(log, QStringLiteral("UPDATE audit_log SET at = replace(at, 'Z', '+00:00') WHERE seq = 22")));
    QVERIFY(exec(log, QStringLiteral("UPDATE audit_log SET data = CAST(data AS BLOB) WHERE seq = 47")));
    // seq 63 (unsigned tail): other content with its keys unsorted, and the
    // hashes from it on recomputed the only way the format defines (over the
    // canonical form): a rewrite of the unsigned tail, which both paths accept alike.
    QVERIFY(exec(log,
                 QStringLiteral("UPDATE audit_log SET data = '{\"tenant\":\"acme\",\"digest\":\"x\"}' "
                                "WHERE seq = 63")));
    for (qint64 seq = 63; seq <= kEntries; ++seq) {
        const auto e = log.audit->entries(seq, seq, 1).first();
        QVERIFY(
            exec(log, QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE seq = %2").arg(e.computeHash()).arg(seq)));
        if (seq < kEntries)
            QVERIFY(exec(log,
                         QStringLiteral("UPDATE audit_log SET prev_hash = '%1' WHERE seq = %2")
                             .arg(e.computeHash())
                             .arg(seq + 1)));
    }
    const auto report = both(log);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(report.ok, qPrintable(report.summary()));
    QCOMPARE(report.entries, kEntries);
    QCOMPARE(report.checkpointsVerified, kEntries / kCheckpointEvery);
    QCOMPARE(report.fullRederivations, 5);
}

void TestAuditFastPath::rechainedRewriteIsCaughtByTheCheckpointOnBothPaths()
{
    // A canonical rewrite of seq 21 with every later hash recomputed: the chain
    // holds, every row is canonical so the fast path accepts each of them — and
    // the signed checkpoint at 30 is what catches it, on both paths alike.
    Log log;
    QVERIFY(build(log));
    QVERIFY(exec(log, QStringLiteral("UPDATE audit_log SET data = '{}' WHERE seq = 21")));
    for (qint64 seq = 21; seq <= kEntries; ++seq) {
        const auto e = log.audit->entries(seq, seq, 1).first();
        QVERIFY(
            exec(log, QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE seq = %2").arg(e.computeHash()).arg(seq)));
        if (seq < kEntries)
            QVERIFY(exec(log,
                         QStringLiteral("UPDATE audit_log SET prev_hash = '%1' WHERE seq = %2")
                             .arg(e.computeHash())
                             .arg(seq + 1)));
    }
    const auto report = both(log);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!report.ok);
    QCOMPARE(report.firstBadSeq, 30);
    QVERIFY2(report.problem.contains(QStringLiteral("signed checkpoint")), qPrintable(report.problem));
    QCOMPARE(report.fullRederivations, 0);
}

void TestAuditFastPath::entriesGivenAsTextVerifyOnBothPaths()
{
    // What a submission appends: the data as canonical text (NewEntry::dataText),
    // no object. Where the splice cannot be made — here a non-ASCII action
    // id — the hash must still be over that data, read back from the text.
    Log log;
    QVERIFY(build(log));
    const auto data = core::CanonicalJson::stringObject(
        {{QStringLiteral("tenant"), QStringLiteral("acme")}, {QStringLiteral("user"), QStringLiteral("zoë \"q\"")}});
    QVERIFY(data);
    const QList<broker::AuditLog::NewEntry> entries {
        {QStringLiteral("submitted"), QStringLiteral("act_plain"), {}, *data},
        {QStringLiteral("submitted"), QStringLiteral("act_\u00e9"), {}, *data},
        {QStringLiteral("policy_decided"), QStringLiteral("act_plain"), {}, QByteArrayLiteral("{}")}};
    storage::Transaction transaction(*log.database);
    QString error;
    QVERIFY2(transaction.begin(&error) && log.audit->appendMany(entries, &error) && transaction.commit(&error),
             qPrintable(error));
    const auto report = both(log);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(report.ok, qPrintable(report.summary()));
    QCOMPARE(report.entries, kEntries + 3);
    QCOMPARE(report.fullRederivations, 1); // the non-ASCII id, on the generic path both ways
}

QTEST_GUILESS_MAIN(TestAuditFastPath)
#include "TestAuditFastPath.moc"
