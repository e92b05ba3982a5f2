#include "core/Base64Url.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:api-tests");

const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "allow-api-read"
description = "Reads need nobody"
action = "allow"
[rules.match]
tool = "api.read"

[[rules]]
id = "approve-api-tools"
description = "Everything else is held"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "api.*"
)";

constexpr int kMaxBodyBytes = 4096;
constexpr int kMaxJsonDepth = 10;
constexpr int kMaxPending = 2;
constexpr int kLoginsPerMinute = 3;
constexpr int kMaxWebSocketMessage = 4096;

} // namespace

// The agents' HTTPS API and the edges of the console endpoint, against a real
// countersignd with small limits: authentication and token scope, every
// validation error, every limit, health and metrics. Bad input changes nothing.
class TestAgentApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outOfScopeIsRefusedAndAudited_data();
    void outOfScopeIsRefusedAndAudited();
    void expiredTokenIs401();
    void revokedTokenIs401();
    void unknownTokenIs401();
    void missingAuthorizationIs401();
    void bodyOverTheLimitIs413();
    void bodyFarOverTheLimitIsCutOffWith413();
    void tooDeepJsonIs400WithItsPath();
    void malformedJsonIs400WithItsPath_data();
    void malformedJsonIs400WithItsPath();
    void schemaErrorsAre422ListingEveryPath();
    void brokerFieldsInTheBodyAre422();
    void pendingPerAgentLimitIs429();
    void healthz();
    void pipelinedRequestsAreAnsweredInRequestOrder();
    void metricsHaveEveryFamily();
    void loginAttemptsPerMinuteAreLimited();
    void oversizedWebSocketMessageClosesTheSession();
    void unknownWebSocketPathIsRefused();

private:
    struct Snapshot
    {
        QString pending;
        qint64 auditHead = 0;
        QString changeSeq;
        bool operator==(const Snapshot &) const = default;
    };
    Snapshot snapshot() const;
    AgentClient agent(const QString &token = QString())
    {
        return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), token.isNull() ? m_token : token);
    }
    QString key() { return QStringLiteral("api-%1").arg(++m_counter); }
    // Submits `body`, expects a refusal with `status` and `code`, and that nothing changed.
    AgentClient::Reply expectRefused(AgentClient &client, const QByteArray &body, int status, const QString &code);
    // One request over a raw TLS connection; returns everything the broker sent back.
    QByteArray rawExchange(const QByteArray &request);
    static QStringList errorPaths(const QJsonObject &body);

    BrokerFixture m_broker;
    QString m_token;
    BrokerFixture::Approver m_approver;
    int m_counter = 0;
};

void TestAgentApi::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    const QString limits = QStringLiteral("limits");
    QVERIFY(m_broker.setConfigValue(limits, QStringLiteral("max_body_bytes"), QString::number(kMaxBodyBytes)));
    QVERIFY(m_broker.setConfigValue(limits, QStringLiteral("max_json_depth"), QString::number(kMaxJsonDepth)));
    QVERIFY(m_broker.setConfigValue(limits, QStringLiteral("max_pending_per_agent"), QString::number(kMaxPending)));
    QVERIFY(m_broker.setConfigValue(limits, QStringLiteral("login_attempts_per_minute"),
                                    QString::number(kLoginsPerMinute)));
    QVERIFY(m_broker.setConfigValue(limits, QStringLiteral("max_websocket_message_bytes"),
                                    QString::number(kMaxWebSocketMessage)));
    m_token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("api.*")});
    QVERIFY(m_token.startsWith(QStringLiteral("cst_")));
    m_approver = m_broker.enrolApprover(QStringLiteral("Ari"), {QStringLiteral("approver")}, {kTenant});
    QVERIFY(!m_approver.keyId.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    QVERIFY(TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write"))).size()
            < kMaxBodyBytes);
}

