#include "core/EvidenceBundle.h"
#include "core/EvidenceBundleLayout.h"
#include "core/KeyFile.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/EvidenceHistory.h"
#include "support/ProcessRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;
using Bundle = core::EvidenceBundle;

// The path the console takes: core::EvidenceBundle fed with exactly what a
// console session receives from a real broker — `history_page` items,
// `audit_for_action` and `audit_range` answers — writes a bundle that
// verifies, with the core verifier, with countersignctl and with the openssl
// commands of its VERIFY.md.
class TestEvidenceBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void consoleDataMakesAVerifyingBundle();
    void spanNamesWhatIsMissing();
    void writerRefusesADecisionWithoutItsKey();
    void writerRefusesAnUnsafeActionId();
    void withoutTrustedKeyTheReportSaysSo();
    void approverKeysComeFromTheLog();

private:
    // The history items of `ids`, as a console's history view holds them.
    QJsonArray historyItems(const QStringList &ids);
    // Contents for `ids` the way the console builds them: the items, each
    // action's audit_for_action to find where its entries start, then
    // audit_range pages from there until a checkpoint covers the last entry.
    Bundle::Contents consoleContents(const QStringList &ids);
    qint64 firstSeqOf(const QStringList &ids);
    QList<core::AuditEntry> auditFrom(qint64 from);

    BrokerFixture m_broker;
    EvidenceHistory m_history;
    std::unique_ptr<ConsoleClient> m_console;
    core::Ed25519PublicKey m_brokerKey;
    QTemporaryDir m_work;
};

void TestEvidenceBundle::initTestCase()
{
    QString error;
    QVERIFY2(m_history.create(m_broker, &error), qPrintable(error));
    const auto key = core::KeyFile::readPublicKey(m_broker.dir() + QStringLiteral("/keys/broker.pub"), &error);
    QVERIFY2(key, qPrintable(error));
    m_brokerKey = *key;
    m_console = std::make_unique<ConsoleClient>(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(m_console->login(*m_history.alice.key));
    QVERIFY(m_work.isValid());
}

QJsonArray TestEvidenceBundle::historyItems(const QStringList &ids)
{
    const QJsonObject page = m_console->request({{QStringLiteral("type"), QStringLiteral("history")},
                                                 {QStringLiteral("filter"), QJsonObject {}},
                                                 {QStringLiteral("limit"), 500}});
    [&] { QCOMPARE(page.value(QStringLiteral("type")).toString(), QStringLiteral("history_page")); }();
    QJsonArray selected;
    for (const QJsonValue &item : page.value(QStringLiteral("items")).toArray()) {
        if (ids.contains(
                item.toObject().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString()))
            selected.append(item);
    }
    return selected;
}

qint64 TestEvidenceBundle::firstSeqOf(const QStringList &ids)
{
    qint64 first = 0;
    for (const QString &id : ids) {
        const QJsonObject answer = m_console->request(
            {{QStringLiteral("type"), QStringLiteral("audit_for_action")}, {QStringLiteral("action_id"), id}});
        for (const QJsonValue &entry : answer.value(QStringLiteral("entries")).toArray()) {
            const qint64 seq = entry.toObject().value(QStringLiteral("seq")).toInteger();
            first = first == 0 ? seq : std::min(first, seq);
        }
    }
    return first;
}

Bundle::Contents TestEvidenceBundle::consoleContents(const QStringList &ids)
{
    Bundle::Contents contents;
    contents.brokerKey = m_brokerKey; // from the pinned connection profile
    contents.createdBy = QStringLiteral("countersign console (Alice)");
    contents.selection = ids.join(QStringLiteral(", "));
    QString error;
    [&] { QVERIFY2(Bundle::addHistoryItems(&contents, historyItems(ids), &error), qPrintable(error)); }();
    qint64 next = firstSeqOf(ids);
    Bundle::Span span;
    // Pages of audit_range until the span is complete; a tail not yet under a
    // checkpoint is fetched again once the broker signed the next one.
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        const QJsonObject page = m_console->request({{QStringLiteral("type"), QStringLiteral("audit_range")},
                                                     {QStringLiteral("from"), next},
                                                     {QStringLiteral("limit"), 7}});
        [&] { QVERIFY2(Bundle::addAuditMessage(&contents, page, &error), qPrintable(error)); }();
        span = Bundle::span(contents);
        if (span.ok)
            break;
        if (span.next == 0)
            break;
        if (span.last == 0 && next == span.next)
            QTest::qWait(200); // the broker signs a checkpoint every second; ask again
        next = span.next;
    }
    [&] { QVERIFY2(span.ok, qPrintable(span.problem)); }();
    contents.approverKeys = Bundle::approverKeysFromAudit(auditFrom(1));
    return contents;
}

