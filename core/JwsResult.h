#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace countersign::core {

// The outcome of decoding or verifying a JWS compact serialisation.
struct JwsResult
{
    enum class Error {
        None,
        Malformed, // not three base64url parts separated by two dots
        BadBase64, // a part is not strict unpadded base64url
        BadHeader, // header is not a JSON object of known string members
        UnsupportedAlgorithm, // alg is anything but EdDSA, including none
        CriticalHeader, // crit is present
        TypeMismatch, // typ is missing or not the expected statement type
        KeyMismatch, // kid is missing or names another key
        BadSignature, // the signature does not verify
        BadPayload, // payload is not a JSON object
        NonCanonicalPayload, // payload is not in RFC 8785 canonical form
    };

    Error error = Error::None;
    QString message;
    QString alg;
    QString kid;
    QString typ;
    QByteArray signingInput; // ASCII(BASE64URL(header) || '.' || BASE64URL(payload))
    QByteArray payload;
    QByteArray signature;
    QJsonObject statement; // set by Jws::verifyStatement

    bool ok() const { return error == Error::None; }
    static QString errorName(Error error);
};

} // namespace countersign::core
