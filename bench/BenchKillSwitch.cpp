// B9: kill switch engage → last pending action killed, with N pending actions
// in scope of one agent. A real broker (BrokerFixture), real HTTPS submissions,
// a real console WebSocket; see docs/performance.md.

#include "BenchSupport.h"
#if COUNTERSIGN_BENCH_CONSOLE
#include "core/LoginStatement.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#endif
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace countersign;
using namespace countersign::testing;
using countersign::bench::say;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:bench");

// Submits `count` held actions, `inFlight` at a time; returns their ids.
QStringList submitAll(const BrokerFixture &broker, const QString &token, int count, int inFlight)
{
    QNetworkAccessManager manager;
    QStringList ids;
    int started = 0, finished = 0, failed = 0;
    QEventLoop loop;
    const QByteArray body
        = TestActions::bytes(TestActions::action(kTenant, kAgent, QStringLiteral("bench.write"), QString()));
    std::function<void()> startOne = [&] {
        QNetworkRequest request(broker.httpsUrl(QStringLiteral("/v1/actions")));
        request.setSslConfiguration(broker.clientTls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Idempotency-Key", "bench-" + QByteArray::number(started++));
        QNetworkReply *reply = manager.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            ++finished;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            if (status == 202)
                ids.append(json.value(QStringLiteral("id")).toString());
            else if (++failed <= 3)
                say(QStringLiteral("submission refused: %1 %2")
                        .arg(status)
                        .arg(json.value(QStringLiteral("message")).toString()));
            reply->deleteLater();
            if (started < count)
                startOne();
            else if (finished == count)
                loop.quit();
        });
    };
    for (int i = 0; i < std::min(count, inFlight); ++i)
        startOne();
    if (count > 0)
        loop.exec();
    return ids;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B9: kill switch engage -> last pending action killed."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Pending actions (default 10000)."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption inFlightOption(QStringLiteral("in-flight"),
                                            QStringLiteral("Concurrent submissions (default 32)."), QStringLiteral("K"),
                                            QStringLiteral("32"));
    const QCommandLineOption protocolOption(
        QStringLiteral("protocol"),
        QStringLiteral("Protocol the ordering console subscribes with (default 2: compact resolved frames; 1: full "
                       "action messages)."),
        QStringLiteral("P"), QStringLiteral("2"));
    parser.addOptions({countOption, inFlightOption, protocolOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int inFlight = std::max(1, parser.value(inFlightOption).toInt());
    const int protocol = std::clamp(parser.value(protocolOption).toInt(), 1, 2);
    if (count < 1) {
        say(QStringLiteral("--count expects a positive number"));
        return 2;
    }

    say(QStringLiteral("B9 kill switch engage -> last pending killed"));
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
    const auto oncall = broker.enrolApprover(QStringLiteral("Otto"), {QStringLiteral("oncall")}, {QStringLiteral("*")});
    // The second console's key (it only watches).
    const auto watcher
        = broker.enrolApprover(QStringLiteral("Wanda"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    if (token.isEmpty() || oncall.keyId.isEmpty() || watcher.keyId.isEmpty() || !broker.start(&error)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }

    QElapsedTimer submitClock;
    submitClock.start();
    const QStringList ids = submitAll(broker, token, count, inFlight);
    const qint64 submitMs = submitClock.elapsed();
    say(QStringLiteral("submitted %1 pending actions in %2 ms (%3 in flight)")
            .arg(ids.size())
            .arg(submitMs)
            .arg(inFlight));
    if (ids.size() != count)
        return 1;

    ConsoleClient console(broker.consoleUrl(), broker.clientTls());
    if (!console.login(*oncall.key)) {
        say(QStringLiteral("console login failed"));
        return 1;
    }
    const QList<QJsonObject> synced = console.subscribe(0, 120000, protocol);
    console.setRecording(false);
    say(QStringLiteral("ordering console subscribed with protocol %1 (%2 actions synced)")
            .arg(protocol)
            .arg(synced.size()));

    const QSet<QString> waiting(ids.cbegin(), ids.cend());
    QSet<QString> killedSeen;
    qint64 resultNs = -1, lastKilledNs = -1, queueEmptyNs = -1;
    QJsonObject result;
    QElapsedTimer clock;
    QEventLoop loop;
#if COUNTERSIGN_BENCH_CONSOLE
    // A second console as the product wires it: BrokerConnection (protocol 2)
    // into PendingQueueModel; (c) is when its queue is empty.
    models::PendingQueueModel queue;
    net::BrokerConnection connection;
    {
        net::ConnectionProfile profile;
        profile.url = broker.consoleUrl();
        profile.pinnedFingerprint = net::BrokerConnection::fingerprintOf(
            QSslCertificate::fromPath(broker.dir() + QStringLiteral("/tls/broker.crt")).first());
        connection.setProfile(profile);
        const auto key = watcher.key;
        connection.setLoginSigner([key](const QString &nonce, const QString &brokerKeyId) {
            return core::LoginStatement::sign(*key, nonce, brokerKeyId);
        });
        queue.follow(&connection);
        QEventLoop live;
        QTimer liveTimeout;
        QObject::connect(&liveTimeout, &QTimer::timeout, &live, &QEventLoop::quit);
        QObject::connect(&connection, &net::BrokerConnection::stateChanged, &live, [&] {
            if (connection.isLive())
                live.quit();
        });
        liveTimeout.start(120000);
        connection.start();
        live.exec();
        say(QStringLiteral("console (BrokerConnection + PendingQueueModel) live with %1 rows").arg(queue.rowCount()));
        if (queue.rowCount() != count)
            return 1;
    }
    QObject::connect(&queue, &QAbstractItemModel::rowsRemoved, &loop, [&] {
        if (queue.rowCount() == 0 && queueEmptyNs < 0) {
            queueEmptyNs = clock.nsecsElapsed();
            if (resultNs >= 0 && lastKilledNs >= 0)
                loop.quit();
        }
    });
    QObject::connect(&queue, &QAbstractItemModel::modelReset, &loop, [&] {
        if (queue.rowCount() == 0 && queueEmptyNs < 0)
            queueEmptyNs = clock.nsecsElapsed();
    });
    const bool withQueue = true;
#else
    const bool withQueue = false;
#endif
    auto seen = [&](const QString &id) {
        if (!waiting.contains(id))
            return;
        killedSeen.insert(id);
        if (killedSeen.size() == waiting.size())
            lastKilledNs = clock.nsecsElapsed();
    };
    QObject::connect(&console, &ConsoleClient::messageReceived, &loop, [&](const QJsonObject &message) {
        const QString type = message.value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("killswitch_result")) {
            resultNs = clock.nsecsElapsed();
            result = message;
        } else if (type == QStringLiteral("resolved")) {
            for (const QJsonValue &item : message.value(QStringLiteral("items")).toArray()) {
                if (item.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("killed"))
                    seen(item.toObject().value(QStringLiteral("id")).toString());
            }
        } else {
            const QJsonObject action = message.value(QStringLiteral("action")).toObject();
            if (action.value(QStringLiteral("status")).toString() == QStringLiteral("killed"))
                seen(action.value(QStringLiteral("id")).toString());
        }
        if (resultNs >= 0 && lastKilledNs >= 0 && (!withQueue || queueEmptyNs >= 0))
            loop.quit();
    });
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    const QByteArray jws = ConsoleClient::signKillSwitch(*oncall.key, QStringLiteral("engage"), QStringLiteral("agent"),
                                                         kAgent, QStringLiteral("B9"));
    const QString text
        = QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("killswitch")},
                                                       {QStringLiteral("id"), 9009},
                                                       {QStringLiteral("jws"), QString::fromLatin1(jws)}})
                                .toJson(QJsonDocument::Compact));
    giveUp.start(300000);
    const QDateTime sentAt = QDateTime::currentDateTime();
    clock.start();
    console.sendRaw(text);
    loop.exec();

    const QString stillPending = broker.sqlValue(
        QStringLiteral("SELECT COUNT(*) FROM actions WHERE agent_id = '%1' AND status = 'pending'").arg(kAgent));
    const QString killedInDb = broker.sqlValue(
        QStringLiteral("SELECT COUNT(*) FROM actions WHERE agent_id = '%1' AND status = 'killed'").arg(kAgent));
    say(QStringLiteral("killswitch_result: accepted=%1 killed_count=%2")
            .arg(result.value(QStringLiteral("accepted")).toBool() ? QStringLiteral("true") : QStringLiteral("false"))
            .arg(result.value(QStringLiteral("killed_count")).toInteger()));
    say(QStringLiteral("(a) engage sent -> killswitch_result received: %1 ms").arg(double(resultNs) / 1e6, 0, 'f', 1));
    say(QStringLiteral("(b) engage sent -> ordering console has the last killed action: %1 ms (%2/%3 seen)")
            .arg(double(lastKilledNs) / 1e6, 0, 'f', 1)
            .arg(killedSeen.size())
            .arg(count));
    if (withQueue)
        say(QStringLiteral("(c) engage sent -> console queue model empty: %1 ms")
                .arg(double(queueEmptyNs) / 1e6, 0, 'f', 1));
    // Where the time goes: the broker logs its kill switch line after the
    // transaction commits and before it pushes the killed actions.
    for (const QByteArray &line : broker.serverLog().split('\n')) {
        if (!line.contains("kill switch engage"))
            continue;
        // "yyyy-MM-ddTHH:mm:ss.zzz" in local time, then the zone's abbreviation.
        const QDateTime committed
            = QDateTime::fromString(QString::fromUtf8(line.left(23)), QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
        say(QStringLiteral("    broker committed the engage transaction %1 ms after the order was sent; "
                           "the rest is the console push")
                .arg(sentAt.msecsTo(committed)));
    }
    say(QStringLiteral("database: %1 killed, %2 still pending").arg(killedInDb, stillPending));
    const bool ok = resultNs >= 0 && lastKilledNs >= 0 && (!withQueue || queueEmptyNs >= 0)
        && killedInDb == QString::number(count) && stillPending == QStringLiteral("0");
    say(ok ? QStringLiteral("OK: every pending action ended killed") : QStringLiteral("FAILED"));
#if COUNTERSIGN_BENCH_CONSOLE
    connection.stop();
#endif
    broker.stop();
    return ok ? 0 : 1;
}
