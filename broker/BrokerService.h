#pragma once

#include "broker/ActionStore.h"
#include "broker/ApproverRegistry.h"
#include "broker/AuditLog.h"
#include "broker/BrokerConfig.h"
#include "broker/CommitGroup.h"
#include "broker/KillSwitchRegistry.h"
#include "broker/Metrics.h"
#include "broker/Policy.h"
#include "broker/PreparedSubmission.h"
#include "broker/TokenRegistry.h"
#include "core/Ed25519PrivateKey.h"
#include "core/JwsResult.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace countersign::core {
struct KillSwitchOrder;
}

namespace countersign::storage {
class Database;
class WalCheckpointer;
class WalSyncer;
} // namespace countersign::storage

namespace countersign::broker {

// The broker's rules, independent of any transport: submissions under policy,
// signed decisions, deadlines, kill switches, retention, checkpoints. Every
// state change and its audit entries commit in one transaction before anyone
// is told about it; signals are emitted only after the commit.
//
// Submissions, decisions and expiries are group-committed (CommitGroup): each
// is a savepoint of the open batch transaction, and its answer is handed to
// `done` only after the batch has committed (or, with an `unavailable` error,
// when the commit failed and nothing of it was kept). Every other operation
// commits the open batch first (flush()) and then runs as before.
class BrokerService : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        int httpStatus = 200;
        QJsonObject body;
    };

    // The outcome of a signed decision or kill-switch order.
    struct Verdict
    {
        bool accepted = false;
        QString code; // machine-readable rejection code, empty when accepted
        QString message;
        QJsonObject details;
        QJsonObject toJson() const;
    };

    BrokerService(BrokerConfig config, std::unique_ptr<storage::Database> database, core::Ed25519PrivateKey brokerKey,
                  Policy policy, QObject *parent = nullptr);
    ~BrokerService() override;

    // Expires what is overdue (also after a restart), starts the timers and
    // records the loaded policy in the audit log.
    bool start(QString *error);
    bool reloadPolicy(QString *error);

    // Agents' side. `prepared` is the body worked out on the network thread
    // (PreparedSubmission::fromBody with submissionLimits()). `done` runs once,
    // after the batch holding the submission committed (possibly later, from
    // the event loop).
    void submit(const PreparedSubmission &prepared, QByteArrayView authorization, const QString &idempotencyKey,
                std::function<void(const Answer &)> done);
    static core::JsonLimits submissionLimits(const BrokerConfig &config);
    // The action as its agent sees it; *resolved tells whether a long-poll may stop waiting.
    Answer actionStatus(QByteArrayView authorization, const QString &id, bool *resolved);
    Answer reportResult(QByteArrayView authorization, const QString &id, QByteArrayView body);

    // Consoles' side. The principal is the approver the session logged in as.
    // `done` runs once, after the batch holding the decision committed.
    void decide(const ApproverRegistry::Approver &principal, QByteArrayView jws,
                std::function<void(const Verdict &)> done);
    // An accepted engage or release is committed when this returns; the caller
    // answers the order, then calls announce() to push it (the killed actions
    // and the switch) to every console and long-poll.
    Verdict killSwitch(const ApproverRegistry::Approver &principal, QByteArrayView jws);
    void announce();
    bool canSee(const ApproverRegistry::Approver &principal, const QString &tenant) const;
    QJsonObject actionMessage(const ActionStore::StoredAction &action) const;
    QJsonObject actionMessage(const ActionStore::StoredAction &action,
                              const QList<ActionStore::Decision> &decisions) const;
    // The same message as compact JSON text, for an action read without parsing
    // its document (documentText set).
    QByteArray actionMessageText(const ActionStore::StoredAction &action,
                                 const QList<ActionStore::Decision> &decisions) const;
    // The message for a change (its decisions read), as text: built once per
    // change however many consoles it is pushed to.
    QByteArray actionMessageText(const ActionStore::StoredAction &action) const;
    // The full action messages (JSON text) of actions resolved in bulk, aligned
    // with `resolved` (consecutive seqs), read back from the store: what a
    // protocol 1 console is sent instead of the compact `resolved` frame.
    // One item of a protocol 2 `resolved` frame: {"id","seq","status","resolved_at"}.
    static QByteArray resolvedItemText(const ActionStore::StoredAction &action);
    QList<QByteArray> legacyMessages(const QList<ActionStore::StoredAction> &resolved) const;

    // Administration (the CLI and init).
    std::optional<ApproverRegistry::Approver> enrolApprover(const QString &name, const QString &identity,
                                                            const core::Ed25519PublicKey &key, const QStringList &roles,
                                                            const QStringList &tenants, QString *error);
    std::optional<ApproverRegistry::Approver> revokeApprover(const QString &keyIdOrName, QString *error);
    std::optional<TokenRegistry::AgentToken> createToken(const QString &tenant, const QString &agentId,
                                                         const QStringList &tools, qint64 ttlSeconds, QString *secret,
                                                         QString *error);
    std::optional<TokenRegistry::AgentToken> revokeToken(const QString &id, QString *error);
    // Purges raw content older than the retention period; returns how many actions.
    int runRetention(const QDateTime &now, QString *error);
    void expireDue();
    void checkpointNow();

    // Commits the open batch now and answers it. Anything that reads the store
    // for someone else, or writes outside a batch, calls this first.
    void flush();
    CommitGroup &commits() { return m_commits; }

    ApproverRegistry &approvers() { return m_approvers; }
    TokenRegistry &tokens() { return m_tokens; }
    KillSwitchRegistry &killSwitches() { return m_killSwitches; }
    ActionStore &store() { return m_store; }
    AuditLog &audit() { return m_audit; }
    Metrics &metrics() { return m_metrics; }
    const BrokerConfig &config() const { return m_config; }
    const Policy &policy() const { return m_policy; }
    const core::Ed25519PublicKey brokerPublicKey() const { return m_brokerKey.publicKey(); }
    const core::Ed25519PrivateKey &brokerKey() const { return m_brokerKey; }
    QByteArray renderMetrics() const;

