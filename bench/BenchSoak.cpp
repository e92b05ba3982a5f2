// Soak: M agents submitting, C consoles connected (net::BrokerConnection +
// models::PendingQueueModel each, as the console wires them), one approver
// deciding every pending action, for a fixed time; RSS of the broker and of
// this process (the consoles) at the start, each minute and at the end. Not
// run under the build lock: it is about memory, not speed. See docs/performance.md.

#include "BenchSupport.h"
#include "HttpsAgent.h"
#include "core/LoginStatement.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

#include <memory>
#include <vector>

using namespace countersign;
using namespace countersign::testing;
using countersign::bench::say;

namespace {
const QString kTenant = QStringLiteral("acme");
const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "allow-soak"
description = "Allowed"
action = "allow"
[rules.match]
tool = "soak.read"

[[rules]]
id = "approve-soak"
description = "Held for a human"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "soak.write"
)";

struct Console
{
    std::unique_ptr<net::BrokerConnection> connection;
    std::unique_ptr<models::PendingQueueModel> queue;
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soak: memory over time under steady load."));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Duration (default 600)."),
                                           QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption agentsOption(QStringLiteral("agents"), QStringLiteral("Agents (default 50)."),
                                          QStringLiteral("M"), QStringLiteral("50"));
    const QCommandLineOption consolesOption(QStringLiteral("consoles"), QStringLiteral("Consoles (default 5)."),
                                            QStringLiteral("C"), QStringLiteral("5"));
    const QCommandLineOption intervalOption(QStringLiteral("interval-ms"),
                                            QStringLiteral("Pause between an agent's submissions (default 500)."),
                                            QStringLiteral("MS"), QStringLiteral("500"));
    const QCommandLineOption clientOption(
        QStringLiteral("client"),
        QStringLiteral("The agents' HTTP stack: lean (bench::HttpsAgent, default) or qt (QNetworkAccessManager)."),
        QStringLiteral("CLIENT"), QStringLiteral("lean"));
    parser.addOptions({secondsOption, agentsOption, consolesOption, intervalOption, clientOption});
    parser.process(app);
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const int agentCount = std::max(1, parser.value(agentsOption).toInt());
    const bool qtClient = parser.value(clientOption) == QStringLiteral("qt");
    const int consoleCount = std::max(1, parser.value(consolesOption).toInt());
    const int intervalMs = std::max(0, parser.value(intervalOption).toInt());
    say(QStringLiteral("Soak: %1 agents, %2 consoles, one approver deciding, %3 s")
            .arg(agentCount)
            .arg(consoleCount)
            .arg(seconds));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));
    say(QStringLiteral("client: %1")
            .arg(qtClient ? QStringLiteral("qt (QNetworkAccessManager)") : QStringLiteral("lean (bench::HttpsAgent)")));

    BrokerFixture broker;
    // Its log (a line per decision) would otherwise grow in this process for the whole run.
    broker.setKeepLog(false);
    QString error;
    if (!broker.init(&error) || !broker.writePolicy(kPolicy)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }
    QStringList tokens;
    for (int i = 0; i < agentCount; ++i)
        tokens.append(broker.createToken(kTenant, QStringLiteral("agent:soak-%1").arg(i), {QStringLiteral("soak.*")}));
    const auto approver
        = broker.enrolApprover(QStringLiteral("Ada"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    std::vector<BrokerFixture::Approver> watchers;
    for (int i = 0; i < consoleCount; ++i)
        watchers.push_back(broker.enrolApprover(QStringLiteral("Watcher %1").arg(i), {QStringLiteral("approver")},
                                                {QStringLiteral("*")}));
    if (!broker.start(&error)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }

    net::ConnectionProfile profile;
    profile.url = broker.consoleUrl();
    profile.pinnedFingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    std::vector<Console> consoles;
    for (int i = 0; i < consoleCount; ++i) {
        Console c;
        c.connection = std::make_unique<net::BrokerConnection>();
        c.queue = std::make_unique<models::PendingQueueModel>();
        c.connection->setProfile(profile);
        const auto key = watchers.at(size_t(i)).key;
        c.connection->setLoginSigner([key](const QString &nonce, const QString &brokerKeyId) {
            return core::LoginStatement::sign(*key, nonce, brokerKeyId);
        });
        c.queue->follow(c.connection.get());
        c.connection->start();
        consoles.push_back(std::move(c));
    }

    // The approver: approves every pending action it is shown.
    ConsoleClient decider(broker.consoleUrl(), broker.clientTls());
    if (!decider.login(*approver.key)) {
        say(QStringLiteral("approver login failed"));
        return 1;
    }
    decider.subscribe(0);
    decider.setRecording(false); // the soak measures the consoles, not this helper
    qint64 decided = 0, requestId = 0;
    QObject::connect(&decider, &ConsoleClient::messageReceived, &app, [&](const QJsonObject &m) {
        const QString type = m.value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("decide_result")) {
            decided += m.value(QStringLiteral("accepted")).toBool() ? 1 : 0;
            return;
        }
        const QJsonObject action = m.value(QStringLiteral("action")).toObject();
        if (type != QStringLiteral("action")
            || action.value(QStringLiteral("status")).toString() != QStringLiteral("pending"))
            return;
        const QByteArray jws
            = ConsoleClient::signDecision(*approver.key, action, QStringLiteral("approve"), QStringLiteral("soak"));
        decider.sendRaw(QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("decide")},
                                                                     {QStringLiteral("id"), ++requestId},
                                                                     {QStringLiteral("jws"), QString::fromLatin1(jws)}})
                                              .toJson(QJsonDocument::Compact)));
    });

    // Agents: one submission in flight each, half allowed, half held; over
    // bench::HttpsAgent (one keep-alive connection each) or, with --client qt,
    // a QNetworkAccessManager each.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<bench::HttpsAgent>> lean;
    qint64 submitted = 0, failed = 0;
    // Per agent, so every agent alternates allowed and held submissions and
    // idempotency keys never collide (a shared counter made both depend on
    // the order replies arrived: sometimes no agent ever sent a held action).
    std::vector<qint64> sent(size_t(agentCount), 0);
    bool running = true;
    std::function<void(int)> submit;
    const auto answered = [&](int agent, int status) {
        if (status == 200 || status == 202)
            ++submitted;
        else
            ++failed;
        QTimer::singleShot(intervalMs, &app, [&, agent] { submit(agent); });
    };
    submit = [&](int agent) {
        if (!running)
            return;
        const QString agentId = QStringLiteral("agent:soak-%1").arg(agent);
        const qint64 n = sent.at(size_t(agent))++;
        const QString tool = n % 2 ? QStringLiteral("soak.write") : QStringLiteral("soak.read");
        const QByteArray key = "soak-" + QByteArray::number(agent) + '-' + QByteArray::number(n);
        const QByteArray body = TestActions::bytes(TestActions::action(kTenant, agentId, tool));
        if (!lean.empty()) {
            lean.at(size_t(agent))->post("/v1/actions", body, key, [&, agent](int status, const QByteArray &) {
                answered(agent, status);
            });
            return;
        }
        QNetworkRequest request(broker.httpsUrl(QStringLiteral("/v1/actions")));
        request.setSslConfiguration(broker.clientTls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + tokens.at(agent).toLatin1());
        request.setRawHeader("Idempotency-Key", key);
        QNetworkReply *reply = managers.at(size_t(agent))->post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, agent] {
            answered(agent, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            reply->deleteLater();
        });
    };
    for (int i = 0; i < agentCount; ++i) {
        if (qtClient) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            continue;
        }
        lean.push_back(std::make_unique<bench::HttpsAgent>(QStringLiteral("127.0.0.1"), broker.port(),
                                                           broker.clientTls(), tokens.at(i).toLatin1()));
        QString connectError;
        if (!lean.back()->connectNow(&connectError)) {
            say(QStringLiteral("agent connection failed: ") + connectError);
            return 1;
        }
    }

    auto report = [&](const QString &when) {
        int queued = 0, live = 0;
        qsizetype retained = 0;
        for (const Console &c : consoles) {
            queued += c.queue->rowCount();
            live += c.connection->isLive() ? 1 : 0;
            retained += c.queue->retainedIdCount();
        }
        say(QStringLiteral("%1: broker RSS %2 MB, consoles (this process) RSS %3 MB (heap in use %11 MB); %4 "
                           "submitted, %5 refused, %6 decided, %7/%8 consoles live, %9 rows in their queues, %10 "
                           "action ids retained")
                .arg(when)
                .arg(double(bench::rssKb(broker.pid())) / 1024, 0, 'f', 1)
                .arg(double(bench::rssKb()) / 1024, 0, 'f', 1)
                .arg(submitted)
                .arg(failed)
                .arg(decided)
                .arg(live)
                .arg(consoleCount)
                .arg(queued)
                .arg(retained)
                .arg(double(bench::heapInUseKb()) / 1024, 0, 'f', 1));
    };
    QElapsedTimer clock;
    clock.start();
    // Warm-up: a few seconds of load before the "start" figure, so caches and
    // pools are filled and the comparison is start-of-steady-state to end.
    const int warmupMs = std::min(10000, seconds * 1000 / 4);
    for (int i = 0; i < agentCount; ++i)
        submit(i);
    QEventLoop loop;
    QTimer::singleShot(warmupMs, &loop,
                       [&] { report(QStringLiteral("start (after %1 s warm-up)").arg(warmupMs / 1000)); });
    QTimer minute;
    QObject::connect(&minute, &QTimer::timeout, &loop,
                     [&] { report(QStringLiteral("t=%1 s").arg(clock.elapsed() / 1000)); });
    minute.start(60000);
    QTimer::singleShot(warmupMs + seconds * 1000, &loop, [&] {
        running = false;
        report(QStringLiteral("end"));
        loop.quit();
    });
    loop.exec();
    // A tiny smoke run on a loaded machine may end before the first decision
    // lands; give the decisions in flight a moment rather than report a failure.
    QDeadlineTimer grace(15000);
    while (decided == 0 && !grace.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    for (Console &c : consoles)
        c.connection->stop();
    broker.stop();
    const bool ok = submitted > 0 && decided > 0 && failed == 0;
    say(ok ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    return ok ? 0 : 1;
}
