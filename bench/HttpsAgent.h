#pragma once

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QSslSocket>

#include <functional>

namespace countersign::bench {

// A load generator's agent: one TLS connection to the broker, HTTP/1.1
// keep-alive, one request in flight, the request written from prepared bytes
// and the answer read by its status line and Content-Length. It does what an
// agent's HTTP stack does on the wire and nothing else, so that a throughput
// figure measures the broker rather than the client (QNetworkAccessManager
// cost more CPU per request than the broker did, on the same two cores).
class HttpsAgent : public QObject
{
    Q_OBJECT

public:
    using Answered = std::function<void(int status, const QByteArray &body)>;

    HttpsAgent(QString host, quint16 port, QSslConfiguration tls, QByteArray token, QObject *parent = nullptr);

    // Connects and completes the TLS handshake; false (with *error) if it did not within the timeout.
    bool connectNow(QString *error, int timeoutMs = 10000);
    // POST `path` with a JSON body; `answered` runs once with the HTTP status
    // (0 when the connection failed) and the body.
    void post(const QByteArray &path, const QByteArray &body, const QByteArray &idempotencyKey, Answered answered);
    bool busy() const { return bool(m_answered); }

private:
    void onReadyRead();
    void fail();

    QString m_host;
    quint16 m_port;
    QByteArray m_head; // request line prefix and the headers every request shares
    QSslSocket m_socket;
    QByteArray m_buffer;
    Answered m_answered;
};

} // namespace countersign::bench
