#pragma once

#include "broker/ActionStore.h"
#include "broker/LoginLimiter.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QSslConfiguration>
#include <QWebSocketServer>

class QSslServer;
class QTcpSocket;
class QTimer;

namespace countersign::broker {

class BrokerService;
class ConsoleSession;

// The one TLS port: the agents' HTTPS JSON API, /healthz, /metrics, and the
// consoles' WebSocket at /v1/console. Responses are written by hand so that a
// long-poll can answer long after its request arrived, and so that every
// request is held to the body limit before it is buffered.
//
// WebSocket upgrades are taken off the socket before the HTTP parser sees
// them: Qt 6.4's QAbstractHttpServer hands upgrade requests to
// handleRequest() as ordinary GETs, so they are routed to our own
// QWebSocketServer instead (TLS is already terminated by the QSslSocket).
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpFrontend(BrokerService *service, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Returns the port, or 0 (with *error) when the address cannot be bound.
    quint16 listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls, QString *error);
    // Logged-in sessions only; a socket that never answered its challenge is not a console.
    int consoleSessions() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Waiter
    {
        QPointer<QTcpSocket> socket;
        QByteArray authorization;
        QTimer *timer = nullptr;
        bool close = false;
    };

    void watchSocket(QTcpSocket *socket);
    // True when the socket's first bytes are a WebSocket upgrade for /v1/console.
    bool takeWebSocket(QTcpSocket *socket);
    void onWebSocket();
    void onActionChanged(const ActionStore::StoredAction &action);
    void onActionsChanged(const QList<ActionStore::StoredAction> &actions);
    // Answers the long-polls on an action that are resolved or due.
    void answerWaiters(const QString &actionId);
    static void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                        bool close);
    static void respondJson(QTcpSocket *socket, int status, const QJsonObject &body, bool close);

    BrokerService *m_service;
    LoginLimiter m_limiter;
    QWebSocketServer m_webSockets;
    QList<ConsoleSession *> m_sessions;
    QHash<QString, QList<Waiter>> m_waiters;
};

} // namespace countersign::broker
