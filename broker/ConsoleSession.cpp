#include "broker/ConsoleSession.h"

#include "broker/BrokerService.h"
#include "broker/LoginLimiter.h"
#include "core/Identifiers.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/StatementType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QWebSocket>

Q_DECLARE_LOGGING_CATEGORY(lcBroker)

namespace countersign::broker {

namespace {
constexpr qint64 kLoginSkewSeconds = 300;
constexpr qsizetype kBacklogBatch = 500;
constexpr qsizetype kActionsPerFrame = 500;
// Protocol 2 (docs/protocol.md) adds the compact `resolved` frame.
constexpr int kProtocol = 2;
constexpr qsizetype kResolvedPerFrame = 2000;
} // namespace

ConsoleSession::ConsoleSession(QWebSocket *socket, BrokerService *service, LoginLimiter *limiter, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_service(service)
    , m_limiter(limiter)
    , m_nonce(core::Identifiers::newNonce())
    , m_peer(socket->peerAddress().toString())
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(service->config().maxWebSocketMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(service->config().maxWebSocketMessageBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ConsoleSession::onMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &) { sendError(QStringLiteral("malformed"), QStringLiteral("text frames only")); });
    connect(m_socket, &QWebSocket::disconnected, this, &ConsoleSession::finished);
    connect(service, &BrokerService::actionChanged, this, &ConsoleSession::onActionChanged);
    connect(service, &BrokerService::actionsResolved, this, &ConsoleSession::onActionsResolved);
    connect(service, &BrokerService::killSwitchChanged, this, &ConsoleSession::onKillSwitchChanged);
    send({{QStringLiteral("type"), QStringLiteral("challenge")},
          {QStringLiteral("protocol"), kProtocol},
          {QStringLiteral("nonce"), m_nonce},
          {QStringLiteral("broker"), service->brokerPublicKey().keyId()},
          {QStringLiteral("broker_time"), core::JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc())}});
}

ConsoleSession::~ConsoleSession() = default;

void ConsoleSession::send(const QJsonObject &message)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void ConsoleSession::sendText(const QByteArray &message)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(message));
}

void ConsoleSession::sendError(const QString &code, const QString &message, const QJsonValue &requestId)
{
    QJsonObject error {{QStringLiteral("type"), QStringLiteral("error")},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("message"), message}};
    if (!requestId.isUndefined() && !requestId.isNull())
        error.insert(QStringLiteral("id"), requestId);
    send(error);
}

void ConsoleSession::fail(const QString &code, const QString &message)
{
    sendError(code, message);
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, code);
}

void ConsoleSession::onMessage(const QString &text)
{
    core::JsonLimits limits;
    limits.maxBytes = m_service->config().maxWebSocketMessageBytes;
    limits.maxDepth = 16;
    limits.maxArrayLength = 1000;
    const auto parsed = core::JsonParser::parseObject(text.toUtf8(), limits);
    if (!parsed.ok()) {
        sendError(QStringLiteral("malformed"), parsed.error.toString());
        return;
    }
    const QJsonObject message = parsed.value->toObject();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("ping")) {
        send({{QStringLiteral("type"), QStringLiteral("pong")},
              {QStringLiteral("id"), message.value(QStringLiteral("id"))}});
        return;
    }
    if (!m_principal) {
        if (type == QStringLiteral("login"))
            handleLogin(message);
        else
            fail(QStringLiteral("login_required"), QStringLiteral("log in before sending '%1'").arg(type));
        return;
    }
    const QJsonValue id = message.value(QStringLiteral("id"));
    const bool statement = type == QStringLiteral("decide") || type == QStringLiteral("killswitch");
    // Only decisions join the open batch; everything else (subscribe, history,
    // audit ranges, kill switches) reads committed state, in message order
    // after this session's earlier decisions.
    if (type != QStringLiteral("decide"))
        m_service->flush();
    if (!refreshPrincipal()) {
        // A statement from a session whose key was revoked still gets its answer
        // (revoked_key, audited like every rejection) before the session closes.
        if (statement) {
            handleStatement(type, message);
            m_service->flush(); // the answer goes out before the session closes
        }
        closeRevoked();
        return;
    }
    if (type == QStringLiteral("subscribe")) {
        handleSubscribe(message);
    } else if (statement) {
        handleStatement(type, message);
    } else if (type == QStringLiteral("killswitches")) {
        handleKillSwitches(message);
    } else if (type == QStringLiteral("history")) {
        handleHistory(message);
    } else if (type == QStringLiteral("audit_range")) {
        handleAuditRange(message);
    } else if (type == QStringLiteral("audit_for_action")) {
        handleAuditForAction(message);
    } else if (type == QStringLiteral("login")) {
        sendError(QStringLiteral("malformed"), QStringLiteral("already logged in"), id);
    } else {
        sendError(QStringLiteral("malformed"), QStringLiteral("unknown message type '%1'").arg(type), id);
    }
}

