#pragma once

#include "core/Ed25519PrivateKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace countersign::core {

// A console's answer to the broker's login challenge: the challenge nonce,
// the broker's key id (so a login for one broker is useless at another), the
// signing key's id and the time, signed as JWS typ `countersign.login`.
class LoginStatement
{
public:
    static std::optional<QByteArray> sign(const Ed25519PrivateKey &key, const QString &challengeNonce,
                                          const QString &brokerKeyId, QString *error = nullptr);
};

} // namespace countersign::core
