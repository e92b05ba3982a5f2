#include "core/KillSwitchOrder.h"

#include "core/Identifiers.h"
#include "core/Vocabulary.h"

namespace countersign::core {

KillSwitchOrder KillSwitchOrder::read(const QJsonObject &json, ValidationErrors *errors)
{
    JsonReader r(json, QString(), errors);
    KillSwitchOrder out;
    out.operation = r.oneOf(QStringLiteral("operation"), vocabulary::killSwitchOperation());
    out.scope = r.oneOf(QStringLiteral("scope"), vocabulary::killSwitchScope());
    const bool global = out.scope == QStringLiteral("global");
    out.target = r.string(QStringLiteral("target"), global ? JsonReader::Optional : JsonReader::Required);
    if (global && !out.target.isEmpty())
        r.error(QStringLiteral("target"), QStringLiteral("a global kill switch has no target"));
    out.reason = r.string(QStringLiteral("reason"));
    out.issuedBy = r.string(QStringLiteral("issued_by"));
    if (!out.issuedBy.isEmpty() && !Identifiers::isKeyId(out.issuedBy))
        r.error(QStringLiteral("issued_by"), QStringLiteral("expected a key id (ed25519:…)"));
    out.issuedAt = r.timestamp(QStringLiteral("issued_at"));
    out.nonce = r.string(QStringLiteral("nonce"));
    if (!out.nonce.isEmpty() && !Identifiers::isNonce(out.nonce))
        r.error(QStringLiteral("nonce"), QStringLiteral("expected at least 22 base64url characters"));
    out.extensions = r.finish();
    return out;
}

QJsonObject KillSwitchOrder::toJson() const
{
    QJsonObject json = extensions;
    json.insert(QStringLiteral("operation"), operation);
    json.insert(QStringLiteral("scope"), scope);
    if (!target.isEmpty())
        json.insert(QStringLiteral("target"), target);
    json.insert(QStringLiteral("reason"), reason);
    json.insert(QStringLiteral("issued_by"), issuedBy);
    json.insert(QStringLiteral("issued_at"), JsonReader::formatTimestamp(issuedAt));
    json.insert(QStringLiteral("nonce"), nonce);
    return json;
}

} // namespace countersign::core
