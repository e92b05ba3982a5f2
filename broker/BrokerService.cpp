#include "broker/BrokerService.h"

#include "core/Action.h"
#include "core/ActionDigest.h"
#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/DecisionStatement.h"
#include "core/Identifiers.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/KillSwitchOrder.h"
#include "core/Sha256.h"
#include "core/StatementType.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/WalCheckpointer.h"
#include "storage/WalSyncer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcBroker, "countersign.broker")
// One line per submission: off unless asked for
// (QT_LOGGING_RULES="countersign.broker.actions.info=true"); the audit log
// records every submission and the rule that decided it either way.
Q_LOGGING_CATEGORY(lcActions, "countersign.broker.actions", QtWarningMsg)

namespace countersign::broker {

namespace {

constexpr qint64 kClockSkewSeconds = 300;

QString now()
{
    return core::JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc());
}

QString statementHash(QByteArrayView jws)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(core::Base64Url::encode(core::Sha256::hash(jws)));
}

QJsonArray errorsToJson(const core::ValidationErrors &errors)
{
    QJsonArray out;
    for (const core::ValidationError &e : errors)
        out.append(QJsonObject {{QStringLiteral("path"), e.path.isEmpty() ? QStringLiteral("$") : e.path},
                                {QStringLiteral("message"), e.message}});
    return out;
}

// The code for a statement that does not even decode. An unsigned JWS (alg
// "none" with an empty signature part, the classic downgrade) is a signature
// failure, not a formatting slip, whichever check noticed it first.
QString undecodableCode(const core::JwsResult &decoded, QByteArrayView jws)
{
    if (decoded.error == core::JwsResult::Error::UnsupportedAlgorithm
        || decoded.error == core::JwsResult::Error::BadSignature
        || (decoded.error == core::JwsResult::Error::BadBase64 && jws.endsWith('.')))
        return QStringLiteral("bad_signature");
    return QStringLiteral("malformed");
}

QString agentStatus(const QString &status)
{
    // What POST /v1/actions answers: allowed / denied / pending.
    if (status == QStringLiteral("approved"))
        return QStringLiteral("allowed");
    return status;
}

} // namespace

QJsonObject BrokerService::Verdict::toJson() const
{
    QJsonObject json = details;
    json.insert(QStringLiteral("accepted"), accepted);
    if (!code.isEmpty())
        json.insert(QStringLiteral("code"), code);
    json.insert(QStringLiteral("message"), message);
    return json;
}

BrokerService::BrokerService(BrokerConfig config, std::unique_ptr<storage::Database> database,
                             core::Ed25519PrivateKey brokerKey, Policy policy, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_database(std::move(database))
    , m_brokerKey(std::move(brokerKey))
    , m_policy(std::move(policy))
    , m_store(*m_database)
    , m_approvers(*m_database)
    , m_tokens(*m_database)
    , m_killSwitches(*m_database)
    , m_audit(*m_database)
    , m_commits(*m_database)
{
    m_commits.setWindow(m_config.commitWindowMs);
    m_commits.setMaxRequests(m_config.commitMaxBatch);
    connect(&m_commits, &CommitGroup::batchFinished, this, [this](int requests, bool committed, qint64 commitNs) {
        m_metrics.observeBatch(requests, committed, commitNs);
        if (m_expiryQueued) {
            m_expiryQueued = false;
            scheduleExpiry();
        }
    });
    // "At least every N entries": counted in the database, so entries appended
    // by other processes (the CLI) and by one large transaction count too.
    m_audit.setCheckpointing(&m_brokerKey, m_config.checkpointEveryEntries);
    m_expiryTimer.setSingleShot(true);
    m_expiryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_expiryTimer, &QTimer::timeout, this, &BrokerService::expireDue);
    m_checkpointTimer.setInterval(m_config.checkpointEverySeconds * 1000);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &BrokerService::checkpointNow);
    m_retentionTimer.setInterval(24 * 60 * 60 * 1000);
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] {
        QString error;
        if (runRetention(QDateTime::currentDateTimeUtc(), &error) < 0)
            qCWarning(lcBroker) << "retention run failed:" << error;
    });
}

BrokerService::~BrokerService()
{
    // Answered while every member still exists.
    m_commits.flush();
    checkpointNow();
}

bool BrokerService::start(QString *error)
{
    if (m_config.minApprovalDeadlineSeconds < PolicyRule::kMinDeadlineSeconds)
        qCWarning(lcBroker).noquote() << "limits.min_approval_deadline_seconds is"
                                      << m_config.minApprovalDeadlineSeconds
                                      << "- policy rules may give approvers less than a minute to decide";
    {
        storage::Transaction transaction(*m_database);
        if (!transaction.begin(error)
            || !appendAudit(QStringLiteral("policy_loaded"), QString(),
                            {{QStringLiteral("sha256"), m_policy.sha256()},
                             {QStringLiteral("rules"), qint64(m_policy.rules().size())},
                             {QStringLiteral("broker"), m_brokerKey.keyId()}},
                            error)
            || !transaction.commit(error))
            return false;
    }
    // SQLite's own threshold (1 000 pages), checkpointed off the store thread;
    // the writer steps in only past 16 000 pages (≈ 64 MB of WAL).
    QString checkpointError;
    m_walCheckpointer = storage::WalCheckpointer::start(*m_database, 1000, 16000, &checkpointError);
    if (!m_walCheckpointer)
        qCWarning(lcBroker).noquote() << "WAL checkpoints stay on the store thread:" << checkpointError;
    // Group commits are synced by a thread of their own while the next batch
    // fills; nothing is told before its batch is on disk (CommitGroup).
    QString syncError;
    m_walSyncer = storage::WalSyncer::start(*m_database, &syncError);
    if (!m_walSyncer)
        qCWarning(lcBroker).noquote() << "every commit syncs on the store thread:" << syncError;
    expireDue();
    flush();
    m_checkpointTimer.start();
    m_retentionTimer.start();
    QString retentionError;
    if (runRetention(QDateTime::currentDateTimeUtc(), &retentionError) < 0)
        qCWarning(lcBroker) << "retention run failed:" << retentionError;
    return true;
}

bool BrokerService::reloadPolicy(QString *error)
{
    QStringList errors;
    flush();
    auto policy = Policy::load(m_config.policy, &errors, m_config.minApprovalDeadlineSeconds);
    if (!policy) {
        *error = errors.join(QLatin1Char('\n'));
        return false;
    }
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(error)
        || !appendAudit(QStringLiteral("policy_loaded"), QString(),
                        {{QStringLiteral("sha256"), policy->sha256()},
                         {QStringLiteral("rules"), qint64(policy->rules().size())},
                         {QStringLiteral("reload"), true}},
                        error)
        || !transaction.commit(error))
        return false;
    m_policy = std::move(*policy);
    return true;
}

