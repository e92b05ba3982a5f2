// B8: console cold start to first frame with an unlocked key and N pending
// actions (default 1,000) on a real broker. The product has no
// exit-after-first-frame hook, so this runs the console in process with the
// app library, exactly as `countersign` does after parsing its command line
// (app::ConsoleController: initialise, unlock, showWindow, connectToBroker):
// timed from before QApplication is constructed to the main window's first
// paint, to the connection being live, and to all N pending being in the
// queue model. What in process leaves out, exec and dynamic linking, is timed
// beside it as `countersign --help` run as a process. See docs/performance.md.

#include "BenchSupport.h"
#include "app/ConsoleController.h"
#include "app/ConsoleSettings.h"
#include "app/KeyStore.h"
#include "core/SecureBytes.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/BrokerFixture.h"
#include "support/TestActions.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

using namespace countersign;
using namespace countersign::testing;
using countersign::bench::say;

namespace {

const QByteArray kPassphrase = "bench passphrase for the cold start";

// Records the first paint of any widget of the console's main window.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(const QElapsedTimer *clock)
        : m_clock(clock)
    { }
    double at = -1;
    QWidget *window = nullptr;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && at < 0 && window && watched->isWidgetType()
            && static_cast<QWidget *>(watched)->window() == window)
            at = double(m_clock->nsecsElapsed()) / 1e6;
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer *m_clock;
};

