#pragma once

#include "core/AuditEntry.h"

#include <QList>

namespace countersign::core {

// Verifies that a run of audit entries forms an unbroken hash chain.
class AuditChain
{
public:
    struct Result
    {
        bool ok = true;
        qint64 verifiedThrough = 0; // last seq that verified
        qint64 firstBadSeq = 0;
        QString problem;
    };

    // `previousHash` is the hash of the entry before entries.first()
    // (AuditEntry::genesisHash() when the run starts at seq 1).
    static Result verify(const QList<AuditEntry> &entries, const QString &previousHash);
};

} // namespace countersign::core
