#include "core/ActionDigest.h"

#include "core/Action.h"
#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/Sha256.h"

namespace countersign::core {

QByteArray ActionDigest::canonicalBytes(const QJsonObject &action)
{
    QJsonObject digestible = action;
    for (const QString &field : Action::mutableBrokerFields())
        digestible.remove(field);
    return CanonicalJson::serializeOrEmpty(digestible);
}

QString ActionDigest::compute(const QJsonObject &action)
{
    return ofCanonicalBytes(canonicalBytes(action));
}

QString ActionDigest::ofCanonicalBytes(QByteArrayView canonical)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Base64Url::encode(Sha256::hash(canonical)));
}

} // namespace countersign::core