QList<core::AuditEntry> TestEvidenceBundle::auditFrom(qint64 from)
{
    Bundle::Contents all;
    QString error;
    const QJsonObject page = m_console->request({{QStringLiteral("type"), QStringLiteral("audit_range")},
                                                 {QStringLiteral("from"), from},
                                                 {QStringLiteral("limit"), 5000}});
    Bundle::addAuditMessage(&all, page, &error);
    return all.entries;
}

void TestEvidenceBundle::consoleDataMakesAVerifyingBundle()
{
    const QStringList ids {m_history.deniedId, m_history.quorumId};
    const Bundle::Contents contents = consoleContents(ids);
    QCOMPARE(contents.actions.size(), 2);
    const QString dir = m_work.filePath(QStringLiteral("console"));
    QString error;
    QVERIFY2(Bundle::write(dir, contents, &error), qPrintable(error));

    Bundle::VerifyOptions options;
    options.trustedBrokerKey = m_brokerKey;
    const core::EvidenceBundleReport report = Bundle::verify(dir, options);
    QVERIFY2(report.ok, qPrintable(report.summary()));
    QCOMPARE(report.actions, 2);
    QCOMPARE(report.decisions, 3);
    QCOMPARE(report.firstSeq, firstSeqOf(ids));
    QCOMPARE(report.lastSeq, report.lastCheckpointSeq);
    QVERIFY(report.brokerKeyTrusted);
    QCOMPARE(report.bundleKeyMatchesTrusted, std::optional<bool>(true));
    QCOMPARE(report.brokerKeyId, m_broker.brokerKeyId());

    const auto ctl = ProcessRunner(QStringLiteral(COUNTERSIGNCTL_PATH))
                         .run({QStringLiteral("verify-bundle"), dir, QStringLiteral("--broker-key"),
                               m_broker.dir() + QStringLiteral("/keys/broker.pub")});
    QVERIFY2(ctl.exitCode == 0, QByteArray(ctl.out + ctl.err).constData());
    QVERIFY(ctl.out.startsWith("VERIFIED: 2 action(s), 3 decision(s)"));

    // One decision by hand, with the commands VERIFY.md prints for it.
    QFile guide(dir + QStringLiteral("/VERIFY.md"));
    QVERIFY(guide.open(QIODevice::ReadOnly));
    const QRegularExpression re(QStringLiteral("<!-- block: decision %1 2 -->\\n```sh\\n(.*?)```")
                                    .arg(QRegularExpression::escape(m_history.quorumId)),
                                QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch block = re.match(QString::fromUtf8(guide.readAll()));
    QVERIFY(block.hasMatch());
    const auto byHand
        = ProcessRunner(QStringLiteral("bash")).setWorkingDirectory(dir).run({QStringLiteral("-c"), block.captured(1)});
    QVERIFY2(byHand.exitCode == 0, QByteArray(byHand.out + byHand.err).constData());
    QVERIFY(byHand.out.contains("Signature Verified Successfully"));
    QVERIFY(byHand.out.contains("Matches invoice 4711."));
}

void TestEvidenceBundle::spanNamesWhatIsMissing()
{
    // Two actions with another one's entries between theirs.
    const QStringList ids {m_history.approvedId, m_history.deniedId};
    Bundle::Contents contents;
    contents.brokerKey = m_brokerKey;
    QString error;
    QVERIFY(Bundle::addHistoryItems(&contents, historyItems(ids), &error));
    QCOMPARE(contents.actions.size(), 2);
    contents.approverKeys = Bundle::approverKeysFromAudit(auditFrom(1));

    // Nothing from the audit log yet.
    Bundle::Span span = Bundle::span(contents);
    QVERIFY(!span.ok);
    QVERIFY2(span.problem.contains(QStringLiteral("no audit entry of action %1").arg(m_history.approvedId)),
             qPrintable(span.problem));

    // Only the actions' own entries: the chain between them is missing.
    for (const QString &id : ids) {
        const QJsonObject own = m_console->request(
            {{QStringLiteral("type"), QStringLiteral("audit_for_action")}, {QStringLiteral("action_id"), id}});
        QVERIFY(Bundle::addAuditMessage(&contents, own, &error));
    }
    span = Bundle::span(contents);
    QVERIFY(!span.ok);
    QVERIFY2(span.problem.contains(QStringLiteral("not covered by a signed checkpoint")), qPrintable(span.problem));

    // With the checkpoints but not every entry in between.
    const QJsonObject range = m_console->request({{QStringLiteral("type"), QStringLiteral("audit_range")},
                                                  {QStringLiteral("from"), 1},
                                                  {QStringLiteral("limit"), 5000}});
    for (const QJsonValue &cp : range.value(QStringLiteral("checkpoints")).toArray())
        contents.checkpoints.append({cp.toObject().value(QStringLiteral("seq")).toInteger(),
                                     cp.toObject().value(QStringLiteral("jws")).toString().toLatin1()});
    span = Bundle::span(contents);
    QVERIFY(!span.ok);
    QVERIFY2(span.problem.contains(QStringLiteral("is missing")), qPrintable(span.problem));
    const QString dir = m_work.filePath(QStringLiteral("incomplete"));
    QVERIFY(!Bundle::write(dir, contents, &error));
    QCOMPARE(error, span.problem);
    QVERIFY(!QFileInfo::exists(dir));

    // The whole range fills the gaps.
    QVERIFY(Bundle::addAuditMessage(&contents, range, &error));
    span = Bundle::span(contents);
    QVERIFY2(span.ok, qPrintable(span.problem));
}

void TestEvidenceBundle::writerRefusesADecisionWithoutItsKey()
{
    Bundle::Contents contents = consoleContents({m_history.approvedId});
    contents.approverKeys.clear();
    QString error;
    const QString dir = m_work.filePath(QStringLiteral("nokey"));
    QVERIFY(!Bundle::write(dir, contents, &error));
    QVERIFY2(
        error.contains(
            QStringLiteral("is signed by %1, which is not among the approver keys given").arg(m_history.alice.keyId)),
        qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir));
}

