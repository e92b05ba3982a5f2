#include "broker/KillSwitchClient.h"

#include "core/LoginStatement.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QTimer>

namespace countersign::broker {

KillSwitchClient::KillSwitchClient(QUrl url, QSslCertificate pinned, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_pinned(std::move(pinned))
{
    // Exactly the configured certificate is trusted: it is the only CA, peer
    // verification stays on, and the presented leaf must be that certificate.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_pinned});
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket.setSslConfiguration(tls);
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { m_received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        m_failure = QStringLiteral("TLS: %1").arg(texts.join(QStringLiteral("; ")));
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_failure.isEmpty())
                    m_failure = m_socket.errorString();
            });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_closed = true; });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        if (m_socket.sslConfiguration().peerCertificate() != m_pinned) {
            m_failure = QStringLiteral("TLS: the broker did not present the pinned certificate");
            m_socket.abort();
        }
    });
}

std::optional<QJsonObject> KillSwitchClient::waitFor(const std::function<bool(const QJsonObject &)> &done,
                                                     int timeoutMs, QString *error)
{
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&m_socket, &QWebSocket::textMessageReceived, &loop, &QEventLoop::quit);
    connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    qsizetype seen = 0;
    while (true) {
        for (; seen < m_received.size(); ++seen) {
            if (done(m_received.at(seen)))
                return m_received.at(seen);
        }
        if (!m_failure.isEmpty()) {
            *error = m_failure;
            return std::nullopt;
        }
        if (!deadline.isActive()) {
            *error = QStringLiteral("no answer from %1 within %2 s").arg(m_url.toString()).arg(timeoutMs / 1000);
            return std::nullopt;
        }
        if (m_closed) {
            *error = QStringLiteral("the broker closed the connection");
            return std::nullopt;
        }
        loop.exec();
    }
}

bool KillSwitchClient::login(const core::Ed25519PrivateKey &key, int timeoutMs, QString *error, QString *refusedCode)
{
    refusedCode->clear();
    m_socket.open(m_url);
    const auto challenge = waitFor(
        [](const QJsonObject &m) { return m.value(QStringLiteral("type")).toString() == QStringLiteral("challenge"); },
        timeoutMs, error);
    if (!challenge)
        return false;
    const auto jws = core::LoginStatement::sign(key, challenge->value(QStringLiteral("nonce")).toString(),
                                                challenge->value(QStringLiteral("broker")).toString(), error);
    if (!jws)
        return false;
    const qsizetype from = m_received.size();
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("login")},
                                                     {QStringLiteral("jws"), QString::fromLatin1(*jws)}})
                              .toJson(QJsonDocument::Compact)));
    qsizetype index = 0;
    const auto answer = waitFor(
        [&](const QJsonObject &m) {
            const QString type = m.value(QStringLiteral("type")).toString();
            return index++ >= from && (type == QStringLiteral("welcome") || type == QStringLiteral("error"));
        },
        timeoutMs, error);
    if (!answer)
        return false;
    if (answer->value(QStringLiteral("type")).toString() == QStringLiteral("welcome"))
        return true;
    *refusedCode = answer->value(QStringLiteral("code")).toString();
    *error = answer->value(QStringLiteral("message")).toString();
    return false;
}

std::optional<QJsonObject> KillSwitchClient::request(QJsonObject message, int timeoutMs, QString *error)
{
    const int id = m_nextId++;
    message.insert(QStringLiteral("id"), id);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return waitFor([id](const QJsonObject &m) { return m.value(QStringLiteral("id")).toInt(-1) == id; }, timeoutMs,
                   error);
}

void KillSwitchClient::close()
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
    m_socket.close();
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        deadline.start(5000);
        loop.exec();
    }
}

} // namespace countersign::broker
