#include "core/KeyFile.h"

#include <QFile>
#include <QSaveFile>

namespace countersign::core {

namespace {

bool writeFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions) || file.write(data) != data.size()
        || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > KeyFile::kMaxKeyFileBytes) {
        if (error)
            *error = QStringLiteral("%1 is too large to be a key file").arg(path);
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

bool KeyFile::writePrivateKey(const QString &path, const Ed25519PrivateKey &key, const SecureBytes &passphrase,
                              QString *error)
{
    if (passphrase.isEmpty()) {
        if (error)
            *error = QStringLiteral("a private key is never written without a passphrase");
        return false;
    }
    if (key.isNull()) {
        if (error)
            *error = QStringLiteral("no private key to write");
        return false;
    }
    return writeFile(path, key.toEncryptedPem(passphrase), QFileDevice::ReadOwner | QFileDevice::WriteOwner, error);
}

bool KeyFile::writePublicKey(const QString &path, const Ed25519PublicKey &key, QString *error)
{
    if (key.isNull()) {
        if (error)
            *error = QStringLiteral("no public key to write");
        return false;
    }
    return writeFile(path, key.toPem(),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther,
                     error);
}

std::optional<Ed25519PrivateKey> KeyFile::readPrivateKey(const QString &path, const SecureBytes &passphrase,
                                                         QString *error)
{
    auto data = readFile(path, error);
    if (!data)
        return std::nullopt;
    auto key = Ed25519PrivateKey::fromEncryptedPem(*data, passphrase, error);
    if (!key && error)
        *error = path + QStringLiteral(": ") + *error;
    // AES-CBC in PKCS#8 has no integrity check: a flipped ciphertext byte can
    // decrypt to another valid key. The public key beside it catches that.
    if (key && path.endsWith(QStringLiteral(".key"))) {
        const QString pubPath = path.left(path.size() - 4) + QStringLiteral(".pub");
        if (QFile::exists(pubPath)) {
            const auto pub = readPublicKey(pubPath, nullptr);
            if (!pub || *pub != key->publicKey()) {
                if (error)
                    *error = QStringLiteral("%1 does not match %2: the key file is corrupted or was replaced")
                                 .arg(path, pubPath);
                return std::nullopt;
            }
        }
    }
    return key;
}

std::optional<Ed25519PublicKey> KeyFile::readPublicKey(const QString &path, QString *error)
{
    const auto data = readFile(path, error);
    if (!data)
        return std::nullopt;
    auto key = Ed25519PublicKey::fromPem(*data, error);
    if (!key && error)
        *error = path + QStringLiteral(": ") + *error;
    return key;
}

bool KeyFile::isPrivateKeyFile(const QString &path)
{
    const auto data = readFile(path, nullptr);
    return data && data->contains("PRIVATE KEY-----");
}

} // namespace countersign::core
