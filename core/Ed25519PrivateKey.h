#pragma once

#include "core/Ed25519PublicKey.h"
#include "core/SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace countersign::core {

// An Ed25519 private key held inside OpenSSL. Move-only; the key material is
// released (and wiped by OpenSSL) when the object is cleared or destroyed.
class Ed25519PrivateKey
{
public:
    Ed25519PrivateKey();
    ~Ed25519PrivateKey();
    Ed25519PrivateKey(Ed25519PrivateKey &&) noexcept;
    Ed25519PrivateKey &operator=(Ed25519PrivateKey &&) noexcept;
    Ed25519PrivateKey(const Ed25519PrivateKey &) = delete;
    Ed25519PrivateKey &operator=(const Ed25519PrivateKey &) = delete;

    static Ed25519PrivateKey generate();
    // The 32-byte RFC 8032 private key (seed).
    static std::optional<Ed25519PrivateKey> fromSeed(const SecureBytes &seed);

    // Passphrase-encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY"): scrypt (N=2^14, r=8,
    // p=1) and AES-256-CBC, the same as `openssl pkcs8 -topk8 -scrypt`.
    QByteArray toEncryptedPem(const SecureBytes &passphrase) const;
    static std::optional<Ed25519PrivateKey> fromEncryptedPem(QByteArrayView pem, const SecureBytes &passphrase,
                                                             QString *error = nullptr);

    bool isNull() const;
    void clear();
    Ed25519PublicKey publicKey() const;
    QString keyId() const { return publicKey().keyId(); }
    QByteArray sign(QByteArrayView message) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace countersign::core
