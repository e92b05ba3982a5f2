#include "core/ActionDigest.h"
#include "core/JsonParser.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace countersign::testing;

// The whole approval path through a real countersignd: agents over HTTPS, a
// console over the WebSocket, real signatures, the shipped example policy.
class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scenariosReachTheirPolicyOutcome_data();
    void scenariosReachTheirPolicyOutcome();
    void readOnlyCallIsAllowed();
    void sameIdempotencyKeySameBodySameAnswer();
    void approveOverWebSocketResolvesTheAction();
    void denyResolvesAsDenied();
    void quorumTwoNeedsTwoDistinctApprovers();
    void longPollWakesOnDecision();
    void subscriptionStreamsNewActionsLive();
    void resumeFromSeqReplaysOnlyNewerChanges();
    void subscribeAheadOfHeadIsRefused();
    void executionResultIsRecordedOnlyAfterApproval();
    void auditLogVerifiesAfterAllOfThis();

private:
    static QByteArray scenario(const QString &name);
    static QByteArray withTool(const QByteArray &doc, const QString &tool, bool readOnly);
    QJsonObject pendingAction(const QString &id);
    AgentClient agent(const QString &token)
    {
        return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), token);
    }

    BrokerFixture m_broker;
    QHash<QString, QString> m_tokens; // agent id -> token
    BrokerFixture::Approver m_sales, m_dbOwner1, m_dbOwner2, m_payments, m_approver;
    std::unique_ptr<ConsoleClient> m_console;
    int m_keyCounter = 0;
};

QByteArray TestEndToEnd::scenario(const QString &name)
{
    QFile file(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/") + name + QStringLiteral(".json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray TestEndToEnd::withTool(const QByteArray &doc, const QString &tool, bool readOnly)
{
    QJsonObject action = countersign::core::JsonParser::parseObject(doc).value->toObject();
    QJsonObject toolObject = action.value(QStringLiteral("tool")).toObject();
    toolObject.insert(QStringLiteral("name"), tool);
    QJsonObject annotations {{QStringLiteral("read_only"), readOnly}, {QStringLiteral("destructive"), false}};
    toolObject.insert(QStringLiteral("annotations"), annotations);
    action.insert(QStringLiteral("tool"), toolObject);
    QJsonArray scopes;
    for (const QJsonValue &scope : action.value(QStringLiteral("data_scopes")).toArray()) {
        QJsonObject s = scope.toObject();
        s.insert(QStringLiteral("access"), QStringLiteral("read"));
        scopes.append(s);
    }
    action.insert(QStringLiteral("data_scopes"), scopes);
    return QJsonDocument(action).toJson(QJsonDocument::Compact);
}

void TestEndToEnd::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    m_tokens.insert(QStringLiteral("agent:sales-assistant"),
                    m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:sales-assistant"),
                                         {QStringLiteral("email.*"), QStringLiteral("crm.*")}));
    m_tokens.insert(
        QStringLiteral("agent:code-assistant"),
        m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:code-assistant"), {QStringLiteral("*")}));
    m_tokens.insert(QStringLiteral("agent:ops-assistant"),
                    m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:ops-assistant"),
                                         {QStringLiteral("cloud.*")}));
    m_tokens.insert(QStringLiteral("agent:support-copilot"),
                    m_broker.createToken(QStringLiteral("globex-retail"), QStringLiteral("agent:support-copilot"),
                                         {QStringLiteral("payments.*"), QStringLiteral("tickets.*")}));
    for (const QString &token : std::as_const(m_tokens))
        QVERIFY(token.startsWith(QStringLiteral("cst_")));
    m_sales = m_broker.enrolApprover(QStringLiteral("Sam Sales"), {QStringLiteral("sales-approver")},
                                     {QStringLiteral("acme")}, QStringLiteral("sam@acme.example"));
    m_dbOwner1
        = m_broker.enrolApprover(QStringLiteral("Dana DB"), {QStringLiteral("db-owner")}, {QStringLiteral("acme")});
    m_dbOwner2
        = m_broker.enrolApprover(QStringLiteral("Dev DB"), {QStringLiteral("db-owner")}, {QStringLiteral("acme")});
    m_payments = m_broker.enrolApprover(QStringLiteral("Pat Pay"), {QStringLiteral("payments-approver")},
                                        {QStringLiteral("globex-retail")});
    m_approver = m_broker.enrolApprover(QStringLiteral("Ari Approver"), {QStringLiteral("approver")},
                                        {QStringLiteral("acme")});
    for (const auto *a : {&m_sales, &m_dbOwner1, &m_dbOwner2, &m_payments, &m_approver})
        QVERIFY2(!a->keyId.isEmpty(), qPrintable(a->name));
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_console = std::make_unique<ConsoleClient>(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY2(m_console->login(*m_sales.key),
             qPrintable(m_console->lastError().value(QStringLiteral("message")).toString()));
    QCOMPARE(
        m_console->welcome().value(QStringLiteral("principal")).toObject().value(QStringLiteral("key_id")).toString(),
        m_sales.keyId);
    QCOMPARE(m_console->challenge().value(QStringLiteral("broker")).toString(), m_broker.brokerKeyId());
    m_console->subscribe(0);
}

void TestEndToEnd::scenariosReachTheirPolicyOutcome_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("rule");
    QTest::newRow("renewal-outreach-email")
        << QStringLiteral("renewal-outreach-email") << QStringLiteral("agent:sales-assistant") << 202
        << QStringLiteral("pending") << QStringLiteral("approve-external-email");
    QTest::newRow("prod-schema-migration")
        << QStringLiteral("prod-schema-migration") << QStringLiteral("agent:code-assistant") << 202
        << QStringLiteral("pending") << QStringLiteral("approve-production-migration");
    QTest::newRow("iam-role-grant") << QStringLiteral("iam-role-grant") << QStringLiteral("agent:ops-assistant") << 200
                                    << QStringLiteral("denied") << QStringLiteral("deny-iam-wildcard-action");
    QTest::newRow("customer-refund") << QStringLiteral("customer-refund") << QStringLiteral("agent:support-copilot")
                                     << 202 << QStringLiteral("pending")
                                     << QStringLiteral("approve-refund-to-bank-account");
    QTest::newRow("mcp-file-write") << QStringLiteral("mcp-file-write") << QStringLiteral("agent:code-assistant") << 202
                                    << QStringLiteral("pending") << QStringLiteral("approve-destructive-file-write");
}

