#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace countersign::core {

// An Ed25519 public key (RFC 8032), held as its raw 32 bytes.
class Ed25519PublicKey
{
public:
    Ed25519PublicKey() = default;

    static std::optional<Ed25519PublicKey> fromRaw(QByteArrayView raw);
    // SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").
    static std::optional<Ed25519PublicKey> fromPem(QByteArrayView pem, QString *error = nullptr);
    static std::optional<Ed25519PublicKey> fromBase64Url(QByteArrayView text);

    bool isNull() const { return m_raw.isEmpty(); }
    QByteArray raw() const { return m_raw; }
    QByteArray toBase64Url() const;
    QByteArray toPem() const;
    // `ed25519:` + base64url(SHA-256(raw public key)).
    QString keyId() const;

    bool verify(QByteArrayView message, QByteArrayView signature) const;

    bool operator==(const Ed25519PublicKey &) const = default;

private:
    QByteArray m_raw;
};

} // namespace countersign::core
