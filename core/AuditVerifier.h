#pragma once

#include "core/AuditChain.h"
#include "core/AuditEntry.h"
#include "core/Ed25519PublicKey.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace countersign::core {

// Verifies a run of the broker's audit log offline, incrementally (so a GUI
// can feed it in chunks with a progress bar): the hash chain entry by entry,
// and every signed checkpoint in the run against the broker's public key —
// a key the caller brings (the pinned connection profile), never one found in
// the data. A checkpoint must name the hash of the entry at its seq.
class AuditVerifier
{
public:
    struct Checkpoint
    {
        qint64 seq = 0;
        QString jws;
    };

    struct Result
    {
        bool ok = true;
        qint64 entries = 0;
        qint64 firstSeq = 0;
        qint64 lastSeq = 0; // last entry whose chain verified
        qint64 firstBadSeq = 0;
        QString problem;
        qint64 checkpointsVerified = 0;
        qint64 lastCheckpointSeq = 0; // highest checkpoint that verified and matched the chain
        QDateTime lastCheckpointAt;
        // "verified up to seq N at checkpoint time T", or the first bad entry and how.
        QString summary() const;
    };

    // `previousHash`: hash of entry firstSeq-1 (genesis for 1).
    AuditVerifier(Ed25519PublicKey brokerKey, QString previousHash, qint64 firstSeq);

    void addCheckpoint(const Checkpoint &checkpoint);
    // False once the run is broken; later entries are ignored.
    bool addEntry(const QJsonObject &json);
    bool addEntry(const AuditEntry &entry);
    // Checkpoints beyond the last entry fed are not judged; call when done.
    Result finish();
    const Result &result() const { return m_result; }

private:
    void fail(qint64 seq, const QString &problem);
    bool checkCheckpoint(const Checkpoint &checkpoint, const QString &entryHash);

    Ed25519PublicKey m_brokerKey;
    AuditChain m_chain;
    QMap<qint64, Checkpoint> m_checkpoints;
    Result m_result;
};

} // namespace countersign::core
