#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace countersign::storage {

class Database;

// The console's local cache of resolved actions and of the broker's audit log
// (console.db, schema version 2), filled page by page from `history_page` and
// `audit_entries` answers. It is what the history view shows, so the view
// opens instantly and stays usable while the broker is unreachable. Every
// filter and sort column has an index; free text goes through an FTS5 table
// over tool arguments and evidence when SQLite has FTS5 (a substring scan of
// the stored message otherwise, see docs/console.md).
class HistoryStore
{
public:
    enum class Column { Time, Tenant, Agent, User, Tool, Outcome, Approvers, Rule, Seq };

    struct Filter
    {
        QDateTime from; // submission time, inclusive
        QDateTime to; // exclusive
        QString tenant;
        QString agent;
        QString user;
        QString tool;
        QString outcome; // approved, denied, expired, killed, executed, failed
        QString approver; // key id or name
        QString rule;
        QString text; // words, each matched as a prefix, all required
        bool isEmpty() const;
    };

    // What a list row shows; the full message is read only for the selected one.
    struct Row
    {
        qint64 row = 0;
        QString id;
        qint64 seq = 0;
        QString submittedAt;
        QString tenant;
        QString agent;
        QString user;
        QString tool;
        QString outcome;
        QString approvers;
        QString rule;
    };

    struct ApproverKey
    {
        QString keyId;
        QString name;
        QString publicKey; // base64url raw Ed25519
        QString enrolledAt;
        QString revokedAt; // empty while active
    };

    struct Checkpoint
    {
        qint64 seq = 0;
        QString jws;
    };

    explicit HistoryStore(Database &database);

    bool hasFullText() const { return m_fullText; }
    Database &database() const { return m_database; }

    // The broker this cache belongs to (its key id). A cache filled from another
    // broker is dropped: seqs and ids mean nothing across brokers.
    QString brokerKeyId() const;
    bool adoptBroker(const QString &brokerKeyId, QString *error);
    bool clear(QString *error);

    // --- actions ---
    // The cursor of the next history request: everything up to it is stored.
    qint64 historyCursor() const;
    // Stores one history page (action messages) and advances the cursor, in one
    // transaction. Pending actions are skipped: they come again once resolved.
    bool storeHistoryPage(const QList<QJsonObject> &messages, qint64 nextAfter, QString *error);
    // Upserts action messages in one transaction without moving the cursor.
    // Also the fast path for benchmarks: a million synthetic messages
    // (syntheticMessage()) in one call.
    bool insertMessages(const QList<QJsonObject> &messages, QString *error, int *stored = nullptr);
    // A small, plausible resolved action message number `n` (deterministic), for benchmarks.
    static QJsonObject syntheticMessage(qint64 n);

    qint64 count(const Filter &filter) const;
    QList<Row> rows(const Filter &filter, Column sort, Qt::SortOrder order, qint64 offset, int limit) const;
    // Row index of `actionId` under filter and sort; -1 when not in the result.
    qint64 indexOf(const QString &actionId, const Filter &filter, Column sort, Qt::SortOrder order) const;
    QStringList ids(const Filter &filter, Column sort, Qt::SortOrder order, qint64 limit) const;
    // The action message as the broker sent it.
    std::optional<QJsonObject> message(const QString &actionId) const;

    // --- audit log ---
    qint64 auditHead() const; // highest cached seq (0: none)
    qint64 auditFirst() const;
    bool storeAudit(const QList<QJsonObject> &entries, const QList<Checkpoint> &checkpoints, QString *error);
    QList<QJsonObject> auditEntries(qint64 from, qint64 to, int limit) const;
    QList<QJsonObject> auditForAction(const QString &actionId) const;
    QList<QJsonObject> auditEvents(const QStringList &events) const;
    QList<Checkpoint> checkpoints(qint64 from, qint64 to) const;
    // Approver keys as the audit log enrolled and revoked them.
    QHash<QString, ApproverKey> approverKeys() const;

    // The fixed-width UTC form stored, so text order is time order.
    static QString timeKey(const QDateTime &time);

private:
    bool upsert(const QJsonObject &message, const QHash<QString, QString> &names, QString *error, bool *stored);
    QString whereClause(const Filter &filter, QVariantList *binds) const;
    static QString orderClause(Column sort, Qt::SortOrder order, bool reverse = false);

    Database &m_database;
    bool m_fullText = false;
};

} // namespace countersign::storage