TestAgentApi::Snapshot TestAgentApi::snapshot() const
{
    return {m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending'")),
            m_broker.auditHead(), m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'"))};
}

QStringList TestAgentApi::errorPaths(const QJsonObject &body)
{
    QStringList paths;
    for (const QJsonValue &e : body.value(QStringLiteral("errors")).toArray())
        paths.append(e.toObject().value(QStringLiteral("path")).toString());
    return paths;
}

AgentClient::Reply TestAgentApi::expectRefused(AgentClient &client, const QByteArray &body, int status,
                                               const QString &code)
{
    const Snapshot before = snapshot();
    const auto reply = client.submit(body, key());
    if (reply.status != status || reply.body.value(QStringLiteral("error")).toString() != code) {
        qWarning() << "expected" << status << code << "got" << reply.status << reply.raw;
        return {};
    }
    if (snapshot() != before) {
        qWarning() << "a refused submission changed the store or the audit log";
        return {};
    }
    return reply;
}

QByteArray TestAgentApi::rawExchange(const QByteArray &request)
{
    QSslSocket socket;
    socket.setSslConfiguration(m_broker.clientTls());
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_broker.port(), QStringLiteral("localhost"));
    if (!encrypted.wait(10000))
        return {};
    QByteArray response;
    connect(&socket, &QSslSocket::readyRead, this, [&] { response += socket.readAll(); });
    QSignalSpy disconnected(&socket, &QSslSocket::disconnected);
    socket.write(request);
    // Every request sent here makes the broker close the connection after answering.
    if (socket.state() == QAbstractSocket::ConnectedState)
        disconnected.wait(15000);
    response += socket.readAll();
    return response;
}

void TestAgentApi::outOfScopeIsRefusedAndAudited_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<QString>("tool");
    QTest::newRow("tenant") << QStringLiteral("globex") << kAgent << QStringLiteral("api.write");
    QTest::newRow("agent") << kTenant << QStringLiteral("agent:impostor") << QStringLiteral("api.write");
    QTest::newRow("tool") << kTenant << kAgent << QStringLiteral("shell.exec");
}

void TestAgentApi::outOfScopeIsRefusedAndAudited()
{
    QFETCH(QString, tenant);
    QFETCH(QString, agentId);
    QFETCH(QString, tool);
    const Snapshot before = snapshot();
    const auto reply = agent().submit(TestActions::bytes(TestActions::action(tenant, agentId, tool)), key());
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.body.value(QStringLiteral("error")).toString(), QStringLiteral("out_of_scope"));
    QVERIFY(!reply.body.value(QStringLiteral("message")).toString().isEmpty());
    const Snapshot after = snapshot();
    QCOMPARE(after.pending, before.pending);
    QCOMPARE(after.changeSeq, before.changeSeq);
    // Exactly one new audit entry: the refusal, naming what was out of scope.
    QCOMPARE(after.auditHead, before.auditHead + 1);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT event || ' ' || json_extract(data, '$.code') || ' ' || "
                                              "json_extract(data, '$.tenant') || ' ' || json_extract(data, '$.agent') "
                                              "|| ' ' || json_extract(data, '$.tool') FROM audit_log WHERE seq = %1")
                                   .arg(after.auditHead)),
             QStringLiteral("submission_refused out_of_scope %1 %2 %3").arg(tenant, agentId, tool));
}

void TestAgentApi::expiredTokenIs401()
{
    const QString token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("api.*")}, QStringLiteral("1s"));
    QVERIFY(token.startsWith(QStringLiteral("cst_")));
    AgentClient client = agent(token);
    // Valid for one second (a missing action is 404 while the token works) ...
    QTRY_COMPARE_WITH_TIMEOUT(client.status(QStringLiteral("act_missing")).status, 401, 10000);
    // ... and then refused as expired, for reads and for submissions.
    QCOMPARE(client.status(QStringLiteral("act_missing")).body.value(QStringLiteral("error")).toString(),
             QStringLiteral("token_expired"));
    QVERIFY(expectRefused(client, TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write"))),
                          401, QStringLiteral("token_expired"))
                .status
            == 401);
}

