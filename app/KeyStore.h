#pragma once

#include "core/Ed25519PrivateKey.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace countersign::app {

// The approver's signing key: `approver.key` (passphrase-encrypted PKCS#8)
// and `approver.pub` in the data directory. Unlocked once per session; locked
// again after the idle time, on screen lock and on exit. The private key never
// leaves this object and is released (and wiped by OpenSSL) when locked.
class KeyStore : public QObject
{
    Q_OBJECT

public:
    explicit KeyStore(QString directory, QObject *parent = nullptr);
    ~KeyStore() override;

    QString keyPath() const;
    QString publicKeyPath() const;
    bool hasKey() const;
    QString keyId() const; // from the public key file; no passphrase needed

    bool create(const core::SecureBytes &passphrase, QString *error);
    bool importKey(const QString &keyFile, const core::SecureBytes &passphrase, QString *error);
    bool unlock(const core::SecureBytes &passphrase, QString *error);
    void lock();
    bool isUnlocked() const { return m_key.has_value(); }

    // Signs with the unlocked key; nullopt when locked.
    std::optional<QByteArray> signStatement(const QString &typ, const QJsonObject &statement) const;
    std::optional<QByteArray> signLogin(const QString &nonce, const QString &brokerKeyId) const;

    void setIdleTimeout(int minutes);
    void setIdleInterval(std::chrono::milliseconds interval);
    // Call on every user interaction; restarts the idle countdown.
    void noteActivity();

Q_SIGNALS:
    void lockedChanged(bool locked);

private:
    QString m_directory;
    std::optional<core::Ed25519PrivateKey> m_key;
    QTimer m_idle;
};

} // namespace countersign::app
