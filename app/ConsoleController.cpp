#include "app/ConsoleController.h"

#include "core/ActionDigest.h"
#include "core/DecisionStatement.h"
#include "core/Identifiers.h"
#include "core/StatementType.h"
#include "core/UntrustedText.h"
#include "models/DecisionOutbox.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "storage/ConsoleSchema.h"
#include "storage/Database.h"
#include "ui/MainWindow.h"
#include "ui/PassphraseDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/TrustDialog.h"

#include <QDBusConnection>
#include <QDir>
#include <QSystemTrayIcon>

namespace countersign::app {

ConsoleController::ConsoleController(const QString &dataDirectory, ConsoleSettings settings, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
    , m_settings(std::move(settings))
    , m_keys(std::make_unique<KeyStore>(dataDirectory))
    , m_connection(std::make_unique<net::BrokerConnection>())
    , m_queue(std::make_unique<models::PendingQueueModel>())
{
    m_keys->setIdleTimeout(m_settings.idleLockMinutes());
    m_connection->setLoginSigner(
        [this](const QString &nonce, const QString &broker) { return m_keys->signLogin(nonce, broker); });
    connect(m_connection.get(), &net::BrokerConnection::actionMessage, m_queue.get(),
            &models::PendingQueueModel::applyMessage);
    connect(m_connection.get(), &net::BrokerConnection::actionMessage, this, &ConsoleController::notifyArrival);
    connect(m_connection.get(), &net::BrokerConnection::streamReset, m_queue.get(), &models::PendingQueueModel::clear);
    connect(m_connection.get(), &net::BrokerConnection::certificateNeedsTrust, this,
            [this](const QString &fingerprint) { onCertificateNeedsTrust(fingerprint); });
    connect(m_connection.get(), &net::BrokerConnection::certificateMismatch, this,
            &ConsoleController::onCertificateMismatch);
    connect(m_keys.get(), &KeyStore::lockedChanged, this, [this](bool locked) {
        if (m_window)
            m_window->refreshDecisionButtons();
        if (locked && m_window)
            m_window->showNotice(tr("Your signing key is locked. Unlock it to sign decisions."));
    });
}

ConsoleController::~ConsoleController()
{
    m_keys->lock();
    m_window.reset();
    m_outbox.reset();
    m_connection->stop();
}

bool ConsoleController::initialise(QString *error)
{
    if (!QDir().mkpath(m_dataDirectory)) {
        *error = tr("cannot create %1").arg(m_dataDirectory);
        return false;
    }
    m_database = storage::Database::open(QDir(m_dataDirectory).filePath(QStringLiteral("console.db")), error);
    if (!m_database || !m_database->migrate(storage::ConsoleSchema::migrations(), error))
        return false;
    m_outbox = std::make_unique<models::DecisionOutbox>(*m_database, m_connection.get());
    connect(m_outbox.get(), &models::DecisionOutbox::answered, this, &ConsoleController::decisionAnswered);
    return true;
}

bool ConsoleController::unlock(const core::SecureBytes &passphrase, QString *error)
{
    return m_keys->unlock(passphrase, error);
}

bool ConsoleController::unlockInteractively(QWidget *parent)
{
    QString problem;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const auto passphrase
            = ui::PassphraseDialog::ask(parent, ui::PassphraseDialog::Mode::Unlock, m_keys->keyId(), problem);
        if (!passphrase)
            return false;
        if (m_keys->unlock(*passphrase, &problem))
            return true;
    }
    return false;
}

void ConsoleController::showWindow()
{
    if (!m_window) {
        m_window = std::make_unique<ui::MainWindow>(this, m_queue.get(), m_connection.get());
        connect(this, &ConsoleController::decisionAnswered, m_window.get(), &ui::MainWindow::showDecisionAnswer);
        connect(m_window.get(), &ui::MainWindow::userActivity, m_keys.get(), &KeyStore::noteActivity);
        connect(m_window.get(), &ui::MainWindow::settingsRequested, this, &ConsoleController::editSettings);
        watchScreenLock();
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            m_tray = new QSystemTrayIcon(m_window.get());
            m_tray->setToolTip(tr("Countersign"));
            m_tray->show();
        }
    }
    m_window->show();
}

void ConsoleController::editSettings()
{
    const net::ConnectionProfile profile = m_settings.profile();
    ui::SettingsDialog::Values current;
    current.url = profile.url;
    current.caFile = profile.caFile;
    current.pinnedFingerprint = profile.pinnedFingerprint;
    current.idleLockMinutes = m_settings.idleLockMinutes();
    current.notifications = m_settings.notificationsEnabled();
    const auto chosen = ui::SettingsDialog::ask(m_window.get(), current);
    if (!chosen)
        return;
    net::ConnectionProfile updated = profile;
    updated.url = chosen->url;
    updated.caFile = chosen->caFile;
    updated.pinnedFingerprint = chosen->pinnedFingerprint;
    m_settings.setProfile(updated);
    m_settings.setIdleLockMinutes(chosen->idleLockMinutes);
    m_settings.setNotificationsEnabled(chosen->notifications);
    m_keys->setIdleTimeout(chosen->idleLockMinutes);
    if (updated.url != profile.url || updated.caFile != profile.caFile
        || updated.pinnedFingerprint != profile.pinnedFingerprint) {
        // Another broker (or another trust anchor): what the queue holds belongs to the old one.
        m_queue->clear();
        m_connection->stop();
        connectToBroker();
    }
}

