#include "broker/ConsoleEndpoint.h"

#include "broker/BrokerService.h"
#include "broker/ConsoleSession.h"

#include <QTcpSocket>
#include <QWebSocket>

namespace countersign::broker {

ConsoleEndpoint::ConsoleEndpoint(BrokerService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_limiter(service->config().loginAttemptsPerMinute)
    , m_webSockets(QStringLiteral("countersignd"), QWebSocketServer::NonSecureMode)
{
    m_webSockets.setMaxPendingConnections(64);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &ConsoleEndpoint::onWebSocket);
}

ConsoleEndpoint::~ConsoleEndpoint() = default;

void ConsoleEndpoint::adopt(QTcpSocket *socket)
{
    // TLS is already terminated by the QSslSocket; the WebSocket server reads
    // the handshake from the bytes the network thread left unread.
    m_webSockets.handleConnection(socket);
    QMetaObject::invokeMethod(socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
}

int ConsoleEndpoint::loggedInSessions() const
{
    return int(std::count_if(m_sessions.begin(), m_sessions.end(),
                             [](const ConsoleSession *session) { return session->isLoggedIn(); }));
}

void ConsoleEndpoint::updateMetrics()
{
    m_service->metrics().setConsoleSessions(loggedInSessions());
}

void ConsoleEndpoint::onWebSocket()
{
    while (m_webSockets.hasPendingConnections()) {
        QWebSocket *socket = m_webSockets.nextPendingConnection();
        if (!socket)
            break;
        auto *session = new ConsoleSession(socket, m_service, &m_limiter, this);
        m_sessions.append(session);
        connect(session, &ConsoleSession::loggedIn, this, &ConsoleEndpoint::updateMetrics);
        connect(session, &ConsoleSession::finished, this, [this, session] {
            m_sessions.removeOne(session);
            updateMetrics();
            session->deleteLater();
        });
        updateMetrics();
    }
}

} // namespace countersign::broker
