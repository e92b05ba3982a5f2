#include "core/DecisionStatement.h"

#include "core/Identifiers.h"
#include "core/Vocabulary.h"

namespace countersign::core {

DecisionStatement DecisionStatement::read(const QJsonObject &json, ValidationErrors *errors)
{
    JsonReader r(json, QString(), errors);
    DecisionStatement out;
    out.actionId = r.string(QStringLiteral("action_id"));
    out.actionDigest = r.string(QStringLiteral("action_digest"));
    if (!out.actionDigest.isEmpty() && !Identifiers::isDigest(out.actionDigest))
        r.error(QStringLiteral("action_digest"),
                QStringLiteral("expected sha256: followed by 43 base64url characters"));
    out.verdict = r.oneOf(QStringLiteral("verdict"), vocabulary::verdict());
    out.reason = r.string(QStringLiteral("reason"), JsonReader::Optional);
    out.approver = r.string(QStringLiteral("approver"));
    if (!out.approver.isEmpty() && !Identifiers::isKeyId(out.approver))
        r.error(QStringLiteral("approver"), QStringLiteral("expected a key id (ed25519:…)"));
    out.issuedAt = r.timestamp(QStringLiteral("issued_at"));
    out.nonce = r.string(QStringLiteral("nonce"));
    if (!out.nonce.isEmpty() && !Identifiers::isNonce(out.nonce))
        r.error(QStringLiteral("nonce"), QStringLiteral("expected at least 22 base64url characters"));
    out.extensions = r.finish();
    return out;
}

QJsonObject DecisionStatement::toJson() const
{
    QJsonObject json = extensions;
    json.insert(QStringLiteral("action_id"), actionId);
    json.insert(QStringLiteral("action_digest"), actionDigest);
    json.insert(QStringLiteral("verdict"), verdict);
    json.insert(QStringLiteral("reason"), reason);
    json.insert(QStringLiteral("approver"), approver);
    json.insert(QStringLiteral("issued_at"), JsonReader::formatTimestamp(issuedAt));
    json.insert(QStringLiteral("nonce"), nonce);
    return json;
}

} // namespace countersign::core
