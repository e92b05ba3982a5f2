#pragma once

#include "core/JsonReader.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>

namespace countersign::core {

// One entry of the broker's append-only audit log. Each entry commits to the
// previous one: hash = `sha256:` + base64url(SHA-256(JCS(entry without `hash`))),
// and `prev_hash` is the previous entry's hash (genesisHash() for seq 1).
struct AuditEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString event; // submitted, policy_decided, decision_accepted, ...
    QString actionId;
    QJsonObject data;
    QString prevHash;
    QString hash;
    QJsonObject extensions;

    static AuditEntry read(const QJsonObject &json, ValidationErrors *errors);
    QJsonObject toJson() const; // includes `hash`
    QString computeHash() const;
    // "sha256:" + base64url(SHA-256(hashInput)): how computeHash() writes a hash.
    static QString hashOf(QByteArrayView hashInput);
    static QString genesisHash();
};

} // namespace countersign::core
