#include "app/ConsoleSettings.h"

#include "core/KeyFile.h"

#include <QSettings>

namespace countersign::app {

ConsoleSettings::ConsoleSettings(QString profileName)
    : m_profileName(std::move(profileName))
{ }

QString ConsoleSettings::key(const QString &name) const
{
    return QStringLiteral("profiles/%1/%2").arg(m_profileName, name);
}

net::ConnectionProfile ConsoleSettings::profile() const
{
    QSettings settings;
    net::ConnectionProfile p;
    p.name = m_profileName;
    p.url = QUrl(settings.value(key(QStringLiteral("url"))).toString());
    p.pinnedFingerprint = settings.value(key(QStringLiteral("fingerprint"))).toString();
    p.caFile = settings.value(key(QStringLiteral("caFile"))).toString();
    p.brokerPublicKey = settings.value(key(QStringLiteral("brokerPublicKey"))).toString();
    return p;
}

void ConsoleSettings::setProfile(const net::ConnectionProfile &p)
{
    QSettings settings;
    settings.setValue(key(QStringLiteral("url")), p.url.toString());
    settings.setValue(key(QStringLiteral("fingerprint")), p.pinnedFingerprint);
    settings.setValue(key(QStringLiteral("caFile")), p.caFile);
    settings.setValue(key(QStringLiteral("brokerPublicKey")), p.brokerPublicKey);
}

bool ConsoleSettings::pinBrokerKey(const QString &publicKeyFile, QString *problem)
{
    const auto key = core::KeyFile::readPublicKey(publicKeyFile, problem);
    if (!key)
        return false;
    net::ConnectionProfile p = profile();
    p.brokerPublicKey = QString::fromLatin1(key->toBase64Url());
    setProfile(p);
    return true;
}

int ConsoleSettings::idleLockMinutes() const
{
    return QSettings().value(QStringLiteral("security/idleLockMinutes"), 15).toInt();
}

void ConsoleSettings::setIdleLockMinutes(int minutes)
{
    QSettings().setValue(QStringLiteral("security/idleLockMinutes"), minutes);
}

bool ConsoleSettings::notificationsEnabled() const
{
    return QSettings().value(QStringLiteral("notifications/enabled"), true).toBool();
}

void ConsoleSettings::setNotificationsEnabled(bool enabled)
{
    QSettings().setValue(QStringLiteral("notifications/enabled"), enabled);
}

bool ConsoleSettings::notificationSound() const
{
    return QSettings().value(QStringLiteral("notifications/sound"), false).toBool();
}

void ConsoleSettings::setNotificationSound(bool enabled)
{
    QSettings().setValue(QStringLiteral("notifications/sound"), enabled);
}

bool ConsoleSettings::doNotDisturb() const
{
    return QSettings().value(QStringLiteral("notifications/doNotDisturb"), false).toBool();
}

void ConsoleSettings::setDoNotDisturb(bool enabled)
{
    QSettings().setValue(QStringLiteral("notifications/doNotDisturb"), enabled);
}

QString ConsoleSettings::language() const
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void ConsoleSettings::setLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

} // namespace countersign::app
