#pragma once

#include "net/ConnectionProfile.h"

#include <QString>

namespace countersign::app {

// The console's settings (QSettings, per user): the connection profile with
// its pinned certificate, the idle lock, notifications.
class ConsoleSettings
{
public:
    explicit ConsoleSettings(QString profileName = QStringLiteral("default"));

    net::ConnectionProfile profile() const;
    void setProfile(const net::ConnectionProfile &profile);
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

private:
    QString key(const QString &name) const;

    QString m_profileName;
};

} // namespace countersign::app