bool ConsoleSession::refreshPrincipal()
{
    // Revocation takes effect on the next message or push, not at the next login.
    const auto current = m_service->approvers().find(m_principal->keyId);
    if (!current) {
        m_principal->revokedAt = QDateTime::currentDateTimeUtc();
        return false;
    }
    m_principal = current;
    return current->isActive();
}

void ConsoleSession::handleStatement(const QString &type, const QJsonObject &message)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QString jws = message.value(QStringLiteral("jws")).toString();
    if (jws.isEmpty()) {
        sendError(QStringLiteral("malformed"), QStringLiteral("'jws' is required"), id);
        return;
    }
    auto reply = [session = QPointer<ConsoleSession>(this), type, id](const BrokerService::Verdict &verdict) {
        if (!session)
            return;
        QJsonObject json = verdict.toJson();
        json.insert(QStringLiteral("type"), QString(type + QStringLiteral("_result")));
        json.insert(QStringLiteral("id"), id);
        session->send(json);
    };
    // A decision is group-committed: its result is sent after the batch holding it committed.
    if (type == QStringLiteral("decide")) {
        m_service->decide(*m_principal, jws.toLatin1(), reply);
        return;
    }
    reply(m_service->killSwitch(*m_principal, jws.toLatin1()));
    // The answer first, then what the order changed, to every session (this
    // one included). Flushed now: otherwise it would leave the socket only when
    // the event loop runs again, after every push has been built and queued.
    m_socket->flush();
    m_service->announce();
}

void ConsoleSession::handleKillSwitches(const QJsonObject &message)
{
    // Any logged-in principal may read what is engaged: the panel is for everyone.
    QJsonArray active;
    for (const KillSwitchRegistry::KillSwitch &k : m_service->killSwitches().active())
        active.append(k.toJson());
    QJsonArray history;
    const QList<KillSwitchRegistry::KillSwitch> all = m_service->killSwitches().all();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        history.append(it->toJson()); // newest first
    send({{QStringLiteral("type"), QStringLiteral("killswitches")},
          {QStringLiteral("id"), message.value(QStringLiteral("id"))},
          {QStringLiteral("active"), active},
          {QStringLiteral("history"), history}});
}

