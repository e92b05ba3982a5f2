#include "core/AuditEntry.h"
#include "core/CanonicalJson.h"
#include "core/EvidenceBundleLayout.h"
#include "core/JsonParser.h"
#include "core/KeyFile.h"
#include "support/BrokerFixture.h"
#include "support/EvidenceHistory.h"
#include "support/ProcessRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;
using L = core::EvidenceBundleLayout;

// `countersignd audit export --bundle` after real approvals, denials, a quorum
// and a kill switch, checked by `countersignctl verify-bundle` and by the
// openssl + sha256sum commands its VERIFY.md gives; every kind of file altered
// makes verify-bundle fail and name it.
class TestEvidenceExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportedBundleVerifies();
    void withoutPinnedKeyTheBundleKeyIsUsedAndSaid();
    void pinnedKeyOfAnotherBrokerFails();
    void verifyMdCommandsPassByHand();
    void verifyMdCommandsCatchTampering();
    void tamperingIsNamed_data();
    void tamperingIsNamed();
    void actionOptionSelectsThoseActions();
    void rangeSelectsTheActionsItMentions();
    void rangeWithoutActionsHoldsOnlyTheRange();
    void purgedActionStillVerifies();
    void unknownActionIsRefused();
    void nonEmptyDirectoryIsRefused();

private:
    ProcessRunner::Result exportBundle(const QString &dir, const QStringList &extra = {}) const;
    ProcessRunner::Result verifyBundle(const QString &dir, const QString &brokerKey = QString()) const;
    QString brokerPub() const { return m_broker.dir() + QStringLiteral("/keys/broker.pub"); }
    static ProcessRunner::Result runBlock(const QString &dir, const QString &name);
    static bool copyTree(const QString &from, const QString &to);
    static QJsonObject readJson(const QString &path);
    static bool writeCanonical(const QString &path, const QJsonObject &object);
    static QByteArray readFile(const QString &path);
    static bool writeFile(const QString &path, const QByteArray &data);
    static QByteArray flipSignatureChar(QByteArray jws);
    QSet<QString> bundleActions(const QString &dir) const;
    qint64 sqlNumber(const QString &query) const { return m_broker.sqlValue(query).toLongLong(); }

    BrokerFixture m_broker;
    EvidenceHistory m_history;
    QTemporaryDir m_work;
    QString m_bundle;
};

void TestEvidenceExport::initTestCase()
{
    QString error;
    QVERIFY2(m_history.create(m_broker, &error), qPrintable(error));
    QVERIFY(m_work.isValid());
    m_bundle = m_work.filePath(QStringLiteral("full"));
    const auto result = exportBundle(m_bundle);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.contains("VERIFIED"));
}

ProcessRunner::Result TestEvidenceExport::exportBundle(const QString &dir, const QStringList &extra) const
{
    return m_broker.cli(QStringList {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--config"),
                                     m_broker.configPath(), QStringLiteral("--bundle"), dir}
                        + extra);
}

ProcessRunner::Result TestEvidenceExport::verifyBundle(const QString &dir, const QString &brokerKey) const
{
    QStringList args {QStringLiteral("verify-bundle"), dir};
    if (!brokerKey.isEmpty())
        args << QStringLiteral("--broker-key") << brokerKey;
    return ProcessRunner(QStringLiteral(COUNTERSIGNCTL_PATH)).run(args);
}

