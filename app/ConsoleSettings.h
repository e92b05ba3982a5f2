#pragma once

#include "net/ConnectionProfile.h"

#include <QString>

namespace countersign::app {

// The console's settings (QSettings, per user): the connection profile with
// its pinned certificate, the idle lock, notifications, the language.
class ConsoleSettings
{
public:
    explicit ConsoleSettings(QString profileName = QStringLiteral("default"));

    net::ConnectionProfile profile() const;
    void setProfile(const net::ConnectionProfile &profile);
    // Pins the broker's public key from its key file (keys/broker.pub) in the
    // profile: audit verification trusts only this key. On a file that is not
    // an Ed25519 public key file, says why and changes nothing.
    bool pinBrokerKey(const QString &publicKeyFile, QString *problem = nullptr);
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    // A sound with each notification (off by default).
    bool notificationSound() const;
    void setNotificationSound(bool enabled);
    // The console's own "do not disturb": no notification, no sound (the tray count still changes).
    bool doNotDisturb() const;
    void setDoNotDisturb(bool enabled);
    // "de", "fr", "en", or empty for the system's language.
    QString language() const;
    void setLanguage(const QString &language);

private:
    QString key(const QString &name) const;

    QString m_profileName;
};

} // namespace countersign::app
