#include "core/AuditChain.h"
#include "core/AuditEntry.h"
#include "core/CanonicalJson.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/KeyFile.h"
#include "core/Sha256.h"
#include "core/StatementType.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:audit-tests");
constexpr int kCheckpointEvery = 5;

const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "deny-audit-bad"
description = "Never"
action = "deny"
[rules.match]
tool = "au.bad"

[[rules]]
id = "allow-audit-read"
description = "Reads"
action = "allow"
[rules.match]
tool = "au.read"

[[rules]]
id = "approve-audit-tools"
description = "Everything else is held"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "au.*"
)";

} // namespace

// The audit log is tamper-evident: a copy of a real broker's database is altered
// the way someone with write access to the file would, and `countersignd audit
// verify` must fail and name the first entry that no longer verifies. An export
// verifies on its own with nothing but the broker's public key.
class TestAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void policyLoadedEntryRecordsThePolicyHash();
    void checkpointAtLeastEveryNEntries();
    void untouchedLogVerifies();
    void tamperedColumnIsNamed_data();
    void tamperedColumnIsNamed();
    void deletedEntryIsNamed();
    void swappedEntriesNameTheFirst();
    void forgedCheckpointIsDetected_data();
    void forgedCheckpointIsDetected();
    void truncatedTailAfterACheckpointIsDetected();
    void rechainedRewriteIsCaughtByTheNextCheckpoint();
    void exportVerifiesOnItsOwn();
    void exportedRangeVerifiesFromItsAnchor();
    void alteredExportFailsTheOfflineVerifier();

private:
    // What a third party holding only the broker's public key can check in an
    // `audit export`: every entry chains to the one before (or to the anchor), every
    // checkpoint is the broker's signature over an exported entry's hash, and the
    // last entry is covered by a checkpoint.
    struct ExportCheck
    {
        bool ok = false;
        QString problem;
        qint64 entries = 0;
        qint64 checkpoints = 0;
    };
    static ExportCheck verifyExport(const QByteArray &jsonLines, const core::Ed25519PublicKey &brokerKey);
    // A tampered copy of the broker's directory: `statements` run on its database.
    bool tamperedCopy(QTemporaryDir &dir, const QString &statements);
    ProcessRunner::Result verify(const QString &directory) const;
    QByteArray exportLog(const QStringList &extra = {}) const;
    qint64 entrySeq(const QString &event, int offset) const;
    QList<qint64> checkpointSeqs() const;

    BrokerFixture m_broker;
    std::optional<core::Ed25519PublicKey> m_brokerKey;
};

TestAudit::ExportCheck TestAudit::verifyExport(const QByteArray &jsonLines, const core::Ed25519PublicKey &brokerKey)
{
    ExportCheck check;
    const QList<QByteArray> lines = jsonLines.trimmed().split('\n');
    auto fail = [&](const QString &problem) {
        check.problem = problem;
        return check;
    };
    QList<QJsonObject> objects;
    for (const QByteArray &line : lines) {
        const auto parsed = core::JsonParser::parseObject(line);
        if (!parsed.ok())
            return fail(QStringLiteral("not JSON: ") + parsed.error.toString());
        objects.append(parsed.value->toObject());
    }
    if (objects.isEmpty())
        return fail(QStringLiteral("empty export"));
    const QJsonObject header = objects.takeFirst();
    if (header.value(QStringLiteral("format")).toString() != QStringLiteral("countersign-audit-export/1"))
        return fail(QStringLiteral("unknown format"));
    if (header.value(QStringLiteral("broker_key_id")).toString() != brokerKey.keyId())
        return fail(QStringLiteral("exported for another broker key"));
    QString previous = core::AuditEntry::genesisHash();
    qint64 firstSeq = header.value(QStringLiteral("from")).toInteger();
    if (!objects.isEmpty() && objects.first().value(QStringLiteral("type")).toString() == QStringLiteral("anchor")) {
        const QJsonObject anchor = objects.takeFirst();
        previous = anchor.value(QStringLiteral("hash")).toString();
        firstSeq = anchor.value(QStringLiteral("seq")).toInteger() + 1;
    }
    core::AuditChain chain(previous, firstSeq);
    QHash<qint64, QString> hashes;
    qint64 lastEntry = 0;
    qint64 lastCheckpoint = 0;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QString type = object.value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("entry")) {
            core::ValidationErrors errors;
            const core::AuditEntry entry
                = core::AuditEntry::read(object.value(QStringLiteral("entry")).toObject(), &errors);
            if (!errors.isEmpty())
                return fail(errors.first().toString());
            if (!chain.add(entry))
                return fail(QStringLiteral("seq %1: %2").arg(chain.result().firstBadSeq).arg(chain.result().problem));
            hashes.insert(entry.seq, entry.hash);
            lastEntry = entry.seq;
            ++check.entries;
        } else if (type == QStringLiteral("checkpoint")) {
            const core::JwsResult signedCheckpoint
                = core::Jws::verifyStatement(object.value(QStringLiteral("jws")).toString().toLatin1(), brokerKey,
                                             core::statement_type::checkpoint());
            if (!signedCheckpoint.ok())
                return fail(QStringLiteral("checkpoint signature: ") + signedCheckpoint.message);
            const qint64 seq = signedCheckpoint.statement.value(QStringLiteral("seq")).toInteger();
            if (seq != object.value(QStringLiteral("seq")).toInteger() || !hashes.contains(seq)
                || hashes.value(seq) != signedCheckpoint.statement.value(QStringLiteral("head_hash")).toString())
                return fail(QStringLiteral("checkpoint at seq %1 does not sign the exported entry").arg(seq));
            lastCheckpoint = seq;
            ++check.checkpoints;
        } else {
            return fail(QStringLiteral("unknown line type ") + type);
        }
    }
    if (lastEntry == 0 || lastCheckpoint != lastEntry)
        return fail(QStringLiteral("entries after seq %1 are not covered by a signed checkpoint").arg(lastCheckpoint));
    check.ok = true;
    return check;
}

