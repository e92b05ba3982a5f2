#include "broker/HttpFrontend.h"

#include "broker/AgentApi.h"
#include "broker/AgentReply.h"
#include "broker/ConsoleEndpoint.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSslServer>
#include <QSslSocket>
#include <QUrlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcBroker)

namespace countersign::broker {

namespace {

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

QJsonObject methodNotAllowed()
{
    return {{QStringLiteral("error"), QStringLiteral("method_not_allowed")}};
}

} // namespace

struct HttpFrontend::Channel
{
    QMutex mutex;
    HttpFrontend *frontend = nullptr;
};

HttpFrontend::HttpFrontend(const core::JsonLimits &submissionLimits, AgentApi *api, ConsoleEndpoint *consoles,
                           QObject *parent)
    : QAbstractHttpServer(parent)
    , m_limits(submissionLimits)
    , m_api(api)
    , m_consoles(consoles)
    , m_channel(std::make_shared<Channel>())
{
    m_channel->frontend = this;
}

HttpFrontend::~HttpFrontend()
{
    QMutexLocker lock(&m_channel->mutex);
    m_channel->frontend = nullptr;
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
    m_connections.insert(socket, Connection());
    connect(socket, &QObject::destroyed, this, [this, socket] {
        const auto it = m_connections.find(socket);
        if (it != m_connections.end()) {
            it->open->store(false);
            m_connections.erase(it);
        }
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        const auto it = m_connections.find(socket);
        if (it != m_connections.end())
            it->open->store(false);
    });
    // Connected before the HTTP parser sees the socket, so this runs first on
    // every read: a request larger than the limit is refused before it is buffered.
    const qint64 budget = m_limits.maxBytes + kHeaderAllowance;
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, budget] {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->rejected)
            return;
        if (!it->inspected) {
            it->inspected = true;
            if (takeWebSocket(socket))
                return;
        }
        it->bytesSeen += socket->bytesAvailable();
        if (it->bytesSeen > budget) {
            it->rejected = true;
            Answer answer;
            answer.status = 413;
            answer.json = {{QStringLiteral("error"), QStringLiteral("too_large")},
                           {QStringLiteral("message"), QStringLiteral("the request is larger than the limit")}};
            answer.close = true;
            write(socket, answer);
            socket->readAll();
        }
    });
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
    // From here on the HTTP server must not touch this socket, and this thread
    // lets go of it once the signal that brought us here has returned.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QObject::disconnect(socket, nullptr, this, nullptr);
    m_connections.remove(socket);
    // The socket may be deleted (a client that hung up) before either step
    // runs; the guards are only read on the thread that owns it at the time.
    QMetaObject::invokeMethod(
        this,
        [guard = QPointer<QTcpSocket>(socket), consoles = m_consoles] {
            if (!guard)
                return;
            guard->setParent(nullptr);
            guard->moveToThread(consoles->thread());
            QMetaObject::invokeMethod(consoles, [consoles, guard] {
                if (guard)
                    consoles->adopt(guard.data());
            });
        },
        Qt::QueuedConnection);
    return true;
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const auto it = m_connections.constFind(socket);
    if (it == m_connections.cend() || it->rejected)
        return true;
    const bool close = wantsClose(request);
    const QString path = request.url().path();
    const QHttpServerRequest::Method method = request.method();
    static const QRegularExpression actionPath(QStringLiteral("^/v1/actions/([A-Za-z0-9_-]{1,64})(/result)?$"));

    AgentRequest agentRequest;
    agentRequest.authorization = request.value("authorization");
    if (path == QStringLiteral("/healthz") || path == QStringLiteral("/metrics")) {
        agentRequest.kind
            = path == QStringLiteral("/healthz") ? AgentRequest::Kind::Health : AgentRequest::Kind::Metrics;
        dispatch(socket, agentRequest, close);
        return true;
    }
    if (path == QStringLiteral("/v1/actions")) {
        if (method != QHttpServerRequest::Method::Post) {
            answerHere(socket, 405, methodNotAllowed(), close);
            return true;
        }
        agentRequest.kind = AgentRequest::Kind::Submit;
        agentRequest.idempotencyKey = QString::fromLatin1(request.value("idempotency-key"));
        agentRequest.submission
            = std::make_shared<const PreparedSubmission>(PreparedSubmission::fromBody(request.body(), m_limits));
        dispatch(socket, agentRequest, close);
        return true;
    }
    const QRegularExpressionMatch match = actionPath.match(path);
    if (match.hasMatch()) {
        agentRequest.actionId = match.captured(1);
        if (!match.captured(2).isEmpty()) {
            if (method != QHttpServerRequest::Method::Post) {
                answerHere(socket, 405, methodNotAllowed(), close);
                return true;
            }
            agentRequest.kind = AgentRequest::Kind::Result;
            agentRequest.body = request.body();
            dispatch(socket, agentRequest, close);
            return true;
        }
        if (method != QHttpServerRequest::Method::Get) {
            answerHere(socket, 405, methodNotAllowed(), close);
            return true;
        }
        agentRequest.kind = AgentRequest::Kind::Status;
        agentRequest.waitSeconds = request.query().queryItemValue(QStringLiteral("wait")).toLongLong();
        dispatch(socket, agentRequest, close);
        return true;
    }
    answerHere(socket, 404, {{QStringLiteral("error"), QStringLiteral("not_found")}, {QStringLiteral("message"), path}},
               close);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    answerHere(socket, 404, {{QStringLiteral("error"), QStringLiteral("not_found")}}, wantsClose(request));
}

