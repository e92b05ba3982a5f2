#include "core/JsonReader.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:durability-tests");

const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "approve-short-deadline"
description = "Two seconds to decide"
action = "approve"
approver_roles = ["approver"]
deadline = "2s"
[rules.match]
tool = "dur.short"

[[rules]]
id = "approve-durability-tools"
description = "An hour to decide"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "dur.*"
)";

QDateTime timestamp(const QJsonObject &body, const QString &key)
{
    return core::JsonReader::parseTimestamp(body.value(key).toString());
}

} // namespace

// Nothing acknowledged is lost and nothing is approved by a crash: the real
// countersignd is killed with SIGKILL right after it answered, restarted on the
// same directory, and asked again. Deadlines keep firing across restarts.
class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acknowledgedSubmissionSurvivesKill9();
    void acceptedDecisionSurvivesKill9();
    void deadlineFiresWithinOneSecondWhileRunning();
    void deadlinePassedWhileDownExpiresAtStartup();
    void restartsApproveNothing();
    void aFailedSyncStopsTheBrokerBeforeItAnswers();
    void auditVerifiesAfterTheCrashes();

private:
    AgentClient agent() { return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token); }
    AgentClient::Reply submit(const QString &tool);
    QJsonObject actionFromStream(ConsoleClient &console, const QString &id);

    BrokerFixture m_broker;
    QString m_token;
    BrokerFixture::Approver m_approver;
    QStringList m_waiting; // submitted with the 1h deadline and never decided
    int m_counter = 0;
};

void TestDurability::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    QVERIFY(m_broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("min_approval_deadline_seconds"),
                                    QStringLiteral("1")));
    m_token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("dur.*")});
    QVERIFY(m_token.startsWith(QStringLiteral("cst_")));
    m_approver = m_broker.enrolApprover(QStringLiteral("Ari"), {QStringLiteral("approver")}, {kTenant});
    QVERIFY(!m_approver.keyId.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

AgentClient::Reply TestDurability::submit(const QString &tool)
{
    return agent().submit(TestActions::bytes(TestActions::action(kTenant, kAgent, tool)),
                          QStringLiteral("durability-%1").arg(++m_counter));
}

QJsonObject TestDurability::actionFromStream(ConsoleClient &console, const QString &id)
{
    for (const QJsonObject &message : console.subscribe(0)) {
        const QJsonObject action = message.value(QStringLiteral("action")).toObject();
        if (action.value(QStringLiteral("id")).toString() == id)
            return action;
    }
    return {};
}

void TestDurability::acknowledgedSubmissionSurvivesKill9()
{
    const QByteArray body = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("dur.write")));
    const auto acknowledged = agent().submit(body, QStringLiteral("survives-kill"));
    QCOMPARE(acknowledged.status, 202);
    const QString id = acknowledged.body.value(QStringLiteral("id")).toString();
    m_broker.kill(); // at once, after the answer and before anything else
    QVERIFY(!m_broker.isRunning());
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    const auto stored = agent().status(id);
    QCOMPARE(stored.status, 200);
    QCOMPARE(stored.body.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(stored.body.value(QStringLiteral("digest")), acknowledged.body.value(QStringLiteral("digest")));
    QCOMPARE(stored.body.value(QStringLiteral("expires_at")), acknowledged.body.value(QStringLiteral("expires_at")));
    QCOMPARE(stored.body.value(QStringLiteral("seq")), acknowledged.body.value(QStringLiteral("seq")));
    // The idempotency record survived too: a retry gets the same answer, not a second action.
    const auto retried = agent().submit(body, QStringLiteral("survives-kill"));
    QCOMPARE(retried.status, 202);
    QCOMPARE(retried.body, acknowledged.body);
    m_waiting.append(id);
}

