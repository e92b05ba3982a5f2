#pragma once

#include "core/AuditEntry.h"
#include "core/AuditEntryText.h"

#include <QList>

#include <memory>

namespace countersign::core {

class Sha256;

// Verifies that a run of audit entries forms an unbroken hash chain. Feed
// entries in order with add(); it stops at the first one that breaks the chain.
class AuditChain
{
public:
    struct Result
    {
        bool ok = true;
        qint64 verifiedThrough = 0; // last seq that verified
        qint64 count = 0;
        qint64 firstBadSeq = 0;
        QString problem;
    };

    // `previousHash` is the hash of the entry before the first one fed
    // (AuditEntry::genesisHash() when the run starts at seq 1); `firstSeq` the
    // seq expected first (0: take the first entry's).
    explicit AuditChain(QString previousHash, qint64 firstSeq = 0);

    bool add(const AuditEntry &entry);
    // The fast path for stored entries: accepts the entry, with exactly add()'s
    // effect, only when its texts are provably canonical
    // (AuditEntryText::appendHashInput) and seq, prev_hash and the hash of
    // those bytes all match `storedHash`. Otherwise returns false and changes
    // nothing: the caller must then add() the fully re-derived entry, which
    // judges it (and words any problem) as always.
    bool addCanonical(const AuditEntryText &text, QByteArrayView storedHash);
    const Result &result() const { return m_result; }
    QString headHash() const { return m_expectedPrev; }

    static Result verify(const QList<AuditEntry> &entries, const QString &previousHash);

private:
    QString m_expectedPrev;
    qint64 m_expectedSeq;
    Result m_result;
    // Reused across entries by addCanonical(): one digest context, one buffer.
    std::shared_ptr<Sha256> m_sha; // shared by copies: each use is add() then finish()
    QByteArray m_input;
};

} // namespace countersign::core
