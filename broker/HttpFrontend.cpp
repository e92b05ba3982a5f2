#include "broker/HttpFrontend.h"

#include "broker/BrokerService.h"
#include "broker/ConsoleSession.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

Q_DECLARE_LOGGING_CATEGORY(lcBroker)

namespace countersign::broker {

namespace {

const char *kBytesProperty = "countersign_request_bytes";
const char *kRejectedProperty = "countersign_rejected";
const char *kInspectedProperty = "countersign_inspected";
constexpr qint64 kHeaderAllowance = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

bool wantsClose(const QHttpServerRequest &request)
{
    return request.value("connection").compare("close", Qt::CaseInsensitive) == 0;
}

} // namespace

HttpFrontend::HttpFrontend(BrokerService *service, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_service(service)
    , m_limiter(service->config().loginAttemptsPerMinute)
    , m_webSockets(QStringLiteral("countersignd"), QWebSocketServer::NonSecureMode)
{
    m_webSockets.setMaxPendingConnections(64);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &HttpFrontend::onWebSocket);
    connect(service, &BrokerService::actionChanged, this, &HttpFrontend::onActionChanged);
    connect(service, &BrokerService::actionsResolved, this,
            [this](const QList<ActionStore::StoredAction> &actions, const QList<QByteArray> &) {
                onActionsChanged(actions);
            });
}

HttpFrontend::~HttpFrontend()
{
    for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it) {
        for (Waiter &w : it.value())
            delete w.timer;
    }
}

quint16 HttpFrontend::listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls, QString *error)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(tls);
    server->setHandshakeTimeout(10000);
    connect(server, &QSslServer::startedEncryptionHandshake, this, &HttpFrontend::watchSocket);
    connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
        qCDebug(lcBroker) << "TLS connection failed:" << socket->errorString();
    });
    if (!server->listen(address, port)) {
        *error
            = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

void HttpFrontend::watchSocket(QTcpSocket *socket)
{
    // Connected before the HTTP parser sees the socket, so this runs first on
    // every read: a request larger than the limit is refused before it is buffered.
    const qint64 budget = m_service->config().maxBodyBytes + kHeaderAllowance;
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, budget] {
        if (socket->property(kRejectedProperty).toBool())
            return;
        if (!socket->property(kInspectedProperty).toBool()) {
            socket->setProperty(kInspectedProperty, true);
            if (takeWebSocket(socket))
                return;
        }
        const qint64 seen = socket->property(kBytesProperty).toLongLong() + socket->bytesAvailable();
        socket->setProperty(kBytesProperty, seen);
        if (seen > budget) {
            socket->setProperty(kRejectedProperty, true);
            const QByteArray body
                = QJsonDocument(
                      QJsonObject {{QStringLiteral("error"), QStringLiteral("too_large")},
                                   {QStringLiteral("message"), QStringLiteral("the request is larger than the limit")}})
                      .toJson(QJsonDocument::Compact);
            respond(socket, 413, "application/json", body, true);
            socket->readAll();
        }
    });
}

void HttpFrontend::respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                           bool close)
{
    // A socket that closed before its answer was ready is simply not answered.
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    head += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    socket->write(head + body);
    socket->setProperty(kBytesProperty, 0);
    if (close)
        socket->disconnectFromHost();
}

