#include "core/Jws.h"

#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/JsonParser.h"

namespace countersign::core {

namespace {

JwsResult failure(JwsResult result, JwsResult::Error error, const QString &message)
{
    result.error = error;
    result.message = message;
    return result;
}

} // namespace

QString JwsResult::errorName(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("ok");
    case Error::Malformed:
        return QStringLiteral("malformed");
    case Error::BadBase64:
        return QStringLiteral("bad_base64");
    case Error::BadHeader:
        return QStringLiteral("bad_header");
    case Error::UnsupportedAlgorithm:
        return QStringLiteral("unsupported_alg");
    case Error::CriticalHeader:
        return QStringLiteral("crit_not_supported");
    case Error::TypeMismatch:
        return QStringLiteral("typ_mismatch");
    case Error::KeyMismatch:
        return QStringLiteral("kid_mismatch");
    case Error::BadSignature:
        return QStringLiteral("bad_signature");
    case Error::BadPayload:
        return QStringLiteral("bad_payload");
    case Error::NonCanonicalPayload:
        return QStringLiteral("non_canonical_payload");
    }
    return QStringLiteral("unknown");
}

QByteArray Jws::sign(const Ed25519PrivateKey &key, QByteArrayView protectedHeader, QByteArrayView payload)
{
    const QByteArray input = Base64Url::encode(protectedHeader) + '.' + Base64Url::encode(payload);
    return input + '.' + Base64Url::encode(key.sign(input));
}

std::optional<QByteArray> Jws::signStatement(const Ed25519PrivateKey &key, const QString &typ,
                                             const QJsonObject &statement, QString *error)
{
    if (key.isNull()) {
        if (error)
            *error = QStringLiteral("no private key");
        return std::nullopt;
    }
    QJsonObject header;
    header.insert(QStringLiteral("alg"), QStringLiteral("EdDSA"));
    header.insert(QStringLiteral("kid"), key.keyId());
    header.insert(QStringLiteral("typ"), typ);
    const auto headerBytes = CanonicalJson::serialize(header, error);
    const auto payload = CanonicalJson::serialize(statement, error);
    if (!headerBytes || !payload)
        return std::nullopt;
    return sign(key, *headerBytes, *payload);
}

JwsResult Jws::decode(QByteArrayView compact)
{
    JwsResult result;
    if (compact.size() > kMaxCompactBytes)
        return failure(result, JwsResult::Error::Malformed,
                       QStringLiteral("JWS is larger than %1 bytes").arg(kMaxCompactBytes));
    const qsizetype dot1 = compact.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : compact.indexOf('.', dot1 + 1);
    if (dot1 < 0 || dot2 < 0 || compact.indexOf('.', dot2 + 1) >= 0)
        return failure(result, JwsResult::Error::Malformed,
                       QStringLiteral("a JWS compact serialisation has exactly three parts"));
    const QByteArrayView headerPart = compact.first(dot1);
    const QByteArrayView payloadPart = compact.sliced(dot1 + 1, dot2 - dot1 - 1);
    const QByteArrayView signaturePart = compact.sliced(dot2 + 1);
    const auto header = Base64Url::decode(headerPart);
    const auto payload = Base64Url::decode(payloadPart);
    const auto signature = Base64Url::decode(signaturePart);
    if (!header || !payload || !signature || header->isEmpty() || signature->isEmpty())
        return failure(result, JwsResult::Error::BadBase64, QStringLiteral("a part is not valid base64url"));
    result.signingInput = compact.first(dot2).toByteArray();
    result.payload = *payload;
    result.signature = *signature;

    JsonLimits headerLimits;
    headerLimits.maxBytes = 4096;
    headerLimits.maxDepth = 2;
    const auto parsed = JsonParser::parseObject(*header, headerLimits);
    if (!parsed.ok())
        return failure(result, JwsResult::Error::BadHeader,
                       QStringLiteral("protected header: %1").arg(parsed.error.toString()));
    const QJsonObject object = parsed.value->toObject();
    if (object.contains(QStringLiteral("crit")))
        return failure(result, JwsResult::Error::CriticalHeader,
                       QStringLiteral("the crit header parameter is not supported"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &name = it.key();
        if (name != QStringLiteral("alg") && name != QStringLiteral("kid") && name != QStringLiteral("typ"))
            return failure(result, JwsResult::Error::BadHeader,
                           QStringLiteral("header parameter '%1' is not accepted").arg(name));
        if (!it.value().isString())
            return failure(result, JwsResult::Error::BadHeader,
                           QStringLiteral("header parameter '%1' must be a string").arg(name));
    }
    result.alg = object.value(QStringLiteral("alg")).toString();
    result.kid = object.value(QStringLiteral("kid")).toString();
    result.typ = object.value(QStringLiteral("typ")).toString();
    if (result.alg != QStringLiteral("EdDSA"))
        return failure(result, JwsResult::Error::UnsupportedAlgorithm,
                       QStringLiteral("alg '%1' is not accepted; only EdDSA is").arg(result.alg));
    if (result.signature.size() != 64)
        return failure(result, JwsResult::Error::BadSignature,
                       QStringLiteral("an Ed25519 signature is 64 bytes, not %1").arg(result.signature.size()));
    return result;
}

JwsResult Jws::verify(QByteArrayView compact, const Ed25519PublicKey &key)
{
    JwsResult result = decode(compact);
    if (!result.ok())
        return result;
    if (!key.verify(result.signingInput, result.signature))
        return failure(result, JwsResult::Error::BadSignature, QStringLiteral("the signature does not verify"));
    return result;
}

JwsResult Jws::verifyStatement(QByteArrayView compact, const Ed25519PublicKey &key, const QString &expectedTyp)
{
    JwsResult result = decode(compact);
    if (!result.ok())
        return result;
    if (result.kid.isEmpty() || result.kid != key.keyId())
        return failure(result, JwsResult::Error::KeyMismatch,
                       result.kid.isEmpty()
                           ? QStringLiteral("the header has no kid")
                           : QStringLiteral("signed by key %1, not by %2").arg(result.kid, key.keyId()));
    if (result.typ.isEmpty() || (!expectedTyp.isEmpty() && result.typ != expectedTyp))
        return failure(result, JwsResult::Error::TypeMismatch,
                       QStringLiteral("statement type '%1' where '%2' was expected").arg(result.typ, expectedTyp));
    if (!key.verify(result.signingInput, result.signature))
        return failure(result, JwsResult::Error::BadSignature, QStringLiteral("the signature does not verify"));
    const auto parsed = JsonParser::parseObject(result.payload);
    if (!parsed.ok())
        return failure(result, JwsResult::Error::BadPayload,
                       QStringLiteral("payload: %1").arg(parsed.error.toString()));
    if (CanonicalJson::serializeOrEmpty(*parsed.value) != result.payload)
        return failure(result, JwsResult::Error::NonCanonicalPayload,
                       QStringLiteral("the payload is not in RFC 8785 canonical form"));
    result.statement = parsed.value->toObject();
    return result;
}

} // namespace countersign::core
