#include "core/AuditVerifier.h"

#include "core/JsonReader.h"
#include "core/Jws.h"
#include "core/StatementType.h"

namespace countersign::core {

QString AuditVerifier::Result::summary() const
{
    if (!ok)
        return QStringLiteral("The audit log does not verify: the first bad entry is seq %1: %2.")
            .arg(firstBadSeq)
            .arg(problem);
    if (entries == 0)
        return QStringLiteral("There are no audit entries in this range to verify.");
    if (lastCheckpointSeq == 0)
        return QStringLiteral("Entries %1 to %2 form an unbroken hash chain, but no signed checkpoint covers them "
                              "yet, so they are not proven to be the broker's.")
            .arg(firstSeq)
            .arg(lastSeq);
    QString text = QStringLiteral("Verified up to seq %1 at checkpoint time %2: entries %3 to %1 form an unbroken "
                                  "hash chain and %4 checkpoint(s) signed by the pinned broker key verify.")
                       .arg(lastCheckpointSeq)
                       .arg(JsonReader::formatTimestamp(lastCheckpointAt))
                       .arg(firstSeq)
                       .arg(checkpointsVerified);
    if (lastSeq > lastCheckpointSeq)
        text += QStringLiteral(" Entries %1 to %2 chain correctly but are not covered by a checkpoint yet.")
                    .arg(lastCheckpointSeq + 1)
                    .arg(lastSeq);
    return text;
}

AuditVerifier::AuditVerifier(Ed25519PublicKey brokerKey, QString previousHash, qint64 firstSeq)
    : m_brokerKey(std::move(brokerKey))
    , m_chain(std::move(previousHash), firstSeq)
{
    m_result.firstSeq = firstSeq;
}

void AuditVerifier::addCheckpoint(const Checkpoint &checkpoint)
{
    m_checkpoints.insert(checkpoint.seq, checkpoint);
}

void AuditVerifier::fail(qint64 seq, const QString &problem)
{
    m_result.ok = false;
    m_result.firstBadSeq = seq;
    m_result.problem = problem;
}

bool AuditVerifier::checkCheckpoint(const Checkpoint &cp, const QString &entryHash)
{
    const JwsResult r = Jws::verifyStatement(cp.jws.toLatin1(), m_brokerKey, statement_type::checkpoint());
    if (!r.ok()) {
        fail(cp.seq,
             QStringLiteral("the checkpoint at seq %1 is not signed by the pinned broker key (%2)")
                 .arg(cp.seq)
                 .arg(r.message));
        return false;
    }
    if (r.statement.value(QStringLiteral("seq")).toInteger() != cp.seq) {
        fail(cp.seq,
             QStringLiteral("the checkpoint stored at seq %1 signs seq %2")
                 .arg(cp.seq)
                 .arg(r.statement.value(QStringLiteral("seq")).toInteger()));
        return false;
    }
    if (r.statement.value(QStringLiteral("head_hash")).toString() != entryHash) {
        fail(cp.seq,
             QStringLiteral("the signed checkpoint at seq %1 names another head hash than the entry's: the "
                            "entries up to it were altered")
                 .arg(cp.seq));
        return false;
    }
    ++m_result.checkpointsVerified;
    m_result.lastCheckpointSeq = cp.seq;
    m_result.lastCheckpointAt = JsonReader::parseTimestamp(r.statement.value(QStringLiteral("issued_at")).toString());
    return true;
}

bool AuditVerifier::addEntry(const QJsonObject &json)
{
    if (!m_result.ok)
        return false;
    ValidationErrors errors;
    const AuditEntry entry = AuditEntry::read(json, &errors);
    if (!errors.isEmpty()) {
        const qint64 seq = json.value(QStringLiteral("seq")).toInteger();
        fail(seq, QStringLiteral("entry %1 is malformed: %2").arg(seq).arg(errors.first().toString()));
        return false;
    }
    return addEntry(entry);
}

bool AuditVerifier::addEntry(const AuditEntry &entry)
{
    if (!m_result.ok)
        return false;
    if (!m_chain.add(entry)) {
        const AuditChain::Result &c = m_chain.result();
        fail(c.firstBadSeq, c.problem);
        return false;
    }
    ++m_result.entries;
    if (m_result.entries == 1 && m_result.firstSeq == 0)
        m_result.firstSeq = entry.seq;
    m_result.lastSeq = entry.seq;
    const auto cp = m_checkpoints.constFind(entry.seq);
    if (cp != m_checkpoints.constEnd() && !checkCheckpoint(*cp, entry.hash))
        return false;
    return true;
}

AuditVerifier::Result AuditVerifier::finish()
{
    // A checkpoint past the last entry signs entries that are not there: the tail was cut off.
    if (m_result.ok) {
        const auto beyond = m_checkpoints.upperBound(m_result.lastSeq);
        if (beyond != m_checkpoints.constEnd() && m_result.entries > 0)
            fail(m_result.lastSeq + 1,
                 QStringLiteral("entry %1 is missing, yet the checkpoint at seq %2 signs it")
                     .arg(m_result.lastSeq + 1)
                     .arg(beyond.key()));
    }
    return m_result;
}

} // namespace countersign::core