void HttpFrontend::dispatch(QTcpSocket *socket, const AgentRequest &request, bool close)
{
    Connection &connection = m_connections[socket];
    const quint64 index = connection.nextRequest++;
    AgentReply reply(
        [channel = m_channel, target = QPointer<QTcpSocket>(socket), index,
         close](int status, const QByteArray &contentType, const QByteArray &text, const QJsonObject &json) {
            QMutexLocker lock(&channel->mutex);
            if (!channel->frontend)
                return;
            HttpFrontend *frontend = channel->frontend;
            QMetaObject::invokeMethod(
                frontend,
                [frontend, target, index, answer = Answer {status, contentType, text, json, close}] {
                    frontend->deliver(target, index, answer);
                },
                Qt::QueuedConnection);
        },
        connection.open);
    QMetaObject::invokeMethod(m_api, [api = m_api, request, reply] { api->handle(request, reply); });
}

void HttpFrontend::answerHere(QTcpSocket *socket, int status, const QJsonObject &body, bool close)
{
    Connection &connection = m_connections[socket];
    deliver(socket, connection.nextRequest++, Answer {status, QByteArray(), QByteArray(), body, close});
}

void HttpFrontend::deliver(const QPointer<QTcpSocket> &socket, quint64 index, Answer answer)
{
    // A socket that closed before its answer was ready is simply not answered.
    if (!socket)
        return;
    const auto it = m_connections.find(socket.data());
    if (it == m_connections.end())
        return;
    Connection &connection = *it;
    if (index != connection.nextAnswer) {
        connection.held.emplace(index, std::move(answer));
        return;
    }
    QTcpSocket *target = socket.data();
    for (;;) {
        write(target, answer);
        ++connection.nextAnswer;
        connection.bytesSeen = 0;
        if (answer.close)
            return;
        const auto next = connection.held.find(connection.nextAnswer);
        if (next == connection.held.end())
            return;
        answer = std::move(next->second);
        connection.held.erase(next);
    }
}

void HttpFrontend::write(QTcpSocket *socket, const Answer &answer)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    const bool json = answer.contentType.isEmpty();
    const QByteArray body = json ? QJsonDocument(answer.json).toJson(QJsonDocument::Compact) + '\n' : answer.text;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    head += "Content-Type: " + (json ? QByteArrayLiteral("application/json") : answer.contentType) + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    head += answer.close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    socket->write(head + body);
    if (answer.close)
        socket->disconnectFromHost();
}

} // namespace countersign::broker