void TestEndToEnd::scenariosReachTheirPolicyOutcome()
{
    QFETCH(QString, name);
    QFETCH(QString, agentId);
    QFETCH(int, httpStatus);
    QFETCH(QString, status);
    QFETCH(QString, rule);
    AgentClient client = agent(m_tokens.value(agentId));
    const auto reply = client.submit(scenario(name), QStringLiteral("outcome-") + name);
    QCOMPARE(reply.status, httpStatus);
    QCOMPARE(reply.body.value(QStringLiteral("status")).toString(), status);
    QCOMPARE(reply.body.value(QStringLiteral("policy")).toObject().value(QStringLiteral("rule")).toString(), rule);
    QVERIFY(reply.body.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("act_")));
    if (status == QStringLiteral("pending"))
        QVERIFY(!reply.body.value(QStringLiteral("expires_at")).toString().isEmpty());
    // Stored before the answer: the agent can read it back at once.
    const auto stored = client.status(reply.body.value(QStringLiteral("id")).toString());
    QCOMPARE(stored.status, 200);
    QCOMPARE(stored.body.value(QStringLiteral("status")).toString(),
             status == QStringLiteral("denied") ? QStringLiteral("denied") : QStringLiteral("pending"));
}

void TestEndToEnd::readOnlyCallIsAllowed()
{
    for (const auto &[agentId, file, tool] :
         {std::tuple {QStringLiteral("agent:sales-assistant"), QStringLiteral("renewal-outreach-email"),
                      QStringLiteral("crm.get_account")},
          std::tuple {QStringLiteral("agent:support-copilot"), QStringLiteral("customer-refund"),
                      QStringLiteral("tickets.read")},
          std::tuple {QStringLiteral("agent:code-assistant"), QStringLiteral("mcp-file-write"),
                      QStringLiteral("read_file")}}) {
        const auto reply = agent(m_tokens.value(agentId)).submit(withTool(scenario(file), tool, true), tool + agentId);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.value(QStringLiteral("status")).toString(), QStringLiteral("allowed"));
        QCOMPARE(reply.body.value(QStringLiteral("policy")).toObject().value(QStringLiteral("rule")).toString(),
                 QStringLiteral("allow-read-only"));
    }
}

