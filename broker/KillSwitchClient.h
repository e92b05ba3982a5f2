#pragma once

#include "core/Ed25519PrivateKey.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace countersign::broker {

// The console protocol spoken by `countersignd killswitch`: one WebSocket to a
// running broker, trusting exactly the pinned certificate, logged in with a
// signed challenge, then one request and its answer. Waits run a local event
// loop bounded by a timer; nothing sleeps.
class KillSwitchClient : public QObject
{
    Q_OBJECT

public:
    KillSwitchClient(QUrl url, QSslCertificate pinned, QObject *parent = nullptr);

    // Connects and answers the challenge with `key`. On failure *error says why;
    // *refusedCode is the broker's code when the broker refused the login
    // (empty when the connection itself failed).
    bool login(const core::Ed25519PrivateKey &key, int timeoutMs, QString *error, QString *refusedCode);
    // Sends `message` with a fresh id and returns the reply carrying that id.
    std::optional<QJsonObject> request(QJsonObject message, int timeoutMs, QString *error);
    void close();

private:
    // Runs the event loop until `done` holds for a received message (returned),
    // the socket fails or closes, or the time is up.
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &done, int timeoutMs,
                                       QString *error);

    QWebSocket m_socket;
    QUrl m_url;
    QSslCertificate m_pinned;
    QList<QJsonObject> m_received;
    QString m_failure;
    bool m_closed = false;
    int m_nextId = 1;
};

} // namespace countersign::broker
