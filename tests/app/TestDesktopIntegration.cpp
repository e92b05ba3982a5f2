#include "app/ConsoleController.h"
#include "app/ConsoleSettings.h"
#include "app/DesktopNotifier.h"
#include "app/LanguageManager.h"
#include "app/SingleInstance.h"
#include "core/Ed25519PrivateKey.h"
#include "core/KeyFile.h"
#include "core/SecureBytes.h"
#include "core/UntrustedText.h"
#include "models/ModelTestSupport.h"
#include "models/PendingQueueModel.h"
#include "ui/ConnectionBanner.h"
#include "ui/HistoryView.h"
#include "ui/KillSwitchPanel.h"
#include "ui/MainWindow.h"
#include "ui/ReviewPane.h"
#include "ui/ReviewPanel.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TrayIcon.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <csignal>

using namespace countersign;

// A freedesktop notification server on a private session bus: what the
// console sends to it is what a desktop would show.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
    Q_PROPERTY(bool Inhibited READ inhibited)

public:
    struct Call
    {
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        uint replacesId = 0;
    };
    bool inhibited() const { return m_inhibited; }
    void setInhibited(bool inhibited) { m_inhibited = inhibited; }
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(appName)
        Q_UNUSED(icon)
        Q_UNUSED(timeout)
        calls.append({summary, body, actions, hints, replacesId});
        return uint(calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("body"), QStringLiteral("actions")}; }

private:
    bool m_inhibited = false;
};

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void secondLaunchRaisesTheRunningConsole();
    void secondRealConsoleDefersToTheFirst();
    void versionAndHelpNeedNoDisplay();
    void demoBrokerEndsWithTheConsole_data();
    void pinningTheBrokerKeyKeepsOnlyAValidKey();
    void demoBrokerEndsWithTheConsole();
    void raiseWindowUnminimises();
    void trayCountsPendingActions();
    void manyResolvedAtOnceAreOneNotice();
    void notificationsAreSingleLineAndEscaped();
    void notificationSoundIsAHint();
    void doNotDisturbSuppressesNotifications();
    void inhibitedServerIsNotDisturbed();
    void clickingTheNotificationShowsTheWindow();
    void everyControlHasAnAccessibleName();
    void reviewPanesAreReadableByAScreenReader();
    void shortcutReferenceListsTheWindowsShortcuts();
    void bannerFollowsTheDarkPalette();
    void languageSwitchRetranslatesTheWindowLive();
    void untranslatedLocaleFallsBackToEnglishPlurals();

private:
    std::unique_ptr<app::ConsoleController> makeConsole();
    QProcessEnvironment childEnvironment() const;
    QString addPendingAction(const QString &scenario);

    QTemporaryDir m_home;
    app::LanguageManager m_language;
    QProcess m_busDaemon;
    QString m_busAddress;
    std::unique_ptr<app::ConsoleController> m_console;
    int m_seq = 0;
};

