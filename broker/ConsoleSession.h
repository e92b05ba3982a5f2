#pragma once

#include "broker/ActionStore.h"
#include "broker/ApproverRegistry.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

class QWebSocket;

namespace countersign::broker {

class BrokerService;
class LoginLimiter;

// One console's WebSocket: challenge–response login with the approver's key,
// then subscription, decisions, kill-switch orders, history and audit ranges.
// Every message is a JSON object with a `type`; see docs/protocol.md.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    ConsoleSession(QWebSocket *socket, BrokerService *service, LoginLimiter *limiter, QObject *parent = nullptr);
    ~ConsoleSession() override;

    bool isLoggedIn() const { return m_principal.has_value(); }

Q_SIGNALS:
    void loggedIn();
    void finished();

private:
    void onMessage(const QString &text);
    void send(const QJsonObject &message);
    void sendText(const QByteArray &message); // compact JSON already
    void sendError(const QString &code, const QString &message, const QJsonValue &requestId = QJsonValue());
    void fail(const QString &code, const QString &message); // error, then close

    void handleLogin(const QJsonObject &message);
    // decide / killswitch: the signed statement goes to the service, the verdict back.
    void handleKillSwitches(const QJsonObject &message);
    void handleStatement(const QString &type, const QJsonObject &message);
    void handleSubscribe(const QJsonObject &message);
    void handleHistory(const QJsonObject &message);
    void handleAuditRange(const QJsonObject &message);
    void handleAuditForAction(const QJsonObject &message);
    // Re-reads the principal; false (principal marked revoked) when its key no longer may act.
    bool refreshPrincipal();
    // Tells the console its key was revoked and closes the session.
    void closeRevoked();

    void onActionChanged(const ActionStore::StoredAction &action);
    void onActionsResolved(const QList<ActionStore::StoredAction> &actions, const QList<QByteArray> &items);
    // Sends `items` (compact resolved items, JSON text) as one `resolved` frame and empties the list.
    void sendResolved(QList<QByteArray> &items);
    void onKillSwitchChanged(const QJsonObject &event);

    QWebSocket *m_socket;
    BrokerService *m_service;
    LoginLimiter *m_limiter;
    QString m_nonce;
    QString m_peer;
    std::optional<ApproverRegistry::Approver> m_principal;
    bool m_subscribed = false;
    qint64 m_lastSentSeq = 0;
    int m_protocol = 1; // what the console declared in `subscribe`
};

} // namespace countersign::broker
