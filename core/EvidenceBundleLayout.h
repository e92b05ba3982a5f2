#pragma once

#include <QString>

namespace countersign::core {

// Where each file of an evidence bundle lives, relative to the bundle's
// directory (docs/evidence-bundle.md). Seqs are zero-padded to ten digits so
// that a shell glob lists entries in chain order.
class EvidenceBundleLayout
{
public:
    static QString manifest() { return QStringLiteral("manifest.json"); }
    static QString guide() { return QStringLiteral("VERIFY.md"); }
    static QString brokerKey() { return QStringLiteral("keys/broker.pub"); }
    static QString approverKeysDir() { return QStringLiteral("keys/approvers"); }
    // keys/approvers/ed25519-<base64url>.pub for `ed25519:<base64url>`.
    static QString approverKey(const QString &keyId);
    static QString actionsDir() { return QStringLiteral("actions"); }
    static QString actionDir(const QString &actionId);
    static QString actionJson(const QString &actionId);
    static QString digestInput(const QString &actionId);
    // actions/ID/decisions/N (1-based, the order of the action's decisions[]),
    // followed by .jws, .signing-input, .sig or .payload.json.
    static QString decision(const QString &actionId, int number);
    static QString previousHash() { return QStringLiteral("audit/previous-hash.txt"); }
    static QString entriesDir() { return QStringLiteral("audit/entries"); }
    static QString hashedDir() { return QStringLiteral("audit/hashed"); }
    static QString checkpointsDir() { return QStringLiteral("audit/checkpoints"); }
    static QString entry(qint64 seq);
    static QString hashed(qint64 seq);
    // audit/checkpoints/SEQ, followed by .jws, .signing-input, .sig or .payload.json.
    static QString checkpoint(qint64 seq);
    static QString paddedSeq(qint64 seq);

    // Action ids become directory names: only [A-Za-z0-9_-], 1 to 128 characters.
    static bool isSafeActionId(const QString &id);
};

} // namespace countersign::core
