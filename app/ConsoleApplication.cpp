#include "app/ConsoleApplication.h"

#include "app/ConsoleController.h"
#include "app/DemoBroker.h"
#include "core/KeyFile.h"
#include "net/BrokerConnection.h"
#include "ui/MainWindow.h"
#include "ui/PassphraseDialog.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace countersign::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("countersign::app::ConsoleApplication", text);
}

bool firstRunSetup(ConsoleController &controller)
{
    const auto passphrase
        = ui::PassphraseDialog::ask(nullptr, ui::PassphraseDialog::Mode::Create, QString(),
                                    tr("This is the first start: Countersign creates your personal signing key."));
    if (!passphrase)
        return false;
    QString error;
    if (!controller.keys()->create(*passphrase, &error)) {
        QMessageBox::critical(nullptr, tr("Countersign"), tr("Could not create the key: %1").arg(error));
        return false;
    }
    QMessageBox box(QMessageBox::Information, tr("Your signing key"),
                    tr("Your key id is\n\n%1\n\nGive the public key file\n%2\nto your broker's administrator to "
                       "enrol you:\n\ncountersignd approver add --config … --name \"Your Name\" --role approver "
                       "--tenant … --pubkey approver.pub")
                        .arg(controller.keys()->keyId(), controller.keys()->publicKeyPath()),
                    QMessageBox::Ok);
    box.setTextFormat(Qt::PlainText);
    box.exec();
    return true;
}

} // namespace

int ConsoleApplication::run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Countersign"));
    QApplication::setApplicationName(QStringLiteral("countersign"));
    QApplication::setApplicationDisplayName(QStringLiteral("Countersign"));
    QApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Review and sign high-impact AI agent actions."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Start a local demo broker with a demo agent and a demo approver key."));
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Use the connection profile NAME."),
                                     QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption lock(QStringLiteral("lock"), tr("Start with the signing key locked."));
    const QCommandLineOption pinBrokerKey(
        QStringLiteral("pin-broker-key"),
        tr("Pin the broker's public key (its keys/broker.pub) in the profile; audit verification uses it."),
        QStringLiteral("FILE"));
    parser.addOptions({demo, profile, lock, pinBrokerKey});
    parser.process(app);

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
            QMessageBox::critical(nullptr, tr("Countersign demo"), tr("The demo broker did not start: %1").arg(error));
            return 1;
        }
        dataDirectory = demoBroker->consoleDataDirectory();
        profileName = QStringLiteral("demo");
        net::ConnectionProfile p;
        p.name = profileName;
        p.url = demoBroker->consoleUrl();
        p.pinnedFingerprint = demoBroker->certificateFingerprint();
        // The demo broker's key, read from its own directory: the console's pin, as an operator would copy it.
        if (const auto brokerKey = core::KeyFile::readPublicKey(
                QDir(demoBroker->directory()).filePath(QStringLiteral("broker/keys/broker.pub"))))
            p.brokerPublicKey = QString::fromLatin1(brokerKey->toBase64Url());
        ConsoleSettings(profileName).setProfile(p);
    }

    if (parser.isSet(pinBrokerKey)) {
        QString problem;
        const auto key = core::KeyFile::readPublicKey(parser.value(pinBrokerKey), &problem);
        if (!key) {
            QMessageBox::critical(nullptr, tr("Countersign"), tr("Cannot pin the broker key: %1").arg(problem));
            return 1;
        }
        ConsoleSettings settings(profileName);
        net::ConnectionProfile p = settings.profile();
        p.brokerPublicKey = QString::fromLatin1(key->toBase64Url());
        settings.setProfile(p);
    }
    ConsoleController controller(dataDirectory, ConsoleSettings(profileName));
    QString error;
    if (!controller.initialise(&error)) {
        QMessageBox::critical(nullptr, tr("Countersign"), error);
        return 1;
    }
    if (demoBroker) {
        QByteArray passphrase = demoBroker->passphrase().toUtf8();
        if (!parser.isSet(lock) && !controller.unlock(core::SecureBytes::take(passphrase), &error)) {
            QMessageBox::critical(nullptr, tr("Countersign demo"), error);
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
        controller.window()->setWindowTitle(tr("Countersign — demo (a local broker; nothing real is sent)"));
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