void TestAudit::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    QVERIFY(m_broker.setConfigValue(QStringLiteral("audit"), QStringLiteral("checkpoint_every_entries"),
                                    QString::number(kCheckpointEvery)));
    const QString token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("au.*")});
    const auto oncall
        = m_broker.enrolApprover(QStringLiteral("Otto"), {QStringLiteral("oncall")}, {QStringLiteral("*")});
    QVERIFY(!oncall.keyId.isEmpty());
    m_brokerKey = core::KeyFile::readPublicKey(m_broker.dir() + QStringLiteral("/keys/broker.pub"));
    QVERIFY(m_brokerKey);
    QVERIFY2(m_broker.start(&error), qPrintable(error));

    // Activity of every shape: three entries per allow or deny, two per held
    // action, and one kill switch that resolves eight actions in one transaction.
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), token);
    int key = 0;
    for (const auto &[tool, status] : {std::pair {QStringLiteral("au.read"), 200},
                                       {QStringLiteral("au.bad"), 200},
                                       {QStringLiteral("au.write"), 202},
                                       {QStringLiteral("au.read"), 200},
                                       {QStringLiteral("au.write"), 202},
                                       {QStringLiteral("au.bad"), 200}}) {
        const auto reply
            = agent.submit(TestActions::bytes(TestActions::action(kTenant, kAgent, tool)), QString::number(++key));
        QCOMPARE(reply.status, status);
    }
    for (int i = 0; i < 6; ++i)
        QCOMPARE(agent
                     .submit(TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("au.write"))),
                             QString::number(++key))
                     .status,
                 202);
    ConsoleClient console(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(console.login(*oncall.key));
    const QJsonObject engaged = console.killSwitch(
        ConsoleClient::signKillSwitch(*oncall.key, QStringLiteral("engage"), QStringLiteral("tool"),
                                      QStringLiteral("au.write"), QStringLiteral("audit test")));
    QVERIFY(engaged.value(QStringLiteral("accepted")).toBool());
    QCOMPARE(engaged.value(QStringLiteral("killed_count")).toInt(), 8);
    QCOMPARE(agent
                 .submit(TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("au.read"))),
                         QString::number(++key))
                 .status,
             200);
}

ProcessRunner::Result TestAudit::verify(const QString &directory) const
{
    return m_broker.cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"),
                         directory + QStringLiteral("/countersignd.conf")});
}

bool TestAudit::tamperedCopy(QTemporaryDir &dir, const QString &statements)
{
    QString error;
    if (!dir.isValid() || !m_broker.copyTo(dir.path(), &error)) {
        qWarning() << "copy failed:" << error;
        return false;
    }
    const auto result = ProcessRunner(QStringLiteral("sqlite3"))
                            .run({QStringLiteral("-batch"), QStringLiteral("-bail"),
                                  dir.filePath(QStringLiteral("countersignd.db")), statements});
    if (result.exitCode != 0)
        qWarning() << "sqlite3:" << result.err;
    return result.exitCode == 0;
}