void TestEndToEnd::sameIdempotencyKeySameBodySameAnswer()
{
    AgentClient client = agent(m_tokens.value(QStringLiteral("agent:code-assistant")));
    const auto first = client.submit(scenario(QStringLiteral("mcp-file-write")), QStringLiteral("idem-1"));
    const auto again = client.submit(scenario(QStringLiteral("mcp-file-write")), QStringLiteral("idem-1"));
    QCOMPARE(first.status, 202);
    QCOMPARE(again.status, 202);
    QCOMPARE(again.body, first.body);
    const auto other = client.submit(scenario(QStringLiteral("prod-schema-migration")), QStringLiteral("idem-1"));
    QCOMPARE(other.status, 409);
    QCOMPARE(other.body.value(QStringLiteral("error")).toString(), QStringLiteral("idempotency_conflict"));
    const auto missing = client.submit(scenario(QStringLiteral("mcp-file-write")), QString());
    QCOMPARE(missing.status, 400);
}

QJsonObject TestEndToEnd::pendingAction(const QString &id)
{
    // The console learns about the action from the stream, as a real console does.
    for (int round = 0; round < 2; ++round) {
        for (const QJsonObject &message : m_console->messages()) {
            const QJsonObject action = message.value(QStringLiteral("action")).toObject();
            if (message.value(QStringLiteral("type")).toString() == QStringLiteral("action")
                && action.value(QStringLiteral("id")).toString() == id)
                return action;
        }
        m_console->waitFor(QStringLiteral("action"), -1, 5000);
    }
    return {};
}

void TestEndToEnd::approveOverWebSocketResolvesTheAction()
{
    AgentClient client = agent(m_tokens.value(QStringLiteral("agent:sales-assistant")));
    const auto submitted
        = client.submit(scenario(QStringLiteral("renewal-outreach-email")), QStringLiteral("approve-1"));
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    const QJsonObject action = pendingAction(id);
    QVERIFY2(!action.isEmpty(), "the pending action reached the console");
    QCOMPARE(action.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(countersign::core::ActionDigest::compute(action),
             submitted.body.value(QStringLiteral("digest")).toString());
    const QJsonObject reply
        = m_console->decide(ConsoleClient::signDecision(*m_sales.key, action, QStringLiteral("approve"), QString()));
    QVERIFY2(reply.value(QStringLiteral("accepted")).toBool(),
             qPrintable(reply.value(QStringLiteral("message")).toString()));
    QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("decide_result"));
    QCOMPARE(reply.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    const auto status = client.status(id);
    QCOMPARE(status.body.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    const QJsonArray decisions = status.body.value(QStringLiteral("decisions")).toArray();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.first().toObject().value(QStringLiteral("approver")).toString(), m_sales.keyId);
    // Resolution is final.
    const QJsonObject late = m_console->decide(
        ConsoleClient::signDecision(*m_sales.key, action, QStringLiteral("deny"), QStringLiteral("no")));
    QCOMPARE(late.value(QStringLiteral("accepted")).toBool(), false);
    QCOMPARE(late.value(QStringLiteral("code")).toString(), QStringLiteral("not_pending"));
    QCOMPARE(client.status(id).body.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
}

void TestEndToEnd::denyResolvesAsDenied()
{
    AgentClient client = agent(m_tokens.value(QStringLiteral("agent:sales-assistant")));
    const auto submitted = client.submit(scenario(QStringLiteral("renewal-outreach-email")), QStringLiteral("deny-1"));
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    const QJsonObject action = pendingAction(id);
    QVERIFY(!action.isEmpty());
    const QJsonObject reply = m_console->decide(ConsoleClient::signDecision(
        *m_sales.key, action, QStringLiteral("deny"), QStringLiteral("The cc recipient came from a CRM note.")));
    QVERIFY(reply.value(QStringLiteral("accepted")).toBool());
    QCOMPARE(reply.value(QStringLiteral("status")).toString(), QStringLiteral("denied"));
    QCOMPARE(client.status(id).body.value(QStringLiteral("status")).toString(), QStringLiteral("denied"));
    // The console is told: a later action message for the same id carries the resolution.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &m : m_console->messages()) {
                const QJsonObject a = m.value(QStringLiteral("action")).toObject();
                if (a.value(QStringLiteral("id")).toString() == id
                    && a.value(QStringLiteral("status")).toString() == QStringLiteral("denied"))
                    return true;
            }
            return false;
        }(),
        10000);
}

