#include "app/ConsoleApplication.h"

#include "app/ConsoleController.h"
#include "app/DemoBroker.h"
#include "app/LanguageManager.h"
#include "app/SingleInstance.h"
#include "core/KeyFile.h"
#include "core/UnixSignalWatcher.h"
#include "net/BrokerConnection.h"
#include "ui/MainWindow.h"
#include "ui/PassphraseDialog.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileDialog>
#include <QIcon>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace countersign::app {

namespace {

bool firstRunSetup(ConsoleController &controller)
{
    const auto passphrase = ui::PassphraseDialog::ask(
        nullptr, ui::PassphraseDialog::Mode::Create, QString(),
        ConsoleApplication::tr("This is the first start: Countersign creates your personal signing key."));
    if (!passphrase)
        return false;
    QString error;
    if (!controller.keys()->create(*passphrase, &error)) {
        QMessageBox::critical(nullptr, ConsoleApplication::tr("Countersign"),
                              ConsoleApplication::tr("Could not create the key: %1").arg(error));
        return false;
    }
    QMessageBox box(QMessageBox::Information, ConsoleApplication::tr("Your signing key"),
                    ConsoleApplication::tr(
                        "Your key id is\n\n%1\n\nGive the public key file\n%2\nto your broker's administrator to "
                        "enrol you:\n\ncountersignd approver add --config … --name \"Your Name\" --role approver "
                        "--tenant … --pubkey approver.pub")
                        .arg(controller.keys()->keyId(), controller.keys()->publicKeyPath()),
                    QMessageBox::Ok);
    box.setTextFormat(Qt::PlainText);
    box.exec();
    return true;
}

} // namespace

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationName(QStringLiteral("countersign"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
}

struct Options
{
    QCommandLineOption demo {
        QStringLiteral("demo"),
        ConsoleApplication::tr("Start a local demo broker with a demo agent and a demo approver key.")};
    QCommandLineOption profile {QStringLiteral("profile"), ConsoleApplication::tr("Use the connection profile NAME."),
                                QStringLiteral("NAME"), QStringLiteral("default")};
    QCommandLineOption lock {QStringLiteral("lock"), ConsoleApplication::tr("Start with the signing key locked.")};
    QCommandLineOption pinBrokerKey {
        QStringLiteral("pin-broker-key"),
        ConsoleApplication::tr(
            "Pin the broker's public key (its keys/broker.pub) in the profile; audit verification uses it."),
        QStringLiteral("FILE")};
};

void describe(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(ConsoleApplication::tr("Review and sign high-impact AI agent actions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.demo, options.profile, options.lock, options.pinBrokerKey});
}

} // namespace

int ConsoleApplication::run(int argc, char *argv[])
{
    // --help and --version need no display (over ssh, in a package check):
    // answer them before a QApplication looks for one.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v") {
            QCoreApplication core(argc, argv);
            setApplicationNames();
            LanguageManager language;
            language.apply(ConsoleSettings().language());
            QCommandLineParser parser;
            const Options options;
            describe(parser, options);
            parser.process(core); // prints and exits
            return 0;
        }
    }

    QApplication app(argc, argv);
    // SIGTERM, SIGINT and SIGHUP end the event loop like Quit does, so the
    // destructors below run: keys are wiped and the demo broker is stopped.
    core::UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &core::UnixSignalWatcher::terminateRequested, &app, &QCoreApplication::quit);
    QObject::connect(&unixSignals, &core::UnixSignalWatcher::reloadRequested, &app, &QCoreApplication::quit);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Countersign"));
    // The desktop file's name: Wayland compositors and docks match the window to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("example.countersign.Countersign"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("example.countersign.Countersign"),
                                                 QIcon(QStringLiteral(":/countersign/icons/countersign.svg"))));
    LanguageManager language;
    language.apply(ConsoleSettings().language());

    QCommandLineParser parser;
    const Options options;
    describe(parser, options);
    parser.process(app);
    const QCommandLineOption &demo = options.demo;
    const QCommandLineOption &profile = options.profile;
    const QCommandLineOption &lock = options.lock;
    const QCommandLineOption &pinBrokerKey = options.pinBrokerKey;

    // One console per user and profile: a second launch raises the first one's window.
    SingleInstance instance(parser.isSet(demo) ? QStringLiteral("demo") : parser.value(profile));
    if (instance.notifyRunning()) {
        QTextStream(stdout) << ConsoleApplication::tr("Countersign is already running; its window was raised.")
                            << Qt::endl;
        return 0;
    }
    QString listenError;
    if (!instance.listen(&listenError))
        qWarning("countersign: cannot listen for a second launch: %s", qPrintable(listenError));

    std::unique_ptr<QTemporaryDir> demoSettings;
    std::unique_ptr<DemoBroker> demoBroker;
    QString dataDirectory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString profileName = parser.value(profile);
    if (parser.isSet(demo)) {
        // The demo leaves nothing behind: settings and keys live in temporary directories.
        demoSettings = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, demoSettings->path());
        demoBroker = std::make_unique<DemoBroker>();
        QString error;
        if (!demoBroker->start(&error)) {
            QMessageBox::critical(nullptr, ConsoleApplication::tr("Countersign demo"),
                                  ConsoleApplication::tr("The demo broker did not start: %1").arg(error));
            return 1;
        }
        dataDirectory = demoBroker->consoleDataDirectory();
        profileName = QStringLiteral("demo");
        net::ConnectionProfile p;
        p.name = profileName;
        p.url = demoBroker->consoleUrl();
        p.pinnedFingerprint = demoBroker->certificateFingerprint();
        ConsoleSettings demoProfile(profileName);
        demoProfile.setProfile(p);
        // The demo broker's key, read from its own directory: the console's pin, as an operator would copy it.
        demoProfile.pinBrokerKey(QDir(demoBroker->directory()).filePath(QStringLiteral("broker/keys/broker.pub")));
    }

    if (parser.isSet(pinBrokerKey)) {
        QString problem;
        if (!ConsoleSettings(profileName).pinBrokerKey(parser.value(pinBrokerKey), &problem)) {
            QMessageBox::critical(nullptr, ConsoleApplication::tr("Countersign"),
                                  ConsoleApplication::tr("Cannot pin the broker key: %1").arg(problem));
            return 1;
        }
    }
    ConsoleController controller(dataDirectory, ConsoleSettings(profileName));
    QObject::connect(&instance, &SingleInstance::raiseRequested, &controller, &ConsoleController::raiseWindow);
    QObject::connect(&controller, &ConsoleController::languageChosen, &language,
                     [&language](const QString &chosen) { language.apply(chosen); });
    QString error;
    if (!controller.initialise(&error)) {
        QMessageBox::critical(nullptr, ConsoleApplication::tr("Countersign"), error);
        return 1;
    }
    if (demoBroker) {
        QByteArray passphrase = demoBroker->passphrase().toUtf8();
        if (!parser.isSet(lock) && !controller.unlock(core::SecureBytes::take(passphrase), &error)) {
            QMessageBox::critical(nullptr, ConsoleApplication::tr("Countersign demo"), error);
            return 1;
        }
    } else {
        if (!controller.keys()->hasKey() && !firstRunSetup(controller))
            return 0;
        ConsoleSettings settings(profileName);
        if (!settings.profile().isValid()) {
            ui::SettingsDialog::Values values;
            values.idleLockMinutes = settings.idleLockMinutes();
            const auto chosen = ui::SettingsDialog::ask(nullptr, values);
            if (!chosen)
                return 0;
            net::ConnectionProfile p = settings.profile();
            p.url = chosen->url;
            p.caFile = chosen->caFile;
            settings.setProfile(p);
            settings.setIdleLockMinutes(chosen->idleLockMinutes);
            settings.setNotificationsEnabled(chosen->notifications);
        }
        if (!parser.isSet(lock) && !controller.keys()->isUnlocked() && !controller.unlockInteractively(nullptr))
            return 0;
    }
    controller.showWindow();
    controller.connectToBroker();
    if (demoBroker) {
        controller.window()->setWindowTitle(
            ConsoleApplication::tr("Countersign — demo (a local broker; nothing real is sent)"));
        demoBroker->agent()->start(5000);
    }
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        controller.lockKey();
        if (demoBroker)
            demoBroker->stop();
    });
    return QApplication::exec();
}

} // namespace countersign::app
