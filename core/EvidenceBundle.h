#pragma once

#include "core/AuditEntry.h"
#include "core/Ed25519PublicKey.h"
#include "core/EvidenceBundleReport.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace countersign::core {

// An evidence bundle: a directory from which a third party can check, with
// `countersignctl verify-bundle` or with openssl + sha256sum alone, that a set
// of actions was decided by the signed decisions it carries, and that the
// broker's hash-chained audit log, under the broker's signed checkpoints,
// records them so. The format is defined in docs/evidence-bundle.md.
//
// The broker (`countersignd audit export --bundle`) fills Contents from its
// database; the console fills it from `history_page` items and
// `audit_entries` answers with addHistoryItems() and addAuditMessage().
class EvidenceBundle
{
public:
    static QString formatName(); // "countersign-evidence-bundle/1"

    struct Checkpoint
    {
        qint64 seq = 0;
        QByteArray jws; // countersign.checkpoint JWS, exactly as the broker signed it
    };

    struct ApproverKey
    {
        Ed25519PublicKey key; // its key id is key.keyId()
        QString name; // optional, for the reader
    };

    struct Contents
    {
        // Each action's full JSON as the broker sends it (`history_page`
        // items[].action): id, seq, status, policy, … and decisions[], each
        // decision carrying its `jws`.
        QList<QJsonObject> actions;
        // A contiguous run of audit entries in seq order (`audit_entries`
        // entries), reaching at least from the first entry of any action to a
        // checkpoint at or after the last one. The writer keeps only the span
        // it needs (see span()) and drops the rest.
        QList<AuditEntry> entries;
        // The checkpoints over that run (`audit_entries` checkpoints).
        QList<Checkpoint> checkpoints;
        Ed25519PublicKey brokerKey;
        // At least every key that signed one of the actions' decisions.
        QList<ApproverKey> approverKeys;
        // Optional: audit seqs the span must include besides the actions'
        // entries (an explicit range: `audit export --from/--to`); 0 = none.
        qint64 fromSeq = 0;
        qint64 toSeq = 0;
        QString createdBy; // e.g. "countersignd 1.0 audit export" or "countersign console (alice)"
        QString selection; // what was selected, in words (filter, ids)
    };

    // The audit span a bundle of `contents` needs: from the first entry of any
    // action (or fromSeq) to the first checkpoint at or after the last one (or
    // toSeq). `ok` false with `problem` when the entries or checkpoints given
    // do not reach that far; `last` is then the seq still to be fetched up to
    // (0 when no checkpoint covers it yet: fetch again after the broker's next
    // one), and `next` the `from` of the next `audit_range` request (the first
    // missing entry, or the last wanted one, so that the answer carries the
    // checkpoint at or after it; 0 when the actions' entries are missing
    // altogether: ask `audit_for_action` where they start).
    struct Span
    {
        bool ok = false;
        qint64 first = 0;
        qint64 last = 0;
        qint64 next = 0;
        QString problem;
    };
    static Span span(const Contents &contents);

    // Writes the bundle into `directory`, which must not exist or be empty.
    // Fails (and writes nothing) when the input is incomplete or malformed:
    // an action without an id or without its decisions' JWS, a missing audit
    // span, a decision signed by a key not in approverKeys. It does not check
    // signatures; run verify() on the result for that.
    static bool write(const QString &directory, const Contents &contents, QString *error);

    struct VerifyOptions
    {
        // The broker key to verify checkpoints against, from a pinned source
        // (connection profile, keys/broker.pub of the broker). Without it the
        // bundle's own keys/broker.pub is used and the report says so.
        std::optional<Ed25519PublicKey> trustedBrokerKey;
    };
    static EvidenceBundleReport verify(const QString &directory, const VerifyOptions &options = {});

    // --- Filling Contents from what a console receives -------------------

    // Appends the `action` of each item of a `history_page` (or of any list of
    // action messages). False (and *error) when an item has no action object.
    static bool addHistoryItems(Contents *contents, const QJsonArray &items, QString *error);
    // Appends the entries and checkpoints of one `audit_entries` answer to an
    // `audit_range` (or `audit_for_action`) request; pages may come in any
    // order, entries already held are skipped, the result stays in seq order.
    static bool addAuditMessage(Contents *contents, const QJsonObject &auditEntries, QString *error);
    // The public keys that `approver_enrolled` entries record (the broker
    // audits every enrolment with the key), for callers that hold the log
    // but no key files.
    static QList<ApproverKey> approverKeysFromAudit(const QList<AuditEntry> &entries);
};

} // namespace countersign::core