void ConsoleSession::handleLogin(const QJsonObject &message)
{
    if (!m_limiter->allow(m_peer, QDateTime::currentDateTimeUtc())) {
        fail(QStringLiteral("rate_limited"),
             QStringLiteral("too many login attempts from this address; wait a minute"));
        return;
    }
    const QByteArray jws = message.value(QStringLiteral("jws")).toString().toLatin1();
    const core::JwsResult decoded = core::Jws::decode(jws);
    if (!decoded.ok()) {
        fail(QStringLiteral("login_failed"), decoded.message);
        return;
    }
    const auto approver = m_service->approvers().find(decoded.kid);
    if (!approver) {
        fail(QStringLiteral("unknown_key"), QStringLiteral("key %1 is not enrolled with this broker").arg(decoded.kid));
        return;
    }
    if (!approver->isActive()) {
        fail(QStringLiteral("revoked_key"), QStringLiteral("key %1 was revoked").arg(decoded.kid));
        return;
    }
    const core::JwsResult verified
        = core::Jws::verifyStatement(jws, approver->publicKey, core::statement_type::login());
    const QJsonObject s = verified.statement;
    const QDateTime issuedAt = core::JsonReader::parseTimestamp(s.value(QStringLiteral("issued_at")).toString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString problem;
    if (!verified.ok())
        problem = verified.message;
    else if (s.value(QStringLiteral("nonce")).toString() != m_nonce)
        problem = QStringLiteral("the login does not answer this session's challenge");
    else if (s.value(QStringLiteral("broker")).toString() != m_service->brokerPublicKey().keyId())
        problem = QStringLiteral("the login was signed for another broker");
    else if (s.value(QStringLiteral("key")).toString() != decoded.kid)
        problem = QStringLiteral("the login names another key");
    else if (!issuedAt.isValid() || qAbs(issuedAt.secsTo(now)) > kLoginSkewSeconds)
        problem = QStringLiteral("the login's issued_at is not within 5 minutes of the broker's clock");
    if (!problem.isEmpty()) {
        qCInfo(lcBroker).noquote() << "console login refused from" << m_peer << ":" << problem;
        fail(QStringLiteral("login_failed"), problem);
        return;
    }
    m_principal = approver;
    m_nonce.clear(); // a challenge answers once
    qCInfo(lcBroker).noquote() << "console login:" << approver->name << approver->keyId << "from" << m_peer;
    send({{QStringLiteral("type"), QStringLiteral("welcome")},
          {QStringLiteral("principal"), approver->toJson()},
          {QStringLiteral("head"), m_service->store().headChangeSeq()},
          {QStringLiteral("broker"), m_service->brokerPublicKey().keyId()}});
    Q_EMIT loggedIn();
}

void ConsoleSession::handleSubscribe(const QJsonObject &message)
{
    const QJsonValue sinceValue = message.value(QStringLiteral("since"));
    const qint64 since = sinceValue.toInteger(-1);
    const qint64 head = m_service->store().headChangeSeq();
    if (!sinceValue.isDouble() || since < 0) {
        sendError(QStringLiteral("malformed"), QStringLiteral("'since' must be a sequence number (0 for everything)"));
        return;
    }
    if (since > head) {
        sendError(QStringLiteral("since_ahead"),
                  QStringLiteral("since %1 is ahead of this broker's head %2 (another broker, or a restored backup?)")
                      .arg(since)
                      .arg(head));
        return;
    }
    if (since > 0 && since < m_service->store().resumeFloor()) {
        sendError(QStringLiteral("since_too_old"),
                  QStringLiteral("changes before seq %1 are no longer kept; subscribe with since 0")
                      .arg(m_service->store().resumeFloor()));
        return;
    }
    const QJsonValue protocolValue = message.value(QStringLiteral("protocol"));
    if (!protocolValue.isUndefined() && (!protocolValue.isDouble() || protocolValue.toInteger(0) < 1)) {
        sendError(QStringLiteral("malformed"), QStringLiteral("'protocol' must be a positive integer"));
        return;
    }
    // A console that does not say speaks protocol 1; one newer than us gets ours.
    m_protocol = int(std::min<qint64>(protocolValue.toInteger(1), kProtocol));
    m_subscribed = true;
    m_lastSentSeq = since;
    if (since == 0) {
        for (const ActionStore::StoredAction &action : m_service->store().pending()) {
            if (m_service->canSee(*m_principal, action.tenant))
                sendText(m_service->actionMessageText(action));
        }
    } else {
        // Protocol 2: resolved actions only need to leave the console's queue,
        // so they are replayed as compact `resolved` items, still in seq order
        // with the pending ones (a frame is flushed before each full message).
        QList<QByteArray> resolved;
        for (qint64 cursor = since;;) {
            const QList<ActionStore::StoredAction> batch = m_service->store().changedSince(cursor, kBacklogBatch);
            for (const ActionStore::StoredAction &action : batch) {
                cursor = action.seq;
                if (!m_service->canSee(*m_principal, action.tenant))
                    continue;
                if (m_protocol >= 2 && action.isResolved()) {
                    resolved.append(BrokerService::resolvedItemText(action));
                    if (resolved.size() >= kResolvedPerFrame)
                        sendResolved(resolved);
                    continue;
                }
                sendResolved(resolved);
                sendText(m_service->actionMessageText(action));
            }
            if (batch.size() < kBacklogBatch)
                break;
        }
        sendResolved(resolved);
    }
    m_lastSentSeq = head;
    QJsonArray switches;
    for (const KillSwitchRegistry::KillSwitch &k : m_service->killSwitches().active())
        switches.append(k.toJson());
    send({{QStringLiteral("type"), QStringLiteral("synced")},
          {QStringLiteral("head"), head},
          {QStringLiteral("killswitches"), switches}});
}

void ConsoleSession::onActionChanged(const ActionStore::StoredAction &action)
{
    if (!m_principal || !m_subscribed || action.seq <= m_lastSentSeq)
        return;
    // A session that only listens learns of its key's revocation here, before
    // it is shown anything more.
    if (!refreshPrincipal()) {
        closeRevoked();
        return;
    }
    m_lastSentSeq = action.seq;
    if (m_service->canSee(*m_principal, action.tenant))
        sendText(m_service->actionMessageText(action));
}

void ConsoleSession::sendResolved(QList<QByteArray> &items)
{
    if (items.isEmpty())
        return;
    QByteArray frame = QByteArrayLiteral("{\"type\":\"resolved\",\"items\":[");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            frame += ',';
        frame += items.at(i);
    }
    frame += "]}";
    items.clear();
    sendText(frame);
}