BrokerService::Answer BrokerService::error(int status, const QString &code, const QString &message,
                                           const QJsonArray &errors)
{
    QJsonObject body {{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    if (!errors.isEmpty())
        body.insert(QStringLiteral("errors"), errors);
    return {status, body};
}

bool BrokerService::appendAudit(const QString &event, const QString &actionId, const QJsonObject &data, QString *error)
{
    // Signs a checkpoint in the same transaction whenever checkpoint_every_entries
    // entries have accumulated (see the constructor).
    return m_audit.append(event, actionId, data, error).has_value();
}

void BrokerService::flush()
{
    m_commits.flush();
}

bool BrokerService::write(const std::function<bool(QString *error)> &work, QString *error)
{
    if (m_commits.isOpen())
        return m_commits.step(work, error);
    storage::Transaction transaction(*m_database);
    return transaction.begin(error) && work(error) && transaction.commit(error);
}

void BrokerService::scheduleExpiryAfterCommit()
{
    // Once per batch (batchFinished), not once per submission: nextExpiry is a query.
    if (m_commits.isOpen())
        m_expiryQueued = true;
    else
        scheduleExpiry();
}

void BrokerService::checkpointNow()
{
    flush();
    QString error;
    if (!m_audit.checkpoint(m_brokerKey, &error) && !error.isEmpty())
        qCWarning(lcBroker) << "checkpoint failed:" << error;
}

BrokerService::Auth BrokerService::authenticate(QByteArrayView authorization)
{
    Auth auth;
    static const QByteArray prefix("Bearer ");
    if (!authorization.startsWith(prefix)) {
        auth.refusal = error(401, QStringLiteral("unauthorized"),
                             QStringLiteral("an Authorization: Bearer <agent token> header is required"));
        return auth;
    }
    const QByteArrayView secret = authorization.sliced(prefix.size()).trimmed();
    auto token = m_tokens.findBySecret(secret);
    if (!token) {
        auth.refusal = error(401, QStringLiteral("unauthorized"), QStringLiteral("unknown agent token"));
        return auth;
    }
    if (token->isRevoked()) {
        auth.refusal = error(401, QStringLiteral("token_revoked"), QStringLiteral("this agent token was revoked"));
        return auth;
    }
    if (token->isExpired(QDateTime::currentDateTimeUtc())) {
        auth.refusal = error(401, QStringLiteral("token_expired"), QStringLiteral("this agent token has expired"));
        return auth;
    }
    // A killed agent's tokens stop working for everything, not only new submissions.
    for (const KillSwitchRegistry::KillSwitch &k : m_killSwitches.active()) {
        // Global, tenant and agent switches cover a token; user and tool switches never match empty names.
        if (k.covers(token->tenant, QString(), token->agentId, QString())) {
            auth.refusal
                = error(403, QStringLiteral("killed"),
                        QStringLiteral("a %1 kill switch (%2) stops this agent: %3")
                            .arg(k.scope, k.target.isEmpty() ? QStringLiteral("everything") : k.target, k.reason));
            auth.killSwitchId = k.id;
            auth.killedToken = std::move(token);
            return auth;
        }
    }
    auth.token = std::move(token);
    return auth;
}

core::JsonLimits BrokerService::submissionLimits(const BrokerConfig &config)
{
    core::JsonLimits limits;
    limits.maxBytes = config.maxBodyBytes;
    limits.maxDepth = config.maxJsonDepth;
    limits.maxArrayLength = config.maxArrayLength;
    return limits;
}

void BrokerService::submit(const PreparedSubmission &prepared, QByteArrayView authorization,
                           const QString &idempotencyKey, std::function<void(const Answer &)> done)
{
    const auto unavailable = [] {
        return error(503, QStringLiteral("unavailable"),
                     QStringLiteral("the broker could not store the action durably; nothing was recorded"));
    };
    QString dbError;
    if (!m_commits.begin(&dbError)) {
        qCWarning(lcBroker) << "could not store a submission:" << dbError;
        done(unavailable());
        return;
    }
    bool dependsOnBatch = false;
    const Answer answer = submitInBatch(prepared, authorization, idempotencyKey, &dependsOnBatch);
    // Answered only after the batch committed. An answer that relied on what
    // the batch wrote (an accepted action, a replayed idempotency record) is
    // replaced by an error when the commit failed: none of it was kept.
    m_commits.whenDone([answer, dependsOnBatch, unavailable, done = std::move(done)](bool committed) {
        done(committed || !dependsOnBatch ? answer : unavailable());
    });
    m_commits.requestJoined();
}

BrokerService::Answer BrokerService::submitInBatch(const PreparedSubmission &prepared, QByteArrayView authorization,
                                                   const QString &idempotencyKey, bool *dependsOnBatch)
{
    Auth auth = authenticate(authorization);
    if (!auth.token) {
        if (auth.killSwitchId > 0 && auth.killedToken) {
            // The switch stops the token itself: still a submission it refused.
            recordKilledRefusal(auth.killSwitchId, auth.refusal.body.value(QStringLiteral("message")).toString(),
                                auth.killedToken->id, auth.killedToken->tenant, auth.killedToken->agentId, QString());
            return auth.refusal;
        }
        m_metrics.countRefusal(auth.refusal.body.value(QStringLiteral("error")).toString());
        return auth.refusal;
    }
    const TokenRegistry::AgentToken &token = *auth.token;
    static const QRegularExpression keyPattern(QStringLiteral("^[\\x21-\\x7e]{1,200}$"));
    if (!keyPattern.match(idempotencyKey).hasMatch())
        return error(400, QStringLiteral("idempotency_key_required"),
                     QStringLiteral("an Idempotency-Key header of 1 to 200 visible ASCII characters is required"));
    if (prepared.bodySize > m_config.maxBodyBytes)
        return error(413, QStringLiteral("too_large"),
                     QStringLiteral("the body is larger than %1 bytes").arg(m_config.maxBodyBytes));

    const QString &bodyHash = prepared.bodySha256;
    if (const auto previous = m_store.idempotency(token.id, idempotencyKey)) {
        // Possibly written by an earlier submission of this very batch.
        *dependsOnBatch = true;
        if (previous->bodySha256 != bodyHash)
            return error(409, QStringLiteral("idempotency_conflict"),
                         QStringLiteral("this Idempotency-Key was already used with a different body"));
        const auto parsed = core::JsonParser::parseObject(previous->response);
        return {previous->httpStatus, parsed.ok() ? parsed.value->toObject() : QJsonObject()};
    }

    if (prepared.parseError)
        return error(400, QStringLiteral("invalid_json"), prepared.parseError->toString(),
                     errorsToJson({*prepared.parseError}));
    if (!prepared.problems.isEmpty())
        return error(422, QStringLiteral("invalid_action"),
                     QStringLiteral("the action is not valid: %1").arg(prepared.problems.first().toString()),
                     errorsToJson(prepared.problems));
    const core::Action &action = prepared.action;

    auto refuse = [&](int status, const QString &code, const QString &message) {
        QString auditError;
        write(
            [&](QString *e) {
                return appendAudit(QStringLiteral("submission_refused"), QString(),
                                   {{QStringLiteral("code"), code},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("token"), token.id},
                                    {QStringLiteral("tenant"), action.tenant},
                                    {QStringLiteral("agent"), action.agent.id},
                                    {QStringLiteral("tool"), action.tool.name}},
                                   e);
            },
            &auditError);
        m_metrics.countRefusal(code);
        return error(status, code, message);
    };
    if (action.tenant != token.tenant)
        return refuse(403, QStringLiteral("out_of_scope"),
                      QStringLiteral("this token may act for tenant '%1', not '%2'").arg(token.tenant, action.tenant));
    if (action.agent.id != token.agentId)
        return refuse(403, QStringLiteral("out_of_scope"),
                      QStringLiteral("this token belongs to agent '%1', not '%2'").arg(token.agentId, action.agent.id));
    if (!token.allowsTool(action.tool.name))
        return refuse(403, QStringLiteral("out_of_scope"),
                      QStringLiteral("this token may not call tool '%1'").arg(action.tool.name));
    if (const auto k = m_killSwitches.blocking(action.tenant, action.request.user, action.agent.id, action.tool.name)) {
        const QString message
            = QStringLiteral("a %1 kill switch (%2) stops this action: %3")
                  .arg(k->scope, k->target.isEmpty() ? QStringLiteral("everything") : k->target, k->reason);
        recordKilledRefusal(k->id, message, token.id, action.tenant, action.agent.id, action.tool.name);
        return error(403, QStringLiteral("killed"), message);
    }

    const PolicyDecision decision = m_policy.evaluate(action);
    if (decision.decision == QStringLiteral("approve")
        && m_store.pendingCountForAgent(action.tenant, action.agent.id) >= m_config.maxPendingPerAgent) {
        // The count includes this batch's own pending submissions.
        *dependsOnBatch = true;
        return refuse(429, QStringLiteral("too_many_pending"),
                      QStringLiteral("agent '%1' already has %2 actions waiting for approval")
                          .arg(action.agent.id)
                          .arg(m_config.maxPendingPerAgent));
    }

    ActionStore::StoredAction stored;
    stored.tenant = action.tenant;
    stored.agentId = action.agent.id;
    stored.tool = action.tool.name;
    stored.user = action.request.user;
    stored.tokenId = token.id;
    stored.policyDecision = decision.decision;
    stored.policyRule = decision.rule;
    stored.submittedAt = QDateTime::currentDateTimeUtc();
    stored.id = core::Identifiers::newActionId(stored.submittedAt.toMSecsSinceEpoch());
    // The broker's members of the stamped action. The network thread wrote the
    // agent's members canonically (PreparedSubmission); merged in key order,
    // the two are the canonical text of the whole, which is both the digest's
    // input and the document stored (it holds no mutable field).
    QJsonObject stamp {{QStringLiteral("id"), stored.id},
                       {QStringLiteral("submitted_at"), core::JsonReader::formatTimestamp(stored.submittedAt)}};
    if (decision.decision == QStringLiteral("approve")) {
        stored.status = QStringLiteral("pending");
        stored.expiresAt = stored.submittedAt.addSecs(decision.deadlineSeconds);
        stamp.insert(QStringLiteral("expires_at"), core::JsonReader::formatTimestamp(stored.expiresAt));
    } else {
        stored.status
            = decision.decision == QStringLiteral("allow") ? QStringLiteral("approved") : QStringLiteral("denied");
        stored.resolvedAt = stored.submittedAt;
    }
    core::PolicyOutcome outcome = decision.toOutcome();
    if (decision.decision == QStringLiteral("approve")) {
        // The approver's console marks every domain outside these lists external.
        outcome.tenantDomains = m_policy.tenantDomains(action.tenant);
        outcome.allowedDomains = m_policy.allowedDomains(action.tenant);
    }
    stamp.insert(QStringLiteral("policy"), outcome.toJson());
    const auto stampMembers = core::CanonicalJson::serializeMembers(stamp);
    const auto canonical
        = stampMembers ? core::CanonicalJson::joinMembers(prepared.members, *stampMembers) : std::nullopt;
    if (!canonical)
        return error(422, QStringLiteral("invalid_action"), QStringLiteral("the action sets a member the broker sets"));
    stored.documentText = *canonical;
    stored.digest = core::ActionDigest::ofCanonicalBytes(*canonical);

    QJsonObject response {{QStringLiteral("id"), stored.id},
                          {QStringLiteral("status"), agentStatus(stored.status)},
                          {QStringLiteral("digest"), stored.digest},
                          {QStringLiteral("policy"),
                           QJsonObject {{QStringLiteral("decision"), decision.decision},
                                        {QStringLiteral("rule"), decision.rule},
                                        {QStringLiteral("reason"), decision.reason}}}};
    if (stored.expiresAt.isValid())
        response.insert(QStringLiteral("expires_at"), core::JsonReader::formatTimestamp(stored.expiresAt));
    const int httpStatus = stored.isPending() ? 202 : 200;

    // The submission's audit entries, their data written canonically here
    // rather than built as objects and serialised.
    const auto submitted = core::CanonicalJson::stringObject(
        {{QStringLiteral("digest"), stored.digest},
         {QStringLiteral("tenant"), stored.tenant},
         {QStringLiteral("agent"), stored.agentId},
         {QStringLiteral("tool"), stored.tool},
         {QStringLiteral("user"), stored.user},
         {QStringLiteral("token"), token.id},
         {QStringLiteral("trace_id"), action.trace.traceId},
         {QStringLiteral("request_received_at"), core::JsonReader::formatTimestamp(action.request.receivedAt)}});
    const auto decided = core::CanonicalJson::stringObject({{QStringLiteral("decision"), decision.decision},
                                                            {QStringLiteral("rule"), decision.rule},
                                                            {QStringLiteral("reason"), decision.reason},
                                                            {QStringLiteral("policy_sha256"), m_policy.sha256()}});
    const auto resolved = core::CanonicalJson::stringObject(
        {{QStringLiteral("status"), stored.status}, {QStringLiteral("by"), QStringLiteral("policy")}});
    if (!submitted || !decided || !resolved)
        return error(422, QStringLiteral("invalid_action"), QStringLiteral("the action holds text with no JSON form"));
    QList<AuditLog::NewEntry> entries {{QStringLiteral("submitted"), stored.id, {}, *submitted},
                                       {QStringLiteral("policy_decided"), stored.id, {}, *decided}};
    if (!stored.isPending())
        entries.append({QStringLiteral("resolved"), stored.id, {}, *resolved});

    QString dbError;
    const bool ok = m_commits.step(
        [&](QString *stepError) {
            stored.seq = m_store.nextChangeSeq(stepError);
            response.insert(QStringLiteral("seq"), stored.seq);
            return stored.seq > 0 && m_store.insert(stored, stepError, stored.documentText)
                && m_audit.appendMany(entries, stepError)
                && m_store.putIdempotency(token.id, idempotencyKey,
                                          {bodyHash, httpStatus, core::CanonicalJson::serializeOrEmpty(response)},
                                          stepError);
        },
        &dbError);
    if (!ok) {
        qCWarning(lcBroker) << "could not store a submission:" << dbError;
        return error(503, QStringLiteral("unavailable"),
                     QStringLiteral("the broker could not store the action durably; nothing was recorded"));
    }
    *dependsOnBatch = true;
    m_commits.whenDone([this, stored](bool committed) {
        if (!committed)
            return;
        m_metrics.countAction(agentStatus(stored.status));
        qCInfo(lcActions).noquote() << "action" << stored.id << stored.tenant << stored.agentId << stored.tool << "->"
                                    << stored.status << "by rule" << stored.policyRule;
        Q_EMIT actionChanged(stored);
    });
    if (stored.isPending())
        scheduleExpiryAfterCommit();
    return {httpStatus, response};
}

QJsonObject BrokerService::actionMessage(const ActionStore::StoredAction &action) const
{
    return actionMessage(action, m_store.decisions(action.id));
}

QByteArray BrokerService::actionMessageText(const ActionStore::StoredAction &action,
                                            const QList<ActionStore::Decision> &decisions) const
{
    // The stored document is the broker's own canonical JSON object without the
    // mutable fields, so they are spliced in as text instead of parsing and
    // re-serialising it: a kill switch pushes thousands of these at once.
    const QByteArray document = action.documentText.trimmed();
    if (!document.startsWith('{') || !document.endsWith('}')) {
        ActionStore::StoredAction parsed = action;
        core::JsonLimits limits;
        limits.maxBytes = 64 * 1024 * 1024;
        const auto value = core::JsonParser::parseObject(document, limits);
        parsed.document = value.ok() ? value.value->toObject() : QJsonObject();
        return QJsonDocument(actionMessage(parsed, decisions)).toJson(QJsonDocument::Compact);
    }
    QJsonArray decisionArray;
    for (const ActionStore::Decision &d : decisions)
        decisionArray.append(d.toJson());
    const QByteArray mutableFields = QJsonDocument(QJsonObject {{QStringLiteral("seq"), action.seq},
                                                                {QStringLiteral("status"), action.status},
                                                                {QStringLiteral("decisions"), decisionArray}})
                                         .toJson(QJsonDocument::Compact);
    ActionStore::StoredAction header = action;
    header.documentText.clear();
    QJsonObject envelope = actionMessage(header, {});
    envelope.remove(QStringLiteral("action"));
    QByteArray text = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    text.chop(1);
    text += ",\"action\":";
    text += document.chopped(1);
    if (document.size() > 2)
        text += ',';
    text += mutableFields.mid(1);
    text += '}';
    return text;
}

QByteArray BrokerService::actionMessageText(const ActionStore::StoredAction &action) const
{
    if (action.seq > 0 && m_lastMessage.seq == action.seq && m_lastMessage.id == action.id
        && m_lastMessage.generation == m_database->generation())
        return m_lastMessage.text;
    const QList<ActionStore::Decision> decisions = m_store.decisions(action.id);
    QByteArray text = action.documentText.isEmpty()
        ? QJsonDocument(actionMessage(action, decisions)).toJson(QJsonDocument::Compact)
        : actionMessageText(action, decisions);
    m_lastMessage = {action.id, action.seq, m_database->generation(), text};
    return text;
}

QJsonObject BrokerService::actionMessage(const ActionStore::StoredAction &action,
                                         const QList<ActionStore::Decision> &decisions) const
{
    QJsonObject resolution {{QStringLiteral("status"), action.status}};
    if (action.resolvedAt.isValid())
        resolution.insert(QStringLiteral("resolved_at"), core::JsonReader::formatTimestamp(action.resolvedAt));
    if (!action.result.isEmpty())
        resolution.insert(QStringLiteral("result"), action.result);
    if (action.purgedAt.isValid())
        resolution.insert(QStringLiteral("purged_at"), core::JsonReader::formatTimestamp(action.purgedAt));
    return {{QStringLiteral("type"), QStringLiteral("action")},
            {QStringLiteral("seq"), action.seq},
            {QStringLiteral("action"), m_store.assemble(action, decisions)},
            {QStringLiteral("digest"), action.digest},
            {QStringLiteral("resolution"), resolution}};
}

BrokerService::Answer BrokerService::actionStatus(QByteArrayView authorization, const QString &id, bool *resolved)
{
    // An agent is shown committed state only.
    flush();
    *resolved = true;
    Auth auth = authenticate(authorization);
    if (!auth.token)
        return auth.refusal;
    const auto action = m_store.find(id);
    // Another agent's action looks exactly like a missing one.
    if (!action || action->tokenId != auth.token->id)
        return error(404, QStringLiteral("not_found"), QStringLiteral("no such action"));
    *resolved = action->isResolved();
    QJsonArray decisions;
    for (const ActionStore::Decision &d : m_store.decisions(id))
        decisions.append(QJsonObject {{QStringLiteral("approver"), d.approver},
                                      {QStringLiteral("verdict"), d.verdict},
                                      {QStringLiteral("reason"), d.reason},
                                      {QStringLiteral("issued_at"), d.issuedAt}});
    QJsonObject body {{QStringLiteral("id"), action->id},
                      {QStringLiteral("status"), action->status},
                      {QStringLiteral("seq"), action->seq},
                      {QStringLiteral("digest"), action->digest},
                      {QStringLiteral("policy"), action->document.value(QStringLiteral("policy"))},
                      {QStringLiteral("decisions"), decisions}};
    if (action->expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), core::JsonReader::formatTimestamp(action->expiresAt));
    if (action->resolvedAt.isValid())
        body.insert(QStringLiteral("resolved_at"), core::JsonReader::formatTimestamp(action->resolvedAt));
    if (!action->result.isEmpty())
        body.insert(QStringLiteral("result"), action->result);
    return {200, body};
}

