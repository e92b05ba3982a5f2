#pragma once

#include "core/Ed25519PrivateKey.h"
#include "core/Ed25519PublicKey.h"
#include "core/JwsResult.h"

#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

namespace countersign::core {

// JWS compact serialisation (RFC 7515) with alg EdDSA (RFC 8037).
//
// Countersign's signed statements use a protected header of exactly
// {"alg":"EdDSA","kid":KEY_ID,"typ":TYPE} in canonical form, and the RFC 8785
// canonical bytes of the statement as payload.
class Jws
{
public:
    static constexpr qsizetype kMaxCompactBytes = 1024 * 1024;

    // Signs exactly the given header and payload bytes.
    static QByteArray sign(const Ed25519PrivateKey &key, QByteArrayView protectedHeader, QByteArrayView payload);
    static std::optional<QByteArray> signStatement(const Ed25519PrivateKey &key, const QString &typ,
                                                   const QJsonObject &statement, QString *error = nullptr);

    // Splits and decodes without checking the signature (e.g. to find the kid).
    static JwsResult decode(QByteArrayView compact);
    // Structure, header rules and the Ed25519 signature.
    static JwsResult verify(QByteArrayView compact, const Ed25519PublicKey &key);
    // verify() plus: kid names `key`, typ equals `expectedTyp` (when not empty),
    // payload is a canonical JSON object.
    static JwsResult verifyStatement(QByteArrayView compact, const Ed25519PublicKey &key,
                                     const QString &expectedTyp = QString());
};

} // namespace countersign::core