Q_SIGNALS:
    void actionChanged(const countersign::broker::ActionStore::StoredAction &action);
    // Many actions resolved in one transaction (a kill switch), in seq order.
    // They carry only id, seq, tenant, agent, tool, user, status and resolvedAt;
    // `items` are their compact `resolved` items (resolvedItemText), built once
    // for every session.
    void actionsResolved(const QList<countersign::broker::ActionStore::StoredAction> &actions,
                         const QList<QByteArray> &items);
    void killSwitchChanged(const QJsonObject &event);

private:
    struct Auth
    {
        std::optional<TokenRegistry::AgentToken> token;
        Answer refusal;
        // When a kill switch stopped the token: the switch, and the token it stopped.
        qint64 killSwitchId = 0;
        std::optional<TokenRegistry::AgentToken> killedToken;
    };
    Auth authenticate(QByteArrayView authorization);
    // The submission inside the open batch; *dependsOnBatch tells whether the
    // answer relies on what the batch wrote (then a failed commit replaces it).
    Answer submitInBatch(const PreparedSubmission &prepared, QByteArrayView authorization,
                         const QString &idempotencyKey, bool *dependsOnBatch);
    Verdict decideInBatch(const ApproverRegistry::Approver &principal, QByteArrayView jws);
    // Runs `work` as a step of the open batch, or in its own transaction when none is open.
    bool write(const std::function<bool(QString *error)> &work, QString *error);
    // scheduleExpiry() once, after the open batch commits.
    void scheduleExpiryAfterCommit();
    struct SignedStatement
    {
        core::JwsResult verified;
        ApproverRegistry::Approver signer;
    };
    // Decodes a JWS and verifies it as a statement of `typ` by an enrolled,
    // active key, for an active principal; otherwise *rejection is the audited refusal.
    std::optional<SignedStatement> authenticateStatement(const ApproverRegistry::Approver &principal,
                                                         QByteArrayView jws, const QString &typ,
                                                         const QString &rejectedEvent, Verdict *rejection);
    Verdict reject(const QString &code, const QString &message, const QString &actionId, const QString &kid,
                   QByteArrayView jws, const QString &nonce, const QString &event);
    bool appendAudit(const QString &event, const QString &actionId, const QJsonObject &data, QString *error);
    bool resolve(ActionStore::StoredAction &action, const QString &status, const QJsonObject &auditData,
                 QString *error);
    // A drill: what the switch in `order` would stop, audited, with nothing changed.
    Verdict drill(const core::KillSwitchOrder &order, const ApproverRegistry::Approver &signer, const QString &kid,
                  QByteArrayView jws);
    // Records a submission refused because of kill switch `switchId` (audit + count).
    void recordKilledRefusal(qint64 switchId, const QString &message, const QString &tokenId, const QString &tenant,
                             const QString &agent, const QString &tool);
    void scheduleExpiry();
    static Answer error(int status, const QString &code, const QString &message, const QJsonArray &errors = {});

    BrokerConfig m_config;
    std::unique_ptr<storage::Database> m_database;
    // While serving: checkpoints and the syncs of group commits off the store thread.
    std::unique_ptr<storage::WalCheckpointer> m_walCheckpointer;
    std::unique_ptr<storage::WalSyncer> m_walSyncer;
    core::Ed25519PrivateKey m_brokerKey;
    Policy m_policy;
    ActionStore m_store;
    ApproverRegistry m_approvers;
    TokenRegistry m_tokens;
    KillSwitchRegistry m_killSwitches;
    AuditLog m_audit;
    Metrics m_metrics;
    CommitGroup m_commits;
    bool m_expiryQueued = false;
    QTimer m_expiryTimer;
    QTimer m_checkpointTimer;
    QTimer m_retentionTimer;
    std::function<void()> m_announcement; // what announce() pushes
    struct MessageText
    {
        QString id;
        qint64 seq = 0;
        quint64 generation = 0;
        QByteArray text;
    };
    mutable MessageText m_lastMessage; // actionMessageText(action) for the latest change
};

} // namespace countersign::broker