void ConsoleController::watchScreenLock()
{
    // The freedesktop screen saver (and GNOME's) tell when the session locks;
    // the key is locked with it. Where neither exists, the idle timer still applies.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    const QList<std::pair<QString, QString>> savers {
        {QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("/org/freedesktop/ScreenSaver")},
        {QStringLiteral("org.gnome.ScreenSaver"), QStringLiteral("/org/gnome/ScreenSaver")}};
    for (const auto &[service, path] : savers)
        bus.connect(service, path, service, QStringLiteral("ActiveChanged"), this, "1onScreenSaverActive(bool)");
}

void ConsoleController::onScreenSaverActive(bool active)
{
    if (active)
        m_keys->lock();
}

void ConsoleController::connectToBroker()
{
    m_connection->setProfile(m_settings.profile());
    m_connection->setResumeSeq(m_queue->lastSeq());
    m_connection->start();
}

void ConsoleController::onCertificateNeedsTrust(const QString &fingerprint)
{
    net::ConnectionProfile profile = m_settings.profile();
    if (!ui::TrustDialog::askFirstUse(m_window.get(), profile.url.host(), fingerprint))
        return;
    profile.pinnedFingerprint = fingerprint;
    m_settings.setProfile(profile);
    connectToBroker();
}

void ConsoleController::onCertificateMismatch(const QString &pinned, const QString &presented)
{
    ui::TrustDialog::warnMismatch(m_window.get(), m_settings.profile().url.host(), pinned, presented);
}

void ConsoleController::notifyArrival(const QJsonObject &message)
{
    // Only tool and agent: nothing sensitive leaves the window.
    if (!m_tray || !m_settings.notificationsEnabled() || !m_connection->isLive())
        return;
    const QJsonObject action = message.value(QStringLiteral("action")).toObject();
    if (action.value(QStringLiteral("status")).toString() != QStringLiteral("pending"))
        return;
    m_tray->showMessage(
        tr("Approval needed"),
        tr("%1 by %2")
            .arg(core::UntrustedText::singleLine(
                     action.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString()),
                 core::UntrustedText::singleLine(
                     action.value(QStringLiteral("agent")).toObject().value(QStringLiteral("id")).toString())),
        QSystemTrayIcon::Information, 5000);
}

void ConsoleController::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock;
    m_queue->setClock(std::move(clock));
}

bool ConsoleController::canSign(QString *why) const
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!m_keys->isUnlocked())
        return fail(tr("Your signing key is locked (File → Lock/unlock)."));
    if (!m_connection->isLive())
        return fail(tr("Not connected to the broker: nothing can be signed until the connection is back."));
    return true;
}

ui::DecisionPreview ConsoleController::preview(const QString &actionId, const QString &verdict) const
{
    ui::DecisionPreview p;
    p.actionId = actionId;
    p.verdict = verdict;
    p.approverKeyId = m_keys->keyId();
    p.issuedAt = now();
    const models::PendingQueueModel::Entry *entry = m_queue->entry(actionId);
    if (!entry) {
        p.problem = tr("The action is no longer in the queue.");
        return p;
    }
    // The digest of exactly the JSON this console holds and displays; any digest
    // the broker sent alongside is deliberately ignored.
    p.actionDigest = core::ActionDigest::compute(entry->raw);
    p.toolName = entry->action.tool.name;
    p.agentId = entry->action.agent.id;
    const QString required = entry->action.policy ? entry->action.policy->requireReasonOn : QStringLiteral("deny");
    p.reasonRequired = verdict == QStringLiteral("deny") || required == QStringLiteral("both") || required == verdict;
    if (entry->action.expiresAt.isValid() && entry->action.expiresAt <= p.issuedAt)
        p.problem = tr("The deadline has passed; the action is expired and can no longer be decided.");
    return p;
}

bool ConsoleController::sign(const ui::DecisionPreview &preview, QString *error)
{
    QString why;
    if (!canSign(&why)) {
        *error = why;
        return false;
    }
    if (!preview.problem.isEmpty()) {
        *error = preview.problem;
        return false;
    }
    core::DecisionStatement statement;
    statement.actionId = preview.actionId;
    statement.actionDigest = preview.actionDigest;
    statement.verdict = preview.verdict;
    statement.reason = preview.reason;
    statement.approver = m_keys->keyId();
    statement.issuedAt = preview.issuedAt;
    statement.nonce = core::Identifiers::newNonce();
    const auto jws = m_keys->signStatement(core::statement_type::decision(), statement.toJson());
    if (!jws) {
        *error = tr("the key is locked");
        return false;
    }
    return m_outbox->submit(preview.actionId, preview.verdict, *jws, error).has_value();
}

QString ConsoleController::approverKeyId() const
{
    return m_keys->keyId();
}

void ConsoleController::lockKey()
{
    m_keys->lock();
}

} // namespace countersign::app