BrokerService::Answer BrokerService::reportResult(QByteArrayView authorization, const QString &id, QByteArrayView body)
{
    flush();
    Auth auth = authenticate(authorization);
    if (!auth.token)
        return auth.refusal;
    auto action = m_store.find(id);
    if (!action || action->tokenId != auth.token->id)
        return error(404, QStringLiteral("not_found"), QStringLiteral("no such action"));
    core::JsonLimits limits;
    limits.maxBytes = 64 * 1024;
    limits.maxDepth = 8;
    const auto parsed = core::JsonParser::parseObject(body, limits);
    if (!parsed.ok())
        return error(400, QStringLiteral("invalid_json"), parsed.error.toString());
    core::ValidationErrors problems;
    core::JsonReader r(parsed.value->toObject(), QString(), &problems);
    const QString outcome = r.oneOf(QStringLiteral("outcome"), {QStringLiteral("executed"), QStringLiteral("failed")});
    const QString summary = r.string(QStringLiteral("summary"), core::JsonReader::Optional);
    r.finish();
    if (!problems.isEmpty())
        return error(422, QStringLiteral("invalid_result"), problems.first().toString(), errorsToJson(problems));
    if (action->status != QStringLiteral("approved"))
        return error(409, QStringLiteral("not_approved"),
                     QStringLiteral("only an approved action can report an execution result; this one is %1")
                         .arg(action->status));
    const QJsonObject result {{QStringLiteral("outcome"), outcome},
                              {QStringLiteral("summary"), summary},
                              {QStringLiteral("reported_at"), now()}};
    QString dbError;
    storage::Transaction transaction(*m_database);
    bool ok = transaction.begin(&dbError);
    if (ok) {
        action->seq = m_store.nextChangeSeq(&dbError);
        action->status = outcome;
        action->result = result;
        ok = action->seq > 0 && m_store.setResult(id, outcome, result, action->seq, &dbError)
            && appendAudit(outcome, id, result, &dbError) && transaction.commit(&dbError);
    }
    if (!ok)
        return error(503, QStringLiteral("unavailable"), QStringLiteral("could not record the result"));
    Q_EMIT actionChanged(*action);
    return {200,
            {{QStringLiteral("id"), id}, {QStringLiteral("status"), outcome}, {QStringLiteral("seq"), action->seq}}};
}

