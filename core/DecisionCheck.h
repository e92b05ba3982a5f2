#pragma once

#include "core/Ed25519PublicKey.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace countersign::core {

// One decision statement of a resolved action, checked locally: its JWS
// signature against the approver's public key, and its signed digest against
// the digest the console computes from the action as it displays it. The
// console never takes the broker's word for either.
struct DecisionCheck
{
    enum class Signature {
        Valid,
        Invalid, // malformed, altered or signed by another key
        KeyUnknown, // no public key known for the kid
        KeyRevokedSince, // the signature verifies, but the key was revoked afterwards
    };

    struct Key
    {
        QString keyId;
        QString name;
        std::optional<Ed25519PublicKey> publicKey;
        QDateTime revokedAt; // invalid while active
    };

    Signature signature = Signature::Invalid;
    QString signatureProblem; // why it is not valid, in words
    bool digestMatches = false;
    QString signedDigest; // from the statement (unverified unless signature is Valid/KeyRevokedSince)
    QString displayedDigest; // recomputed from the displayed action
    bool actionIdMatches = false;
    QString approverKeyId;
    QString approverName; // from the key directory; empty when unknown
    QString verdict;
    QString reason;
    QDateTime issuedAt;
    QDateTime revokedAt;

    // True when the signature verified (possibly with a key revoked since) and
    // the statement is about exactly this action as displayed.
    bool holds() const
    {
        return (signature == Signature::Valid || signature == Signature::KeyRevokedSince) && digestMatches
            && actionIdMatches;
    }

    static DecisionCheck check(QByteArrayView jws, const QJsonObject &displayedAction, const QHash<QString, Key> &keys);
    static QString signatureName(Signature signature);
};

} // namespace countersign::core
