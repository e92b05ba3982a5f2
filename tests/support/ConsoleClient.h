#pragma once

#include "core/Ed25519PrivateKey.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>

namespace countersign::testing {

// A console session over the real WebSocket protocol, kept deliberately
// simple: each call sends one message and waits (QSignalSpy) for its answer.
class ConsoleClient : public QObject
{
    Q_OBJECT

public:
    ConsoleClient(QUrl url, QSslConfiguration tls, QObject *parent = nullptr);

    bool open(int timeoutMs = 15000);
    // open(), then answer the challenge with `key`; false (and lastError()) when refused.
    bool login(const core::Ed25519PrivateKey &key, int timeoutMs = 15000);
    // subscribe{since}; waits for `synced` and returns the action messages before it.
    // `protocol` > 0 is declared in the subscription (2: compact `resolved` frames);
    // 0 declares nothing, which the broker takes as protocol 1.
    QList<QJsonObject> subscribe(qint64 since, int timeoutMs = 15000, int protocol = 0);
    // Sends `message` with a fresh id and waits for the reply carrying that id.
    QJsonObject request(QJsonObject message, int timeoutMs = 15000);
    QJsonObject decide(const QByteArray &jws)
    {
        return request(
            {{QStringLiteral("type"), QStringLiteral("decide")}, {QStringLiteral("jws"), QString::fromLatin1(jws)}});
    }
    QJsonObject killSwitch(const QByteArray &jws)
    {
        return request({{QStringLiteral("type"), QStringLiteral("killswitch")},
                        {QStringLiteral("jws"), QString::fromLatin1(jws)}});
    }
    void sendRaw(const QString &text) { m_socket.sendTextMessage(text); }
    // Waits until a message of `type` arrives after `fromIndex`; returns it (empty on timeout).
    QJsonObject waitFor(const QString &type, qsizetype fromIndex = -1, int timeoutMs = 15000);
    void close();

    const QList<QJsonObject> &messages() const { return m_messages; }
    // Off: messages are only signalled, not kept (a long-running benchmark
    // client must not grow); waitFor and subscribe need it on.
    void setRecording(bool on) { m_recording = on; }
    // How many {"type":"actions"} batch frames arrived (their items are in messages()).
    int batchFrames() const { return m_batchFrames; }
    // How many {"type":"resolved"} frames arrived (kept whole in messages()).
    int resolvedFrames() const { return m_resolvedFrames; }
    QJsonObject challenge() const { return m_challenge; }
    QJsonObject welcome() const { return m_welcome; }
    QJsonObject lastError() const { return m_lastError; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

    // A decision statement over the action as received, signed with `key`; the
    // digest is computed here from the action JSON, never taken from the broker.
    static QByteArray signDecision(const core::Ed25519PrivateKey &key, const QJsonObject &action,
                                   const QString &verdict, const QString &reason, const QJsonObject &overrides = {});
    static QByteArray signKillSwitch(const core::Ed25519PrivateKey &key, const QString &operation, const QString &scope,
                                     const QString &target, const QString &reason);

Q_SIGNALS:
    void messageReceived(const QJsonObject &message);

private:
    QWebSocket m_socket;
    QUrl m_url;
    QList<QJsonObject> m_messages;
    int m_batchFrames = 0;
    int m_resolvedFrames = 0;
    bool m_recording = true;
    QJsonObject m_challenge;
    QJsonObject m_welcome;
    QJsonObject m_lastError;
    int m_nextId = 1;
};

} // namespace countersign::testing