bool BrokerService::canSee(const ApproverRegistry::Approver &principal, const QString &tenant) const
{
    return principal.isActive() && principal.coversTenant(tenant);
}

BrokerService::Verdict BrokerService::reject(const QString &code, const QString &message, const QString &actionId,
                                             const QString &kid, QByteArrayView jws, const QString &nonce,
                                             const QString &event)
{
    QString dbError;
    write(
        [&](QString *e) {
            if (!nonce.isEmpty())
                m_store.rememberNonce(nonce, event, e);
            return appendAudit(event, actionId,
                               {{QStringLiteral("code"), code},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("key"), kid},
                                {QStringLiteral("statement_sha256"), statementHash(jws)}},
                               e);
        },
        &dbError);
    m_metrics.countDecision(code);
    qCInfo(lcBroker).noquote() << event << actionId << code << "-" << message;
    Verdict v;
    v.code = code;
    v.message = message;
    v.details.insert(QStringLiteral("action_id"), actionId);
    return v;
}

bool BrokerService::resolve(ActionStore::StoredAction &action, const QString &status, const QJsonObject &auditData,
                            QString *error)
{
    action.seq = m_store.nextChangeSeq(error);
    action.status = status;
    action.resolvedAt = QDateTime::currentDateTimeUtc();
    QJsonObject data = auditData;
    data.insert(QStringLiteral("status"), status);
    return action.seq > 0 && m_store.updateStatus(action.id, status, action.seq, action.resolvedAt, error)
        && appendAudit(QStringLiteral("resolved"), action.id, data, error);
}

std::optional<BrokerService::SignedStatement>
BrokerService::authenticateStatement(const ApproverRegistry::Approver &principal, QByteArrayView jws,
                                     const QString &typ, const QString &rejectedEvent, Verdict *rejection)
{
    auto fail = [&](const QString &code, const QString &message, const QString &kid) {
        *rejection = reject(code, message, QString(), kid, jws, QString(), rejectedEvent);
        return std::nullopt;
    };
    const core::JwsResult decoded = core::Jws::decode(jws);
    if (!decoded.ok())
        return fail(undecodableCode(decoded, jws), decoded.message, decoded.kid);
    if (!principal.isActive())
        return fail(QStringLiteral("revoked_key"),
                    QStringLiteral("this session's key %1 was revoked").arg(principal.keyId), decoded.kid);
    const auto signer = m_approvers.find(decoded.kid);
    if (!signer)
        return fail(QStringLiteral("unknown_key"), QStringLiteral("key %1 is not enrolled").arg(decoded.kid),
                    decoded.kid);
    if (!signer->isActive())
        return fail(QStringLiteral("revoked_key"), QStringLiteral("key %1 was revoked").arg(decoded.kid), decoded.kid);
    const core::JwsResult verified = core::Jws::verifyStatement(jws, signer->publicKey, typ);
    if (!verified.ok()) {
        const bool structural = verified.error == core::JwsResult::Error::BadPayload
            || verified.error == core::JwsResult::Error::NonCanonicalPayload;
        return fail(structural ? QStringLiteral("malformed") : QStringLiteral("bad_signature"), verified.message,
                    decoded.kid);
    }
    return SignedStatement {verified, *signer};
}

