#pragma once

#include "core/Ed25519PrivateKey.h"
#include "core/Ed25519PublicKey.h"

#include <QString>

#include <optional>

namespace countersign::core {

// Reading and writing key files: `NAME.key` (encrypted PKCS#8 PEM, mode 0600)
// and `NAME.pub` (SubjectPublicKeyInfo PEM). Writes are atomic.
class KeyFile
{
public:
    static bool writePrivateKey(const QString &path, const Ed25519PrivateKey &key, const SecureBytes &passphrase,
                                QString *error = nullptr);
    static bool writePublicKey(const QString &path, const Ed25519PublicKey &key, QString *error = nullptr);
    static std::optional<Ed25519PrivateKey> readPrivateKey(const QString &path, const SecureBytes &passphrase,
                                                           QString *error = nullptr);
    static std::optional<Ed25519PublicKey> readPublicKey(const QString &path, QString *error = nullptr);
    // True when the file looks like an (encrypted) private key rather than a public key.
    static bool isPrivateKeyFile(const QString &path);

    static constexpr qsizetype kMaxKeyFileBytes = 64 * 1024;
};

} // namespace countersign::core
