#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace countersign::app {

// Tells the approver that an action waits, outside the window. Through the
// freedesktop notification service (org.freedesktop.Notifications on the
// session bus) when there is one, else through the tray icon's balloon.
//
// "Do not disturb" is respected twice: the console's own setting suppresses
// every notification and sound, and a notification server that says it is
// inhibited (its `Inhibited` property, as KDE Plasma's has) is not sent
// anything; servers that keep do-not-disturb to themselves (GNOME) hold back
// what they are sent. The caller passes only text that went through
// core::UntrustedText::singleLine; it is escaped again here because servers
// may read the body as markup.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    enum class Channel { None, Freedesktop, Tray };

    explicit DesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    void setTray(QSystemTrayIcon *tray) { m_tray = tray; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    void setSound(bool enabled) { m_sound = enabled; }
    void setDoNotDisturb(bool enabled) { m_doNotDisturb = enabled; }

    Channel channel() const;
    // Shows one notification (replacing the previous one); false if nothing will be
    // shown, and why. Over D-Bus the calls are asynchronous (the window never waits
    // for a notification server): shown() or suppressed() follows.
    bool notify(const QString &summary, const QString &body, QString *why = nullptr);

Q_SIGNALS:
    // The approver clicked the notification: show the window.
    void activated();
    void shown(uint id);
    void suppressed(const QString &why);

private Q_SLOTS:
    // Connected by name: Qt 6.4's QDBusConnection::connect takes no functor.
    void onActionInvoked(uint id, const QString &action);

private:
    void sendNotify(const QString &summary, const QString &body);

    QDBusConnection m_bus;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
    bool m_sound = false;
    bool m_doNotDisturb = false;
    uint m_lastId = 0;
};

} // namespace countersign::app