void BrokerService::decide(const ApproverRegistry::Approver &principal, QByteArrayView jws,
                           std::function<void(const Verdict &)> done)
{
    const auto unavailable = [] {
        Verdict v;
        v.code = QStringLiteral("unavailable");
        v.message = QStringLiteral("the broker could not store the decision; send it again");
        return v;
    };
    QString dbError;
    if (!m_commits.begin(&dbError)) {
        qCWarning(lcBroker) << "could not record a decision:" << dbError;
        done(unavailable());
        return;
    }
    const Verdict verdict = decideInBatch(principal, jws);
    // Every verdict may rest on what this batch wrote (nonces, decisions, an
    // expiry); after a failed commit none of it exists, so none is given.
    m_commits.whenDone(
        [verdict, unavailable, done = std::move(done)](bool committed) { done(committed ? verdict : unavailable()); });
    m_commits.requestJoined();
}

BrokerService::Verdict BrokerService::decideInBatch(const ApproverRegistry::Approver &principal, QByteArrayView jws)
{
    const QString rejected = QStringLiteral("decision_rejected");
    Verdict rejection;
    const auto signedStatement
        = authenticateStatement(principal, jws, core::statement_type::decision(), rejected, &rejection);
    if (!signedStatement)
        return rejection;
    const core::JwsResult &verified = signedStatement->verified;
    const core::JwsResult &decoded = verified;
    core::ValidationErrors problems;
    const core::DecisionStatement statement = core::DecisionStatement::read(verified.statement, &problems);
    if (!problems.isEmpty())
        return reject(QStringLiteral("malformed"), problems.first().toString(), statement.actionId, decoded.kid, jws,
                      QString(), rejected);
    if (statement.approver != decoded.kid)
        return reject(
            QStringLiteral("malformed"),
            QStringLiteral("the statement names approver %1 but is signed by %2").arg(statement.approver, decoded.kid),
            statement.actionId, decoded.kid, jws, QString(), rejected);
    if (decoded.kid != principal.keyId)
        return reject(QStringLiteral("wrong_principal"),
                      QStringLiteral("this session is logged in as %1; it cannot send decisions signed by %2")
                          .arg(principal.keyId, decoded.kid),
                      statement.actionId, decoded.kid, jws, QString(), rejected);
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    if (statement.issuedAt > nowUtc.addSecs(kClockSkewSeconds))
        return reject(QStringLiteral("malformed"), QStringLiteral("the statement is dated in the future"),
                      statement.actionId, decoded.kid, jws, QString(), rejected);

    const QList<ActionStore::Decision> previous = m_store.decisions(statement.actionId);
    for (const ActionStore::Decision &d : previous) {
        if (d.jws.toLatin1() == jws) {
            // The same signed statement again (a console retrying after a lost answer): same answer.
            Verdict v;
            v.accepted = true;
            v.message = QStringLiteral("this decision was already accepted");
            v.details = {{QStringLiteral("action_id"), statement.actionId}, {QStringLiteral("duplicate"), true}};
            if (const auto action = m_store.find(statement.actionId))
                v.details.insert(QStringLiteral("status"), action->status);
            return v;
        }
    }
    if (m_store.seenNonce(statement.nonce))
        return reject(QStringLiteral("replay"), QStringLiteral("this statement's nonce was used before"),
                      statement.actionId, decoded.kid, jws, QString(), rejected);
    const QString nonce = statement.nonce;
    auto action = m_store.find(statement.actionId);
    if (!action)
        return reject(QStringLiteral("not_pending"), QStringLiteral("there is no action %1").arg(statement.actionId),
                      statement.actionId, decoded.kid, jws, nonce, rejected);
    if (!canSee(principal, action->tenant))
        return reject(QStringLiteral("tenant_not_allowed"),
                      QStringLiteral("approver %1 may not decide for tenant %2").arg(principal.name, action->tenant),
                      action->id, decoded.kid, jws, nonce, rejected);
    if (action->isPending() && action->expiresAt.isValid() && action->expiresAt <= nowUtc) {
        expireDue();
        action = m_store.find(statement.actionId);
    }
    if (action->status == QStringLiteral("killed"))
        return reject(QStringLiteral("killed"), QStringLiteral("the action was stopped by a kill switch"), action->id,
                      decoded.kid, jws, nonce, rejected);
    if (action->status == QStringLiteral("expired"))
        return reject(QStringLiteral("expired"),
                      QStringLiteral("the approval deadline passed at %1")
                          .arg(core::JsonReader::formatTimestamp(action->expiresAt)),
                      action->id, decoded.kid, jws, nonce, rejected);
    if (!action->isPending())
        return reject(QStringLiteral("not_pending"),
                      QStringLiteral("the action is already resolved (%1); resolution is final").arg(action->status),
                      action->id, decoded.kid, jws, nonce, rejected);
    if (statement.actionDigest != action->digest)
        return reject(QStringLiteral("digest_mismatch"),
                      QStringLiteral("the signed digest %1 is not the digest of the stored action (%2)")
                          .arg(statement.actionDigest, action->digest),
                      action->id, decoded.kid, jws, nonce, rejected);
    const core::PolicyOutcome outcome
        = core::PolicyOutcome::read(action->document.value(QStringLiteral("policy")).toObject(), QString(), &problems);
    if (!principal.hasAnyRole(outcome.approverRoles))
        return reject(QStringLiteral("role_not_allowed"),
                      QStringLiteral("rule %1 needs one of the roles %2; %3 has %4")
                          .arg(outcome.rule, outcome.approverRoles.join(QStringLiteral(", ")), principal.name,
                               principal.roles.join(QStringLiteral(", "))),
                      action->id, decoded.kid, jws, nonce, rejected);
    const bool approving = statement.verdict == QStringLiteral("approve");
    if (approving && outcome.forbidRequester && principal.identity.compare(action->user, Qt::CaseInsensitive) == 0)
        return reject(QStringLiteral("self_approval"),
                      QStringLiteral("%1 asked for this action and may not approve it").arg(action->user), action->id,
                      decoded.kid, jws, nonce, rejected);
    const QString needsReason = outcome.requireReasonOn;
    if (statement.reason.trimmed().isEmpty()
        && (needsReason == QStringLiteral("both") || needsReason == statement.verdict))
        return reject(QStringLiteral("reason_required"),
                      QStringLiteral("policy requires a reason to %1 this action").arg(statement.verdict), action->id,
                      decoded.kid, jws, nonce, rejected);
    int approvals = 0, denials = 0;
    for (const ActionStore::Decision &d : previous) {
        if (d.approver == decoded.kid)
            return reject(QStringLiteral("already_decided"),
                          QStringLiteral("%1 already signed a decision for this action").arg(principal.name),
                          action->id, decoded.kid, jws, nonce, rejected);
        (d.verdict == QStringLiteral("approve") ? approvals : denials)++;
    }
    (approving ? approvals : denials)++;
    const int quorum = std::max(1, outcome.quorum);
    const int denyThreshold = std::max(1, outcome.denyThreshold);
    QString newStatus;
    if (denials >= denyThreshold)
        newStatus = QStringLiteral("denied");
    else if (approvals >= quorum)
        newStatus = QStringLiteral("approved");

    QString dbError;
    const bool ok = m_commits.step(
        [&](QString *e) {
            bool stepOk = m_store.rememberNonce(nonce, QStringLiteral("decision"), e)
                && m_store.addDecision({action->id, decoded.kid, statement.verdict, statement.reason,
                                        core::JsonReader::formatTimestamp(statement.issuedAt), now(),
                                        QString::fromLatin1(jws)},
                                       e)
                && appendAudit(QStringLiteral("decision_accepted"), action->id,
                               {{QStringLiteral("approver"), decoded.kid},
                                {QStringLiteral("approver_name"), principal.name},
                                {QStringLiteral("verdict"), statement.verdict},
                                {QStringLiteral("reason"), statement.reason},
                                {QStringLiteral("digest"), statement.actionDigest},
                                {QStringLiteral("nonce"), nonce},
                                {QStringLiteral("statement_sha256"), statementHash(jws)}},
                               e);
            if (stepOk) {
                if (newStatus.isEmpty()) {
                    action->seq = m_store.nextChangeSeq(e);
                    stepOk = action->seq > 0 && m_store.touch(action->id, action->seq, e);
                } else {
                    stepOk = resolve(*action, newStatus,
                                     {{QStringLiteral("by"), QStringLiteral("decision")},
                                      {QStringLiteral("approvals"), approvals},
                                      {QStringLiteral("denials"), denials}},
                                     e);
                }
            }
            return stepOk;
        },
        &dbError);
    if (!ok) {
        qCWarning(lcBroker) << "could not record a decision:" << dbError;
        Verdict v;
        v.code = QStringLiteral("unavailable");
        v.message = QStringLiteral("the broker could not store the decision; send it again");
        return v;
    }
    m_commits.whenDone(
        [this, changed = *action, newStatus, verdict = statement.verdict, approver = principal.name](bool committed) {
            if (!committed)
                return;
            m_metrics.countDecision(QStringLiteral("accepted"));
            if (!newStatus.isEmpty())
                m_metrics.observeDecisionLatency(double(changed.submittedAt.msecsTo(changed.resolvedAt)) / 1000.0);
            qCInfo(lcBroker).noquote() << "decision" << verdict << "on" << changed.id << "by" << approver << "->"
                                       << changed.status;
            Q_EMIT actionChanged(changed);
        });
    if (!newStatus.isEmpty())
        scheduleExpiryAfterCommit();
    Verdict v;
    v.accepted = true;
    v.message = newStatus.isEmpty()
        ? QStringLiteral("accepted; waiting for %1 more approval(s)").arg(quorum - approvals)
        : QStringLiteral("accepted; the action is now %1").arg(newStatus);
    v.details = {{QStringLiteral("action_id"), action->id}, {QStringLiteral("status"), action->status},
                 {QStringLiteral("approvals"), approvals},  {QStringLiteral("quorum"), quorum},
                 {QStringLiteral("denials"), denials},      {QStringLiteral("deny_threshold"), denyThreshold},
                 {QStringLiteral("seq"), action->seq}};
    return v;
}

