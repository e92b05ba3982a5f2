#pragma once

#include "core/AuditEntry.h"
#include "core/Ed25519PrivateKey.h"

#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace countersign::storage {
class Database;
class RawQuery;
} // namespace countersign::storage

namespace countersign::broker {

// The broker's append-only, hash-chained audit log (tables `audit_log` and
// `checkpoints`). append() must run inside the caller's transaction, so an
// event and the state change it records commit together or not at all.
class AuditLog
{
public:
    struct Checkpoint
    {
        qint64 seq = 0;
        QString headHash;
        QString issuedAt;
        QString jws;
    };

    struct Report
    {
        bool ok = true;
        qint64 entries = 0;
        qint64 firstSeq = 0;
        qint64 lastSeq = 0;
        qint64 firstBadSeq = 0;
        QString problem;
        qint64 checkpointsVerified = 0;
        qint64 lastCheckpointSeq = 0;
        QString lastCheckpointAt;
        // Entries judged by the full re-derivation, not by the stored texts
        // (VerifyMode::Fast): non-canonical rows, and the first bad entry.
        qint64 fullRederivations = 0;
        QString summary() const;
    };

    // Fast: hash each row's stored, already-canonical texts and re-derive only
    // the rows that are not provably canonical or do not match. Full: re-derive
    // every entry (parse `data`, rebuild, serialise). Same verdicts and
    // messages either way; Full is kept as the reference the tests compare with.
    enum class VerifyMode { Fast, Full };

    explicit AuditLog(storage::Database &database);
    ~AuditLog();

    // With a key set, append() also signs a checkpoint over the new entry, in the
    // caller's transaction, once `everyEntries` entries follow the last checkpoint.
    void setCheckpointing(const core::Ed25519PrivateKey *brokerKey, int everyEntries);
    std::optional<core::AuditEntry> append(const QString &event, const QString &actionId, const QJsonObject &data,
                                           QString *error);
    struct NewEntry
    {
        QString event;
        QString actionId;
        QJsonObject data;
        // The canonical text of the data, when the caller wrote it already;
        // then `data` is not read (and the entries returned carry none).
        QByteArray dataText = {};
    };
    // append() for many entries in the caller's transaction: the head is read
    // once and kept in memory, one prepared insert is reused, and checkpoints
    // fall exactly where one-by-one appends would put them.
    bool appendMany(const QList<NewEntry> &entries, QString *error);
    qint64 headSeq() const;
    qint64 lastCheckpointSeq() const;
    // Signs a checkpoint over the current head if there are entries after the
    // last one. Runs its own transaction.
    std::optional<Checkpoint> checkpoint(const core::Ed25519PrivateKey &brokerKey, QString *error);

    QList<core::AuditEntry> entries(qint64 from, qint64 to, qsizetype limit) const;
    QList<core::AuditEntry> entriesForAction(const QString &actionId) const;
    QList<Checkpoint> checkpoints(qint64 from, qint64 to) const;

    // Chain from `from` (1 = everything) and every checkpoint signature in range.
    Report verify(const core::Ed25519PublicKey &brokerKey, qint64 from = 1, VerifyMode mode = VerifyMode::Fast) const;
    // JSON lines: a header, then every entry and checkpoint in seq order.
    bool exportRange(QIODevice *out, const core::Ed25519PublicKey &brokerKey, qint64 from, qint64 to,
                     QString *error) const;

    static core::AuditEntry entryFromRow(const QVariant &seq, const QVariant &at, const QVariant &event,
                                         const QVariant &actionId, const QVariant &data, const QVariant &prev,
                                         const QVariant &hash);
    static std::optional<QString> checkpointProblem(const Checkpoint &checkpoint, const core::Ed25519PublicKey &key);

private:
    // Appends in the caller's transaction; the entries written, or none on error.
    QList<core::AuditEntry> appendEntries(const QList<NewEntry> &entries, QString *error);
    // Signs and stores a checkpoint over entry `seq`; the caller's transaction must be open.
    std::optional<Checkpoint> insertCheckpoint(qint64 seq, const QString &headHash,
                                               const core::Ed25519PrivateKey &brokerKey, QString *error);

    // The chain head and the last checkpoint's seq, read from the file once and
    // then kept in memory while Database::generation() says nothing else
    // changed the file (no rollback, no other process's commit).
    struct Head
    {
        qint64 seq = 0;
        QString hash;
        qint64 lastCheckpoint = 0;
        quint64 generation = 0;
        bool valid = false;
    };
    Head &head();
    storage::RawQuery *insertStatement(QString *error);

    storage::Database &m_database;
    const core::Ed25519PrivateKey *m_checkpointKey = nullptr;
    int m_checkpointEvery = 0;
    Head m_head;
    std::unique_ptr<storage::RawQuery> m_insert;
};

} // namespace countersign::broker