QByteArray TestAudit::exportLog(const QStringList &extra) const
{
    const auto result = m_broker.cli(QStringList {QStringLiteral("audit"), QStringLiteral("export"),
                                                  QStringLiteral("--config"), m_broker.configPath()}
                                     + extra);
    return result.exitCode == 0 ? result.out : QByteArray();
}

qint64 TestAudit::entrySeq(const QString &event, int offset) const
{
    return m_broker
        .sqlValue(QStringLiteral("SELECT seq FROM audit_log WHERE event = '%1' ORDER BY seq LIMIT 1 OFFSET %2")
                      .arg(event)
                      .arg(offset))
        .toLongLong();
}

QList<qint64> TestAudit::checkpointSeqs() const
{
    QList<qint64> seqs;
    const QStringList lines = m_broker.sqlValue(QStringLiteral("SELECT seq FROM checkpoints ORDER BY seq"))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        seqs.append(line.toLongLong());
    return seqs;
}

void TestAudit::policyLoadedEntryRecordsThePolicyHash()
{
    const QString data = m_broker.sqlValue(
        QStringLiteral("SELECT data FROM audit_log WHERE event = 'policy_loaded' ORDER BY seq DESC LIMIT 1"));
    const QJsonObject entry = core::JsonParser::parseObject(data.toUtf8()).value.value_or(QJsonObject()).toObject();
    QCOMPARE(entry.value(QStringLiteral("sha256")).toString(), QString::fromLatin1(core::Sha256::hex(kPolicy)));
    QCOMPARE(entry.value(QStringLiteral("rules")).toInteger(), 3);
    QCOMPARE(entry.value(QStringLiteral("broker")).toString(), m_broker.brokerKeyId());
}

void TestAudit::checkpointAtLeastEveryNEntries()
{
    const QList<qint64> checkpoints = checkpointSeqs();
    const qint64 head = m_broker.auditHead();
    QVERIFY(head > 4 * kCheckpointEvery);
    qint64 previous = 0;
    for (const qint64 seq : checkpoints) {
        QVERIFY2(seq - previous <= kCheckpointEvery,
                 qPrintable(QStringLiteral("%1 entries between the checkpoints at seq %2 and %3")
                                .arg(seq - previous)
                                .arg(previous)
                                .arg(seq)));
        previous = seq;
    }
    QVERIFY2(head - previous < kCheckpointEvery,
             qPrintable(QStringLiteral("%1 unsigned entries after the last checkpoint").arg(head - previous)));
}

void TestAudit::untouchedLogVerifies()
{
    const auto result = verify(m_broker.dir());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.startsWith("verified "));
    QTemporaryDir copy;
    QVERIFY(tamperedCopy(copy, QStringLiteral("SELECT 1;")));
    const auto copied = verify(copy.path());
    QVERIFY2(copied.exitCode == 0, copied.err.constData());
}

void TestAudit::tamperedColumnIsNamed_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("position"); // SQL for the 1-based index of the byte to change
    QTest::newRow("data") << QStringLiteral("data") << QStringLiteral("instr(data, 'sha256:') + 12");
    QTest::newRow("event") << QStringLiteral("event") << QStringLiteral("3");
    QTest::newRow("at") << QStringLiteral("at") << QStringLiteral("19");
    QTest::newRow("action_id") << QStringLiteral("action_id") << QStringLiteral("9");
    QTest::newRow("prev_hash") << QStringLiteral("prev_hash") << QStringLiteral("20");
    QTest::newRow("hash") << QStringLiteral("hash") << QStringLiteral("20");
}

void TestAudit::tamperedColumnIsNamed()
{
    QFETCH(QString, column);
    QFETCH(QString, position);
    const qint64 seq = entrySeq(QStringLiteral("submitted"), 2);
    QVERIFY(seq > 1 && seq < checkpointSeqs().last());
    // One byte: a digit becomes the next digit, anything else becomes 'A' (or 'B').
    const QString byte = QStringLiteral("substr(%1, %2, 1)").arg(column, position);
    QTemporaryDir copy;
    QVERIFY(tamperedCopy(copy,
                         QStringLiteral("UPDATE audit_log SET %1 = substr(%1, 1, %2 - 1) || CASE "
                                        "WHEN %3 = '9' THEN '0' WHEN %3 BETWEEN '0' AND '8' THEN char(unicode(%3) + 1) "
                                        "WHEN %3 = 'A' THEN 'B' ELSE 'A' END || substr(%1, %2 + 1) WHERE seq = %4;")
                             .arg(column, position, byte)
                             .arg(seq)));
    const auto result = verify(copy.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("FAILED at seq %1:").arg(seq).toUtf8()), result.err.constData());
}