ProcessRunner::Result TestEvidenceExport::runBlock(const QString &dir, const QString &name)
{
    // The block exactly as VERIFY.md prints it, run by bash in the bundle's directory.
    const QString guide = QString::fromUtf8(readFile(dir + QStringLiteral("/VERIFY.md")));
    const QRegularExpression re(
        QStringLiteral("<!-- block: %1 -->\\n```sh\\n(.*?)```").arg(QRegularExpression::escape(name)),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = re.match(guide);
    if (!match.hasMatch()) {
        ProcessRunner::Result none;
        none.err = "no such block in VERIFY.md: " + name.toUtf8();
        return none;
    }
    return ProcessRunner(QStringLiteral("bash"))
        .setWorkingDirectory(dir)
        .run({QStringLiteral("-c"), match.captured(1)});
}

bool TestEvidenceExport::copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

QByteArray TestEvidenceExport::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool TestEvidenceExport::writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QJsonObject TestEvidenceExport::readJson(const QString &path)
{
    const auto parsed = core::JsonParser::parseObject(readFile(path));
    return parsed.ok() ? parsed.value->toObject() : QJsonObject();
}

bool TestEvidenceExport::writeCanonical(const QString &path, const QJsonObject &object)
{
    return writeFile(path, core::CanonicalJson::serializeOrEmpty(object));
}

QByteArray TestEvidenceExport::flipSignatureChar(QByteArray jws)
{
    // A character in the middle of the signature part, so it stays valid base64url.
    const qsizetype at = jws.size() - 20;
    jws[at] = jws.at(at) == 'A' ? 'B' : 'A';
    return jws;
}

QSet<QString> TestEvidenceExport::bundleActions(const QString &dir) const
{
    QSet<QString> ids;
    for (const QJsonValue &value :
         readJson(dir + QStringLiteral("/manifest.json")).value(QStringLiteral("actions")).toArray())
        ids.insert(value.toObject().value(QStringLiteral("id")).toString());
    const QStringList present = QDir(dir + QStringLiteral("/actions")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (QSet<QString>(present.cbegin(), present.cend()) != ids)
        return {QStringLiteral("manifest and actions/ differ")};
    return ids;
}

void TestEvidenceExport::exportedBundleVerifies()
{
    const auto result = verifyBundle(m_bundle, brokerPub());
    QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
    QVERIFY2(result.out.startsWith("VERIFIED: 4 action(s), 4 decision(s)"), result.out.constData());
    QVERIFY(result.out.contains("pinned by the caller; the bundle's copy matches"));
    QVERIFY(!result.out.contains("WARNING"));
    // The whole log: from seq 1 to the head, which the export's checkpoint covers.
    const QJsonObject audit
        = readJson(m_bundle + QStringLiteral("/manifest.json")).value(QStringLiteral("audit")).toObject();
    QCOMPARE(audit.value(QStringLiteral("first_seq")).toInteger(), 1);
    QCOMPARE(audit.value(QStringLiteral("last_seq")).toInteger(), m_broker.auditHead());
    QVERIFY(audit.value(QStringLiteral("checkpoints")).toArray().size() >= 3);
    QCOMPARE(bundleActions(m_bundle),
             (QSet<QString> {m_history.approvedId, m_history.deniedId, m_history.quorumId, m_history.allowedId}));
}

void TestEvidenceExport::withoutPinnedKeyTheBundleKeyIsUsedAndSaid()
{
    const auto result = verifyBundle(m_bundle);
    QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
    QVERIFY(result.out.contains("taken from the bundle (not independently trusted)"));
    QVERIFY(result.out.contains("WARNING"));
}

void TestEvidenceExport::pinnedKeyOfAnotherBrokerFails()
{
    const auto result = verifyBundle(m_bundle, m_history.alice.pubPath);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("FAILED: keys/broker.pub: is ed25519:"), result.err.constData());
    QVERIFY(result.err.contains(QStringLiteral("not the trusted broker key %1").arg(m_history.alice.keyId).toUtf8()));
}

void TestEvidenceExport::verifyMdCommandsPassByHand()
{
    const QByteArray guide = readFile(m_bundle + QStringLiteral("/VERIFY.md"));
    const QString lastCp = L::checkpoint(m_broker.auditHead());
    QVERIFY(guide.contains(QStringLiteral("openssl pkeyutl -verify -pubin -inkey keys/broker.pub -rawin -in "
                                          "%1.signing-input -sigfile %1.sig")
                               .arg(lastCp)
                               .toUtf8()));
    const auto keys = runBlock(m_bundle, QStringLiteral("keys"));
    QVERIFY2(keys.exitCode == 0, QByteArray(keys.out + keys.err).constData());
    QVERIFY(keys.out.contains(QStringLiteral("keys/broker.pub is %1").arg(m_broker.brokerKeyId()).toUtf8()));

    const auto chain = runBlock(m_bundle, QStringLiteral("chain"));
    QVERIFY2(chain.exitCode == 0, QByteArray(chain.out + chain.err).constData());
    QVERIFY(chain.out.contains(QStringLiteral("chain: seq 1 to %1 linked").arg(m_broker.auditHead()).toUtf8()));
    QVERIFY(chain.out.contains("the head is the head_hash the broker signed"));

    const auto checkpoints = runBlock(m_bundle, QStringLiteral("checkpoints"));
    QVERIFY2(checkpoints.exitCode == 0, QByteArray(checkpoints.out + checkpoints.err).constData());
    QCOMPARE(checkpoints.out.count("Signature Verified Successfully"),
             readJson(m_bundle + QStringLiteral("/manifest.json"))
                 .value(QStringLiteral("audit"))
                 .toObject()
                 .value(QStringLiteral("checkpoints"))
                 .toArray()
                 .size());

    const auto denial = runBlock(m_bundle, QStringLiteral("decision %1 1").arg(m_history.deniedId));
    QVERIFY2(denial.exitCode == 0, QByteArray(denial.out + denial.err).constData());
    QVERIFY(denial.out.contains("Signature Verified Successfully"));
    QVERIFY(denial.out.contains("\"verdict\":\"deny\""));
    QVERIFY(denial.out.contains(m_history.denyReason.toUtf8()));
    QVERIFY(denial.out.contains("recorded by the broker in audit/entries/"));
    const auto second = runBlock(m_bundle, QStringLiteral("decision %1 2").arg(m_history.quorumId));
    QVERIFY2(second.exitCode == 0, QByteArray(second.out + second.err).constData());
}

void TestEvidenceExport::verifyMdCommandsCatchTampering()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(m_bundle, dir.path()));
    const qint64 seq
        = sqlNumber(QStringLiteral("SELECT seq FROM audit_log WHERE event = 'submitted' AND action_id = '%1'")
                        .arg(m_history.deniedId));
    const QString hashed = dir.filePath(L::hashed(seq));
    QByteArray bytes = readFile(hashed);
    QVERIFY(bytes.contains("ev.write"));
    QVERIFY(writeFile(hashed, bytes.replace("ev.write", "ev.wrote")));
    const auto chain = runBlock(dir.path(), QStringLiteral("chain"));
    QCOMPARE(chain.exitCode, 1);
    QVERIFY2(chain.out.contains(QStringLiteral("%1 does not carry its hash").arg(L::entry(seq)).toUtf8()),
             chain.out.constData());

    const QString sig = dir.filePath(L::decision(m_history.deniedId, 1) + QStringLiteral(".sig"));
    bytes = readFile(sig);
    bytes[10] = char(bytes.at(10) ^ 1);
    QVERIFY(writeFile(sig, bytes));
    const auto decision = runBlock(dir.path(), QStringLiteral("decision %1 1").arg(m_history.deniedId));
    QCOMPARE(decision.exitCode, 1);
    QVERIFY2(decision.out.contains(".sig is not part of"), decision.out.constData());
}