void TestDesktopIntegration::initTestCase()
{
    QVERIFY(m_home.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    QDir(m_home.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(m_home.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // The single-instance socket lives here, in this process and in the consoles it starts.
    qputenv("XDG_RUNTIME_DIR", m_home.filePath(QStringLiteral("runtime")).toUtf8());
    // A private session bus for the notification tests: nothing reaches the real desktop.
    m_busDaemon.start(QStringLiteral("dbus-daemon"),
                      {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    QVERIFY2(m_busDaemon.waitForStarted(), "dbus-daemon (package dbus-daemon) is needed");
    QTRY_VERIFY(m_busDaemon.canReadLine());
    m_busAddress = QString::fromUtf8(m_busDaemon.readLine().trimmed());
    QVERIFY(!m_busAddress.isEmpty());
}

void TestDesktopIntegration::cleanupTestCase()
{
    m_busDaemon.terminate();
    m_busDaemon.waitForFinished();
}

void TestDesktopIntegration::init()
{
    // English with its plural forms, whatever the machine's locale.
    m_language.apply(QStringLiteral("en"));
}

void TestDesktopIntegration::cleanup()
{
    m_console.reset();
}

QProcessEnvironment TestDesktopIntegration::childEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("share")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return env;
}

std::unique_ptr<app::ConsoleController> TestDesktopIntegration::makeConsole()
{
    auto console = std::make_unique<app::ConsoleController>(m_home.filePath(QStringLiteral("data")),
                                                            app::ConsoleSettings(QStringLiteral("desktop")));
    QString error;
    if (!console->initialise(&error))
        qWarning() << error;
    return console;
}

QString TestDesktopIntegration::addPendingAction(const QString &scenario)
{
    modeltest::Stamp stamp;
    stamp.id = QStringLiteral("act_desktop_%1").arg(++m_seq);
    stamp.seq = m_seq;
    stamp.submittedAt = QDateTime::currentDateTimeUtc();
    stamp.expiresAt = stamp.submittedAt.addSecs(3600);
    m_console->queue()->applyMessage(modeltest::actionMessage(modeltest::scenarioJson(scenario), stamp));
    return stamp.id;
}

void TestDesktopIntegration::secondLaunchRaisesTheRunningConsole()
{
    app::SingleInstance first(QStringLiteral("raise-test"));
    QString error;
    QVERIFY2(first.listen(&error), qPrintable(error));
    QSignalSpy raised(&first, &app::SingleInstance::raiseRequested);
    // A second, real `countersign` for the same profile finds the first and leaves.
    QProcess second;
    second.setProcessEnvironment(childEnvironment());
    second.start(QStringLiteral(COUNTERSIGN_PATH), {QStringLiteral("--profile"), QStringLiteral("raise-test")});
    QVERIFY(second.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 20000);
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.readAllStandardOutput().contains("already running"), "the second launch did not defer");
    QCOMPARE(raised.count(), 1);
}

void TestDesktopIntegration::secondRealConsoleDefersToTheFirst()
{
    // Two real consoles: the first waits at its first-run question (no key yet)
    // and already listens; the second raises it and exits.
    QProcess first;
    first.setProcessEnvironment(childEnvironment());
    first.start(QStringLiteral(COUNTERSIGN_PATH), {QStringLiteral("--profile"), QStringLiteral("two-processes")});
    QVERIFY(first.waitForStarted());
    app::SingleInstance probe(QStringLiteral("two-processes"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(probe.socketPath()), 20000);
    QProcess second;
    second.setProcessEnvironment(childEnvironment());
    second.start(QStringLiteral(COUNTERSIGN_PATH), {QStringLiteral("--profile"), QStringLiteral("two-processes")});
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 20000);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(second.readAllStandardOutput().contains("already running"));
    QCOMPARE(first.state(), QProcess::Running);
    first.kill();
    first.waitForFinished();
}

namespace {

// The pid of a running `countersignd serve` whose parent is `parent`, or 0.
qint64 brokerChildOf(qint64 parent)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!status.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = status.readAll();
        const QByteArray command = cmdline.readAll();
        const QByteArray parentLine = QByteArray("\nPPid:\t") + QByteArray::number(parent) + '\n';
        if (text.contains(parentLine) && command.contains("countersignd") && command.contains("serve"))
            return pid.toLongLong();
    }
    return 0;
}

// Whether a process still runs (a zombie no one has reaped yet does not).
bool running(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z' && text.at(close + 2) != 'X';
}

} // namespace

void TestDesktopIntegration::demoBrokerEndsWithTheConsole_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("graceful");
    // SIGTERM: the console quits through its event loop, as Quit does.
    QTest::newRow("SIGTERM") << int(SIGTERM) << true;
    // SIGKILL runs no code in the console: the broker is told by the kernel.
    QTest::newRow("SIGKILL") << int(SIGKILL) << false;
}

void TestDesktopIntegration::demoBrokerEndsWithTheConsole()
{
    QFETCH(int, signal);
    QFETCH(bool, graceful);
    QProcess console;
    console.setProcessEnvironment(childEnvironment());
    console.start(QStringLiteral(COUNTERSIGN_PATH), {QStringLiteral("--demo")});
    QVERIFY(console.waitForStarted());
    qint64 broker = 0;
    QTRY_VERIFY_WITH_TIMEOUT((broker = brokerChildOf(console.processId())) != 0, 60000);
    QVERIFY(running(broker));
    QCOMPARE(::kill(pid_t(console.processId()), signal), 0);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(), QProcess::NotRunning, 30000);
    if (graceful) {
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(console.exitCode(), 0);
    } else {
        QCOMPARE(console.exitStatus(), QProcess::CrashExit);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!running(broker), 20000);
}