void TestDurability::acceptedDecisionSurvivesKill9()
{
    const auto submitted = submit(QStringLiteral("dur.write"));
    QCOMPARE(submitted.status, 202);
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    {
        ConsoleClient console(m_broker.consoleUrl(), m_broker.clientTls());
        QVERIFY(console.login(*m_approver.key));
        const QJsonObject action = actionFromStream(console, id);
        QVERIFY(!action.isEmpty());
        const QJsonObject accepted = console.decide(
            ConsoleClient::signDecision(*m_approver.key, action, QStringLiteral("approve"), QStringLiteral("Fine.")));
        QVERIFY2(accepted.value(QStringLiteral("accepted")).toBool(),
                 qPrintable(accepted.value(QStringLiteral("message")).toString()));
        QCOMPARE(accepted.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        m_broker.kill();
    }
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    const auto stored = agent().status(id);
    QCOMPARE(stored.body.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    const QJsonArray decisions = stored.body.value(QStringLiteral("decisions")).toArray();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.first().toObject().value(QStringLiteral("approver")).toString(), m_approver.keyId);
    QCOMPARE(decisions.first().toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("Fine."));
    QVERIFY(stored.body.contains(QStringLiteral("resolved_at")));
    // The decision and the resolution are in the audit log as well.
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT group_concat(event, ',') FROM (SELECT event FROM audit_log "
                                              "WHERE action_id = '%1' ORDER BY seq)")
                                   .arg(id)),
             QStringLiteral("submitted,policy_decided,decision_accepted,resolved"));
}

void TestDurability::deadlineFiresWithinOneSecondWhileRunning()
{
    const auto submitted = submit(QStringLiteral("dur.short"));
    QCOMPARE(submitted.status, 202);
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    const QDateTime deadline = timestamp(submitted.body, QStringLiteral("expires_at"));
    QVERIFY(deadline.isValid());
    // The long-poll returns when the broker expires the action, not at its own timeout.
    const auto expired = agent().status(id, 30);
    QCOMPARE(expired.body.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    const qint64 late = deadline.msecsTo(timestamp(expired.body, QStringLiteral("resolved_at")));
    QVERIFY2(late >= 0 && late <= 1000, qPrintable(QStringLiteral("expired %1 ms after the deadline").arg(late)));
    QVERIFY(expired.body.value(QStringLiteral("decisions")).toArray().isEmpty());
}

void TestDurability::deadlinePassedWhileDownExpiresAtStartup()
{
    const auto submitted = submit(QStringLiteral("dur.short"));
    QCOMPARE(submitted.status, 202);
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    const QDateTime deadline = timestamp(submitted.body, QStringLiteral("expires_at"));
    m_broker.kill();
    // Time passes while nothing runs (a wait on the clock itself, not on the broker).
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > deadline.addMSecs(200), 10000);
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    // The very first answer after start-up already says expired.
    const auto stored = agent().status(id);
    QCOMPARE(stored.body.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    const QDateTime resolvedAt = timestamp(stored.body, QStringLiteral("resolved_at"));
    QVERIFY(resolvedAt >= deadline);
    const qint64 afterStart = startedAt.msecsTo(resolvedAt);
    QVERIFY2(afterStart >= 0 && afterStart <= 1000,
             qPrintable(QStringLiteral("expired %1 ms after start-up").arg(afterStart)));
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT json_extract(data, '$.by') || ' ' || json_extract(data, "
                                              "'$.status') FROM audit_log WHERE action_id = '%1' AND event = "
                                              "'resolved'")
                                   .arg(id)),
             QStringLiteral("deadline expired"));
}