void TestAudit::deletedEntryIsNamed()
{
    const qint64 seq = entrySeq(QStringLiteral("policy_decided"), 3);
    QTemporaryDir copy;
    QVERIFY(tamperedCopy(copy, QStringLiteral("DELETE FROM audit_log WHERE seq = %1;").arg(seq)));
    const auto result = verify(copy.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("FAILED at seq %1:").arg(seq).toUtf8()), result.err.constData());
    QVERIFY2(result.err.contains("missing"), result.err.constData());
}

void TestAudit::swappedEntriesNameTheFirst()
{
    const qint64 first = entrySeq(QStringLiteral("submitted"), 1);
    const qint64 second = entrySeq(QStringLiteral("submitted"), 4);
    QVERIFY(first < second);
    QTemporaryDir copy;
    QVERIFY(tamperedCopy(copy,
                         QStringLiteral("UPDATE audit_log SET data = CASE seq WHEN %1 THEN (SELECT data FROM audit_log "
                                        "WHERE seq = %2) ELSE (SELECT data FROM audit_log WHERE seq = %1) END "
                                        "WHERE seq IN (%1, %2);")
                             .arg(first)
                             .arg(second)));
    const auto result = verify(copy.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("FAILED at seq %1:").arg(first).toUtf8()), result.err.constData());
}

void TestAudit::forgedCheckpointIsDetected_data()
{
    QTest::addColumn<QString>("forgery");
    QTest::newRow("head_hash changed") << QStringLiteral("head_hash");
    QTest::newRow("moved to another seq") << QStringLiteral("seq");
    QTest::newRow("signed by another key") << QStringLiteral("jws");
}

void TestAudit::forgedCheckpointIsDetected()
{
    QFETCH(QString, forgery);
    // A checkpoint in the middle with an unsigned entry just before it (to move it to).
    const QList<qint64> checkpoints = checkpointSeqs();
    qint64 seq = 0;
    for (qsizetype i = checkpoints.size() / 2; i < checkpoints.size() && seq == 0; ++i) {
        if (i > 0 && checkpoints.at(i) - checkpoints.at(i - 1) >= 2)
            seq = checkpoints.at(i);
    }
    QVERIFY(seq > 0);
    QString statement;
    if (forgery == QStringLiteral("head_hash")) {
        statement = QStringLiteral("UPDATE checkpoints SET head_hash = (SELECT hash FROM audit_log WHERE seq = %1 - 1) "
                                   "WHERE seq = %1;")
                        .arg(seq);
    } else if (forgery == QStringLiteral("seq")) {
        statement = QStringLiteral("UPDATE checkpoints SET seq = %1 - 1, head_hash = (SELECT hash FROM audit_log "
                                   "WHERE seq = %1 - 1) WHERE seq = %1;")
                        .arg(seq);
    } else {
        // A checkpoint over the right seq and hash, signed by someone else's key.
        const core::Ed25519PrivateKey other = core::Ed25519PrivateKey::generate();
        const QString hash = m_broker.sqlValue(QStringLiteral("SELECT hash FROM audit_log WHERE seq = %1").arg(seq));
        const auto jws
            = core::Jws::signStatement(other, core::statement_type::checkpoint(),
                                       {{QStringLiteral("seq"), seq},
                                        {QStringLiteral("head_hash"), hash},
                                        {QStringLiteral("issued_at"), QStringLiteral("2026-12-04T00:00:00Z")},
                                        {QStringLiteral("broker"), m_broker.brokerKeyId()}});
        QVERIFY(jws);
        statement = QStringLiteral("UPDATE checkpoints SET jws = '%1' WHERE seq = %2;")
                        .arg(QString::fromLatin1(*jws))
                        .arg(seq);
    }
    QTemporaryDir copy;
    QVERIFY(tamperedCopy(copy, statement));
    const auto result = verify(copy.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("checkpoint at seq"), result.err.constData());
}