BrokerService::Verdict BrokerService::killSwitch(const ApproverRegistry::Approver &principal, QByteArrayView jws)
{
    // Not group-committed. A previous order's pushes go out first (had its
    // caller not announced them), then the batch in flight commits and is
    // announced, so the kill's own changes follow both in seq order.
    announce();
    flush();
    const QString rejected = QStringLiteral("killswitch_rejected");
    Verdict rejection;
    const auto signedStatement
        = authenticateStatement(principal, jws, core::statement_type::killSwitch(), rejected, &rejection);
    if (!signedStatement)
        return rejection;
    const core::JwsResult &verified = signedStatement->verified;
    const core::JwsResult &decoded = verified;
    const ApproverRegistry::Approver *signer = &signedStatement->signer;
    core::ValidationErrors problems;
    const core::KillSwitchOrder order = core::KillSwitchOrder::read(verified.statement, &problems);
    if (!problems.isEmpty() || order.issuedBy != decoded.kid)
        return reject(QStringLiteral("malformed"),
                      problems.isEmpty() ? QStringLiteral("issued_by does not name the signing key")
                                         : problems.first().toString(),
                      QString(), decoded.kid, jws, QString(), rejected);
    if (decoded.kid != principal.keyId)
        return reject(QStringLiteral("wrong_principal"),
                      QStringLiteral("this session is logged in as %1; it cannot send orders signed by %2")
                          .arg(principal.keyId, decoded.kid),
                      QString(), decoded.kid, jws, QString(), rejected);
    if (!signer->hasRole(QStringLiteral("oncall")))
        return reject(QStringLiteral("role_not_allowed"),
                      QStringLiteral("kill switches need the oncall role; %1 has %2")
                          .arg(signer->name, signer->roles.join(QStringLiteral(", "))),
                      QString(), decoded.kid, jws, QString(), rejected);
    // Only a tenant switch stays inside one tenant: global, agent, user and tool
    // switches reach every tenant, so they need a key that covers every tenant.
    if (order.scope == QStringLiteral("tenant") ? !signer->coversTenant(order.target)
                                                : !signer->coversTenant(QStringLiteral("*")))
        return reject(
            QStringLiteral("tenant_not_allowed"),
            order.scope == QStringLiteral("tenant")
                ? QStringLiteral("%1 may not engage a tenant kill switch outside its tenants").arg(signer->name)
                : QStringLiteral("%1 may not engage a %2 kill switch: it reaches every tenant, and %1 does "
                                 "not cover every tenant")
                      .arg(signer->name, order.scope),
            QString(), decoded.kid, jws, QString(), rejected);
    if (m_store.seenNonce(order.nonce))
        return reject(QStringLiteral("replay"), QStringLiteral("this order's nonce was used before"), QString(),
                      decoded.kid, jws, QString(), rejected);
    if (order.issuedAt > QDateTime::currentDateTimeUtc().addSecs(kClockSkewSeconds))
        return reject(QStringLiteral("malformed"), QStringLiteral("the order is dated in the future"), QString(),
                      decoded.kid, jws, order.nonce, rejected);

    if (order.operation == QStringLiteral("drill"))
        return drill(order, *signer, decoded.kid, jws);

    const bool engage = order.operation == QStringLiteral("engage");
    QString dbError;
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(&dbError))
        return reject(QStringLiteral("unavailable"), dbError, QString(), decoded.kid, jws, QString(), rejected);
    std::optional<KillSwitchRegistry::KillSwitch> ks = engage
        ? m_killSwitches.engage(order.scope, order.target, order.reason, decoded.kid, QString::fromLatin1(jws),
                                &dbError)
        : m_killSwitches.release(order.scope, order.target, order.reason, decoded.kid, QString::fromLatin1(jws),
                                 &dbError);
    if (!ks) {
        transaction.rollback();
        return reject(engage ? QStringLiteral("already_engaged") : QStringLiteral("not_engaged"), dbError, QString(),
                      decoded.kid, jws, order.nonce, rejected);
    }
    QList<ActionStore::StoredAction> killed;
    bool ok = m_store.rememberNonce(order.nonce, QStringLiteral("killswitch"), &dbError);
    if (ok && engage) {
        // One pass in bulk, inside this transaction: the actions in scope (only
        // the columns the scope test and the push need), a range of change seq
        // values, one UPDATE for all of them and the audit entries appended
        // with the chain head kept in memory — still one `resolved` entry per
        // killed action.
        killed = m_store.pendingScope(
            [&](const ActionStore::StoredAction &a) { return ks->covers(a.tenant, a.user, a.agentId, a.tool); });
        if (!killed.isEmpty()) {
            const qint64 first = m_store.reserveChangeSeqs(killed.size(), &dbError);
            const QDateTime resolvedAt = QDateTime::currentDateTimeUtc();
            const QJsonObject data {{QStringLiteral("by"), QStringLiteral("killswitch")},
                                    {QStringLiteral("killswitch"), ks->id},
                                    {QStringLiteral("status"), QStringLiteral("killed")}};
            QList<AuditLog::NewEntry> entries;
            entries.reserve(killed.size());
            for (qsizetype i = 0; i < killed.size(); ++i) {
                ActionStore::StoredAction &action = killed[i];
                action.seq = first + i;
                action.status = QStringLiteral("killed");
                action.resolvedAt = resolvedAt;
                entries.append({QStringLiteral("resolved"), action.id, data});
            }
            ok = first > 0 && m_store.resolveInOne(killed, &dbError) && m_audit.appendMany(entries, &dbError);
        }
        ks->killedCount = killed.size();
        for (const ActionStore::StoredAction &action : std::as_const(killed)) {
            if (!ks->agents.contains(action.agentId))
                ks->agents.append(action.agentId);
        }
        ok = ok && m_killSwitches.setKilled(ks->id, ks->killedCount, ks->agents, &dbError);
    }
    ok = ok
        && appendAudit(engage ? QStringLiteral("killswitch_engaged") : QStringLiteral("killswitch_released"), QString(),
                       {{QStringLiteral("id"), ks->id},
                        {QStringLiteral("scope"), order.scope},
                        {QStringLiteral("target"), order.target},
                        {QStringLiteral("reason"), order.reason},
                        {QStringLiteral("by"), decoded.kid},
                        {QStringLiteral("by_name"), signer->name},
                        {QStringLiteral("killed_count"), qint64(killed.size())},
                        {QStringLiteral("statement_sha256"), statementHash(jws)}},
                       &dbError)
        && transaction.commit(&dbError);
    if (!ok) {
        qCWarning(lcBroker) << "could not apply a kill switch order:" << dbError;
        Verdict v;
        v.code = QStringLiteral("unavailable");
        v.message = QStringLiteral("the broker could not store the order; nothing changed");
        return v;
    }
    qCWarning(lcBroker).noquote() << "kill switch" << order.operation << order.scope << order.target << "by"
                                  << signer->name << "- killed" << killed.size() << "pending actions";
    QJsonObject event = ks->toJson();
    event.insert(QStringLiteral("type"), QStringLiteral("killswitch"));
    event.insert(QStringLiteral("operation"), order.operation);
    Verdict v;
    v.accepted = true;
    v.message = engage
        ? QStringLiteral("engaged: %1 pending action(s) killed; new actions in scope are refused").arg(killed.size())
        : QStringLiteral("released: actions in scope are accepted again");
    v.details = ks->toJson();
    // The reply's `id` is the request's; the switch's own id is here too.
    v.details.insert(QStringLiteral("killswitch_id"), ks->id);
    // Committed: the order is in force. Consoles and long-polls are told once
    // the caller has answered the order (announce()), so the answer does not
    // wait behind the pushes; nothing else runs in between (same thread).
    m_announcement = [this, killed = std::move(killed), event] {
        if (!killed.isEmpty()) {
            QList<QByteArray> items;
            items.reserve(killed.size());
            for (const ActionStore::StoredAction &action : killed)
                items.append(resolvedItemText(action));
            Q_EMIT actionsResolved(killed, items);
        }
        Q_EMIT killSwitchChanged(event);
        scheduleExpiry();
    };
    return v;
}

