#include "core/AuditChain.h"

namespace countersign::core {

AuditChain::Result AuditChain::verify(const QList<AuditEntry> &entries, const QString &previousHash)
{
    Result result;
    QString expectedPrev = previousHash;
    qint64 expectedSeq = entries.isEmpty() ? 0 : entries.first().seq;
    for (const AuditEntry &entry : entries) {
        auto fail = [&](const QString &problem) {
            result.ok = false;
            result.firstBadSeq = entry.seq;
            result.problem = problem;
            return result;
        };
        if (entry.seq != expectedSeq)
            return fail(QStringLiteral("expected seq %1, found seq %2 (entry missing or out of order)")
                            .arg(expectedSeq)
                            .arg(entry.seq));
        if (entry.prevHash != expectedPrev)
            return fail(QStringLiteral("prev_hash does not match the hash of seq %1").arg(entry.seq - 1));
        if (entry.computeHash() != entry.hash)
            return fail(QStringLiteral("content does not match its hash (entry modified)"));
        expectedPrev = entry.hash;
        result.verifiedThrough = entry.seq;
        ++expectedSeq;
    }
    return result;
}

} // namespace countersign::core
