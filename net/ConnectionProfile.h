#pragma once

#include <QString>
#include <QUrl>

namespace countersign::net {

// Where the console's broker is and how its TLS certificate is trusted:
// either the SHA-256 fingerprint pinned on first contact (like SSH), or a CA
// file. A changed fingerprint is never accepted silently.
struct ConnectionProfile
{
    QString name = QStringLiteral("default");
    QUrl url; // wss://host:port/v1/console
    QString pinnedFingerprint; // "AB:CD:…", empty until trusted
    QString caFile;
    // The broker's Ed25519 public key (base64url, raw 32 bytes), pinned with the
    // profile: audit checkpoints are verified against it, never against a key
    // found in the data being verified. Empty: not pinned.
    QString brokerPublicKey;

    bool isValid() const { return url.isValid() && url.scheme() == QStringLiteral("wss"); }
};

} // namespace countersign::net