void HttpFrontend::respondJson(QTcpSocket *socket, int status, const QJsonObject &body, bool close)
{
    respond(socket, status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n', close);
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (socket->property(kRejectedProperty).toBool())
        return true;
    const bool close = wantsClose(request);
    const QString path = request.url().path();
    const QHttpServerRequest::Method method = request.method();
    static const QRegularExpression actionPath(QStringLiteral("^/v1/actions/([A-Za-z0-9_-]{1,64})(/result)?$"));

    if (path == QStringLiteral("/healthz") || path == QStringLiteral("/metrics"))
        m_service->flush();
    if (path == QStringLiteral("/healthz")) {
        respondJson(socket, 200,
                    {{QStringLiteral("status"), QStringLiteral("ok")},
                     {QStringLiteral("broker"), m_service->brokerPublicKey().keyId()},
                     {QStringLiteral("audit_head"), m_service->audit().headSeq()}},
                    close);
        return true;
    }
    if (path == QStringLiteral("/metrics")) {
        m_service->metrics().setConsoleSessions(consoleSessions());
        respond(socket, 200, "text/plain; version=0.0.4", m_service->renderMetrics(), close);
        return true;
    }
    if (path == QStringLiteral("/v1/actions")) {
        if (method != QHttpServerRequest::Method::Post) {
            respondJson(socket, 405, {{QStringLiteral("error"), QStringLiteral("method_not_allowed")}}, close);
            return true;
        }
        // Answered when the batch holding it has committed (BrokerService::submit).
        m_service->submit(request.body(), request.value("authorization"),
                          QString::fromLatin1(request.value("idempotency-key")),
                          [socket = QPointer<QTcpSocket>(socket), close](const BrokerService::Answer &answer) {
                              respondJson(socket, answer.httpStatus, answer.body, close);
                          });
        return true;
    }
    // Everything else reads committed state only, and answers in request order
    // after any submission of the same connection.
    m_service->flush();
    const QRegularExpressionMatch match = actionPath.match(path);
    if (match.hasMatch()) {
        const QString id = match.captured(1);
        const QByteArray authorization = request.value("authorization");
        if (!match.captured(2).isEmpty()) {
            if (method != QHttpServerRequest::Method::Post) {
                respondJson(socket, 405, {{QStringLiteral("error"), QStringLiteral("method_not_allowed")}}, close);
                return true;
            }
            const BrokerService::Answer answer = m_service->reportResult(authorization, id, request.body());
            respondJson(socket, answer.httpStatus, answer.body, close);
            return true;
        }
        if (method != QHttpServerRequest::Method::Get) {
            respondJson(socket, 405, {{QStringLiteral("error"), QStringLiteral("method_not_allowed")}}, close);
            return true;
        }
        bool resolved = true;
        const BrokerService::Answer answer = m_service->actionStatus(authorization, id, &resolved);
        const int wait = int(std::clamp<qint64>(request.query().queryItemValue(QStringLiteral("wait")).toLongLong(), 0,
                                                m_service->config().maxWaitSeconds));
        if (answer.httpStatus != 200 || resolved || wait == 0) {
            respondJson(socket, answer.httpStatus, answer.body, close);
            return true;
        }
        Waiter waiter;
        waiter.socket = socket;
        waiter.authorization = authorization;
        waiter.close = close;
        waiter.timer = new QTimer(this);
        waiter.timer->setSingleShot(true);
        connect(waiter.timer, &QTimer::timeout, this, [this, id] { answerWaiters(id); });
        waiter.timer->start(wait * 1000);
        m_waiters[id].append(waiter);
        return true;
    }
    respondJson(socket, 404,
                {{QStringLiteral("error"), QStringLiteral("not_found")}, {QStringLiteral("message"), path}}, close);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    respondJson(socket, 404, {{QStringLiteral("error"), QStringLiteral("not_found")}}, wantsClose(request));
}

void HttpFrontend::onActionChanged(const ActionStore::StoredAction &action)
{
    if (action.isResolved())
        answerWaiters(action.id);
}

void HttpFrontend::onActionsChanged(const QList<ActionStore::StoredAction> &actions)
{
    if (m_waiters.isEmpty())
        return;
    for (const ActionStore::StoredAction &action : actions)
        onActionChanged(action);
}

void HttpFrontend::answerWaiters(const QString &actionId)
{
    auto it = m_waiters.find(actionId);
    if (it == m_waiters.end())
        return;
    QList<Waiter> remaining;
    const QList<Waiter> waiters = it.value();
    for (const Waiter &w : waiters) {
        bool resolved = true;
        const bool due = !w.timer->isActive();
        const BrokerService::Answer answer = m_service->actionStatus(w.authorization, actionId, &resolved);
        if (!resolved && !due && w.socket) {
            remaining.append(w);
            continue;
        }
        respondJson(w.socket, answer.httpStatus, answer.body, w.close);
        w.timer->deleteLater();
    }
    if (remaining.isEmpty())
        m_waiters.erase(m_waiters.find(actionId));
    else
        m_waiters[actionId] = remaining;
}

int HttpFrontend::consoleSessions() const
{
    return int(std::count_if(m_sessions.begin(), m_sessions.end(),
                             [](const ConsoleSession *session) { return session->isLoggedIn(); }));
}

bool HttpFrontend::takeWebSocket(QTcpSocket *socket)
{
    // A WebSocket client sends its whole handshake at once; anything that is
    // not a complete upgrade request for /v1/console stays with the HTTP side.
    const QByteArray head = socket->peek(16 * 1024);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 || !head.startsWith("GET /v1/console"))
        return false;
    const QByteArray headers = head.left(end).toLower();
    if (!headers.contains("\r\nupgrade: websocket") && !headers.contains("\r\nupgrade:websocket"))
        return false;
    const char after = head.at(qsizetype(qstrlen("GET /v1/console")));
    if (after != ' ' && after != '?')
        return false;
    // From here on the HTTP server must not touch this socket.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_webSockets.handleConnection(socket);
    QMetaObject::invokeMethod(socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
    return true;
}

void HttpFrontend::onWebSocket()
{
    while (m_webSockets.hasPendingConnections()) {
        QWebSocket *socket = m_webSockets.nextPendingConnection();
        if (!socket)
            break;
        auto *session = new ConsoleSession(socket, m_service, &m_limiter, this);
        m_sessions.append(session);
        connect(session, &ConsoleSession::loggedIn, this,
                [this] { m_service->metrics().setConsoleSessions(consoleSessions()); });
        connect(session, &ConsoleSession::finished, this, [this, session] {
            m_sessions.removeOne(session);
            m_service->metrics().setConsoleSessions(consoleSessions());
            session->deleteLater();
        });
        m_service->metrics().setConsoleSessions(consoleSessions());
    }
}

} // namespace countersign::broker
