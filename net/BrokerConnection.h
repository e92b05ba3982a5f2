#pragma once

#include "net/ConnectionProfile.h"
#include "net/ResolvedAction.h"

#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace countersign::net {

// The console's one WebSocket to the broker: TLS with a pinned certificate,
// challenge–response login, then `subscribe {since}` so the stream resumes
// after the last change this console holds. Reconnects with exponential
// backoff and jitter. Nothing may be signed unless the state is Live.
class BrokerConnection : public QObject
{
    Q_OBJECT

public:
    // The protocol version this console speaks, declared in `subscribe`.
    static constexpr int kProtocol = 2;

    enum class State {
        Disconnected, // not started, or stopped
        Connecting,
        LoggingIn,
        Syncing, // logged in, replaying changes since the last seq
        Live,
        WaitingToRetry,
        NeedsTrust, // the broker's certificate is not pinned yet; the user must decide
        Refused, // pin mismatch or login refused: no automatic retry
    };
    Q_ENUM(State)

    // Signs the login statement for (challenge nonce, broker key id); empty when the key is locked.
    using LoginSigner = std::function<std::optional<QByteArray>(const QString &nonce, const QString &brokerKeyId)>;

    explicit BrokerConnection(QObject *parent = nullptr);
    ~BrokerConnection() override;

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const { return m_profile; }
    void setLoginSigner(LoginSigner signer) { m_signer = std::move(signer); }
    // The highest change seq already held; the next subscription resumes after it.
    void setResumeSeq(qint64 seq) { m_resumeSeq = seq; }
    qint64 resumeSeq() const { return m_resumeSeq; }

    void start();
    void stop();
    // Drops the socket as if the network failed (tests use it; so does "reconnect now").
    void dropConnection();

    State state() const { return m_state; }
    bool isLive() const { return m_state == State::Live; }
    QString stateText() const;
    QJsonObject principal() const { return m_principal; }
    QString brokerKeyId() const { return m_brokerKeyId; }
    QString peerFingerprint() const { return m_peerFingerprint; }
    int reconnectAttempts() const { return m_attempt; }

    // Sends a request message; returns false unless Live.
    bool send(const QJsonObject &message);

    static QString fingerprintOf(const QSslCertificate &certificate);
    // Backoff before reconnect attempt n (1-based): 0.5 s · 2^(n-1), capped at 30 s, ±25 % jitter.
    static int backoffMs(int attempt, double jitter01);

Q_SIGNALS:
    void stateChanged(countersign::net::BrokerConnection::State state);
    void actionMessage(const QJsonObject &message);
    // A compact `resolved` frame (protocol 2): actions that left the pending
    // state, in seq order; the resume cursor has already moved past them.
    void actionsResolved(const QList<countersign::net::ResolvedAction> &items);
    void killSwitchMessage(const QJsonObject &message);
    void synced(qint64 head, const QJsonArray &killSwitches);
    // Any message carrying an `id`: answers to decide, killswitch, history, audit requests.
    void reply(const QJsonObject &message);
    void errorMessage(const QString &code, const QString &message);
    // The broker cannot resume from our cursor (another broker, or history
    // pruned): whatever the console holds must be dropped; a snapshot follows.
    void streamReset();
    void certificateNeedsTrust(const QString &fingerprint, const QSslCertificate &certificate);
    void certificateMismatch(const QString &pinned, const QString &presented);
    void loginRefused(const QString &code, const QString &message);

private:
    void setState(State state);
    void open();
    void scheduleRetry();
    void onConnected();
    void onDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onText(const QString &text);
    void sendObject(const QJsonObject &message);

    QWebSocket m_socket;
    ConnectionProfile m_profile;
    LoginSigner m_signer;
    State m_state = State::Disconnected;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    bool m_running = false;
    int m_attempt = 0;
    qint64 m_resumeSeq = 0;
    QJsonObject m_principal;
    QString m_brokerKeyId;
    QString m_peerFingerprint;
    bool m_refusedThisRound = false;
};

} // namespace countersign::net