void TestDurability::restartsApproveNothing()
{
    for (int i = 0; i < 3; ++i) {
        const auto submitted = submit(QStringLiteral("dur.write"));
        QCOMPARE(submitted.status, 202);
        m_waiting.append(submitted.body.value(QStringLiteral("id")).toString());
    }
    QString error;
    m_broker.kill();
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    QVERIFY2(m_broker.restart(&error), qPrintable(error));
    for (const QString &id : std::as_const(m_waiting)) {
        const auto stored = agent().status(id);
        QCOMPARE(stored.body.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(stored.body.value(QStringLiteral("decisions")).toArray().isEmpty());
    }
    // Across every crash and restart of this suite: nothing held for approval
    // was approved without a recorded approval.
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions a WHERE a.policy_decision = 'approve' "
                                              "AND a.status IN ('approved', 'executed', 'failed') AND NOT EXISTS "
                                              "(SELECT 1 FROM decisions d WHERE d.action_id = a.id AND d.verdict = "
                                              "'approve')")),
             QStringLiteral("0"));
}

void TestDurability::aFailedSyncStopsTheBrokerBeforeItAnswers()
{
    // A disk that stops syncing, on demand: the test shim makes fdatasync()
    // and fsync() fail with EIO while a flag file exists. The broker must end
    // (exit code 75) without answering the request whose batch could not be
    // made durable, and after a restart the agent's retry with the same key
    // finds exactly one action, whether or not the unsynced commit reached
    // the file.
    BrokerFixture broker;
    QString error;
    QVERIFY2(broker.init(&error), qPrintable(error));
    QVERIFY(broker.writePolicy(kPolicy));
    QVERIFY(broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("min_approval_deadline_seconds"),
                                  QStringLiteral("1")));
    const QString token = broker.createToken(kTenant, kAgent, {QStringLiteral("dur.*")});
    QVERIFY(!token.isEmpty());
    const QString flag = QDir(broker.dir()).filePath(QStringLiteral("fail-sync"));
    broker.setEnvironment(QStringLiteral("LD_PRELOAD"), QStringLiteral(COUNTERSIGN_FAIL_SYNC_LIB));
    broker.setEnvironment(QStringLiteral("COUNTERSIGN_TEST_FAIL_SYNC"), flag);
    // An AddressSanitizer build must accept a preloaded library ahead of its runtime.
    const QString asan = qEnvironmentVariable("ASAN_OPTIONS");
    broker.setEnvironment(QStringLiteral("ASAN_OPTIONS"),
                          asan.isEmpty() ? QStringLiteral("verify_asan_link_order=0")
                                         : asan + QStringLiteral(":verify_asan_link_order=0"));
    QVERIFY2(broker.start(&error), qPrintable(error));
    const auto client = [&] { return AgentClient(broker.httpsUrl(QString()), broker.clientTls(), token); };
    const QByteArray first = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("dur.write")));
    const QByteArray second = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("dur.delete")));
    QCOMPARE(client().submit(first, QStringLiteral("before-the-fault")).status, 202);

    QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
    const auto unanswered = client().submit(second, QStringLiteral("during-the-fault"));
    QVERIFY2(unanswered.status != 200 && unanswered.status != 202, unanswered.raw.constData());
    QCOMPARE(broker.waitForExit(15000), 75);
    QVERIFY2(broker.serverLog().contains("syncing the write-ahead log failed"), broker.serverLog().constData());

    QVERIFY(QFile::remove(flag));
    QVERIFY2(broker.start(&error), qPrintable(error));
    const auto retried = client().submit(second, QStringLiteral("during-the-fault"));
    QCOMPARE(retried.status, 202);
    QCOMPARE(broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions")), QStringLiteral("2"));
    QCOMPARE(broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE tool = 'dur.delete'")),
             QStringLiteral("1"));
    QCOMPARE(broker.sqlValue(QStringLiteral("SELECT id FROM actions WHERE tool = 'dur.delete'")),
             retried.body.value(QStringLiteral("id")).toString());
    const auto verified = broker.cli(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), broker.configPath()});
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
}

void TestDurability::auditVerifiesAfterTheCrashes()
{
    const auto result = m_broker.cli(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.startsWith("verified "), result.out.constData());
}

QTEST_GUILESS_MAIN(TestDurability)
#include "TestDurability.moc"
