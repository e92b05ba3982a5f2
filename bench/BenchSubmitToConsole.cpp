// B1: agent submit -> the action is in a connected console's queue model
// (net::BrokerConnection feeding models::PendingQueueModel, as the console
// wires them), one submission at a time so each figure is latency, not queueing.
// Beside it: the loopback WebSocket round trip to the same broker (ping/pong).
// See docs/performance.md.

#include "BenchSupport.h"
#include "core/LoginStatement.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

using namespace countersign;
using namespace countersign::testing;
using countersign::bench::say;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:bench");

// Round trips of {"type":"ping"} -> {"type":"pong"} over a logged-in console socket.
QList<qint64> websocketRtts(ConsoleClient &console, int count)
{
    QList<qint64> out;
    QEventLoop loop;
    QElapsedTimer clock;
    int sent = 0;
    auto next = [&] {
        if (sent == count) {
            loop.quit();
            return;
        }
        ++sent;
        clock.start();
        console.sendRaw(QStringLiteral("{\"type\":\"ping\",\"id\":%1}").arg(sent));
    };
    const auto connection
        = QObject::connect(&console, &ConsoleClient::messageReceived, &loop, [&](const QJsonObject &m) {
              if (m.value(QStringLiteral("type")).toString() != QStringLiteral("pong"))
                  return;
              out.append(clock.nsecsElapsed());
              next();
          });
    QTimer::singleShot(0, &loop, next);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B1: agent submit -> action visible in a console's queue model."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Actions (default 1000)."),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOption(countOption);
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    if (count < 1)
        return 2;
    say(QStringLiteral("B1 agent submit -> visible in a connected console's queue model"));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));

    BrokerFixture broker;
    QString error;
    if (!broker.init(&error) || !broker.writePolicy(bench::kHeldPolicy)
        || !broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("max_pending_per_agent"),
                                  QString::number(count + 10))) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }
    const QString token = broker.createToken(kTenant, kAgent, {QStringLiteral("bench.*")});
    const auto approver
        = broker.enrolApprover(QStringLiteral("Ada"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    if (token.isEmpty() || approver.keyId.isEmpty() || !broker.start(&error)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }

    // The limit: WebSocket round trip to this broker, over TLS on loopback.
    ConsoleClient pinger(broker.consoleUrl(), broker.clientTls());
    if (!pinger.login(*approver.key)) {
        say(QStringLiteral("console login failed"));
        return 1;
    }
    const bench::Percentiles rtt = bench::percentiles(websocketRtts(pinger, std::max(50, count / 2)));
    say(QStringLiteral("limit: loopback WebSocket round trip (TLS, broker ping/pong): ") + bench::formatMs(rtt));
    pinger.close();

    models::PendingQueueModel queue;
    net::BrokerConnection connection;
    net::ConnectionProfile profile;
    profile.url = broker.consoleUrl();
    profile.pinnedFingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    connection.setProfile(profile);
    const auto key = approver.key;
    connection.setLoginSigner([key](const QString &nonce, const QString &brokerKeyId) {
        return core::LoginStatement::sign(*key, nonce, brokerKeyId);
    });
    queue.follow(&connection);
    connection.start();
    {
        QEventLoop wait;
        QObject::connect(&connection, &net::BrokerConnection::stateChanged, &wait, [&] {
            if (connection.isLive())
                wait.quit();
        });
        QTimer::singleShot(30000, &wait, &QEventLoop::quit);
        if (!connection.isLive())
            wait.exec();
        if (!connection.isLive()) {
            say(QStringLiteral("console connection did not go live"));
            return 1;
        }
    }

    QNetworkAccessManager manager;
    const QByteArray body
        = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("bench.write"), QString()));
    QHash<QString, qint64> insertedAt; // action id -> clock ns when the row appeared
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&queue, &QAbstractItemModel::rowsInserted, &queue, [&](const QModelIndex &, int first, int last) {
        const qint64 now = clock.nsecsElapsed();
        for (int row = first; row <= last; ++row)
            insertedAt.insert(queue.actionId(row), now);
    });
    QList<qint64> latencies;
    QEventLoop loop;
    int sent = 0, failed = 0;
    qint64 sentAt = 0;
    QString waitingFor;
    std::function<void()> submitNext;
    auto checkArrived = [&] {
        if (waitingFor.isEmpty() || !insertedAt.contains(waitingFor))
            return;
        latencies.append(insertedAt.value(waitingFor) - sentAt);
        waitingFor.clear();
        submitNext();
    };
    QObject::connect(&queue, &QAbstractItemModel::rowsInserted, &loop, [&] { checkArrived(); });
    submitNext = [&] {
        if (sent == count) {
            loop.quit();
            return;
        }
        QNetworkRequest request(broker.httpsUrl(QStringLiteral("/v1/actions")));
        request.setSslConfiguration(broker.clientTls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Idempotency-Key", "b1-" + QByteArray::number(sent++));
        sentAt = clock.nsecsElapsed();
        QNetworkReply *reply = manager.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 202) {
                ++failed;
                say(QStringLiteral("submission refused: HTTP %1").arg(status));
                loop.quit();
                return;
            }
            waitingFor = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("id")).toString();
            checkArrived();
        });
    };
    QTimer::singleShot(0, &loop, [&] { submitNext(); });
    QTimer::singleShot(30 * 60 * 1000, &loop, &QEventLoop::quit);
    loop.exec();

    const bench::Percentiles p = bench::percentiles(latencies);
    say(QStringLiteral("%1 actions, one at a time: submit -> row in the queue model: ").arg(latencies.size())
        + bench::formatMs(p));
    say(QStringLiteral("queue model rows: %1").arg(queue.rowCount()));
    connection.stop();
    broker.stop();
    const bool ok = failed == 0 && latencies.size() == count && queue.rowCount() == count;
    say(ok ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    return ok ? 0 : 1;
}