namespace {

enum class Tamper {
    ActionContent,
    ActionStatus,
    DecisionJws,
    DecisionReason,
    DecisionRemoved,
    DecisionPayloadFile,
    AuditEntry,
    AuditEntryDeleted,
    HashedFile,
    RechainedEntries,
    CheckpointJws,
    CheckpointPayloadFile,
    ApproverKey,
    BrokerKey,
};

} // namespace

void TestEvidenceExport::tamperingIsNamed_data()
{
    QTest::addColumn<int>("tamper");
    QTest::addColumn<QString>("expected"); // the start of the failure, %1..%3 filled in below
    const QString denied = L::actionDir(m_history.deniedId);
    QTest::newRow("action content") << int(Tamper::ActionContent)
                                    << L::actionJson(m_history.approvedId) + QStringLiteral(": its digest is");
    QTest::newRow("action status") << int(Tamper::ActionStatus)
                                   << L::actionJson(m_history.deniedId)
            + QStringLiteral(": status is 'approved', but the audit log records 'denied'");
    QTest::newRow("decision jws") << int(Tamper::DecisionJws)
                                  << denied + QStringLiteral("/decisions/1.jws: does not verify with the key of");
    QTest::newRow("decision reason in action.json")
        << int(Tamper::DecisionReason)
        << L::actionJson(m_history.deniedId) + QStringLiteral(": decision 1 (verdict, reason or approver) is not what");
    QTest::newRow("decision removed") << int(Tamper::DecisionRemoved)
                                      << L::actionJson(m_history.quorumId)
            + QStringLiteral(": the audit log records a decision by %1").arg(m_history.bob.keyId);
    QTest::newRow("decision payload file")
        << int(Tamper::DecisionPayloadFile) << denied + QStringLiteral("/decisions/1.payload.json: does not match");
    QTest::newRow("audit entry") << int(Tamper::AuditEntry) << QStringLiteral("%1: seq %2: content does not match");
    QTest::newRow("audit entry deleted") << int(Tamper::AuditEntryDeleted)
                                         << QStringLiteral("audit/entries: holds %3 entries, but the manifest lists");
    QTest::newRow("hashed file") << int(Tamper::HashedFile) << QStringLiteral("%4: is not the canonical form");
    QTest::newRow("rechained entries") << int(Tamper::RechainedEntries)
                                       << QStringLiteral("audit/checkpoints/")
            + QStringLiteral("%5.jws: the broker signed head hash");
    QTest::newRow("checkpoint jws") << int(Tamper::CheckpointJws)
                                    << QStringLiteral("audit/checkpoints/%5.jws: does not verify with the broker key");
    QTest::newRow("checkpoint payload file")
        << int(Tamper::CheckpointPayloadFile) << QStringLiteral("audit/checkpoints/%5.payload.json: does not match");
    QTest::newRow("approver key") << int(Tamper::ApproverKey)
                                  << L::approverKey(m_history.bob.keyId) + QStringLiteral(": holds key");
    QTest::newRow("broker key")
        << int(Tamper::BrokerKey)
        << QStringLiteral("keys/broker.pub: is %1, not the trusted broker key").arg(m_history.alice.keyId);
}