void TestAgentApi::revokedTokenIs401()
{
    QString id;
    const QString token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("api.*")}, QString(), &id);
    QVERIFY(id.startsWith(QStringLiteral("tok_")));
    AgentClient client = agent(token);
    QCOMPARE(client.status(QStringLiteral("act_missing")).status, 404);
    const auto revoked = m_broker.cli(
        {QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--config"), m_broker.configPath(), id});
    QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
    const auto read = client.status(QStringLiteral("act_missing"));
    QCOMPARE(read.status, 401);
    QCOMPARE(read.body.value(QStringLiteral("error")).toString(), QStringLiteral("token_revoked"));
    QCOMPARE(expectRefused(client,
                           TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write"))), 401,
                           QStringLiteral("token_revoked"))
                 .status,
             401);
}

void TestAgentApi::unknownTokenIs401()
{
    QByteArray random(32, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    const QString unknown = QStringLiteral("cst_") + QString::fromLatin1(core::Base64Url::encode(random));
    AgentClient client = agent(unknown);
    QCOMPARE(expectRefused(client,
                           TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write"))), 401,
                           QStringLiteral("unauthorized"))
                 .status,
             401);
}

void TestAgentApi::missingAuthorizationIs401()
{
    AgentClient anonymous(m_broker.httpsUrl(QString()), m_broker.clientTls(), QString());
    QCOMPARE(expectRefused(anonymous,
                           TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write"))), 401,
                           QStringLiteral("unauthorized"))
                 .status,
             401);
    QCOMPARE(anonymous.status(QStringLiteral("act_missing")).status, 401);
}

void TestAgentApi::bodyOverTheLimitIs413()
{
    QJsonObject action = TestActions::action(kTenant, kAgent, QStringLiteral("api.write"));
    QJsonObject arguments = action.value(QStringLiteral("arguments")).toObject();
    arguments.insert(QStringLiteral("content"), QString(kMaxBodyBytes, QLatin1Char('x')));
    action.insert(QStringLiteral("arguments"), arguments);
    const QByteArray body = TestActions::bytes(action);
    QVERIFY(body.size() > kMaxBodyBytes);
    AgentClient client = agent();
    QCOMPARE(expectRefused(client, body, 413, QStringLiteral("too_large")).status, 413);
}

void TestAgentApi::bodyFarOverTheLimitIsCutOffWith413()
{
    // Far beyond the limit the broker does not even buffer it: it answers 413
    // while the body is still arriving and closes the connection.
    const Snapshot before = snapshot();
    const QByteArray body(200 * 1024, 'x');
    const QByteArray request = "POST /v1/actions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + m_token.toLatin1() + "\r\nIdempotency-Key: huge-1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray response = rawExchange(request);
    QVERIFY2(response.startsWith("HTTP/1.1 413 "), response.left(200).constData());
    QVERIFY(response.contains("\"too_large\""));
    QCOMPARE(snapshot(), before);
}

void TestAgentApi::tooDeepJsonIs400WithItsPath()
{
    QJsonObject action = TestActions::action(kTenant, kAgent, QStringLiteral("api.write"));
    QJsonObject nested {{QStringLiteral("leaf"), true}};
    for (int i = 0; i < kMaxJsonDepth + 2; ++i)
        nested = QJsonObject {{QStringLiteral("a"), nested}};
    action.insert(QStringLiteral("arguments"), nested);
    AgentClient client = agent();
    const auto reply = expectRefused(client, TestActions::bytes(action), 400, QStringLiteral("invalid_json"));
    QCOMPARE(reply.status, 400);
    const QStringList paths = errorPaths(reply.body);
    QCOMPARE(paths.size(), 1);
    QVERIFY2(paths.first().startsWith(QStringLiteral("arguments.a.a.a")), qPrintable(paths.first()));
}

void TestAgentApi::malformedJsonIs400WithItsPath_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("path");
    QTest::newRow("invalid UTF-8") << QByteArray("\"content\":\"") << QByteArray("\"content\":\"\xff\xfe")
                                   << QStringLiteral("arguments.content");
    QTest::newRow("overlong UTF-8") << QByteArray("\"content\":\"") << QByteArray("\"content\":\"\xc0\xaf")
                                    << QStringLiteral("arguments.content");
    QTest::newRow("duplicate key") << QByteArray("\"path\":\"/srv") << QByteArray("\"path\":\"/tmp/x\",\"path\":\"/srv")
                                   << QStringLiteral("arguments.path");
    QTest::newRow("lone surrogate") << QByteArray("\"text\":\"") << QByteArray("\"text\":\"\\ud800")
                                    << QStringLiteral("request.text");
}

void TestAgentApi::malformedJsonIs400WithItsPath()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, path);
    QByteArray body = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write")));
    QCOMPARE(body.count(from), 1);
    body.replace(from, to);
    AgentClient client = agent();
    const auto reply = expectRefused(client, body, 400, QStringLiteral("invalid_json"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorPaths(reply.body), QStringList {path});
}

