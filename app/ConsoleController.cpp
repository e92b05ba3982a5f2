#include "app/ConsoleController.h"

#include "app/DesktopNotifier.h"
#include "core/ActionDigest.h"
#include "core/DecisionStatement.h"
#include "core/Identifiers.h"
#include "core/KillSwitchOrder.h"
#include "core/StatementType.h"
#include "core/UntrustedText.h"
#include "models/DecisionOutbox.h"
#include "models/EvidenceExport.h"
#include "models/HistorySync.h"
#include "models/KillSwitchModel.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "storage/ConsoleSchema.h"
#include "storage/Database.h"
#include "storage/HistoryStore.h"
#include "ui/HistoryView.h"
#include "ui/KillSwitchPanel.h"
#include "ui/MainWindow.h"
#include "ui/PassphraseDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/TrayIcon.h"
#include "ui/TrustDialog.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDir>
#include <QJsonArray>
#include <QSystemTrayIcon>

namespace countersign::app {

ConsoleController::ConsoleController(const QString &dataDirectory, ConsoleSettings settings, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
    , m_settings(std::move(settings))
    , m_keys(std::make_unique<KeyStore>(dataDirectory))
    , m_connection(std::make_unique<net::BrokerConnection>())
    , m_queue(std::make_unique<models::PendingQueueModel>())
    , m_killSwitches(std::make_unique<models::KillSwitchModel>())
{
    m_keys->setIdleTimeout(m_settings.idleLockMinutes());
    m_connection->setLoginSigner(
        [this](const QString &nonce, const QString &broker) { return m_keys->signLogin(nonce, broker); });
    m_queue->follow(m_connection.get());
    connect(m_connection.get(), &net::BrokerConnection::actionMessage, this, &ConsoleController::notifyArrival);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_queue.get(), signal, this, &ConsoleController::updatePendingCount);
    connect(m_queue.get(), &QAbstractItemModel::modelReset, this, &ConsoleController::updatePendingCount);
    connect(m_connection.get(), &net::BrokerConnection::killSwitchMessage, m_killSwitches.get(),
            &models::KillSwitchModel::applyEvent);
    connect(m_connection.get(), &net::BrokerConnection::synced, this, [this](qint64, const QJsonArray &active) {
        m_killSwitches->setActive(active);
        requestKillSwitches();
    });
    connect(m_connection.get(), &net::BrokerConnection::reply, this, &ConsoleController::onReply);
    connect(m_connection.get(), &net::BrokerConnection::stateChanged, this, [this] {
        if (m_killSwitchPanel)
            m_killSwitchPanel->refresh();
    });
    connect(m_connection.get(), &net::BrokerConnection::certificateNeedsTrust, this,
            [this](const QString &fingerprint) { onCertificateNeedsTrust(fingerprint); });
    connect(m_connection.get(), &net::BrokerConnection::certificateMismatch, this,
            &ConsoleController::onCertificateMismatch);
    connect(m_keys.get(), &KeyStore::lockedChanged, this, [this](bool locked) {
        if (m_window)
            m_window->refreshDecisionButtons();
        if (m_killSwitchPanel)
            m_killSwitchPanel->refresh();
        if (locked && m_window)
            m_window->showNotice(tr("Your signing key is locked. Unlock it to sign decisions."));
    });
}

ConsoleController::~ConsoleController()
{
    m_keys->lock();
    m_killSwitchPanel = nullptr;
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
    m_history = std::make_unique<storage::HistoryStore>(*m_database);
    m_historySync = std::make_unique<models::HistorySync>(m_history.get(), m_connection.get());
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
        m_killSwitchPanel = new ui::KillSwitchPanel(this, m_killSwitches.get());
        m_window->installKillSwitchPanel(m_killSwitchPanel);
        connect(this, &ConsoleController::killSwitchAnswered, m_killSwitchPanel, &ui::KillSwitchPanel::showResult);
        if (m_history) {
            m_historyView = new ui::HistoryView(m_history.get(), m_historySync.get(), m_connection.get());
            m_historyView->setExporter([this](const QStringList &ids, const QString &directory, QString *message) {
                const auto key = core::Ed25519PublicKey::fromBase64Url(m_settings.profile().brokerPublicKey.toLatin1());
                if (!key) {
                    *message = tr("the connection profile pins no broker public key (countersign --pin-broker-key)");
                    return false;
                }
                const QString who = m_connection->principal().value(QStringLiteral("name")).toString();
                return models::EvidenceExport::write(
                    *m_history, ids, *key, tr("countersign console (%1)").arg(who),
                    tr("%n action(s) chosen in the history view", nullptr, int(ids.size())), directory, message);
            });
            m_historyView->setBrokerKey(
                core::Ed25519PublicKey::fromBase64Url(m_settings.profile().brokerPublicKey.toLatin1()));
            m_window->installHistoryView(m_historyView);
        }
        watchScreenLock();
        if (!m_tray) {
            m_tray = std::make_unique<ui::TrayIcon>();
            connect(m_tray.get(), &ui::TrayIcon::showWindowRequested, this, &ConsoleController::raiseWindow);
            connect(m_tray.get(), &ui::TrayIcon::lockRequested, this, &ConsoleController::lockKey);
            connect(m_tray.get(), &ui::TrayIcon::quitRequested, this, [this] {
                if (m_window)
                    m_window->close();
            });
            m_notifier = std::make_unique<DesktopNotifier>();
            m_notifier->setTray(m_tray->trayIcon());
            connect(m_notifier.get(), &DesktopNotifier::activated, this, &ConsoleController::raiseWindow);
            applyNotificationSettings();
            updatePendingCount();
        }
    }
    m_window->show();
}