void TestEvidenceExport::tamperingIsNamed()
{
    QFETCH(int, tamper);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(copyTree(m_bundle, dir.path()));
    const QString root = dir.path() + QLatin1Char('/');
    QVERIFY(verifyBundle(dir.path(), brokerPub()).exitCode == 0);

    const qint64 submitted = sqlNumber(QStringLiteral("SELECT seq FROM audit_log WHERE event = 'submitted' AND "
                                                      "action_id = '%1'")
                                           .arg(m_history.deniedId));
    const QJsonObject audit = readJson(root + L::manifest()).value(QStringLiteral("audit")).toObject();
    const QJsonArray cps = audit.value(QStringLiteral("checkpoints")).toArray();
    // The first checkpoint at or after the tampered entry.
    qint64 coveringCp = 0;
    for (const QJsonValue &cp : cps) {
        if (cp.toInteger() >= submitted) {
            coveringCp = cp.toInteger();
            break;
        }
    }
    QVERIFY(coveringCp > 0);
    const qint64 entryCount = audit.value(QStringLiteral("last_seq")).toInteger()
        - audit.value(QStringLiteral("first_seq")).toInteger() + 1;
    expected = expected.replace(QStringLiteral("%1"), L::entry(submitted))
                   .replace(QStringLiteral("%2"), QString::number(submitted))
                   .replace(QStringLiteral("%3"), QString::number(entryCount - 1))
                   .replace(QStringLiteral("%4"), L::hashed(submitted))
                   .replace(QStringLiteral("%5"), L::paddedSeq(coveringCp));

    auto editJson = [&](const QString &relative, const std::function<void(QJsonObject &)> &edit) {
        QJsonObject object = readJson(root + relative);
        QVERIFY(!object.isEmpty());
        edit(object);
        QVERIFY(writeCanonical(root + relative, object));
    };
    switch (Tamper(tamper)) {
    case Tamper::ActionContent:
        editJson(L::actionJson(m_history.approvedId), [](QJsonObject &a) {
            QJsonObject arguments = a.value(QStringLiteral("arguments")).toObject();
            arguments.insert(QStringLiteral("x-added-later"), QStringLiteral("rm -rf /"));
            a.insert(QStringLiteral("arguments"), arguments);
        });
        break;
    case Tamper::ActionStatus:
        editJson(L::actionJson(m_history.deniedId),
                 [](QJsonObject &a) { a.insert(QStringLiteral("status"), QStringLiteral("approved")); });
        break;
    case Tamper::DecisionJws: {
        // Consistently in the JWS file and in action.json, so only the signature can tell.
        const QString base = root + L::decision(m_history.deniedId, 1);
        const QByteArray jws = flipSignatureChar(readFile(base + QStringLiteral(".jws")));
        QVERIFY(writeFile(base + QStringLiteral(".jws"), jws));
        editJson(L::actionJson(m_history.deniedId), [&](QJsonObject &a) {
            QJsonArray decisions = a.value(QStringLiteral("decisions")).toArray();
            QJsonObject d = decisions.at(0).toObject();
            d.insert(QStringLiteral("jws"), QString::fromLatin1(jws));
            decisions.replace(0, d);
            a.insert(QStringLiteral("decisions"), decisions);
        });
        break;
    }
    case Tamper::DecisionReason:
        editJson(L::actionJson(m_history.deniedId), [](QJsonObject &a) {
            QJsonArray decisions = a.value(QStringLiteral("decisions")).toArray();
            QJsonObject d = decisions.at(0).toObject();
            d.insert(QStringLiteral("reason"), QStringLiteral("Looked fine to me."));
            decisions.replace(0, d);
            a.insert(QStringLiteral("decisions"), decisions);
        });
        break;
    case Tamper::DecisionRemoved: {
        editJson(L::actionJson(m_history.quorumId), [](QJsonObject &a) {
            QJsonArray decisions = a.value(QStringLiteral("decisions")).toArray();
            decisions.removeLast();
            a.insert(QStringLiteral("decisions"), decisions);
        });
        for (const char *suffix : {".jws", ".signing-input", ".sig", ".payload.json"})
            QVERIFY(QFile::remove(root + L::decision(m_history.quorumId, 2) + QString::fromLatin1(suffix)));
        break;
    }
    case Tamper::DecisionPayloadFile: {
        const QString path = root + L::decision(m_history.deniedId, 1) + QStringLiteral(".payload.json");
        QVERIFY(writeFile(path, readFile(path).replace("\"deny\"", "\"approve\"")));
        break;
    }
    case Tamper::AuditEntry:
        editJson(L::entry(submitted), [](QJsonObject &e) {
            QJsonObject data = e.value(QStringLiteral("data")).toObject();
            data.insert(QStringLiteral("user"), QStringLiteral("someone-else@acme.example"));
            e.insert(QStringLiteral("data"), data);
        });
        break;
    case Tamper::AuditEntryDeleted:
        QVERIFY(QFile::remove(root + L::entry(submitted)));
        QVERIFY(QFile::remove(root + L::hashed(submitted)));
        break;
    case Tamper::HashedFile: {
        const QString path = root + L::hashed(submitted);
        QVERIFY(writeFile(path, readFile(path).replace("ev.write", "ev.wrote")));
        break;
    }
    case Tamper::RechainedEntries: {
        // Someone with the log rewrites an entry and recomputes every hash after
        // it: the chain is whole again, only the broker's signature can tell.
        const qint64 last = audit.value(QStringLiteral("last_seq")).toInteger();
        QString previous;
        for (qint64 seq = submitted; seq <= last; ++seq) {
            core::ValidationErrors errors;
            core::AuditEntry entry = core::AuditEntry::read(readJson(root + L::entry(seq)), &errors);
            QVERIFY(errors.isEmpty());
            if (seq == submitted)
                entry.data.insert(QStringLiteral("user"), QStringLiteral("someone-else@acme.example"));
            else
                entry.prevHash = previous;
            entry.hash = entry.computeHash();
            previous = entry.hash;
            QJsonObject hashed = entry.toJson();
            hashed.remove(QStringLiteral("hash"));
            QVERIFY(writeCanonical(root + L::entry(seq), entry.toJson()));
            QVERIFY(writeCanonical(root + L::hashed(seq), hashed));
        }
        break;
    }
    case Tamper::CheckpointJws: {
        const QString path = root + L::checkpoint(coveringCp) + QStringLiteral(".jws");
        QVERIFY(writeFile(path, flipSignatureChar(readFile(path))));
        break;
    }
    case Tamper::CheckpointPayloadFile: {
        const QString path = root + L::checkpoint(coveringCp) + QStringLiteral(".payload.json");
        QVERIFY(writeFile(path, readFile(path).replace("\"seq\":", "\"seq\":1")));
        break;
    }
    case Tamper::ApproverKey:
        QVERIFY(writeFile(root + L::approverKey(m_history.bob.keyId), readFile(m_history.alice.pubPath)));
        break;
    case Tamper::BrokerKey:
        QVERIFY(writeFile(root + L::brokerKey(), readFile(m_history.alice.pubPath)));
        break;
    }

    const auto result = verifyBundle(dir.path(), brokerPub());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("FAILED: %1").arg(expected).toUtf8()),
             qPrintable(QStringLiteral("expected \"%1\", got: %2").arg(expected, QString::fromUtf8(result.err))));
}