void TestAgentApi::schemaErrorsAre422ListingEveryPath()
{
    QJsonObject action = TestActions::action(kTenant, kAgent, QStringLiteral("api.write"));
    action.remove(QStringLiteral("tenant"));
    QJsonObject tool = action.value(QStringLiteral("tool")).toObject();
    QJsonObject annotations = tool.value(QStringLiteral("annotations")).toObject();
    annotations.insert(QStringLiteral("destructive"), QStringLiteral("yes"));
    tool.insert(QStringLiteral("annotations"), annotations);
    action.insert(QStringLiteral("tool"), tool);
    QJsonArray scopes = action.value(QStringLiteral("data_scopes")).toArray();
    QJsonObject scope = scopes.at(0).toObject();
    scope.insert(QStringLiteral("access"), QStringLiteral("obliterate"));
    scopes.replace(0, scope);
    action.insert(QStringLiteral("data_scopes"), scopes);
    AgentClient client = agent();
    const auto reply = expectRefused(client, TestActions::bytes(action), 422, QStringLiteral("invalid_action"));
    QCOMPARE(reply.status, 422);
    const QStringList paths = errorPaths(reply.body);
    for (const QString &expected : {QStringLiteral("tenant"), QStringLiteral("tool.annotations.destructive"),
                                    QStringLiteral("data_scopes[0].access")})
        QVERIFY2(paths.contains(expected), qPrintable(paths.join(QStringLiteral(", "))));
}

void TestAgentApi::brokerFieldsInTheBodyAre422()
{
    QJsonObject action = TestActions::action(kTenant, kAgent, QStringLiteral("api.write"));
    action.insert(QStringLiteral("status"), QStringLiteral("approved"));
    action.insert(QStringLiteral("id"), QStringLiteral("act_chosenByTheAgent"));
    action.insert(QStringLiteral("decisions"), QJsonArray());
    action.insert(QStringLiteral("policy"), QJsonObject {{QStringLiteral("decision"), QStringLiteral("allow")}});
    AgentClient client = agent();
    const auto reply = expectRefused(client, TestActions::bytes(action), 422, QStringLiteral("invalid_action"));
    QCOMPARE(reply.status, 422);
    const QStringList paths = errorPaths(reply.body);
    for (const QString &field :
         {QStringLiteral("status"), QStringLiteral("id"), QStringLiteral("decisions"), QStringLiteral("policy")})
        QVERIFY2(paths.contains(field), qPrintable(paths.join(QStringLiteral(", "))));
}

