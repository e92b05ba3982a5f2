#pragma once

#include "broker/LoginLimiter.h"

#include <QList>
#include <QObject>
#include <QWebSocketServer>

class QTcpSocket;

namespace countersign::broker {

class BrokerService;
class ConsoleSession;

// The consoles' WebSocket endpoint (/v1/console) on the store thread. The
// network thread recognises an upgrade request on a new TLS connection and
// hands the socket over (adopt()); from then on the socket, its session and
// everything the session asks of the BrokerService live on this thread.
class ConsoleEndpoint : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleEndpoint(BrokerService *service, QObject *parent = nullptr);
    ~ConsoleEndpoint() override;

    // Takes a TLS socket (already moved to this thread, no parent) whose
    // unread bytes start with the WebSocket handshake.
    void adopt(QTcpSocket *socket);
    // Logged-in sessions only; a socket that never answered its challenge is not a console.
    int loggedInSessions() const;

private:
    void onWebSocket();
    void updateMetrics();

    BrokerService *m_service;
    LoginLimiter m_limiter;
    QWebSocketServer m_webSockets;
    QList<ConsoleSession *> m_sessions;
};

} // namespace countersign::broker
