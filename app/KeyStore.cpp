#include "app/KeyStore.h"

#include "core/Jws.h"
#include "core/KeyFile.h"
#include "core/LoginStatement.h"

#include <QDir>
#include <QFile>

namespace countersign::app {

KeyStore::KeyStore(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(15 * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, &KeyStore::lock);
}

KeyStore::~KeyStore()
{
    lock();
}

QString KeyStore::keyPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("approver.key"));
}

QString KeyStore::publicKeyPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("approver.pub"));
}

bool KeyStore::hasKey() const
{
    return QFile::exists(keyPath()) && QFile::exists(publicKeyPath());
}

QString KeyStore::keyId() const
{
    const auto pub = core::KeyFile::readPublicKey(publicKeyPath());
    return pub ? pub->keyId() : QString();
}

bool KeyStore::create(const core::SecureBytes &passphrase, QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        *error = tr("Cannot create %1").arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    core::Ed25519PrivateKey key = core::Ed25519PrivateKey::generate();
    if (!core::KeyFile::writePrivateKey(keyPath(), key, passphrase, error)
        || !core::KeyFile::writePublicKey(publicKeyPath(), key.publicKey(), error))
        return false;
    m_key = std::move(key);
    m_idle.start();
    Q_EMIT lockedChanged(false);
    return true;
}

bool KeyStore::importKey(const QString &keyFile, const core::SecureBytes &passphrase, QString *error)
{
    auto key = core::KeyFile::readPrivateKey(keyFile, passphrase, error);
    if (!key || !QDir().mkpath(m_directory))
        return false;
    if (!core::KeyFile::writePrivateKey(keyPath(), *key, passphrase, error)
        || !core::KeyFile::writePublicKey(publicKeyPath(), key->publicKey(), error))
        return false;
    m_key = std::move(key);
    m_idle.start();
    Q_EMIT lockedChanged(false);
    return true;
}

bool KeyStore::unlock(const core::SecureBytes &passphrase, QString *error)
{
    auto key = core::KeyFile::readPrivateKey(keyPath(), passphrase, error);
    if (!key)
        return false;
    m_key = std::move(key);
    m_idle.start();
    Q_EMIT lockedChanged(false);
    return true;
}

void KeyStore::lock()
{
    m_idle.stop();
    if (!m_key)
        return;
    m_key->clear();
    m_key.reset();
    Q_EMIT lockedChanged(true);
}

std::optional<QByteArray> KeyStore::signStatement(const QString &typ, const QJsonObject &statement) const
{
    if (!m_key)
        return std::nullopt;
    return core::Jws::signStatement(*m_key, typ, statement);
}

std::optional<QByteArray> KeyStore::signLogin(const QString &nonce, const QString &brokerKeyId) const
{
    if (!m_key)
        return std::nullopt;
    return core::LoginStatement::sign(*m_key, nonce, brokerKeyId);
}

void KeyStore::setIdleTimeout(int minutes)
{
    setIdleInterval(std::chrono::minutes(std::max(1, minutes)));
}

void KeyStore::setIdleInterval(std::chrono::milliseconds interval)
{
    m_idle.setInterval(interval);
    if (m_key)
        m_idle.start();
}

void KeyStore::noteActivity()
{
    if (m_key)
        m_idle.start();
}

} // namespace countersign::app