void TestAgentApi::pendingPerAgentLimitIs429()
{
    const QString limited = QStringLiteral("agent:limited");
    AgentClient client = agent(m_broker.createToken(kTenant, limited, {QStringLiteral("api.*")}));
    const QByteArray held = TestActions::bytes(TestActions::action(kTenant, limited, QStringLiteral("api.write")));
    for (int i = 0; i < kMaxPending; ++i)
        QCOMPARE(client.submit(held, key()).status, 202);
    const Snapshot before = snapshot();
    const auto refused = client.submit(held, key());
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.body.value(QStringLiteral("error")).toString(), QStringLiteral("too_many_pending"));
    const Snapshot after = snapshot();
    QCOMPARE(after.pending, before.pending);
    QCOMPARE(after.changeSeq, before.changeSeq);
    QCOMPARE(after.auditHead, before.auditHead + 1);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT event || ' ' || json_extract(data, '$.code') FROM audit_log "
                                              "WHERE seq = %1")
                                   .arg(after.auditHead)),
             QStringLiteral("submission_refused too_many_pending"));
    // The limit is on actions waiting for a human; what policy allows still runs.
    const auto allowed
        = client.submit(TestActions::bytes(TestActions::action(kTenant, limited, QStringLiteral("api.read"))), key());
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.body.value(QStringLiteral("status")).toString(), QStringLiteral("allowed"));
}

