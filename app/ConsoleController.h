#pragma once

#include "app/ConsoleSettings.h"
#include "app/KeyStore.h"
#include "ui/ConsoleBackend.h"
#include "ui/KillSwitchBackend.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace countersign::storage {
class Database;
class HistoryStore;
} // namespace countersign::storage

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::models {
class DecisionOutbox;
class HistorySync;
class KillSwitchModel;
class PendingQueueModel;
} // namespace countersign::models

namespace countersign::ui {
class HistoryView;
class KillSwitchPanel;
class MainWindow;
class TrayIcon;
} // namespace countersign::ui

namespace countersign::app {

class DesktopNotifier;

// Wires the console together: key store, broker connection, queue model,
// durable outbox and window. It is the ConsoleBackend the window asks, so the
// rules about what may be signed live here, not in the widgets.
class ConsoleController : public QObject, public ui::ConsoleBackend, public ui::KillSwitchBackend
{
    Q_OBJECT

public:
    ConsoleController(const QString &dataDirectory, ConsoleSettings settings, QObject *parent = nullptr);
    ~ConsoleController() override;

    // Opens the outbox database; false (with *error) if it cannot.
    bool initialise(QString *error);
    // Unlocks the key interactively (dialog) or with the given passphrase.
    bool unlockInteractively(QWidget *parent);
    bool unlock(const core::SecureBytes &passphrase, QString *error);
    void showWindow();
    void connectToBroker();

    // ui::ConsoleBackend
    bool canSign(QString *why) const override;
    ui::DecisionPreview preview(const QString &actionId, const QString &verdict) const override;
    bool sign(const ui::DecisionPreview &preview, QString *error) override;
    QString approverKeyId() const override;
    void lockKey() override;

    // ui::KillSwitchBackend
    bool canOperateKillSwitches(QString *why) const override;
    QStringList knownTargets(const QString &scope) const override;
    void refreshKillSwitches() override { requestKillSwitches(); }
    ui::KillSwitchPreview killSwitchPreview(const QString &operation, const QString &scope,
                                            const QString &target) const override;
    qint64 sendKillSwitch(const ui::KillSwitchPreview &preview, const QString &reason, const QString &typedName,
                          QString *error) override;
    // Asks the broker for the active switches and their history (`killswitches`).
    bool requestKillSwitches();

    // Tests move time forward past a deadline without waiting for it.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    KeyStore *keys() const { return m_keys.get(); }
    net::BrokerConnection *connection() const { return m_connection.get(); }
    models::PendingQueueModel *queue() const { return m_queue.get(); }
    models::DecisionOutbox *outbox() const { return m_outbox.get(); }
    ui::MainWindow *window() const { return m_window.get(); }
    models::KillSwitchModel *killSwitches() const { return m_killSwitches.get(); }
    ui::KillSwitchPanel *killSwitchPanel() const { return m_killSwitchPanel; }
    ui::TrayIcon *tray() const { return m_tray.get(); }
    DesktopNotifier *notifier() const { return m_notifier.get(); }
    // Shows, un-minimises and raises the window (a second launch, the tray, a notification).
    void raiseWindow();
    storage::HistoryStore *historyStore() const { return m_history.get(); }
    models::HistorySync *historySync() const { return m_historySync.get(); }
    ui::HistoryView *historyView() const { return m_historyView; }

Q_SIGNALS:
    void decisionAnswered(const QString &actionId, const QJsonObject &reply);
    // The broker's killswitch_result for an order this console sent (with
    // `request_operation` added), and the milliseconds from send to answer.
    void killSwitchAnswered(const QJsonObject &reply, qint64 elapsedMs);
    // Settings chose another language ("" = the system's); the application switches to it.
    void languageChosen(const QString &language);

private Q_SLOTS:
    // Connected by name: Qt 6.4's QDBusConnection::connect takes no functor.
    void onScreenSaverActive(bool active);

private:
    void onCertificateNeedsTrust(const QString &fingerprint);
    void onCertificateMismatch(const QString &pinned, const QString &presented);
    void notifyArrival(const QJsonObject &message);
    void editSettings();
    void applyNotificationSettings();
    void updatePendingCount();
    void watchScreenLock();
    void onReply(const QJsonObject &reply);

    struct SentOrder
    {
        QString operation;
        QElapsedTimer timer;
    };

    QString m_dataDirectory;
    ConsoleSettings m_settings;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<net::BrokerConnection> m_connection;
    std::unique_ptr<models::PendingQueueModel> m_queue;
    std::unique_ptr<models::DecisionOutbox> m_outbox;
    std::unique_ptr<models::KillSwitchModel> m_killSwitches;
    std::unique_ptr<storage::HistoryStore> m_history;
    std::unique_ptr<models::HistorySync> m_historySync;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::KillSwitchPanel *m_killSwitchPanel = nullptr; // owned by the window's dock
    ui::HistoryView *m_historyView = nullptr; // owned by the window
    QHash<QString, SentOrder> m_sentOrders; // by request id
    QString m_listRequestId;
    qint64 m_nextOrder = 0;
    std::unique_ptr<ui::TrayIcon> m_tray;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::function<QDateTime()> m_clock;
};

} // namespace countersign::app
