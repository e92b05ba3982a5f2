// B2 (allow/deny path) and B3 (approval path) broker throughput, 32
// concurrent agents over real HTTPS against a real broker (BrokerFixture), with
// the limits beside: raw SQLite insert rate with the broker's durability
// settings (B2) and `openssl speed ed25519` verify rate (B3). See
// docs/performance.md.

#include "BenchSupport.h"
#include "HttpsAgent.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>
#include <vector>

using namespace countersign;
using namespace countersign::testing;
using countersign::bench::say;

namespace {

const QString kTenant = QStringLiteral("acme");
// Allowed and denied without a human; `bench.approve` falls through to
// bench::kHeldRule (appended in main: it lives in another file's statics).
const QByteArray kAllowDenyRules = R"(version = 1

[[rules]]
id = "allow-bench"
description = "Allowed without a human"
action = "allow"
[rules.match]
tool = "bench.allow"

[[rules]]
id = "deny-bench"
description = "Denied without a human"
action = "deny"
[rules.match]
tool = "bench.deny"

)";

// One agent: its own token and connection, one submission in flight.
struct Agent
{
    QString id;
    QString token;
    std::unique_ptr<QNetworkAccessManager> manager; // --client qt
    std::unique_ptr<bench::HttpsAgent> lean; // --client lean
    QList<QByteArray> bodies; // one per tool it calls
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B2/B3: broker throughput on the allow/deny or approval path."));
    parser.addHelpOption();
    const QCommandLineOption pathOption(QStringLiteral("path"), QStringLiteral("allow (B2) or approve (B3)."),
                                        QStringLiteral("PATH"), QStringLiteral("allow"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Actions (default 5000)."),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption agentsOption(QStringLiteral("agents"), QStringLiteral("Concurrent agents (default 32)."),
                                          QStringLiteral("K"), QStringLiteral("32"));
    const QCommandLineOption clientOption(
        QStringLiteral("client"),
        QStringLiteral("The agents' HTTP stack: lean (bench::HttpsAgent, default) or qt (QNetworkAccessManager)."),
        QStringLiteral("CLIENT"), QStringLiteral("lean"));
    parser.addOptions({pathOption, countOption, agentsOption, clientOption});
    parser.process(app);
    const bool approvePath = parser.value(pathOption) == QStringLiteral("approve");
    const int count = parser.value(countOption).toInt();
    const int agentCount = std::max(1, parser.value(agentsOption).toInt());
    const bool qtClient = parser.value(clientOption) == QStringLiteral("qt");
    if (count < 1)
        return 2;

    say(approvePath ? QStringLiteral("B3 broker throughput, approval path (submit pending + signed decision verified + "
                                     "resolved)")
                    : QStringLiteral("B2 broker throughput, allow/deny path (policy evaluated, audit durable before "
                                     "the answer)"));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));

    BrokerFixture broker;
    QString error;
    if (!broker.init(&error) || !broker.writePolicy(kAllowDenyRules + bench::kHeldRule)
        || !broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("max_pending_per_agent"),
                                  QString::number(count + 10))) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }
    // The limit, measured now, on the same disk as the broker's database.
    if (approvePath) {
        const double verify = bench::opensslEd25519VerifyRate(2);
        say(QStringLiteral("limit: openssl speed ed25519: %1 verify/s (one core)").arg(verify, 0, 'f', 0));
    } else {
        const double raw = bench::sqliteInsertRate(broker.dir(), std::min(2000, std::max(50, count / 2)));
        say(QStringLiteral("limit: raw SQLite, one insert per transaction, WAL + synchronous=FULL: %1 rows/s")
                .arg(raw, 0, 'f', 0));
    }

    std::vector<Agent> agents;
    for (int i = 0; i < agentCount; ++i) {
        Agent a;
        a.id = QStringLiteral("agent:bench-%1").arg(i);
        a.token = broker.createToken(kTenant, a.id, {QStringLiteral("bench.*")});
        const QStringList tools = approvePath
            ? QStringList {QStringLiteral("bench.approve")}
            : QStringList {QStringLiteral("bench.allow"), QStringLiteral("bench.deny")};
        for (const QString &tool : tools)
            a.bodies.append(TestActions::bytes(TestActions::action(kTenant, a.id, tool, QString())));
        if (a.token.isEmpty()) {
            say(QStringLiteral("token creation failed"));
            return 1;
        }
        agents.push_back(std::move(a));
    }
    const auto approver
        = broker.enrolApprover(QStringLiteral("Ada"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    if (approver.keyId.isEmpty() || !broker.start(&error)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }

    std::unique_ptr<ConsoleClient> console;
    int decided = 0, decideFailed = 0, nextRequest = 0;
    QEventLoop loop;
    int started = 0, answered = 0, failed = 0;
    QElapsedTimer clock;
    qint64 submitsDoneNs = 0, lastDecisionNs = 0;
    auto maybeDone = [&] {
        if (answered + failed < count)
            return;
        if (!submitsDoneNs)
            submitsDoneNs = clock.nsecsElapsed();
        if (!approvePath || decided + decideFailed >= answered)
            loop.quit();
    };
    if (approvePath) {
        console = std::make_unique<ConsoleClient>(broker.consoleUrl(), broker.clientTls());
        if (!console->login(*approver.key)) {
            say(QStringLiteral("console login failed"));
            return 1;
        }
        console->subscribe(0, 60000);
        QObject::connect(console.get(), &ConsoleClient::messageReceived, &loop, [&](const QJsonObject &m) {
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type == QStringLiteral("action")) {
                const QJsonObject action = m.value(QStringLiteral("action")).toObject();
                if (action.value(QStringLiteral("status")).toString() != QStringLiteral("pending"))
                    return;
                const QByteArray jws = ConsoleClient::signDecision(*approver.key, action, QStringLiteral("approve"),
                                                                   QStringLiteral("bench"));
                console->sendRaw(QString::fromUtf8(
                    QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("decide")},
                                               {QStringLiteral("id"), QStringLiteral("b3-%1").arg(++nextRequest)},
                                               {QStringLiteral("jws"), QString::fromLatin1(jws)}})
                        .toJson(QJsonDocument::Compact)));
            } else if (type == QStringLiteral("decide_result")) {
                if (m.value(QStringLiteral("accepted")).toBool()
                    && m.value(QStringLiteral("status")).toString() == QStringLiteral("approved"))
                    ++decided;
                else if (++decideFailed <= 3)
                    say(QStringLiteral("decision refused: ") + m.value(QStringLiteral("message")).toString());
                lastDecisionNs = clock.nsecsElapsed();
                maybeDone();
            }
        });
    }

    auto onAnswer = [&](int n, int status, const QByteArray &body) {
        if (status == 200 || status == 202) {
            ++answered;
        } else if (++failed <= 3) {
            say(QStringLiteral("submission %1 refused: HTTP %2 %3")
                    .arg(n)
                    .arg(status)
                    .arg(QString::fromUtf8(body.left(200))));
        }
        maybeDone();
    };
    std::function<void(Agent &)> submitOne = [&](Agent &agent) {
        if (started >= count)
            return;
        const int n = started++;
        const QByteArray key = "bench-" + QByteArray::number(n);
        const QByteArray &body = agent.bodies.at(n % agent.bodies.size());
        if (agent.lean) {
            agent.lean->post("/v1/actions", body, key, [&, n](int status, const QByteArray &answer) {
                onAnswer(n, status, answer);
                submitOne(agent);
            });
            return;
        }
        QNetworkRequest request(broker.httpsUrl(QStringLiteral("/v1/actions")));
        request.setSslConfiguration(broker.clientTls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + agent.token.toLatin1());
        request.setRawHeader("Idempotency-Key", key);
        QNetworkReply *reply = agent.manager->post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, n] {
            onAnswer(n, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
            reply->deleteLater();
            submitOne(agent);
        });
    };
    for (Agent &agent : agents) {
        if (qtClient) {
            agent.manager = std::make_unique<QNetworkAccessManager>();
            continue;
        }
        agent.lean = std::make_unique<bench::HttpsAgent>(QStringLiteral("127.0.0.1"), broker.port(), broker.clientTls(),
                                                         agent.token.toLatin1());
        if (!agent.lean->connectNow(&error)) {
            say(QStringLiteral("agent connection failed: ") + error);
            return 1;
        }
    }
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, [&] {
        say(QStringLiteral("gave up waiting"));
        loop.quit();
    });
    giveUp.start(30 * 60 * 1000);
    // Where the two cores go: the broker's CPU and this process's (the 32
    // agents' TLS and HTTP, and the console's signing) over the run.
    const double brokerCpuBefore = bench::cpuSeconds(broker.pid());
    const double clientCpuBefore = bench::cpuSeconds();
    clock.start();
    for (Agent &agent : agents)
        submitOne(agent);
    loop.exec();
    const double brokerCpu = bench::cpuSeconds(broker.pid()) - brokerCpuBefore;
    const double clientCpu = bench::cpuSeconds() - clientCpuBefore;
    const qint64 totalNs = approvePath ? std::max(lastDecisionNs, submitsDoneNs) : submitsDoneNs;
    const double rate = double(answered) / (double(totalNs) / 1e9);
    say(QStringLiteral("client: %1")
            .arg(qtClient ? QStringLiteral("qt (QNetworkAccessManager)") : QStringLiteral("lean (bench::HttpsAgent)")));
    say(QStringLiteral("%1 agents, %2 actions answered (%3 refused) in %4 ms")
            .arg(agentCount)
            .arg(answered)
            .arg(failed)
            .arg(double(submitsDoneNs) / 1e6, 0, 'f', 0));
    if (approvePath)
        say(QStringLiteral("decisions: %1 approved, %2 refused; last resolution at %3 ms")
                .arg(decided)
                .arg(decideFailed)
                .arg(double(lastDecisionNs) / 1e6, 0, 'f', 0));
    say(QStringLiteral("throughput: %1 actions/s").arg(rate, 0, 'f', 0));
    const double wall = double(totalNs) / 1e9;
    say(QStringLiteral("cpu: broker %1 s (%2 ms/action, %3 % of one core), agents+console %4 s (%5 ms/action), "
                       "both %6 % of 2 cores")
            .arg(brokerCpu, 0, 'f', 2)
            .arg(brokerCpu * 1000 / std::max(1, answered), 0, 'f', 3)
            .arg(100 * brokerCpu / wall, 0, 'f', 0)
            .arg(clientCpu, 0, 'f', 2)
            .arg(clientCpu * 1000 / std::max(1, answered), 0, 'f', 3)
            .arg(100 * (brokerCpu + clientCpu) / (2 * wall), 0, 'f', 0));
    {
        // Group commit as the broker saw it (docs/architecture.md).
        AgentClient metrics(broker.httpsUrl(QString()), broker.clientTls(), agents.front().token);
        const QByteArray text = metrics.get(QStringLiteral("/metrics")).raw;
        QStringList lines;
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith("countersign_commit_") || line.startsWith("countersign_wal_"))
                lines.append(QString::fromLatin1(line));
        }
        say(QStringLiteral("group commit: ") + lines.join(QStringLiteral("; ")));
    }
    const QString audited = broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const QString resolved = broker.sqlValue(
        QStringLiteral("SELECT COUNT(*) FROM actions WHERE status IN ('approved','denied','executed')"));
    say(QStringLiteral("database: %1 actions resolved, %2 audit entries").arg(resolved, audited));
    broker.stop();
    const bool ok = failed == 0 && answered == count && (!approvePath || decided == count);
    say(ok ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    return ok ? 0 : 1;
}
