#include "core/DecisionCheck.h"

#include "core/ActionDigest.h"
#include "core/DecisionStatement.h"
#include "core/JsonReader.h"
#include "core/Jws.h"
#include "core/StatementType.h"

#include <QJsonDocument>

namespace countersign::core {

QString DecisionCheck::signatureName(Signature signature)
{
    switch (signature) {
    case Signature::Valid:
        return QStringLiteral("valid");
    case Signature::Invalid:
        return QStringLiteral("invalid");
    case Signature::KeyUnknown:
        return QStringLiteral("key unknown");
    case Signature::KeyRevokedSince:
        return QStringLiteral("key revoked since");
    }
    return QStringLiteral("invalid");
}

DecisionCheck DecisionCheck::check(QByteArrayView jws, const QJsonObject &displayedAction,
                                   const QHash<QString, Key> &keys)
{
    DecisionCheck out;
    out.displayedDigest = ActionDigest::compute(displayedAction);
    const JwsResult decoded = Jws::decode(jws);
    if (!decoded.ok()) {
        out.signatureProblem = decoded.message;
        return out;
    }
    out.approverKeyId = decoded.kid;
    // What the statement claims, shown even when it cannot be verified (marked so).
    const QJsonObject claimed = QJsonDocument::fromJson(decoded.payload).object();
    ValidationErrors errors;
    const DecisionStatement statement = DecisionStatement::read(claimed, &errors);
    out.signedDigest = statement.actionDigest;
    out.verdict = statement.verdict;
    out.reason = statement.reason;
    out.issuedAt = statement.issuedAt;
    out.digestMatches = !out.signedDigest.isEmpty() && out.signedDigest == out.displayedDigest;
    out.actionIdMatches = statement.actionId == displayedAction.value(QStringLiteral("id")).toString();

    const auto key = keys.constFind(decoded.kid);
    if (key == keys.constEnd() || !key->publicKey) {
        out.signature = Signature::KeyUnknown;
        out.signatureProblem = QStringLiteral("no public key is known for %1").arg(decoded.kid);
        return out;
    }
    out.approverName = key->name;
    const JwsResult verified = Jws::verifyStatement(jws, *key->publicKey, statement_type::decision());
    if (!verified.ok()) {
        out.signature = Signature::Invalid;
        out.signatureProblem = verified.message;
        return out;
    }
    if (!errors.isEmpty()) {
        out.signature = Signature::Invalid;
        out.signatureProblem = QStringLiteral("not a valid decision statement: %1").arg(errors.first().toString());
        return out;
    }
    if (statement.approver != decoded.kid) {
        out.signature = Signature::Invalid;
        out.signatureProblem = QStringLiteral("the statement names approver %1 but is signed by %2")
                                   .arg(statement.approver, decoded.kid);
        return out;
    }
    out.revokedAt = key->revokedAt;
    out.signature = key->revokedAt.isValid() ? Signature::KeyRevokedSince : Signature::Valid;
    if (key->revokedAt.isValid() && statement.issuedAt.isValid() && key->revokedAt <= statement.issuedAt) {
        // Signed with a key that was already revoked: the broker must have refused it.
        out.signature = Signature::Invalid;
        out.signatureProblem
            = QStringLiteral("signed at %1 with a key revoked at %2")
                  .arg(JsonReader::formatTimestamp(statement.issuedAt), JsonReader::formatTimestamp(key->revokedAt));
    }
    return out;
}

} // namespace countersign::core
