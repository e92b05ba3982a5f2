#include "HttpsAgent.h"

#include <QEventLoop>
#include <QTimer>

namespace countersign::bench {

HttpsAgent::HttpsAgent(QString host, quint16 port, QSslConfiguration tls, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
{
    m_socket.setSslConfiguration(tls);
    m_head = "Host: " + m_host.toLatin1() + ':' + QByteArray::number(m_port)
        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n";
    connect(&m_socket, &QSslSocket::readyRead, this, &HttpsAgent::onReadyRead);
    connect(&m_socket, &QSslSocket::disconnected, this, &HttpsAgent::fail);
    connect(&m_socket, &QSslSocket::errorOccurred, this, &HttpsAgent::fail);
}

bool HttpsAgent::connectNow(QString *error, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&m_socket, &QSslSocket::encrypted, &loop, &QEventLoop::quit);
    connect(&m_socket, &QSslSocket::errorOccurred, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    m_socket.connectToHostEncrypted(m_host, m_port);
    loop.exec();
    if (m_socket.isEncrypted())
        return true;
    *error = m_socket.errorString();
    return false;
}

void HttpsAgent::post(const QByteArray &path, const QByteArray &body, const QByteArray &idempotencyKey,
                      Answered answered)
{
    Q_ASSERT(!m_answered);
    m_answered = std::move(answered);
    QByteArray request;
    request.reserve(path.size() + m_head.size() + idempotencyKey.size() + body.size() + 64);
    request += "POST " + path + " HTTP/1.1\r\n";
    request += m_head;
    request += "Idempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n";
    request += body;
    m_socket.write(request);
}

void HttpsAgent::onReadyRead()
{
    m_buffer += m_socket.readAll();
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0 || !m_answered)
        return;
    // "HTTP/1.1 200 OK"
    const int status = m_buffer.startsWith("HTTP/1.1 ") ? m_buffer.mid(9, 3).toInt() : 0;
    qsizetype length = 0;
    const QByteArray head = m_buffer.left(headEnd).toLower();
    const qsizetype at = head.indexOf("\r\ncontent-length:");
    if (at >= 0) {
        const qsizetype valueStart = at + 17;
        const qsizetype valueEnd = head.indexOf("\r\n", valueStart);
        length = head.mid(valueStart, valueEnd < 0 ? -1 : valueEnd - valueStart).trimmed().toLongLong();
    }
    const qsizetype total = headEnd + 4 + length;
    if (m_buffer.size() < total)
        return;
    const QByteArray body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, total);
    Answered answered = std::move(m_answered);
    m_answered = nullptr;
    answered(status, body);
}

void HttpsAgent::fail()
{
    if (!m_answered)
        return;
    Answered answered = std::move(m_answered);
    m_answered = nullptr;
    answered(0, m_socket.errorString().toUtf8());
}

} // namespace countersign::bench