void TestEvidenceBundle::writerRefusesAnUnsafeActionId()
{
    Bundle::Contents contents = consoleContents({m_history.approvedId});
    QJsonObject hostile = contents.actions.first();
    hostile.insert(QStringLiteral("id"), QStringLiteral("../../outside"));
    contents.actions.append(hostile);
    QString error;
    const QString dir = m_work.filePath(QStringLiteral("hostile"));
    QVERIFY(!Bundle::write(dir, contents, &error));
    QVERIFY2(error.contains(QStringLiteral("no usable id")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY(!QFileInfo::exists(m_work.filePath(QStringLiteral("outside"))));
}

void TestEvidenceBundle::withoutTrustedKeyTheReportSaysSo()
{
    const QString dir = m_work.filePath(QStringLiteral("untrusted"));
    QString error;
    QVERIFY2(Bundle::write(dir, consoleContents({m_history.allowedId}), &error), qPrintable(error));
    const core::EvidenceBundleReport report = Bundle::verify(dir);
    QVERIFY2(report.ok, qPrintable(report.summary()));
    QCOMPARE(report.decisions, 0);
    QVERIFY(!report.brokerKeyTrusted);
    QVERIFY(!report.bundleKeyMatchesTrusted);
    QVERIFY(report.summary().contains(QStringLiteral("WARNING: the broker key was taken from the bundle itself")));
}

void TestEvidenceBundle::approverKeysComeFromTheLog()
{
    const QList<Bundle::ApproverKey> keys = Bundle::approverKeysFromAudit(auditFrom(1));
    QStringList ids;
    for (const Bundle::ApproverKey &key : keys)
        ids.append(key.key.keyId() + QLatin1Char(' ') + key.name);
    QVERIFY2(ids.contains(m_history.alice.keyId + QStringLiteral(" Alice")), qPrintable(ids.join(u',')));
    QVERIFY(ids.contains(m_history.bob.keyId + QStringLiteral(" Bob")));
}

QTEST_GUILESS_MAIN(TestEvidenceBundle)
#include "TestEvidenceBundle.moc"