void TestAgentApi::healthz()
{
    const auto reply = agent(QString()).get(QStringLiteral("/healthz"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(reply.body.value(QStringLiteral("broker")).toString(), m_broker.brokerKeyId());
    QCOMPARE(reply.body.value(QStringLiteral("audit_head")).toInteger(), m_broker.auditHead());
}

void TestAgentApi::pipelinedRequestsAreAnsweredInRequestOrder()
{
    // HTTP/1.1 answers in request order. Sent in one write on one connection:
    // a submission (answered by the store thread once its batch is on disk),
    // an unknown path (answered by the network thread straight away) and
    // /healthz (the store thread again).
    const QByteArray body = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.read")));
    const QByteArray host = "Host: 127.0.0.1\r\n";
    QByteArray requests = "POST /v1/actions HTTP/1.1\r\n" + host + "Authorization: Bearer " + m_token.toLatin1()
        + "\r\nIdempotency-Key: " + key().toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    requests += "GET /v1/nothing-here HTTP/1.1\r\n" + host + "\r\n";
    requests += "GET /healthz HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
    const QByteArray response = rawExchange(requests);

    QList<int> statuses;
    QList<QJsonObject> bodies;
    qsizetype at = 0;
    while (at < response.size()) {
        const qsizetype headEnd = response.indexOf("\r\n\r\n", at);
        QVERIFY2(headEnd > at, response.constData());
        const QByteArray head = response.mid(at, headEnd - at);
        QVERIFY2(head.startsWith("HTTP/1.1 "), head.constData());
        statuses.append(head.mid(9, 3).toInt());
        const QByteArray lower = head.toLower();
        const qsizetype field = lower.indexOf("\r\ncontent-length:");
        QVERIFY2(field > 0, head.constData());
        const qsizetype valueEnd = lower.indexOf("\r\n", field + 2);
        const qsizetype length
            = lower.mid(field + 17, valueEnd < 0 ? -1 : valueEnd - field - 17).trimmed().toLongLong();
        bodies.append(QJsonDocument::fromJson(response.mid(headEnd + 4, length)).object());
        at = headEnd + 4 + length;
    }
    QCOMPARE(statuses, (QList<int> {200, 404, 200}));
    QCOMPARE(bodies.at(0).value(QStringLiteral("status")).toString(), QStringLiteral("allowed"));
    QCOMPARE(bodies.at(1).value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
    QCOMPARE(bodies.at(2).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    // /healthz read what the submission wrote: its audit head counts the submission's entries.
    QCOMPARE(bodies.at(2).value(QStringLiteral("audit_head")).toInteger(), m_broker.auditHead());
}

void TestAgentApi::metricsHaveEveryFamily()
{
    // Something decided, so the latency histogram has an observation.
    AgentClient client = agent();
    const auto submitted
        = client.submit(TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("api.write"))), key());
    QCOMPARE(submitted.status, 202);
    const auto reply = agent(QString()).get(QStringLiteral("/metrics"));
    QCOMPARE(reply.status, 200);
    const QString text = QString::fromUtf8(reply.raw);
    for (const QString &line : {QStringLiteral("# TYPE countersign_actions_total counter"),
                                QStringLiteral("countersign_actions_total{outcome=\"pending\"}"),
                                QStringLiteral("# TYPE countersign_pending_actions gauge"),
                                QStringLiteral("# TYPE countersign_decision_latency_seconds histogram"),
                                QStringLiteral("countersign_decision_latency_seconds_bucket{le=\"+Inf\"}"),
                                QStringLiteral("countersign_decision_latency_seconds_sum"),
                                QStringLiteral("countersign_decision_latency_seconds_count"),
                                QStringLiteral("# TYPE countersign_console_sessions gauge"),
                                QStringLiteral("# TYPE countersign_audit_head_seq gauge"),
                                QStringLiteral("# TYPE countersign_wal_checkpoints_total counter"),
                                QStringLiteral("countersign_wal_checkpoints_total{by=\"background\"}"),
                                QStringLiteral("countersign_wal_checkpoints_total{by=\"store\"}"),
                                QStringLiteral("# TYPE countersign_wal_syncs_total counter")})
        QVERIFY2(text.contains(line), qPrintable(line));
    // The gauges tell the truth.
    QVERIFY2(text.contains(
                 QStringLiteral("\ncountersign_pending_actions %1\n")
                     .arg(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending'")))),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\ncountersign_audit_head_seq %1\n").arg(m_broker.auditHead())),
             qPrintable(text));
    // The serving broker syncs its group commits on the sync thread: the
    // submission above was answered after one of those syncs.
    static const QRegularExpression syncs(QStringLiteral("\ncountersign_wal_syncs_total (\\d+)\n"));
    const QRegularExpressionMatch match = syncs.match(text);
    QVERIFY2(match.hasMatch() && match.captured(1).toLongLong() >= 1, qPrintable(text));
}

void TestAgentApi::loginAttemptsPerMinuteAreLimited()
{
    // The only test here that logs in: the budget is per address and minute.
    for (int i = 0; i < kLoginsPerMinute; ++i) {
        ConsoleClient allowed(m_broker.consoleUrl(), m_broker.clientTls());
        QVERIFY2(allowed.login(*m_approver.key),
                 qPrintable(allowed.lastError().value(QStringLiteral("message")).toString()));
        allowed.close();
    }
    ConsoleClient limited(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(!limited.login(*m_approver.key));
    QCOMPARE(limited.lastError().value(QStringLiteral("code")).toString(), QStringLiteral("rate_limited"));
    QTRY_VERIFY_WITH_TIMEOUT(!limited.isConnected(), 10000);
}

void TestAgentApi::oversizedWebSocketMessageClosesTheSession()
{
    ConsoleClient client(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(client.open());
    QSignalSpy disconnected(&client.socket(), &QWebSocket::disconnected);
    client.sendRaw(QString(kMaxWebSocketMessage * 4, QLatin1Char('x')));
    QVERIFY(disconnected.wait(10000));
    QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    // The broker is unharmed.
    QCOMPARE(agent(QString()).get(QStringLiteral("/healthz")).status, 200);
}

void TestAgentApi::unknownWebSocketPathIsRefused()
{
    QWebSocket socket;
    socket.setSslConfiguration(m_broker.clientTls());
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy states(&socket, &QWebSocket::stateChanged);
    QUrl url = m_broker.consoleUrl();
    url.setPath(QStringLiteral("/v1/other"));
    socket.open(url);
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty()
                                 && states.last().at(0).value<QAbstractSocket::SocketState>()
                                     == QAbstractSocket::UnconnectedState,
                             10000);
    QCOMPARE(connected.count(), 0);
    // What the broker answered: an HTTP 404, not a protocol switch.
    const QByteArray response
        = rawExchange("GET /v1/consoles HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: close\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 404 "), response.left(200).constData());
}

QTEST_GUILESS_MAIN(TestAgentApi)
#include "TestAgentApi.moc"
