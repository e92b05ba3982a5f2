#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace countersign::core {

// A TLS server identity: an ECDSA P-256 key and a self-signed X.509
// certificate naming the broker's host names and addresses. Consoles pin the
// certificate's SHA-256 fingerprint on first contact, so no CA is needed.
class TlsIdentity
{
public:
    QByteArray certificatePem;
    QByteArray privateKeyPem; // unencrypted PKCS#8; the file is written with mode 0600

    static std::optional<TlsIdentity> generateSelfSigned(const QString &commonName, const QStringList &dnsNames,
                                                         const QStringList &ipAddresses, int validDays,
                                                         QString *error = nullptr);
    // "AB:CD:…" over the DER certificate, as `openssl x509 -fingerprint -sha256` prints it.
    static QString fingerprintSha256(const QByteArray &certificatePem);
};

} // namespace countersign::core