void TestEvidenceExport::actionOptionSelectsThoseActions()
{
    const QString dir = m_work.filePath(QStringLiteral("two"));
    const auto result = exportBundle(
        dir, {QStringLiteral("--action"), m_history.deniedId, QStringLiteral("--action"), m_history.quorumId});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(bundleActions(dir), (QSet<QString> {m_history.deniedId, m_history.quorumId}));
    const QString ids = QStringLiteral("('%1', '%2')").arg(m_history.deniedId, m_history.quorumId);
    const qint64 first = sqlNumber(QStringLiteral("SELECT MIN(seq) FROM audit_log WHERE action_id IN %1").arg(ids));
    const qint64 last = sqlNumber(QStringLiteral("SELECT MAX(seq) FROM audit_log WHERE action_id IN %1").arg(ids));
    const qint64 checkpoint = sqlNumber(QStringLiteral("SELECT MIN(seq) FROM checkpoints WHERE seq >= %1").arg(last));
    const QJsonObject audit
        = readJson(dir + QStringLiteral("/manifest.json")).value(QStringLiteral("audit")).toObject();
    QCOMPARE(audit.value(QStringLiteral("first_seq")).toInteger(), first);
    QCOMPARE(audit.value(QStringLiteral("last_seq")).toInteger(), checkpoint);
    QVERIFY(first > 1);
    QCOMPARE(readFile(dir + QStringLiteral("/audit/previous-hash.txt")).trimmed(),
             m_broker.sqlValue(QStringLiteral("SELECT hash FROM audit_log WHERE seq = %1").arg(first - 1)).toUtf8());
    const auto verified = verifyBundle(dir, brokerPub());
    QVERIFY2(verified.exitCode == 0, QByteArray(verified.out + verified.err).constData());
    QVERIFY(verified.out.startsWith("VERIFIED: 2 action(s), 3 decision(s)"));
    // VERIFY.md's chain check works from a previous hash other than the genesis one.
    const auto chain = runBlock(dir, QStringLiteral("chain"));
    QVERIFY2(chain.exitCode == 0, QByteArray(chain.out + chain.err).constData());
}