void ConsoleController::raiseWindow()
{
    if (!m_window)
        return;
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void ConsoleController::applyNotificationSettings()
{
    if (!m_notifier)
        return;
    m_notifier->setEnabled(m_settings.notificationsEnabled());
    m_notifier->setSound(m_settings.notificationSound());
    m_notifier->setDoNotDisturb(m_settings.doNotDisturb());
}

void ConsoleController::updatePendingCount()
{
    if (m_tray)
        m_tray->setPendingCount(m_queue->rowCount());
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
    current.sound = m_settings.notificationSound();
    current.doNotDisturb = m_settings.doNotDisturb();
    current.language = m_settings.language();
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
    m_settings.setNotificationSound(chosen->sound);
    m_settings.setDoNotDisturb(chosen->doNotDisturb);
    applyNotificationSettings();
    if (chosen->language != m_settings.language()) {
        m_settings.setLanguage(chosen->language);
        Q_EMIT languageChosen(chosen->language);
    }
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
    // QDBusConnection::connect takes only a slot name in Qt 6.4 (no functor
    // overload); "1" is the slot-method prefix that SLOT() would add.
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
    // Only tool and agent, each through UntrustedText: nothing sensitive leaves the window.
    if (!m_notifier || !m_connection->isLive())
        return;
    const QJsonObject action = message.value(QStringLiteral("action")).toObject();
    if (action.value(QStringLiteral("status")).toString() != QStringLiteral("pending"))
        return;
    m_notifier->notify(
        tr("Approval needed"),
        tr("%1 by %2")
            .arg(core::UntrustedText::singleLine(
                     action.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString()),
                 core::UntrustedText::singleLine(
                     action.value(QStringLiteral("agent")).toObject().value(QStringLiteral("id")).toString())));
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
    // An extension member, so every verifier that predates it still accepts the
    // statement (docs/signing.md, "Decision statement").
    statement.extensions.insert(
        QStringLiteral("x-review_coverage"),
        QJsonObject {{QStringLiteral("complete"), preview.coverageComplete},
                     {QStringLiteral("unseen"), QJsonArray::fromStringList(preview.unseenPanes)}});
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

namespace {

QString scopeName(const QString &scope)
{
    if (scope == QStringLiteral("tenant"))
        return ConsoleController::tr("Tenant");
    if (scope == QStringLiteral("user"))
        return ConsoleController::tr("User");
    if (scope == QStringLiteral("agent"))
        return ConsoleController::tr("Agent");
    if (scope == QStringLiteral("tool"))
        return ConsoleController::tr("Tool");
    return ConsoleController::tr("Global");
}

} // namespace

bool ConsoleController::canOperateKillSwitches(QString *why) const
{
    if (!canSign(why))
        return false;
    const QJsonArray roles = m_connection->principal().value(QStringLiteral("roles")).toArray();
    if (!roles.contains(QJsonValue(QStringLiteral("oncall")))) {
        if (why)
            *why = tr("Your key does not have the on-call role: only on-call keys may engage, release or drill "
                      "kill switches (the broker enforces this too).");
        return false;
    }
    return true;
}

QStringList ConsoleController::knownTargets(const QString &scope) const
{
    QStringList seen;
    if (scope == QStringLiteral("tenant"))
        seen = m_queue->tenants();
    else if (scope == QStringLiteral("agent"))
        seen = m_queue->agents();
    else if (scope == QStringLiteral("tool"))
        seen = m_queue->tools();
    else if (scope == QStringLiteral("user"))
        seen = m_queue->users();
    for (int row = 0; row < m_killSwitches->rowCount(); ++row) {
        const models::KillSwitchModel::Switch *s = m_killSwitches->at(row);
        if (s->scope == scope && !s->target.isEmpty() && !seen.contains(s->target, Qt::CaseInsensitive))
            seen.append(s->target);
    }
    seen.removeAll(QString());
    return seen;
}

ui::KillSwitchPreview ConsoleController::killSwitchPreview(const QString &operation, const QString &scope,
                                                           const QString &target) const
{
    ui::KillSwitchPreview p;
    p.operation = operation;
    p.scope = scope;
    p.target = scope == QStringLiteral("global") ? QString() : target.trimmed();
    static const QStringList scopes {QStringLiteral("global"), QStringLiteral("tenant"), QStringLiteral("user"),
                                     QStringLiteral("agent"), QStringLiteral("tool")};
    if (!scopes.contains(scope)) {
        p.problem = tr("Unknown scope.");
        return p;
    }
    if (scope != QStringLiteral("global") && p.target.isEmpty()) {
        p.problem = tr("Pick or type the target for a %1 switch.").arg(scope);
        return p;
    }
    // The broker's matching: global matches everything, the others compare
    // one coordinate exactly, without regard to case.
    const int role = scope == QStringLiteral("tenant") ? models::PendingQueueModel::TenantRole
        : scope == QStringLiteral("agent")             ? models::PendingQueueModel::AgentRole
        : scope == QStringLiteral("tool")              ? models::PendingQueueModel::ToolRole
                                                       : models::PendingQueueModel::RequesterRole;
    for (int row = 0; row < m_queue->rowCount(); ++row) {
        if (scope == QStringLiteral("global")
            || m_queue->index(row, 0).data(role).toString().compare(p.target, Qt::CaseInsensitive) == 0)
            ++p.pendingInScope;
    }
    const QString who = scope == QStringLiteral("global")
        ? tr("Global (every tenant, agent, user and tool)")
        : tr("%1 %2").arg(scopeName(scope), core::UntrustedText::singleLine(p.target));
    if (operation == QStringLiteral("release"))
        p.summary = tr("%1: new actions will be accepted again; actions already killed stay killed.").arg(who);
    else if (operation == QStringLiteral("drill"))
        p.summary = tr("%1: a drill; nothing is engaged.").arg(who);
    else
        p.summary = p.pendingInScope == 1 ? tr("%1: 1 pending action will be killed; new actions refused").arg(who)
                                          : tr("%1: %2 pending actions will be killed; new actions refused")
                                                .arg(who, QString::number(p.pendingInScope));
    if (operation != QStringLiteral("drill")) {
        if (scope == QStringLiteral("global"))
            p.typedNameRequired = QStringLiteral("global");
        else if (scope == QStringLiteral("tenant"))
            p.typedNameRequired = p.target;
    }
    if (operation == QStringLiteral("release") && m_killSwitches->rowOf(scope, p.target) < 0)
        p.problem = tr("No such switch is active.");
    return p;
}

qint64 ConsoleController::sendKillSwitch(const ui::KillSwitchPreview &preview, const QString &reason,
                                         const QString &typedName, QString *error)
{
    // Deliberately no role check here: the broker decides, and its refusal is shown.
    QString why;
    if (!canSign(&why)) {
        *error = why;
        return 0;
    }
    if (!preview.problem.isEmpty()) {
        *error = preview.problem;
        return 0;
    }
    if (reason.trimmed().isEmpty()) {
        *error = tr("A reason is required.");
        return 0;
    }
    if (!preview.typedNameRequired.isEmpty()
        && typedName.trimmed().compare(preview.typedNameRequired, Qt::CaseInsensitive) != 0) {
        *error = tr("The typed name does not match \"%1\": nothing was engaged or released.")
                     .arg(preview.typedNameRequired);
        return 0;
    }
    core::KillSwitchOrder order;
    order.operation = preview.operation;
    order.scope = preview.scope;
    order.target = preview.target;
    order.reason = reason.trimmed();
    order.issuedBy = m_keys->keyId();
    order.issuedAt = now();
    order.nonce = core::Identifiers::newNonce();
    const auto jws = m_keys->signStatement(core::statement_type::killSwitch(), order.toJson());
    if (!jws) {
        *error = tr("the key is locked");
        return 0;
    }
    // Urgent: sent at once, never queued in the outbox.
    const qint64 number = ++m_nextOrder;
    const QString id = QStringLiteral("ks-%1").arg(number);
    SentOrder sent;
    sent.operation = preview.operation;
    sent.timer.start();
    m_sentOrders.insert(id, sent);
    if (!m_connection->send({{QStringLiteral("type"), QStringLiteral("killswitch")},
                             {QStringLiteral("id"), id},
                             {QStringLiteral("jws"), QString::fromLatin1(*jws)}})) {
        m_sentOrders.remove(id);
        *error = tr("Not connected to the broker.");
        return 0;
    }
    return number;
}

bool ConsoleController::requestKillSwitches()
{
    m_listRequestId = QStringLiteral("ks-list-%1").arg(++m_nextOrder);
    return m_connection->send(
        {{QStringLiteral("type"), QStringLiteral("killswitches")}, {QStringLiteral("id"), m_listRequestId}});
}

void ConsoleController::onReply(const QJsonObject &reply)
{
    const QString id = reply.value(QStringLiteral("id")).toString();
    if (!id.isEmpty() && id == m_listRequestId) {
        m_listRequestId.clear();
        // An older broker answers with an error: the synced list stays.
        if (reply.value(QStringLiteral("type")).toString() == QStringLiteral("killswitches")) {
            m_killSwitches->setActive(reply.value(QStringLiteral("active")).toArray());
            if (reply.value(QStringLiteral("history")).isArray())
                m_killSwitches->setHistory(reply.value(QStringLiteral("history")).toArray());
        }
        return;
    }
    const auto it = m_sentOrders.find(id);
    if (it == m_sentOrders.end())
        return;
    const qint64 elapsed = it->timer.elapsed();
    QJsonObject answer = reply;
    answer.insert(QStringLiteral("request_operation"), it->operation);
    m_sentOrders.erase(it);
    Q_EMIT killSwitchAnswered(answer, elapsed);
    // The counts and the history have changed: ask for them.
    requestKillSwitches();
}

} // namespace countersign::app
