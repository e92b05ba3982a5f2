#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace countersign::storage {
class Database;
class RawQuery;
} // namespace countersign::storage

namespace countersign::broker {

// Actions, their decisions, seen nonces and idempotency records. Every
// method that writes expects the caller's transaction to be open.
class ActionStore
{
public:
    struct StoredAction
    {
        QString id;
        qint64 seq = 0;
        QString tenant;
        QString agentId;
        QString tool;
        QString user;
        QString tokenId;
        QString status;
        QString policyDecision;
        QString policyRule;
        QDateTime submittedAt;
        QDateTime expiresAt;
        QDateTime resolvedAt;
        QString digest;
        QJsonObject document; // the stamped action without seq, status, decisions
        QByteArray documentText; // instead of `document` when read without parsing (the stored canonical JSON)
        QJsonObject result; // what execution reported
        QDateTime purgedAt;

        bool isPending() const { return status == QStringLiteral("pending"); }
        bool isResolved() const { return !isPending(); }
    };

    struct Decision
    {
        QString actionId;
        QString approver;
        QString verdict;
        QString reason;
        QString issuedAt;
        QString receivedAt;
        QString jws;
        QJsonObject toJson() const;
    };

    struct HistoryFilter
    {
        QDateTime from;
        QDateTime to;
        QString tenant;
        QString agent;
        QString user;
        QString tool;
        QString status;
        QString approver;
        QStringList tenants; // the principal's tenants ("*" = all)
        qint64 afterSeq = 0; // cursor: rows with seq greater than this
        int limit = 100;
    };

    explicit ActionStore(storage::Database &database);
    ~ActionStore();

    // The global, gap-free change counter; bumped once per action change.
    qint64 nextChangeSeq(QString *error);
    qint64 headChangeSeq() const;
    qint64 resumeFloor() const;

    // `canonicalDocument`, when given, is the document's canonical JSON already
    // computed by the caller (for the digest), stored instead of serialising again.
    bool insert(const StoredAction &action, QString *error, const QByteArray &canonicalDocument = QByteArray());
    // Reserves `count` consecutive change seq values; returns the first.
    qint64 reserveChangeSeqs(qsizetype count, QString *error);
    bool updateStatus(const QString &id, const QString &status, qint64 seq, const QDateTime &resolvedAt,
                      QString *error);
    // One statement for many actions that take the same status and resolution
    // time and consecutive seqs from actions.first().seq, in list order (a kill
    // switch). False, with nothing changed by it, unless every row was updated.
    bool resolveInOne(const QList<StoredAction> &actions, QString *error);
    bool setResult(const QString &id, const QString &status, const QJsonObject &result, qint64 seq, QString *error);
    bool touch(const QString &id, qint64 seq, QString *error);
    std::optional<StoredAction> find(const QString &id) const;
    QList<StoredAction> pending() const;
    // Pending actions for which `keep` is true, in seq order, with only the
    // columns a kill switch's scope test and the consoles' push need: id, seq,
    // tenant, agent_id, tool, user, status.
    QList<StoredAction> pendingScope(const std::function<bool(const StoredAction &)> &keep) const;
    // Actions whose seq is in [first, last], in seq order, documents as stored text.
    QList<StoredAction> changedBetween(qint64 first, qint64 last) const;
    // The decisions of the actions whose seq is in [first, last], by action id.
    QHash<QString, QList<Decision>> decisionsBetween(qint64 first, qint64 last) const;
    int pendingCountForAgent(const QString &tenant, const QString &agentId) const;
    QList<StoredAction> dueForExpiry(const QDateTime &now) const;
    QDateTime nextExpiry() const;
    QList<StoredAction> changedSince(qint64 seq, qsizetype limit) const;
    QList<StoredAction> history(const HistoryFilter &filter) const;
    QList<StoredAction> purgeCandidates(const QString &tenant, const QDateTime &before, bool excludeListed,
                                        const QStringList &listed) const;
    bool replaceDocument(const QString &id, const QJsonObject &document, const QDateTime &purgedAt, QString *error);

    bool addDecision(const Decision &decision, QString *error);
    QList<Decision> decisions(const QString &actionId) const;
    bool seenNonce(const QString &nonce) const;
    // False when the nonce was seen before.
    bool rememberNonce(const QString &nonce, const QString &kind, QString *error);

    struct IdempotencyRecord
    {
        QString bodySha256;
        int httpStatus = 0;
        QByteArray response;
    };
    std::optional<IdempotencyRecord> idempotency(const QString &tokenId, const QString &key) const;
    bool putIdempotency(const QString &tokenId, const QString &key, const IdempotencyRecord &record, QString *error);

    // The full action JSON: document + seq + status + decisions.
    QJsonObject assemble(const StoredAction &action) const;
    QJsonObject assemble(const StoredAction &action, const QList<Decision> &decisions) const;

private:
    QList<StoredAction> select(const QString &whereAndOrder, const QVariantList &binds,
                               const std::function<bool(const StoredAction &)> &keep = {},
                               bool parseDocuments = true) const;

    // A statement of the submission path, prepared once and reused (bind by position).
    QSqlQuery &prepared(const QString &sql) const;

    storage::Database &m_database;
    mutable std::map<QString, QSqlQuery> m_prepared;
    // The statements every submission runs, straight on SQLite (no QVariant, no UTF-16).
    storage::RawQuery *raw(const char *sql, QString *error) const;
    mutable std::map<QByteArray, std::unique_ptr<storage::RawQuery>> m_raw;
};

} // namespace countersign::broker
