#include "core/AuditChain.h"

#include "core/Base64Url.h"
#include "core/Sha256.h"

namespace countersign::core {

AuditChain::AuditChain(QString previousHash, qint64 firstSeq)
    : m_expectedPrev(std::move(previousHash))
    , m_expectedSeq(firstSeq)
{ }

bool AuditChain::add(const AuditEntry &entry)
{
    if (!m_result.ok)
        return false;
    auto fail = [&](const QString &problem) {
        m_result.ok = false;
        m_result.firstBadSeq = entry.seq;
        m_result.problem = problem;
        return false;
    };
    if (m_expectedSeq == 0)
        m_expectedSeq = entry.seq;
    if (entry.seq != m_expectedSeq) {
        m_result.ok = false;
        m_result.firstBadSeq = m_expectedSeq;
        m_result.problem = entry.seq > m_expectedSeq
            ? QStringLiteral("entry %1 is missing (next entry found is seq %2)").arg(m_expectedSeq).arg(entry.seq)
            : QStringLiteral("expected seq %1, found seq %2 (entries out of order)").arg(m_expectedSeq).arg(entry.seq);
        return false;
    }
    if (entry.prevHash != m_expectedPrev)
        return fail(QStringLiteral("prev_hash does not match the hash of seq %1 (entry inserted, removed or "
                                   "reordered)")
                        .arg(entry.seq - 1));
    if (entry.computeHash() != entry.hash)
        return fail(QStringLiteral("content does not match its hash (entry modified)"));
    m_expectedPrev = entry.hash;
    m_result.verifiedThrough = entry.seq;
    ++m_result.count;
    ++m_expectedSeq;
    return true;
}

bool AuditChain::addCanonical(const AuditEntryText &text, QByteArrayView storedHash)
{
    if (!m_result.ok)
        return false;
    const qint64 expectedSeq = m_expectedSeq == 0 ? text.seq : m_expectedSeq;
    // Plain ASCII (checked by appendHashInput) compares equal as bytes exactly
    // when it does as the QString add() would compare.
    if (text.seq != expectedSeq || QLatin1StringView(text.prevHash) != m_expectedPrev)
        return false;
    m_input.resize(0); // keeps the allocation
    if (!text.appendHashInput(m_input))
        return false;
    if (!m_sha)
        m_sha = std::make_shared<Sha256>();
    m_sha->add(m_input);
    static constexpr char kPrefix[] = "sha256:";
    const QByteArray digest = Base64Url::encode(m_sha->finish());
    if (storedHash.size() != qsizetype(sizeof kPrefix - 1) + digest.size() || !storedHash.startsWith(kPrefix)
        || storedHash.sliced(sizeof kPrefix - 1) != digest)
        return false;
    m_expectedSeq = expectedSeq;
    m_expectedPrev = QString::fromLatin1(storedHash);
    m_result.verifiedThrough = text.seq;
    ++m_result.count;
    ++m_expectedSeq;
    return true;
}

AuditChain::Result AuditChain::verify(const QList<AuditEntry> &entries, const QString &previousHash)
{
    AuditChain chain(previousHash);
    for (const AuditEntry &entry : entries) {
        if (!chain.add(entry))
            break;
    }
    return chain.result();
}

} // namespace countersign::core