void TestAudit::truncatedTailAfterACheckpointIsDetected()
{
    const qint64 last = checkpointSeqs().last();
    QTemporaryDir copy;
    // The last signed checkpoint covers entries that are no longer there.
    QVERIFY(tamperedCopy(copy, QStringLiteral("DELETE FROM audit_log WHERE seq >= %1 - 1;").arg(last)));
    const auto result = verify(copy.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("FAILED at seq %1:").arg(last - 1).toUtf8()), result.err.constData());
    QVERIFY2(result.err.contains("deleted from the end"), result.err.constData());
}

void TestAudit::rechainedRewriteIsCaughtByTheNextCheckpoint()
{
    // Someone who rewrites an entry and recomputes every later hash keeps the
    // chain intact; only the broker's signatures can catch it.
    const qint64 seq = entrySeq(QStringLiteral("submitted"), 2);
    const QString rows = m_broker.sqlValue(
        QStringLiteral("SELECT json_object('seq', seq, 'at', at, 'event', event, 'action_id', action_id, 'data', "
                       "json(data), 'prev_hash', prev_hash, 'hash', hash) FROM audit_log WHERE seq >= %1 ORDER BY seq")
            .arg(seq));
    QString statements = QStringLiteral("BEGIN;");
    QString previous;
    const QStringList lines = rows.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QJsonObject json = core::JsonParser::parseObject(line.toUtf8()).value.value_or(QJsonObject()).toObject();
        if (json.value(QStringLiteral("action_id")).isNull())
            json.remove(QStringLiteral("action_id"));
        core::ValidationErrors errors;
        core::AuditEntry entry = core::AuditEntry::read(json, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        if (entry.seq == seq)
            entry.data.insert(QStringLiteral("tool"), QStringLiteral("au.innocent"));
        else
            entry.prevHash = previous;
        entry.hash = entry.computeHash();
        previous = entry.hash;
        QString data = QString::fromUtf8(core::CanonicalJson::serializeOrEmpty(entry.data));
        data.replace(QLatin1Char('\''), QStringLiteral("''"));
        statements += QStringLiteral("UPDATE audit_log SET data = '%1', prev_hash = '%2', hash = '%3' WHERE seq = %4;")
                          .arg(data, entry.prevHash, entry.hash)
                          .arg(entry.seq);
    }
    statements += QStringLiteral("COMMIT;");
    QTemporaryDir copy;
    QVERIFY(tamperedCopy(copy, statements));
    qint64 covering = 0;
    for (const qint64 cp : checkpointSeqs()) {
        if (cp >= seq) {
            covering = cp;
            break;
        }
    }
    QVERIFY(covering > 0);
    const auto result = verify(copy.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("FAILED at seq %1:").arg(covering).toUtf8()), result.err.constData());
    QVERIFY2(result.err.contains("signed checkpoint"), result.err.constData());
}

void TestAudit::exportVerifiesOnItsOwn()
{
    const QByteArray exported = exportLog();
    QVERIFY(!exported.isEmpty());
    const ExportCheck check = verifyExport(exported, *m_brokerKey);
    QVERIFY2(check.ok, qPrintable(check.problem));
    QCOMPARE(check.entries, m_broker.auditHead());
    QVERIFY(check.checkpoints >= check.entries / kCheckpointEvery);
}

void TestAudit::exportedRangeVerifiesFromItsAnchor()
{
    const qint64 from = entrySeq(QStringLiteral("submitted"), 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("range.jsonl"));
    const auto written = m_broker.cli({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--config"),
                                       m_broker.configPath(), QStringLiteral("--from"), QString::number(from),
                                       QStringLiteral("--out"), path});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QVERIFY(exported.contains("\"type\":\"anchor\""));
    const ExportCheck check = verifyExport(exported, *m_brokerKey);
    QVERIFY2(check.ok, qPrintable(check.problem));
    QVERIFY(check.entries >= m_broker.auditHead() - from);
}

void TestAudit::alteredExportFailsTheOfflineVerifier()
{
    QByteArray exported = exportLog();
    QVERIFY(verifyExport(exported, *m_brokerKey).ok);
    // The verifier above is not a rubber stamp: one changed value, or another
    // broker's key, and it refuses.
    const qsizetype at = exported.indexOf("\"tool\":\"au.bad\"");
    QVERIFY(at > 0);
    QByteArray altered = exported;
    altered.replace(at, qstrlen("\"tool\":\"au.bad\""), "\"tool\":\"au.ok!\"");
    QVERIFY(!verifyExport(altered, *m_brokerKey).ok);
    QVERIFY(!verifyExport(exported, core::Ed25519PrivateKey::generate().publicKey()).ok);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "TestAudit.moc"
