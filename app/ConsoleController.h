#pragma once

#include "app/ConsoleSettings.h"
#include "app/KeyStore.h"
#include "ui/ConsoleBackend.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

class QSystemTrayIcon;

namespace countersign::storage {
class Database;
}

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::models {
class DecisionOutbox;
class PendingQueueModel;
} // namespace countersign::models

namespace countersign::ui {
class MainWindow;
}

namespace countersign::app {

// Wires the console together: key store, broker connection, queue model,
// durable outbox and window. It is the ConsoleBackend the window asks, so the
// rules about what may be signed live here, not in the widgets.
class ConsoleController : public QObject, public ui::ConsoleBackend
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

    // Tests move time forward past a deadline without waiting for it.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    KeyStore *keys() const { return m_keys.get(); }
    net::BrokerConnection *connection() const { return m_connection.get(); }
    models::PendingQueueModel *queue() const { return m_queue.get(); }
    models::DecisionOutbox *outbox() const { return m_outbox.get(); }
    ui::MainWindow *window() const { return m_window.get(); }

Q_SIGNALS:
    void decisionAnswered(const QString &actionId, const QJsonObject &reply);

private Q_SLOTS:
    // Connected by name: Qt 6.4's QDBusConnection::connect takes no functor.
    void onScreenSaverActive(bool active);

private:
    void onCertificateNeedsTrust(const QString &fingerprint);
    void onCertificateMismatch(const QString &pinned, const QString &presented);
    void notifyArrival(const QJsonObject &message);
    void editSettings();
    void watchScreenLock();

    QString m_dataDirectory;
    ConsoleSettings m_settings;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<net::BrokerConnection> m_connection;
    std::unique_ptr<models::PendingQueueModel> m_queue;
    std::unique_ptr<models::DecisionOutbox> m_outbox;
    std::unique_ptr<ui::MainWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    std::function<QDateTime()> m_clock;
};

} // namespace countersign::app