void ConsoleSession::onActionsResolved(const QList<ActionStore::StoredAction> &actions, const QList<QByteArray> &items)
{
    if (!m_principal || !m_subscribed || actions.isEmpty() || actions.last().seq <= m_lastSentSeq)
        return;
    // Once per batch, as onActionChanged does once per action.
    if (!refreshPrincipal()) {
        closeRevoked();
        return;
    }
    // Protocol 2: {"type":"resolved","items":[{id, seq, status, resolved_at}…]},
    // at most kResolvedPerFrame items a frame. Protocol 1: the full action
    // messages in {"type":"actions","items":[…]} frames of kActionsPerFrame.
    const bool compact = m_protocol >= 2;
    const QList<QByteArray> messages = compact ? items : m_service->legacyMessages(actions);
    const qsizetype perFrame = compact ? kResolvedPerFrame : kActionsPerFrame;
    QList<QByteArray> frameItems;
    auto flush = [&] {
        if (frameItems.isEmpty())
            return;
        if (compact) {
            sendResolved(frameItems);
            return;
        }
        QByteArray frame = QByteArrayLiteral("{\"type\":\"actions\",\"items\":[");
        frame += frameItems.join(',');
        frame += "]}";
        frameItems.clear();
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->sendTextMessage(QString::fromUtf8(frame));
    };
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const ActionStore::StoredAction &action = actions.at(i);
        if (action.seq <= m_lastSentSeq)
            continue;
        m_lastSentSeq = action.seq;
        if (!m_service->canSee(*m_principal, action.tenant) || messages.at(i).isEmpty())
            continue;
        frameItems.append(messages.at(i));
        if (frameItems.size() >= perFrame)
            flush();
    }
    flush();
}

void ConsoleSession::onKillSwitchChanged(const QJsonObject &event)
{
    if (!m_principal || !m_subscribed)
        return;
    if (!refreshPrincipal()) {
        closeRevoked();
        return;
    }
    send(event);
}

void ConsoleSession::closeRevoked()
{
    fail(QStringLiteral("revoked_key"), QStringLiteral("this key was revoked; the session is closed"));
    m_principal.reset();
}