void TestDesktopIntegration::pinningTheBrokerKeyKeepsOnlyAValidKey()
{
    // What `countersign --pin-broker-key FILE` and the demo do.
    app::ConsoleSettings settings(QStringLiteral("pin-test"));
    net::ConnectionProfile before = settings.profile();
    before.brokerPublicKey.clear();
    settings.setProfile(before);
    const core::Ed25519PrivateKey broker = core::Ed25519PrivateKey::generate();
    const QString pub = m_home.filePath(QStringLiteral("broker.pub"));
    QVERIFY(core::KeyFile::writePublicKey(pub, broker.publicKey()));
    QString problem;
    QVERIFY2(settings.pinBrokerKey(pub, &problem), qPrintable(problem));
    const QString pinned = QString::fromLatin1(broker.publicKey().toBase64Url());
    QCOMPARE(settings.profile().brokerPublicKey, pinned);

    // Anything else is refused with a reason, and the pin stays as it was.
    QFile garbage(m_home.filePath(QStringLiteral("garbage.pub")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n");
    garbage.close();
    const QString privateKey = m_home.filePath(QStringLiteral("other.key"));
    QVERIFY(core::KeyFile::writePrivateKey(privateKey, core::Ed25519PrivateKey::generate(),
                                           core::SecureBytes(QByteArrayLiteral("a passphrase"))));
    for (const QString &bad : {m_home.filePath(QStringLiteral("missing.pub")), garbage.fileName(), privateKey}) {
        problem.clear();
        QVERIFY2(!settings.pinBrokerKey(bad, &problem), qPrintable(bad));
        QVERIFY2(!problem.isEmpty(), qPrintable(bad));
        QCOMPARE(settings.profile().brokerPublicKey, pinned);
    }
}

void TestDesktopIntegration::versionAndHelpNeedNoDisplay()
{
    QProcessEnvironment env = childEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QProcess version;
    version.setProcessEnvironment(env);
    version.start(QStringLiteral(COUNTERSIGN_PATH), {QStringLiteral("--version")});
    QVERIFY(version.waitForFinished(20000));
    QCOMPARE(version.exitCode(), 0);
    QCOMPARE(version.readAllStandardOutput().trimmed(), QByteArray("countersign " COUNTERSIGN_VERSION));
    QProcess help;
    help.setProcessEnvironment(env);
    help.start(QStringLiteral(COUNTERSIGN_PATH), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(20000));
    QCOMPARE(help.exitCode(), 0);
    const QByteArray text = help.readAllStandardOutput();
    for (const char *option : {"--profile <NAME>", "--demo", "--lock", "--version", "--help"})
        QVERIFY2(text.contains(option), option);
}

void TestDesktopIntegration::raiseWindowUnminimises()
{
    m_console = makeConsole();
    m_console->showWindow();
    m_console->window()->showMinimized();
    QTRY_VERIFY(m_console->window()->isMinimized());
    m_console->raiseWindow();
    QTRY_VERIFY(!m_console->window()->isMinimized());
    QVERIFY(m_console->window()->isVisible());
}

void TestDesktopIntegration::manyResolvedAtOnceAreOneNotice()
{
    // A kill switch resolves a whole queue at once: one notice with the count,
    // not the last of thousands of per-action notices.
    m_console = makeConsole();
    m_console->showWindow();
    ui::MainWindow *window = m_console->window();
    QList<models::PendingQueueModel::Resolution> batch;
    for (int i = 0; i < 1200; ++i)
        batch.append({addPendingAction(QStringLiteral("renewal-outreach-email")), qint64(5000 + i),
                      i < 1198 ? QStringLiteral("killed") : QStringLiteral("denied")});
    const QString single = addPendingAction(QStringLiteral("renewal-outreach-email"));
    m_console->queue()->resolveBatch(batch);
    const QLocale locale;
    QTRY_COMPARE(window->noticeText(),
                 locale.toString(1200) + QStringLiteral(" actions left the queue: 2 denied, ") + locale.toString(1198)
                     + QStringLiteral(" killed. This is final."));
    // One alone is named.
    m_console->queue()->resolveBatch({{single, 9000, QStringLiteral("approved")}});
    QTRY_COMPARE(window->noticeText(), single + QStringLiteral(" left the queue: approved. This is final."));
    QCOMPARE(m_console->queue()->rowCount(), 0);
}

void TestDesktopIntegration::trayCountsPendingActions()
{
    m_console = makeConsole();
    m_console->showWindow();
    ui::TrayIcon *tray = m_console->tray();
    QVERIFY(tray);
    QAbstractItemModelTester tester(m_console->queue(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tray->pendingCount(), 0);
    QCOMPARE(tray->toolTip(), QStringLiteral("Countersign: no actions waiting"));
    addPendingAction(QStringLiteral("renewal-outreach-email"));
    QCOMPARE(tray->pendingCount(), 1);
    QCOMPARE(tray->toolTip(), QStringLiteral("Countersign: 1 action waiting for approval"));
    // The deadline on hover: local time in the console's locale, and the UTC time the broker enforces.
    const QModelIndex deadline = m_console->queue()->index(0, models::PendingQueueModel::DeadlineColumn);
    const QString tip = deadline.data(Qt::ToolTipRole).toString();
    const auto *entry = m_console->queue()->entry(deadline.data(models::PendingQueueModel::ActionIdRole).toString());
    QVERIFY(entry);
    QVERIFY2(tip.contains(QLocale().toString(entry->deadline.toLocalTime().time(), QLocale::LongFormat)),
             qPrintable(tip));
    QVERIFY2(
        tip.contains(QStringLiteral("UTC ") + entry->deadline.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))),
        qPrintable(tip));
    addPendingAction(QStringLiteral("customer-refund"));
    addPendingAction(QStringLiteral("iam-role-grant"));
    QCOMPARE(tray->pendingCount(), 3);
    QCOMPARE(tray->toolTip(), QStringLiteral("Countersign: 3 actions waiting for approval"));
    // The badge is drawn: the icon with a count differs from the plain one, at 2x as well.
    const QImage plain = ui::TrayIcon::badgePixmap(0, 32, 2.0).toImage();
    const QImage three = ui::TrayIcon::badgePixmap(3, 32, 2.0).toImage();
    QCOMPARE(three.size(), QSize(64, 64));
    QVERIFY(plain != three);
    m_console->queue()->clear();
    QCOMPARE(tray->pendingCount(), 0);
}

void TestDesktopIntegration::notificationsAreSingleLineAndEscaped()
{
    QDBusConnection serverBus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server1"));
    QVERIFY(serverBus.isConnected());
    FakeNotificationServer server;
    QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
    QVERIFY(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    QDBusConnection clientBus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client1"));
    app::DesktopNotifier notifier(clientBus);
    QCOMPARE(notifier.channel(), app::DesktopNotifier::Channel::Freedesktop);
    QSignalSpy shown(&notifier, &app::DesktopNotifier::shown);
    // What the controller passes: UntrustedText::singleLine of the agent's text.
    const QString hostile = QStringLiteral("email.send\u202E<b>gpj.exe</b>\nsecond line");
    const QString line = core::UntrustedText::singleLine(hostile);
    QVERIFY(notifier.notify(QStringLiteral("Approval needed"), line));
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(server.calls.size(), 1);
    const QString body = server.calls.first().body;
    QVERIFY2(!body.contains(QChar(0x202E)), qPrintable(body));
    QVERIFY2(!body.contains(QLatin1Char('\n')), qPrintable(body));
    QVERIFY2(!body.contains(QStringLiteral("<b>")) && body.contains(QStringLiteral("&lt;b&gt;")), qPrintable(body));
    QCOMPARE(server.calls.first().actions, QStringList({QStringLiteral("default"), QStringLiteral("Show")}));
    QCOMPARE(server.calls.first().hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("example.countersign.Countersign"));
    // The next one replaces it instead of piling up.
    QVERIFY(notifier.notify(QStringLiteral("Approval needed"), QStringLiteral("payments.refund")));
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(server.calls.at(1).replacesId, 1u);
    serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server1"));
    QDBusConnection::disconnectFromBus(QStringLiteral("client1"));
}

void TestDesktopIntegration::notificationSoundIsAHint()
{
    QDBusConnection serverBus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server2"));
    FakeNotificationServer server;
    QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
    QVERIFY(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    app::DesktopNotifier notifier(QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client2")));
    QSignalSpy shown(&notifier, &app::DesktopNotifier::shown);
    QVERIFY(notifier.notify(QStringLiteral("a"), QStringLiteral("b")));
    QTRY_COMPARE(shown.count(), 1);
    QVERIFY(server.calls.at(0).hints.value(QStringLiteral("suppress-sound")).toBool());
    QVERIFY(!server.calls.at(0).hints.contains(QStringLiteral("sound-name")));
    notifier.setSound(true);
    QVERIFY(notifier.notify(QStringLiteral("a"), QStringLiteral("b")));
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(server.calls.at(1).hints.value(QStringLiteral("sound-name")).toString(),
             QStringLiteral("message-new-instant"));
    serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server2"));
    QDBusConnection::disconnectFromBus(QStringLiteral("client2"));
}

void TestDesktopIntegration::doNotDisturbSuppressesNotifications()
{
    QDBusConnection serverBus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server3"));
    FakeNotificationServer server;
    QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
    QVERIFY(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    app::DesktopNotifier notifier(QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client3")));
    QSignalSpy shown(&notifier, &app::DesktopNotifier::shown);
    notifier.setDoNotDisturb(true);
    QString why;
    QVERIFY(!notifier.notify(QStringLiteral("a"), QStringLiteral("b"), &why));
    QCOMPARE(why, QStringLiteral("do not disturb is on"));
    notifier.setDoNotDisturb(false);
    notifier.setEnabled(false);
    QVERIFY(!notifier.notify(QStringLiteral("a"), QStringLiteral("b"), &why));
    notifier.setEnabled(true);
    // The server's answer to a later notification proves the earlier ones never went out.
    QVERIFY(notifier.notify(QStringLiteral("later"), QStringLiteral("b")));
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(server.calls.size(), 1);
    QCOMPARE(server.calls.first().summary, QStringLiteral("later"));
    serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server3"));
    QDBusConnection::disconnectFromBus(QStringLiteral("client3"));
}

void TestDesktopIntegration::inhibitedServerIsNotDisturbed()
{
    QDBusConnection serverBus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server4"));
    FakeNotificationServer server;
    server.setInhibited(true);
    QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
    QVERIFY(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    app::DesktopNotifier notifier(QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client4")));
    QSignalSpy suppressed(&notifier, &app::DesktopNotifier::suppressed);
    QSignalSpy shown(&notifier, &app::DesktopNotifier::shown);
    QVERIFY(notifier.notify(QStringLiteral("a"), QStringLiteral("b")));
    QTRY_COMPARE(suppressed.count(), 1);
    QCOMPARE(suppressed.first().first().toString(), QStringLiteral("the notification server is inhibited"));
    QCOMPARE(shown.count(), 0);
    QCOMPARE(server.calls.size(), 0);
    server.setInhibited(false);
    QVERIFY(notifier.notify(QStringLiteral("a"), QStringLiteral("b")));
    QTRY_COMPARE(shown.count(), 1);
    serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server4"));
    QDBusConnection::disconnectFromBus(QStringLiteral("client4"));
}

void TestDesktopIntegration::clickingTheNotificationShowsTheWindow()
{
    QDBusConnection serverBus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server5"));
    FakeNotificationServer server;
    QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties));
    QVERIFY(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    app::DesktopNotifier notifier(QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client5")));
    QSignalSpy shown(&notifier, &app::DesktopNotifier::shown);
    QSignalSpy activated(&notifier, &app::DesktopNotifier::activated);
    QVERIFY(notifier.notify(QStringLiteral("a"), QStringLiteral("b")));
    QTRY_COMPARE(shown.count(), 1);
    QDBusMessage signal
        = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                                     QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
    signal << shown.first().first().toUInt() << QStringLiteral("default");
    QVERIFY(serverBus.send(signal));
    QTRY_COMPARE(activated.count(), 1);
    serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server5"));
    QDBusConnection::disconnectFromBus(QStringLiteral("client5"));
}

void TestDesktopIntegration::everyControlHasAnAccessibleName()
{
    m_console = makeConsole();
    m_console->showWindow();
    addPendingAction(QStringLiteral("renewal-outreach-email"));
    ui::MainWindow *window = m_console->window();
    window->showKillSwitches();
    QStringList missing;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget)
            || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QTabBar *>(widget);
        // Line edits inside combo boxes, headers and corner buttons of item views
        // speak through their owner.
        QWidget *owner = widget->parentWidget();
        if (!control || !widget->isVisibleTo(window) || qobject_cast<QComboBox *>(owner)
            || qobject_cast<QAbstractItemView *>(owner))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(iface);
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            missing.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                       widget->objectName()));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

void TestDesktopIntegration::reviewPanesAreReadableByAScreenReader()
{
    m_console = makeConsole();
    m_console->showWindow();
    const QString id = addPendingAction(QStringLiteral("renewal-outreach-email"));
    ui::MainWindow *window = m_console->window();
    window->selectAction(id);
    ui::ReviewPanel *review = window->review();
    QCOMPARE(review->shownActionId(), id);
    // Every cell of a pane, as a screen reader walks it: table interface, cell by cell.
    auto spoken = [](QAbstractItemView *view) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QString all = iface->text(QAccessible::Name) + QLatin1Char('\n');
        QAccessibleTableInterface *table = iface->tableInterface();
        if (!table)
            return all;
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                if (QAccessibleInterface *cell = table->cellAt(r, c))
                    all += cell->text(QAccessible::Name) + QLatin1Char('\n');
        return all;
    };
    const QString scopes = spoken(review->dataScopesView());
    QVERIFY2(scopes.contains(QStringLiteral("files://acme/finance/price-book-2027-internal.pdf")), qPrintable(scopes));
    QVERIFY2(spoken(review->authorityView()).contains(QStringLiteral("svc:mail-gateway")),
             qPrintable(spoken(review->authorityView())));
    const QString evidence = spoken(review->evidenceView());
    QVERIFY2(evidence.contains(QStringLiteral("CRM note added by external portal user")), qPrintable(evidence));
    QVERIFY(spoken(review->memoryView()).contains(QStringLiteral("Maria prefers a short, friendly tone")));
    // The queue row speaks the tool and the agent.
    const QString queue = spoken(window->queueView());
    QVERIFY2(queue.contains(QStringLiteral("email.send")) && queue.contains(QStringLiteral("agent:sales-assistant")),
             qPrintable(queue));
    // The header (what was asked) is a label: its name says what it is, its description is the request.
    QLabel *header = nullptr;
    for (QLabel *label : review->findChildren<QLabel *>())
        if (label->text() == review->headerText())
            header = label;
    QVERIFY(header);
    QAccessibleInterface *headerIface = QAccessible::queryAccessibleInterface(header);
    QVERIFY(!headerIface->text(QAccessible::Name).isEmpty());
    QVERIFY2(headerIface->text(QAccessible::Description)
                 .contains(QStringLiteral("Draft renewal outreach for the Globex account")),
             qPrintable(headerIface->text(QAccessible::Description)));
}

void TestDesktopIntegration::shortcutReferenceListsTheWindowsShortcuts()
{
    m_console = makeConsole();
    m_console->showWindow();
    const QList<ui::ShortcutsDialog::Entry> entries = ui::ShortcutsDialog::collect(m_console->window());
    auto keysOf = [&entries](const QString &action) {
        for (const auto &e : entries)
            if (e.action == action)
                return e.keys;
        return QString();
    };
    QCOMPARE(keysOf(QStringLiteral("Lock signing key")),
             QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText));
    QCOMPARE(keysOf(QStringLiteral("Approve the selected action")),
             QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText));
    QCOMPARE(keysOf(QStringLiteral("Deny the selected action")),
             QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText));
    QVERIFY2(keysOf(QStringLiteral("Show kill switches…")).contains(QStringLiteral("F9")),
             qPrintable(keysOf(QStringLiteral("Show kill switches…"))));
    QCOMPARE(keysOf(QStringLiteral("Keyboard shortcuts")),
             QKeySequence(QKeySequence::HelpContents).toString(QKeySequence::NativeText));
    ui::ShortcutsDialog dialog(m_console->window());
    QCOMPARE(dialog.table()->rowCount(), int(entries.size()));
    QVERIFY(!QAccessible::queryAccessibleInterface(dialog.table())->text(QAccessible::Name).isEmpty());
}

void TestDesktopIntegration::bannerFollowsTheDarkPalette()
{
    m_console = makeConsole();
    m_console->showWindow();
    ui::ConnectionBanner *banner = m_console->window()->banner();
    const QPalette original = QApplication::palette();
    QVERIFY(!banner->usesDarkColours());
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(dark);
    QTRY_VERIFY(banner->usesDarkColours());
    QApplication::setPalette(original);
    QTRY_VERIFY(!banner->usesDarkColours());
}

void TestDesktopIntegration::languageSwitchRetranslatesTheWindowLive()
{
    m_console = makeConsole();
    m_console->showWindow();
    ui::MainWindow *window = m_console->window();
    app::LanguageManager &language = m_language;
    auto menuTitles = [window] {
        QStringList titles;
        for (QAction *action : window->menuBar()->actions())
            titles.append(action->text());
        return titles;
    };
    // The fixed texts of the review panes, the kill-switch panel and the history view follow too.
    auto paneTitles = [window] {
        QStringList titles;
        for (const ui::ReviewPane *pane : window->findChildren<ui::ReviewPane *>())
            titles.append(pane->title());
        return titles;
    };
    auto buttonTexts = [](const QWidget *widget) {
        QStringList texts;
        for (const QPushButton *button : widget->findChildren<QPushButton *>())
            texts.append(button->text());
        return texts;
    };
    QVERIFY(m_console->killSwitchPanel());
    QVERIFY(m_console->historyView());
    QVERIFY(paneTitles().contains(QStringLiteral("Tool arguments")));
    QCOMPARE(window->approveButton()->text(), QStringLiteral("&Approve…"));
    QCOMPARE(language.apply(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    QTRY_COMPARE(window->approveButton()->text(), QStringLiteral("&Genehmigen…"));
    QCOMPARE(window->denyButton()->text(), QStringLiteral("&Ablehnen…"));
    QVERIFY2(menuTitles().contains(QStringLiteral("&Datei")), qPrintable(menuTitles().join(u' ')));
    QVERIFY2(!paneTitles().contains(QStringLiteral("Tool arguments")), qPrintable(paneTitles().join(u'|')));
    QCOMPARE(paneTitles().count(QStringLiteral("Werkzeugargumente")), 2); // the queue's review and the history's
    QVERIFY2(buttonTexts(m_console->killSwitchPanel()).contains(QStringLiteral("&Auslösen…")),
             qPrintable(buttonTexts(m_console->killSwitchPanel()).join(u'|')));
    QVERIFY2(buttonTexts(m_console->historyView()).contains(QStringLiteral("&Audit-Log prüfen")),
             qPrintable(buttonTexts(m_console->historyView()).join(u'|')));
    QCOMPARE(m_console->tray()->toolTip(), QStringLiteral("Countersign: keine Aktionen warten"));
    addPendingAction(QStringLiteral("customer-refund"));
    addPendingAction(QStringLiteral("iam-role-grant"));
    QCOMPARE(m_console->tray()->toolTip(), QStringLiteral("Countersign: 2 Aktionen warten auf Genehmigung"));
    QCOMPARE(language.apply(QStringLiteral("fr")), QStringLiteral("fr"));
    QTRY_COMPARE(window->approveButton()->text(), QStringLiteral("A&pprouver…"));
    QCOMPARE(window->denyButton()->text(), QStringLiteral("&Refuser…"));
    QCOMPARE(paneTitles().count(QStringLiteral("Arguments de l’outil")), 2);
    QVERIFY(buttonTexts(m_console->killSwitchPanel()).contains(QStringLiteral("&Déclencher…")));
    QVERIFY(buttonTexts(m_console->historyView()).contains(QStringLiteral("Vérifier le journal d’&audit")));
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1\u202f234,5"));
    QCOMPARE(language.apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(window->approveButton()->text(), QStringLiteral("&Approve…"));
    QCOMPARE(paneTitles().count(QStringLiteral("Tool arguments")), 2);
    QVERIFY(buttonTexts(m_console->killSwitchPanel()).contains(QStringLiteral("&Engage…")));
    // Shortcuts survive the retranslation.
    QCOMPARE(window->approveButton()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
}

void TestDesktopIntegration::untranslatedLocaleFallsBackToEnglishPlurals()
{
    // Spanish has no translation: the console speaks English, with its plural forms.
    QCOMPARE(m_language.apply(QStringLiteral("es")), QStringLiteral("en"));
    const char *context = "countersign::ui::HistoryView";
    const char *source = "%n resolved action(s) in the local cache";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("1 resolved action in the local cache"));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 2),
             QStringLiteral("2 resolved actions in the local cache"));
}

QTEST_MAIN(TestDesktopIntegration)
#include "TestDesktopIntegration.moc"