void TestEndToEnd::quorumTwoNeedsTwoDistinctApprovers()
{
    AgentClient client = agent(m_tokens.value(QStringLiteral("agent:code-assistant")));
    const auto submitted = client.submit(scenario(QStringLiteral("prod-schema-migration")), QStringLiteral("quorum-1"));
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    ConsoleClient first(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(first.login(*m_dbOwner1.key));
    QJsonObject action;
    for (const QJsonObject &m : first.subscribe(0)) {
        if (m.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString() == id)
            action = m.value(QStringLiteral("action")).toObject();
    }
    QVERIFY2(!action.isEmpty(), "the db owner sees the pending migration");
    const QJsonObject one
        = first.decide(ConsoleClient::signDecision(*m_dbOwner1.key, action, QStringLiteral("approve"),
                                                   QStringLiteral("Columns unused since the 2026 tax-service move.")));
    QVERIFY2(one.value(QStringLiteral("accepted")).toBool(),
             qPrintable(QString::fromUtf8(QJsonDocument(one).toJson())));
    QCOMPARE(one.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(one.value(QStringLiteral("approvals")).toInt(), 1);
    QCOMPARE(one.value(QStringLiteral("quorum")).toInt(), 2);
    // The same approver twice does not make two.
    const QJsonObject again = first.decide(
        ConsoleClient::signDecision(*m_dbOwner1.key, action, QStringLiteral("approve"), QStringLiteral("Again.")));
    QCOMPARE(again.value(QStringLiteral("code")).toString(), QStringLiteral("already_decided"));
    QCOMPARE(client.status(id).body.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));

    ConsoleClient second(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(second.login(*m_dbOwner2.key));
    second.subscribe(0);
    const QJsonObject two = second.decide(ConsoleClient::signDecision(
        *m_dbOwner2.key, action, QStringLiteral("approve"), QStringLiteral("Checked the three references myself.")));
    QVERIFY2(two.value(QStringLiteral("accepted")).toBool(),
             qPrintable(two.value(QStringLiteral("message")).toString()));
    QCOMPARE(two.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    QCOMPARE(client.status(id).body.value(QStringLiteral("decisions")).toArray().size(), 2);
}

void TestEndToEnd::longPollWakesOnDecision()
{
    AgentClient client = agent(m_tokens.value(QStringLiteral("agent:support-copilot")));
    const auto submitted = client.submit(scenario(QStringLiteral("customer-refund")), QStringLiteral("poll-1"));
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    QNetworkReply *poll = client.startStatus(id, 55);
    QSignalSpy finished(poll, &QNetworkReply::finished);
    ConsoleClient payments(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(payments.login(*m_payments.key));
    QJsonObject action;
    for (const QJsonObject &m : payments.subscribe(0)) {
        if (m.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString() == id)
            action = m.value(QStringLiteral("action")).toObject();
    }
    QVERIFY(!action.isEmpty());
    QCOMPARE(finished.count(), 0); // still waiting: nothing was decided yet
    QElapsedTimer clock;
    clock.start();
    const QJsonObject reply = payments.decide(ConsoleClient::signDecision(
        *m_payments.key, action, QStringLiteral("deny"), QStringLiteral("Refund exceeds the order total.")));
    QVERIFY(reply.value(QStringLiteral("accepted")).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(clock.elapsed() < 20000, "the long-poll answered on the decision, not at its 55 s timeout");
    const auto answer = AgentClient::finish(poll);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("status")).toString(), QStringLiteral("denied"));
}

void TestEndToEnd::subscriptionStreamsNewActionsLive()
{
    const qsizetype before = m_console->messages().size();
    const auto submitted = agent(m_tokens.value(QStringLiteral("agent:sales-assistant")))
                               .submit(scenario(QStringLiteral("renewal-outreach-email")), QStringLiteral("live-1"));
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    const QJsonObject message = m_console->waitFor(QStringLiteral("action"), before, 10000);
    QVERIFY(!message.isEmpty());
    QCOMPARE(message.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(message.value(QStringLiteral("seq")).toInteger(), submitted.body.value(QStringLiteral("seq")).toInteger());
    // The sales approver's tenants are acme only: globex-retail actions never reach it.
    const qsizetype mark = m_console->messages().size();
    agent(m_tokens.value(QStringLiteral("agent:support-copilot")))
        .submit(scenario(QStringLiteral("customer-refund")), QStringLiteral("live-2"));
    const auto marker = agent(m_tokens.value(QStringLiteral("agent:sales-assistant")))
                            .submit(scenario(QStringLiteral("renewal-outreach-email")), QStringLiteral("live-3"));
    const QJsonObject next = m_console->waitFor(QStringLiteral("action"), mark, 10000);
    QCOMPARE(next.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(),
             marker.body.value(QStringLiteral("id")).toString());
}

void TestEndToEnd::resumeFromSeqReplaysOnlyNewerChanges()
{
    ConsoleClient client(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(client.login(*m_approver.key));
    const qint64 head = client.welcome().value(QStringLiteral("head")).toInteger();
    QVERIFY(head > 0);
    client.close();
    const auto submitted = agent(m_tokens.value(QStringLiteral("agent:code-assistant")))
                               .submit(scenario(QStringLiteral("mcp-file-write")), QStringLiteral("resume-1"));
    ConsoleClient resumed(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(resumed.login(*m_approver.key));
    const QList<QJsonObject> replay = resumed.subscribe(head);
    QCOMPARE(replay.size(), 1);
    QCOMPARE(replay.first().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(),
             submitted.body.value(QStringLiteral("id")).toString());
    QVERIFY(replay.first().value(QStringLiteral("seq")).toInteger() > head);
}

void TestEndToEnd::subscribeAheadOfHeadIsRefused()
{
    ConsoleClient client(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(client.login(*m_approver.key));
    const qint64 head = client.welcome().value(QStringLiteral("head")).toInteger();
    QVERIFY(client.subscribe(head + 1000).isEmpty());
    QCOMPARE(client.lastError().value(QStringLiteral("code")).toString(), QStringLiteral("since_ahead"));
}

void TestEndToEnd::executionResultIsRecordedOnlyAfterApproval()
{
    AgentClient client = agent(m_tokens.value(QStringLiteral("agent:sales-assistant")));
    const auto submitted
        = client.submit(scenario(QStringLiteral("renewal-outreach-email")), QStringLiteral("result-1"));
    const QString id = submitted.body.value(QStringLiteral("id")).toString();
    const QJsonObject executed {{QStringLiteral("outcome"), QStringLiteral("executed")},
                                {QStringLiteral("summary"), QStringLiteral("sent, message id 42")}};
    QCOMPARE(client.report(id, executed).status, 409);
    const QJsonObject action = pendingAction(id);
    QVERIFY(m_console->decide(ConsoleClient::signDecision(*m_sales.key, action, QStringLiteral("approve"), QString()))
                .value(QStringLiteral("accepted"))
                .toBool());
    const auto reported = client.report(id, executed);
    QCOMPARE(reported.status, 200);
    const auto status = client.status(id);
    QCOMPARE(status.body.value(QStringLiteral("status")).toString(), QStringLiteral("executed"));
    QCOMPARE(status.body.value(QStringLiteral("result")).toObject().value(QStringLiteral("summary")).toString(),
             QStringLiteral("sent, message id 42"));
    // Another agent cannot even see it.
    AgentClient other = agent(m_tokens.value(QStringLiteral("agent:code-assistant")));
    QCOMPARE(other.status(id).status, 404);
    QCOMPARE(other.report(id, executed).status, 404);
}

void TestEndToEnd::auditLogVerifiesAfterAllOfThis()
{
    const auto result = m_broker.cli(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.startsWith("verified "), result.out.constData());
}

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "TestEndToEnd.moc"