QByteArray BrokerService::resolvedItemText(const ActionStore::StoredAction &action)
{
    QByteArray text = "{\"id\":";
    text += core::CanonicalJson::serializeOrEmpty(QJsonValue(action.id));
    text += ",\"seq\":";
    text += QByteArray::number(action.seq);
    text += ",\"status\":";
    text += core::CanonicalJson::serializeOrEmpty(QJsonValue(action.status));
    if (action.resolvedAt.isValid()) {
        text += ",\"resolved_at\":";
        text += core::CanonicalJson::serializeOrEmpty(QJsonValue(core::JsonReader::formatTimestamp(action.resolvedAt)));
    }
    text += '}';
    return text;
}

void BrokerService::announce()
{
    if (!m_announcement)
        return;
    const std::function<void()> announcement = std::exchange(m_announcement, {});
    announcement();
}

QList<QByteArray> BrokerService::legacyMessages(const QList<ActionStore::StoredAction> &resolved) const
{
    // Protocol 1 consoles get the full action message of every change; the
    // rows are read again after the commit (their seqs are consecutive).
    QList<QByteArray> messages;
    if (resolved.isEmpty())
        return messages;
    const qint64 first = resolved.first().seq;
    const qint64 last = resolved.last().seq;
    const QHash<QString, QList<ActionStore::Decision>> decisions = m_store.decisionsBetween(first, last);
    const QList<ActionStore::StoredAction> rows = m_store.changedBetween(first, last);
    QHash<QString, QByteArray> byId;
    for (const ActionStore::StoredAction &action : rows)
        byId.insert(action.id, actionMessageText(action, decisions.value(action.id)));
    messages.reserve(resolved.size());
    for (const ActionStore::StoredAction &action : resolved)
        messages.append(byId.value(action.id));
    return messages;
}

BrokerService::Verdict BrokerService::drill(const core::KillSwitchOrder &order,
                                            const ApproverRegistry::Approver &signer, const QString &kid,
                                            QByteArrayView jws)
{
    // The switch as it would be engaged; covers() is the very test engage uses.
    KillSwitchRegistry::KillSwitch would;
    would.scope = order.scope;
    would.target = order.target;
    QJsonArray wouldKill;
    QStringList agents;
    for (const ActionStore::StoredAction &action : m_store.pending()) {
        if (!would.covers(action.tenant, action.user, action.agentId, action.tool))
            continue;
        wouldKill.append(
            QJsonObject {{QStringLiteral("id"), action.id},
                         {QStringLiteral("tenant"), action.tenant},
                         {QStringLiteral("agent"), action.agentId},
                         {QStringLiteral("tool"), action.tool},
                         {QStringLiteral("user"), action.user},
                         {QStringLiteral("expires_at"),
                          action.expiresAt.isValid() ? QJsonValue(core::JsonReader::formatTimestamp(action.expiresAt))
                                                     : QJsonValue()}});
        if (!agents.contains(action.agentId))
            agents.append(action.agentId);
    }
    // Tokens that would stop working, as authenticate() would block them.
    QJsonArray tokens;
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    for (const TokenRegistry::AgentToken &token : m_tokens.list()) {
        if (token.isRevoked() || token.isExpired(nowUtc)
            || !would.covers(token.tenant, QString(), token.agentId, QString()))
            continue;
        tokens.append(QJsonObject {{QStringLiteral("id"), token.id},
                                   {QStringLiteral("agent"), token.agentId},
                                   {QStringLiteral("tenant"), token.tenant}});
        if (!agents.contains(token.agentId))
            agents.append(token.agentId);
    }
    QString dbError;
    storage::Transaction transaction(*m_database);
    const bool ok = transaction.begin(&dbError)
        && m_store.rememberNonce(order.nonce, QStringLiteral("killswitch"), &dbError)
        && appendAudit(QStringLiteral("killswitch_drill"), QString(),
                       {{QStringLiteral("scope"), order.scope},
                        {QStringLiteral("target"), order.target},
                        {QStringLiteral("reason"), order.reason},
                        {QStringLiteral("by"), kid},
                        {QStringLiteral("by_name"), signer.name},
                        {QStringLiteral("would_kill_count"), qint64(wouldKill.size())},
                        {QStringLiteral("agent_count"), qint64(agents.size())},
                        {QStringLiteral("token_count"), qint64(tokens.size())},
                        {QStringLiteral("statement_sha256"), statementHash(jws)}},
                       &dbError)
        && transaction.commit(&dbError);
    if (!ok) {
        qCWarning(lcBroker) << "could not record a kill switch drill:" << dbError;
        Verdict v;
        v.code = QStringLiteral("unavailable");
        v.message = QStringLiteral("the broker could not record the drill; nothing changed");
        return v;
    }
    qCInfo(lcBroker).noquote() << "kill switch drill" << order.scope << order.target << "by" << signer.name << "-"
                               << wouldKill.size() << "pending actions," << tokens.size() << "tokens in scope";
    Verdict v;
    v.accepted = true;
    v.message = QStringLiteral("drill: %1 pending action(s) would be killed, %2 token(s) would stop working, "
                               "%3 agent(s) affected; nothing was engaged")
                    .arg(wouldKill.size())
                    .arg(tokens.size())
                    .arg(agents.size());
    v.details = {{QStringLiteral("drill"), true},
                 {QStringLiteral("scope"), order.scope},
                 {QStringLiteral("target"), order.target},
                 {QStringLiteral("would_kill"), wouldKill},
                 {QStringLiteral("agents"), QJsonArray::fromStringList(agents)},
                 {QStringLiteral("tokens"), tokens},
                 {QStringLiteral("count"), qint64(wouldKill.size())}};
    return v;
}

void BrokerService::recordKilledRefusal(qint64 switchId, const QString &message, const QString &tokenId,
                                        const QString &tenant, const QString &agent, const QString &tool)
{
    QString dbError;
    if (!write(
            [&](QString *e) {
                return appendAudit(QStringLiteral("submission_refused"), QString(),
                                   {{QStringLiteral("code"), QStringLiteral("killed")},
                                    {QStringLiteral("message"), message},
                                    {QStringLiteral("token"), tokenId},
                                    {QStringLiteral("tenant"), tenant},
                                    {QStringLiteral("agent"), agent},
                                    {QStringLiteral("tool"), tool},
                                    {QStringLiteral("killswitch"), switchId}},
                                   e)
                    && m_killSwitches.countRefusal(switchId, agent, e);
            },
            &dbError))
        qCWarning(lcBroker) << "could not record a refused submission:" << dbError;
    m_metrics.countRefusal(QStringLiteral("killed"));
}