int submitAll(const BrokerFixture &broker, const QString &token, int count)
{
    QNetworkAccessManager manager;
    int started = 0, finished = 0, accepted = 0;
    QEventLoop loop;
    const QByteArray body = TestActions::bytes(
        TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:bench"), QStringLiteral("bench.write")));
    std::function<void()> startOne = [&] {
        QNetworkRequest request(broker.httpsUrl(QStringLiteral("/v1/actions")));
        request.setSslConfiguration(broker.clientTls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Idempotency-Key", "cold-" + QByteArray::number(started++));
        QNetworkReply *reply = manager.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            ++finished;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 202)
                ++accepted;
            reply->deleteLater();
            if (started < count)
                startOne();
            else if (finished == count)
                loop.quit();
        });
    };
    for (int i = 0; i < std::min(count, 16); ++i)
        startOne();
    loop.exec();
    return accepted;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int count = 1000;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--count") == 0)
            count = QByteArray(argv[i + 1]).toInt();
    if (count < 1)
        return 2;

    // Setup, in a first QApplication's lifetime is not possible (one per process),
    // so the broker and the key are prepared with the same application object,
    // and the clock starts only for what a cold console does.
    QElapsedTimer appClock;
    appClock.start();
    QApplication app(argc, argv);
    const double appMs = double(appClock.nsecsElapsed()) / 1e6;
    say(QStringLiteral("B8 console cold start to first frame with %1 pending").arg(count));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));

    QTemporaryDir home;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.filePath(QStringLiteral("settings")));
    BrokerFixture broker;
    QString error;
    if (!broker.init(&error) || !broker.writePolicy(bench::kHeldPolicy)
        || !broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("max_pending_per_agent"),
                                  QString::number(count + 10))) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }
    const QString dataDir = home.filePath(QStringLiteral("console"));
    {
        app::KeyStore keys(dataDir);
        QByteArray passphrase = kPassphrase;
        if (!keys.create(core::SecureBytes::take(passphrase), &error)) {
            say(QStringLiteral("key: ") + error);
            return 1;
        }
        const auto enrol = broker.cli({QStringLiteral("approver"), QStringLiteral("add"), QStringLiteral("--config"),
                                       broker.configPath(), QStringLiteral("--name"), QStringLiteral("Cold"),
                                       QStringLiteral("--role"), QStringLiteral("approver"), QStringLiteral("--tenant"),
                                       QStringLiteral("*"), QStringLiteral("--pubkey"), keys.publicKeyPath()});
        if (enrol.exitCode != 0) {
            say(QStringLiteral("enrol failed: ") + QString::fromUtf8(enrol.err));
            return 1;
        }
    }
    const QString token
        = broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:bench"), {QStringLiteral("bench.*")});
    if (token.isEmpty() || !broker.start(&error)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }
    const int pending = submitAll(broker, token, count);
    say(QStringLiteral("broker holds %1 pending actions").arg(pending));
    if (pending != count)
        return 1;

    // Exec + dynamic linking + argument parsing of the real binary, for what in process leaves out.
    QElapsedTimer execClock;
    execClock.start();
    QProcess help;
    help.start(QCoreApplication::applicationDirPath() + QStringLiteral("/countersign"), {QStringLiteral("--help")});
    help.waitForFinished(30000);
    const double execMs = double(execClock.nsecsElapsed()) / 1e6;

    net::ConnectionProfile profile;
    profile.url = broker.consoleUrl();
    profile.pinnedFingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    app::ConsoleSettings settings(QStringLiteral("bench"));
    settings.setProfile(profile);

    // The cold start, as ConsoleApplication::run does it after its command line.
    QElapsedTimer t;
    t.start();
    FirstPaint firstPaint(&t);
    app::ConsoleController console(dataDir, settings);
    if (!console.initialise(&error)) {
        say(QStringLiteral("initialise: ") + error);
        return 1;
    }
    const double initMs = double(t.nsecsElapsed()) / 1e6;
    QByteArray passphrase = kPassphrase;
    if (!console.unlock(core::SecureBytes::take(passphrase), &error)) {
        say(QStringLiteral("unlock: ") + error);
        return 1;
    }
    const double unlockMs = double(t.nsecsElapsed()) / 1e6;
    console.showWindow();
    firstPaint.window = console.window();
    app.installEventFilter(&firstPaint);
    // Say what the connection went through (B8 found a 32 s gap with 1 000 pending).
    QObject::connect(console.connection(), &net::BrokerConnection::stateChanged, &app, [&t](auto state) {
        say(QStringLiteral("  %1 ms: connection state %2")
                .arg(double(t.nsecsElapsed()) / 1e6, 0, 'f', 1)
                .arg(int(state)));
    });
    QObject::connect(console.connection(), &net::BrokerConnection::errorMessage, &app,
                     [&t](const QString &code, const QString &message) {
                         say(QStringLiteral("  %1 ms: broker error %2 %3")
                                 .arg(double(t.nsecsElapsed()) / 1e6, 0, 'f', 1)
                                 .arg(code, message));
                     });
    console.connectToBroker();
    double liveMs = -1, allMs = -1;
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(60000);
    while (deadline.isActive() && (firstPaint.at < 0 || allMs < 0)) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (liveMs < 0 && console.connection()->isLive())
            liveMs = double(t.nsecsElapsed()) / 1e6;
        if (allMs < 0 && console.queue()->rowCount() >= count)
            allMs = double(t.nsecsElapsed()) / 1e6;
    }
    say(QStringLiteral("limit-free figure; beside it: QApplication constructed in %1 ms, `countersign --help` as a "
                       "process %2 ms (exec, linking, start-up not in the in-process figure)")
            .arg(appMs, 0, 'f', 1)
            .arg(execMs, 0, 'f', 1));
    say(QStringLiteral("cold start: initialise %1 ms, key unlocked at %2 ms, first frame painted at %3 ms | target "
                       "<= 1000 ms %4")
            .arg(initMs, 0, 'f', 1)
            .arg(unlockMs, 0, 'f', 1)
            .arg(firstPaint.at, 0, 'f', 1)
            .arg(firstPaint.at >= 0 && firstPaint.at <= 1000 ? QStringLiteral("MET") : QStringLiteral("MISSED")));
    say(QStringLiteral("then: connection live at %1 ms, all %2 pending in the queue model at %3 ms; peak RSS %4 MB")
            .arg(liveMs, 0, 'f', 1)
            .arg(count)
            .arg(allMs, 0, 'f', 1)
            .arg(double(bench::peakRssKb()) / 1024.0, 0, 'f', 0));
    return firstPaint.at >= 0 && allMs >= 0 ? 0 : 1;
}
