#include "app/DesktopNotifier.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QDBusVariant>
#include <QSystemTrayIcon>

namespace countersign::app {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kAppId = QStringLiteral("example.countersign.Countersign");

} // namespace

DesktopNotifier::DesktopNotifier(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    // QDBusConnection::connect takes only a slot name in Qt 6.4 (no functor
    // overload); "1" is the slot-method prefix that SLOT() would add.
    if (m_bus.isConnected())
        m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                      "1onActionInvoked(uint,QString)");
}

DesktopNotifier::Channel DesktopNotifier::channel() const
{
    if (m_bus.isConnected() && m_bus.interface()) {
        // Running, or started on demand by the bus (most notification daemons are).
        if (m_bus.interface()->isServiceRegistered(kService).value())
            return Channel::Freedesktop;
        const QDBusReply<QStringList> activatable = m_bus.call(QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListActivatableNames")));
        if (activatable.isValid() && activatable.value().contains(kService))
            return Channel::Freedesktop;
    }
    if (m_tray && QSystemTrayIcon::supportsMessages())
        return Channel::Tray;
    return Channel::None;
}

bool DesktopNotifier::notify(const QString &summary, const QString &body, QString *why)
{
    auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!m_enabled)
        return refuse(QStringLiteral("notifications are turned off"));
    if (m_doNotDisturb)
        return refuse(QStringLiteral("do not disturb is on"));
    switch (channel()) {
    case Channel::Freedesktop: {
        // Ask first whether the server is inhibited (do not disturb); a server
        // without the property answers with an error, which means "not inhibited".
        QDBusMessage get = QDBusMessage::createMethodCall(
            kService, kPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << kInterface << QStringLiteral("Inhibited");
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(get, 2000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, summary, body] {
            watcher->deleteLater();
            const QDBusPendingReply<QDBusVariant> reply = *watcher;
            if (!reply.isError() && reply.value().variant().toBool()) {
                Q_EMIT suppressed(QStringLiteral("the notification server is inhibited"));
                return;
            }
            sendNotify(summary, body);
        });
        return true;
    }
    case Channel::Tray:
        m_tray->showMessage(summary, body, QSystemTrayIcon::Information, 8000);
        if (m_sound)
            QApplication::beep();
        Q_EMIT shown(0);
        return true;
    case Channel::None:
        break;
    }
    return refuse(QStringLiteral("no notification service and no tray"));
}

void DesktopNotifier::sendNotify(const QString &summary, const QString &body)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), kAppId);
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1)));
    if (m_sound)
        hints.insert(QStringLiteral("sound-name"), QStringLiteral("message-new-instant"));
    else
        hints.insert(QStringLiteral("suppress-sound"), true);
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    // Servers may read summary and body as markup: escape them.
    call << QStringLiteral("Countersign") << m_lastId << kAppId << summary.toHtmlEscaped() << body.toHtmlEscaped()
         << QStringList {QStringLiteral("default"), tr("Show")} << hints << qint32(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            Q_EMIT suppressed(reply.error().message());
            return;
        }
        m_lastId = reply.value();
        Q_EMIT shown(m_lastId);
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    if (id == m_lastId && action == QStringLiteral("default"))
        Q_EMIT activated();
}

} // namespace countersign::app