void TestEvidenceExport::rangeSelectsTheActionsItMentions()
{
    const qint64 from = sqlNumber(QStringLiteral("SELECT seq FROM audit_log WHERE event = 'submitted' AND action_id = "
                                                 "'%1'")
                                      .arg(m_history.deniedId));
    const qint64 to = from + 1;
    const QString dir = m_work.filePath(QStringLiteral("range"));
    const auto result = exportBundle(
        dir, {QStringLiteral("--from"), QString::number(from), QStringLiteral("--to"), QString::number(to)});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString mentioned = m_broker.sqlValue(QStringLiteral("SELECT group_concat(DISTINCT action_id) FROM "
                                                               "audit_log WHERE seq BETWEEN %1 AND %2")
                                                    .arg(from)
                                                    .arg(to));
    const QStringList ids = mentioned.split(QLatin1Char(','), Qt::SkipEmptyParts);
    QVERIFY(ids.contains(m_history.deniedId));
    QCOMPARE(bundleActions(dir), QSet<QString>(ids.cbegin(), ids.cend()));
    const QString list = QStringLiteral("('%1')").arg(ids.join(QStringLiteral("', '")));
    const QJsonObject audit
        = readJson(dir + QStringLiteral("/manifest.json")).value(QStringLiteral("audit")).toObject();
    QCOMPARE(
        audit.value(QStringLiteral("first_seq")).toInteger(),
        std::min(from, sqlNumber(QStringLiteral("SELECT MIN(seq) FROM audit_log WHERE action_id IN %1").arg(list))));
    const qint64 lastWanted
        = std::max(to, sqlNumber(QStringLiteral("SELECT MAX(seq) FROM audit_log WHERE action_id IN %1").arg(list)));
    QCOMPARE(audit.value(QStringLiteral("last_seq")).toInteger(),
             sqlNumber(QStringLiteral("SELECT MIN(seq) FROM checkpoints WHERE seq >= %1").arg(lastWanted)));
    const auto verified = verifyBundle(dir, brokerPub());
    QVERIFY2(verified.exitCode == 0, QByteArray(verified.out + verified.err).constData());
}

