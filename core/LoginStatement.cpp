#include "core/LoginStatement.h"

#include "core/JsonReader.h"
#include "core/Jws.h"
#include "core/StatementType.h"

namespace countersign::core {

std::optional<QByteArray> LoginStatement::sign(const Ed25519PrivateKey &key, const QString &challengeNonce,
                                               const QString &brokerKeyId, QString *error)
{
    const QJsonObject statement {
        {QStringLiteral("nonce"), challengeNonce},
        {QStringLiteral("broker"), brokerKeyId},
        {QStringLiteral("key"), key.keyId()},
        {QStringLiteral("issued_at"), JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc())}};
    return Jws::signStatement(key, statement_type::login(), statement, error);
}

} // namespace countersign::core