void ConsoleSession::handleHistory(const QJsonObject &message)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QJsonObject filter = message.value(QStringLiteral("filter")).toObject();
    ActionStore::HistoryFilter f;
    f.from = core::JsonReader::parseTimestamp(filter.value(QStringLiteral("from")).toString());
    f.to = core::JsonReader::parseTimestamp(filter.value(QStringLiteral("to")).toString());
    f.tenant = filter.value(QStringLiteral("tenant")).toString();
    f.agent = filter.value(QStringLiteral("agent")).toString();
    f.user = filter.value(QStringLiteral("user")).toString();
    f.tool = filter.value(QStringLiteral("tool")).toString();
    f.status = filter.value(QStringLiteral("status")).toString();
    f.approver = filter.value(QStringLiteral("approver")).toString();
    f.tenants = m_principal->tenants;
    f.afterSeq = std::max<qint64>(0, message.value(QStringLiteral("after")).toInteger(0));
    f.limit = int(std::clamp<qint64>(message.value(QStringLiteral("limit")).toInteger(100), 1,
                                     m_service->config().maxHistoryPage));
    QJsonArray items;
    const QList<ActionStore::StoredAction> page = m_service->store().history(f);
    for (const ActionStore::StoredAction &action : page)
        items.append(m_service->actionMessage(action));
    send({{QStringLiteral("type"), QStringLiteral("history_page")},
          {QStringLiteral("id"), id},
          {QStringLiteral("items"), items},
          {QStringLiteral("next_after"), page.isEmpty() ? f.afterSeq : page.last().seq},
          {QStringLiteral("done"), page.size() < f.limit}});
}

void ConsoleSession::handleAuditRange(const QJsonObject &message)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const qint64 from = std::max<qint64>(1, message.value(QStringLiteral("from")).toInteger(1));
    const qint64 to = message.value(QStringLiteral("to")).toInteger(0);
    const qsizetype limit = std::clamp<qint64>(message.value(QStringLiteral("limit")).toInteger(1000), 1, 5000);
    QJsonArray entries;
    const QList<core::AuditEntry> list = m_service->audit().entries(from, to, limit);
    for (const core::AuditEntry &entry : list)
        entries.append(entry.toJson());
    QJsonArray checkpoints;
    const qint64 last = list.isEmpty() ? from : list.last().seq;
    for (const AuditLog::Checkpoint &cp : m_service->audit().checkpoints(from, 0)) {
        checkpoints.append(QJsonObject {{QStringLiteral("seq"), cp.seq}, {QStringLiteral("jws"), cp.jws}});
        if (cp.seq >= last)
            break;
    }
    QJsonObject reply {{QStringLiteral("type"), QStringLiteral("audit_entries")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("entries"), entries},
                       {QStringLiteral("checkpoints"), checkpoints},
                       {QStringLiteral("head"), m_service->audit().headSeq()}};
    if (from > 1) {
        const QList<core::AuditEntry> anchor = m_service->audit().entries(from - 1, from - 1, 1);
        if (!anchor.isEmpty())
            reply.insert(QStringLiteral("previous_hash"), anchor.first().hash);
    }
    send(reply);
}

void ConsoleSession::handleAuditForAction(const QJsonObject &message)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QString actionId = message.value(QStringLiteral("action_id")).toString();
    const auto action = m_service->store().find(actionId);
    if (!action || !m_service->canSee(*m_principal, action->tenant)) {
        sendError(QStringLiteral("not_found"), QStringLiteral("no such action"), id);
        return;
    }
    QJsonArray entries;
    for (const core::AuditEntry &entry : m_service->audit().entriesForAction(actionId))
        entries.append(entry.toJson());
    send({{QStringLiteral("type"), QStringLiteral("audit_for_action")},
          {QStringLiteral("id"), id},
          {QStringLiteral("action_id"), actionId},
          {QStringLiteral("entries"), entries}});
}

} // namespace countersign::broker
