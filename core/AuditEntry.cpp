#include "core/AuditEntry.h"

#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/Identifiers.h"
#include "core/Sha256.h"

namespace countersign::core {

AuditEntry AuditEntry::read(const QJsonObject &json, ValidationErrors *errors)
{
    JsonReader r(json, QString(), errors);
    AuditEntry out;
    out.seq = r.integer(QStringLiteral("seq"), JsonReader::Required, 1).value_or(0);
    out.at = r.timestamp(QStringLiteral("at"));
    out.event = r.string(QStringLiteral("event"));
    out.actionId = r.string(QStringLiteral("action_id"), JsonReader::Optional);
    out.data = r.object(QStringLiteral("data"), JsonReader::Optional);
    out.prevHash = r.string(QStringLiteral("prev_hash"));
    if (!out.prevHash.isEmpty() && !Identifiers::isDigest(out.prevHash))
        r.error(QStringLiteral("prev_hash"), QStringLiteral("expected sha256: followed by 43 base64url characters"));
    out.hash = r.string(QStringLiteral("hash"));
    if (!out.hash.isEmpty() && !Identifiers::isDigest(out.hash))
        r.error(QStringLiteral("hash"), QStringLiteral("expected sha256: followed by 43 base64url characters"));
    out.extensions = r.finish();
    return out;
}

QJsonObject AuditEntry::toJson() const
{
    QJsonObject json = extensions;
    json.insert(QStringLiteral("seq"), seq);
    json.insert(QStringLiteral("at"), JsonReader::formatTimestamp(at));
    json.insert(QStringLiteral("event"), event);
    if (!actionId.isEmpty())
        json.insert(QStringLiteral("action_id"), actionId);
    json.insert(QStringLiteral("data"), data);
    json.insert(QStringLiteral("prev_hash"), prevHash);
    json.insert(QStringLiteral("hash"), hash);
    return json;
}

QString AuditEntry::computeHash() const
{
    QJsonObject json = toJson();
    json.remove(QStringLiteral("hash"));
    return hashOf(CanonicalJson::serializeOrEmpty(json));
}

QString AuditEntry::hashOf(QByteArrayView hashInput)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Base64Url::encode(Sha256::hash(hashInput)));
}

QString AuditEntry::genesisHash()
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Base64Url::encode(QByteArray(32, '\0')));
}

} // namespace countersign::core