void BrokerService::expireDue()
{
    // Joins the open batch (a decision on an overdue action calls this) or opens one.
    QString dbError;
    if (!m_commits.begin(&dbError)) {
        qCWarning(lcBroker) << "could not expire overdue actions:" << dbError;
        scheduleExpiry();
        return;
    }
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    const QList<ActionStore::StoredAction> due = m_store.dueForExpiry(nowUtc);
    for (ActionStore::StoredAction action : due) {
        const bool ok = m_commits.step(
            [&](QString *e) {
                return resolve(action, QStringLiteral("expired"),
                               {{QStringLiteral("by"), QStringLiteral("deadline")},
                                {QStringLiteral("deadline"), core::JsonReader::formatTimestamp(action.expiresAt)}},
                               e);
            },
            &dbError);
        if (!ok) {
            qCWarning(lcBroker) << "could not expire" << action.id << dbError;
            continue;
        }
        m_commits.whenDone([this, action](bool committed) {
            if (!committed)
                return;
            m_metrics.countAction(QStringLiteral("expired"));
            qCInfo(lcBroker).noquote() << "action" << action.id << "expired (deadline passed)";
            Q_EMIT actionChanged(action);
        });
    }
    m_expiryQueued = true;
}

void BrokerService::scheduleExpiry()
{
    const QDateTime next = m_store.nextExpiry();
    if (!next.isValid()) {
        m_expiryTimer.stop();
        return;
    }
    const qint64 ms = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(next)) + 5;
    m_expiryTimer.start(int(std::min<qint64>(ms, 60 * 60 * 1000)));
}

std::optional<ApproverRegistry::Approver> BrokerService::enrolApprover(const QString &name, const QString &identity,
                                                                       const core::Ed25519PublicKey &key,
                                                                       const QStringList &roles,
                                                                       const QStringList &tenants, QString *error)
{
    flush();
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    auto approver = m_approvers.add(name, identity, key, roles, tenants, error);
    if (!approver || !appendAudit(QStringLiteral("approver_enrolled"), QString(), approver->toJson(), error)
        || !transaction.commit(error))
        return std::nullopt;
    return approver;
}

std::optional<ApproverRegistry::Approver> BrokerService::revokeApprover(const QString &keyIdOrName, QString *error)
{
    flush();
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    auto approver = m_approvers.revoke(keyIdOrName, error);
    if (!approver
        || !appendAudit(QStringLiteral("approver_revoked"), QString(),
                        {{QStringLiteral("key_id"), approver->keyId}, {QStringLiteral("name"), approver->name}}, error)
        || !transaction.commit(error))
        return std::nullopt;
    return approver;
}

std::optional<TokenRegistry::AgentToken> BrokerService::createToken(const QString &tenant, const QString &agentId,
                                                                    const QStringList &tools, qint64 ttlSeconds,
                                                                    QString *secret, QString *error)
{
    flush();
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    auto token = m_tokens.create(tenant, agentId, tools, ttlSeconds, secret, error);
    if (!token || !appendAudit(QStringLiteral("token_created"), QString(), token->toJson(), error)
        || !transaction.commit(error)) {
        secret->clear();
        return std::nullopt;
    }
    return token;
}

std::optional<TokenRegistry::AgentToken> BrokerService::revokeToken(const QString &id, QString *error)
{
    flush();
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    auto token = m_tokens.revoke(id, error);
    if (!token || !appendAudit(QStringLiteral("token_revoked"), QString(), token->toJson(), error)
        || !transaction.commit(error))
        return std::nullopt;
    return token;
}

int BrokerService::runRetention(const QDateTime &nowUtc, QString *error)
{
    flush();
    const QString purgedText
        = QStringLiteral("[purged on %1 under the retention policy]").arg(nowUtc.date().toString(Qt::ISODate));
    auto purge = [&](QJsonObject document) {
        document.insert(QStringLiteral("arguments"),
                        QJsonObject {{QStringLiteral("x-purged"), core::JsonReader::formatTimestamp(nowUtc)}});
        QJsonObject request = document.value(QStringLiteral("request")).toObject();
        request.insert(QStringLiteral("text"), purgedText);
        document.insert(QStringLiteral("request"), request);
        QJsonArray evidence = document.value(QStringLiteral("evidence")).toArray();
        for (qsizetype i = 0; i < evidence.size(); ++i) {
            QJsonObject item = evidence.at(i).toObject();
            for (const QString &key : {QStringLiteral("content"), QStringLiteral("excerpt")}) {
                if (item.contains(key))
                    item.insert(key, purgedText);
            }
            evidence.replace(i, item);
        }
        document.insert(QStringLiteral("evidence"), evidence);
        QJsonArray memory = document.value(QStringLiteral("memory")).toArray();
        for (qsizetype i = 0; i < memory.size(); ++i) {
            QJsonObject item = memory.at(i).toObject();
            item.insert(QStringLiteral("text"), purgedText);
            memory.replace(i, item);
        }
        document.insert(QStringLiteral("memory"), memory);
        document.insert(QStringLiteral("x-purged"),
                        QJsonObject {{QStringLiteral("at"), core::JsonReader::formatTimestamp(nowUtc)},
                                     {QStringLiteral("note"),
                                      QStringLiteral("content removed; the digest, decisions "
                                                     "and audit entries still refer to the "
                                                     "original")}});
        return document;
    };
    QList<ActionStore::StoredAction> candidates;
    for (auto it = m_config.retentionDaysByTenant.begin(); it != m_config.retentionDaysByTenant.end(); ++it)
        candidates += m_store.purgeCandidates(it.key(), nowUtc.addDays(-it.value()), false, {});
    candidates += m_store.purgeCandidates(QString(), nowUtc.addDays(-m_config.retentionDays), true,
                                          m_config.retentionDaysByTenant.keys());
    storage::Transaction transaction(*m_database);
    if (!transaction.begin(error))
        return -1;
    QJsonArray ids;
    for (const ActionStore::StoredAction &action : std::as_const(candidates)) {
        if (!m_store.replaceDocument(action.id, purge(action.document), nowUtc, error))
            return -1;
        ids.append(action.id);
    }
    if (!candidates.isEmpty()) {
        if (!appendAudit(QStringLiteral("retention_purged"), QString(),
                         {{QStringLiteral("count"), qint64(candidates.size())},
                          {QStringLiteral("actions"), ids},
                          {QStringLiteral("default_days"), m_config.retentionDays}},
                         error))
            return -1;
    }
    if (!transaction.commit(error))
        return -1;
    return int(candidates.size());
}

QByteArray BrokerService::renderMetrics() const
{
    QByteArray text = m_metrics.render(m_store.pending().size(), m_audit.headSeq(), m_audit.lastCheckpointSeq(),
                                       m_store.headChangeSeq());
    if (m_walCheckpointer) {
        text += "# HELP countersign_wal_checkpoints_total WAL checkpoints, by the background thread or by the store "
                "thread when the WAL outgrew the background one.\n# TYPE countersign_wal_checkpoints_total counter\n";
        text += "countersign_wal_checkpoints_total{by=\"background\"} "
            + QByteArray::number(m_walCheckpointer->backgroundCheckpoints()) + '\n';
        text += "countersign_wal_checkpoints_total{by=\"store\"} "
            + QByteArray::number(m_walCheckpointer->writerCheckpoints()) + '\n';
    }
    if (m_walSyncer) {
        text += "# HELP countersign_wal_syncs_total fdatasync calls that made group commits durable (each covers every "
                "commit since the last).\n# TYPE countersign_wal_syncs_total counter\ncountersign_wal_syncs_total "
            + QByteArray::number(m_walSyncer->syncs()) + '\n';
    }
    return text;
}

} // namespace countersign::broker
