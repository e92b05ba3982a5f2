#pragma once

#include <QString>

namespace countersign::core {

// Syntax checks for the identifiers statements carry.
class Identifiers
{
public:
    // `ed25519:` + 43 base64url characters (a SHA-256).
    static bool isKeyId(const QString &text);
    // `sha256:` + 43 base64url characters.
    static bool isDigest(const QString &text);
    // At least 128 bits of base64url.
    static bool isNonce(const QString &text);
    // A fresh random nonce (16 bytes, base64url).
    static QString newNonce();
    // `act_` + a ULID: 10 Crockford base32 characters of the milliseconds
    // since the epoch, then 16 of 80 random bits. Ids made later sort after
    // earlier ones (to the millisecond), so the store's indexes on the id grow
    // at their end instead of touching a random page per action.
    static QString newActionId(qint64 msecsSinceEpoch);
};

} // namespace countersign::core