void TestEvidenceExport::rangeWithoutActionsHoldsOnlyTheRange()
{
    const qint64 seq = sqlNumber(QStringLiteral("SELECT seq FROM audit_log WHERE event = 'killswitch_engaged'"));
    QVERIFY(seq > 0);
    const QString dir = m_work.filePath(QStringLiteral("killswitch"));
    const auto result = exportBundle(
        dir, {QStringLiteral("--from"), QString::number(seq), QStringLiteral("--to"), QString::number(seq)});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(bundleActions(dir), QSet<QString>());
    const QJsonObject audit
        = readJson(dir + QStringLiteral("/manifest.json")).value(QStringLiteral("audit")).toObject();
    QCOMPARE(audit.value(QStringLiteral("first_seq")).toInteger(), seq);
    QCOMPARE(audit.value(QStringLiteral("last_seq")).toInteger(),
             sqlNumber(QStringLiteral("SELECT MIN(seq) FROM checkpoints WHERE seq >= %1").arg(seq)));
    const auto verified = verifyBundle(dir, brokerPub());
    QVERIFY2(verified.exitCode == 0, QByteArray(verified.out + verified.err).constData());
    QVERIFY(verified.out.startsWith("VERIFIED: 0 action(s), 0 decision(s)"));
}

void TestEvidenceExport::purgedActionStillVerifies()
{
    // A copy of the broker where the approved action is old enough for the
    // retention purge: its content goes, its digest, decision and log stay.
    QTemporaryDir copy;
    QString error;
    QVERIFY2(m_broker.copyTo(copy.path(), &error), qPrintable(error));
    const auto backdate
        = ProcessRunner(QStringLiteral("sqlite3"))
              .run({QStringLiteral("-batch"), QStringLiteral("-bail"), copy.filePath(QStringLiteral("countersignd.db")),
                    QStringLiteral("UPDATE actions SET submitted_at = '2020-01-01T00:00:00.000Z' "
                                   "WHERE id = '%1'")
                        .arg(m_history.approvedId)});
    QVERIFY2(backdate.exitCode == 0, backdate.err.constData());
    const QString config = copy.filePath(QStringLiteral("countersignd.conf"));
    const auto purge
        = m_broker.cli({QStringLiteral("retention"), QStringLiteral("run"), QStringLiteral("--config"), config});
    QVERIFY2(purge.exitCode == 0, purge.err.constData());
    const QString dir = m_work.filePath(QStringLiteral("purged"));
    const auto result
        = m_broker.cli({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--config"), config,
                        QStringLiteral("--bundle"), dir, QStringLiteral("--action"), m_history.approvedId});
    QVERIFY2(result.exitCode == 0, QByteArray(result.out + result.err).constData());
    QVERIFY(
        readJson(dir + QLatin1Char('/') + L::actionJson(m_history.approvedId)).contains(QStringLiteral("x-purged")));
    const QJsonArray actions
        = readJson(dir + QStringLiteral("/manifest.json")).value(QStringLiteral("actions")).toArray();
    QCOMPARE(actions.size(), 1);
    QVERIFY(actions.first().toObject().value(QStringLiteral("purged")).toBool());
    const auto verified = verifyBundle(dir, brokerPub());
    QVERIFY2(verified.exitCode == 0, QByteArray(verified.out + verified.err).constData());
    QVERIFY(verified.out.startsWith("VERIFIED: 1 action(s), 1 decision(s)"));
    const auto byHand = runBlock(dir, QStringLiteral("decision %1 1").arg(m_history.approvedId));
    QVERIFY2(byHand.exitCode == 0, QByteArray(byHand.out + byHand.err).constData());
    QVERIFY(byHand.out.contains("Signature Verified Successfully"));
}

void TestEvidenceExport::unknownActionIsRefused()
{
    const QString dir = m_work.filePath(QStringLiteral("unknown"));
    const auto result = exportBundle(dir, {QStringLiteral("--action"), QStringLiteral("act_doesnotexist")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("no action act_doesnotexist"));
    QVERIFY(!QFileInfo::exists(dir));
}

void TestEvidenceExport::nonEmptyDirectoryIsRefused()
{
    const auto result = exportBundle(m_bundle);
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains("exists and is not empty"), result.err.constData());
    QVERIFY(verifyBundle(m_bundle, brokerPub()).exitCode == 0);
}

QTEST_GUILESS_MAIN(TestEvidenceExport)
#include "TestEvidenceExport.moc"
