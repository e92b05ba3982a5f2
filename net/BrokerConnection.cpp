#include "net/BrokerConnection.h"

#include "core/JsonParser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSslConfiguration>

namespace countersign::net {

namespace {
constexpr int kBaseBackoffMs = 500;
constexpr int kMaxBackoffMs = 30000;
constexpr qint64 kMaxMessageBytes = 64 * 1024 * 1024;
} // namespace

BrokerConnection::BrokerConnection(QObject *parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &BrokerConnection::open);
    m_pingTimer.setInterval(20000);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] { m_socket.ping(); });
    connect(&m_socket, &QWebSocket::connected, this, &BrokerConnection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &BrokerConnection::onDisconnected);
    connect(&m_socket, &QWebSocket::sslErrors, this, &BrokerConnection::onSslErrors);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BrokerConnection::onText);
}

BrokerConnection::~BrokerConnection()
{
    m_running = false;
    m_socket.abort();
}

void BrokerConnection::setProfile(const ConnectionProfile &profile)
{
    m_profile = profile;
}

QString BrokerConnection::fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

int BrokerConnection::backoffMs(int attempt, double jitter01)
{
    const int exponent = std::clamp(attempt - 1, 0, 16);
    const qint64 base = std::min<qint64>(qint64(kBaseBackoffMs) << exponent, kMaxBackoffMs);
    return int(double(base) * (0.75 + 0.5 * std::clamp(jitter01, 0.0, 1.0)));
}

QString BrokerConnection::stateText() const
{
    switch (m_state) {
    case State::Disconnected:
        return tr("Not connected");
    case State::Connecting:
        return tr("Connecting to %1…").arg(m_profile.url.host());
    case State::LoggingIn:
        return tr("Logging in…");
    case State::Syncing:
        return tr("Catching up with the broker…");
    case State::Live:
        return tr("Connected to %1").arg(m_profile.url.host());
    case State::WaitingToRetry:
        return tr("Connection lost — retrying in %1 s (attempt %2)")
            .arg(qMax(1, (m_retryTimer.remainingTime() + 999) / 1000))
            .arg(m_attempt);
    case State::NeedsTrust:
        return tr("The broker's certificate is not trusted yet");
    case State::Refused:
        return tr("Connection refused — see the message above");
    }
    return {};
}

void BrokerConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void BrokerConnection::start()
{
    m_running = true;
    m_attempt = 0;
    m_refusedThisRound = false;
    open();
}

void BrokerConnection::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_pingTimer.stop();
    m_socket.abort();
    setState(State::Disconnected);
}

void BrokerConnection::dropConnection()
{
    m_socket.abort();
}

void BrokerConnection::open()
{
    if (!m_running || !m_profile.isValid())
        return;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_profile.caFile.isEmpty())
        tls.setCaCertificates(QSslCertificate::fromPath(m_profile.caFile));
    m_socket.setSslConfiguration(tls);
    m_principal = {};
    m_peerFingerprint.clear();
    setState(State::Connecting);
    m_socket.open(m_profile.url);
}

void BrokerConnection::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_socket.sslConfiguration().peerCertificate();
    m_peerFingerprint = fingerprintOf(peer);
    if (!m_profile.pinnedFingerprint.isEmpty() && m_peerFingerprint == m_profile.pinnedFingerprint) {
        // The pin is the trust anchor: a self-signed certificate is expected, but
        // only the errors a pinned self-signed certificate produces are waived.
        QList<QSslError> expected;
        for (const QSslError &error : errors) {
            switch (error.error()) {
            case QSslError::SelfSignedCertificate:
            case QSslError::SelfSignedCertificateInChain:
            case QSslError::UnableToGetLocalIssuerCertificate:
            case QSslError::UnableToVerifyFirstCertificate:
            case QSslError::CertificateUntrusted:
            case QSslError::HostNameMismatch:
                expected.append(error);
                break;
            default:
                break;
            }
        }
        if (expected.size() == errors.size()) {
            m_socket.ignoreSslErrors(errors);
            return;
        }
    }
    m_refusedThisRound = true;
    if (m_profile.pinnedFingerprint.isEmpty()) {
        setState(State::NeedsTrust);
        Q_EMIT certificateNeedsTrust(m_peerFingerprint, peer);
    } else if (m_peerFingerprint != m_profile.pinnedFingerprint) {
        setState(State::Refused);
        Q_EMIT certificateMismatch(m_profile.pinnedFingerprint, m_peerFingerprint);
    } else {
        setState(State::Refused);
        Q_EMIT errorMessage(QStringLiteral("tls"), errors.isEmpty() ? tr("TLS failed") : errors.first().errorString());
    }
}

void BrokerConnection::onConnected()
{
    // A CA-verified certificate raises no sslErrors; a pin must still match it.
    const QSslCertificate peer = m_socket.sslConfiguration().peerCertificate();
    m_peerFingerprint = fingerprintOf(peer);
    if (!m_profile.pinnedFingerprint.isEmpty() && m_peerFingerprint != m_profile.pinnedFingerprint) {
        m_refusedThisRound = true;
        m_socket.abort();
        setState(State::Refused);
        Q_EMIT certificateMismatch(m_profile.pinnedFingerprint, m_peerFingerprint);
        return;
    }
    setState(State::LoggingIn);
    m_pingTimer.start();
}

void BrokerConnection::onDisconnected()
{
    m_pingTimer.stop();
    m_principal = {};
    if (!m_running)
        return;
    if (m_refusedThisRound || m_state == State::Refused || m_state == State::NeedsTrust) {
        // Refusals need a person: no automatic retry until start() again.
        m_refusedThisRound = false;
        return;
    }
    scheduleRetry();
}

void BrokerConnection::scheduleRetry()
{
    ++m_attempt;
    m_retryTimer.start(backoffMs(m_attempt, QRandomGenerator::global()->generateDouble()));
    setState(State::WaitingToRetry);
}

void BrokerConnection::sendObject(const QJsonObject &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

bool BrokerConnection::send(const QJsonObject &message)
{
    if (m_state != State::Live)
        return false;
    sendObject(message);
    return true;
}

void BrokerConnection::onText(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject())
        return; // the broker never sends this; drop it rather than guess
    const QJsonObject message = document.object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("challenge")) {
        m_brokerKeyId = message.value(QStringLiteral("broker")).toString();
        const auto login
            = m_signer ? m_signer(message.value(QStringLiteral("nonce")).toString(), m_brokerKeyId) : std::nullopt;
        if (!login) {
            m_refusedThisRound = true;
            setState(State::Refused);
            Q_EMIT loginRefused(QStringLiteral("locked"), tr("The signing key is locked; unlock it to connect."));
            m_socket.close();
            return;
        }
        sendObject(
            {{QStringLiteral("type"), QStringLiteral("login")}, {QStringLiteral("jws"), QString::fromLatin1(*login)}});
        return;
    }
    if (type == QStringLiteral("welcome")) {
        m_principal = message.value(QStringLiteral("principal")).toObject();
        m_attempt = 0;
        setState(State::Syncing);
        sendObject({{QStringLiteral("type"), QStringLiteral("subscribe")},
                    {QStringLiteral("since"), m_resumeSeq},
                    {QStringLiteral("protocol"), kProtocol}});
        return;
    }
    auto applyAction = [this](const QJsonObject &action) {
        const qint64 seq = action.value(QStringLiteral("seq")).toInteger();
        if (seq > m_resumeSeq)
            m_resumeSeq = seq;
        Q_EMIT actionMessage(action);
    };
    if (type == QStringLiteral("action")) {
        applyAction(message);
        return;
    }
    if (type == QStringLiteral("actions")) {
        // A batch of action messages from one broker transaction (a kill switch).
        const QJsonArray items = message.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject action = item.toObject();
            if (action.value(QStringLiteral("type")).toString() == QStringLiteral("action"))
                applyAction(action);
        }
        return;
    }
    if (type == QStringLiteral("resolved")) {
        // Protocol 2: a kill switch's (or a resumed stream's) resolutions, only
        // what the queue needs to drop the rows. An item that is not well
        // formed is skipped, never guessed at.
        const QJsonArray items = message.value(QStringLiteral("items")).toArray();
        QList<ResolvedAction> resolved;
        resolved.reserve(items.size());
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            ResolvedAction r;
            r.id = item.value(QStringLiteral("id")).toString();
            r.seq = item.value(QStringLiteral("seq")).toInteger(0);
            r.status = item.value(QStringLiteral("status")).toString();
            r.resolvedAt = item.value(QStringLiteral("resolved_at")).toString();
            if (r.id.isEmpty() || r.seq <= 0 || r.status.isEmpty() || r.status == QStringLiteral("pending"))
                continue;
            m_resumeSeq = std::max(m_resumeSeq, r.seq);
            resolved.append(std::move(r));
        }
        if (!resolved.isEmpty())
            Q_EMIT actionsResolved(resolved);
        return;
    }
    if (type == QStringLiteral("synced")) {
        m_resumeSeq = std::max(m_resumeSeq, message.value(QStringLiteral("head")).toInteger());
        setState(State::Live);
        Q_EMIT synced(message.value(QStringLiteral("head")).toInteger(),
                      message.value(QStringLiteral("killswitches")).toArray());
        return;
    }
    if (type == QStringLiteral("killswitch")) {
        Q_EMIT killSwitchMessage(message);
        return;
    }
    if (type == QStringLiteral("error")) {
        const QString code = message.value(QStringLiteral("code")).toString();
        const QString text2 = message.value(QStringLiteral("message")).toString();
        if (m_state == State::LoggingIn) {
            m_refusedThisRound = true;
            setState(State::Refused);
            Q_EMIT loginRefused(code, text2);
            return;
        }
        if (code == QStringLiteral("since_ahead") || code == QStringLiteral("since_too_old")) {
            // Our cursor is useless with this broker: start over from a full snapshot.
            m_resumeSeq = 0;
            Q_EMIT streamReset();
            sendObject({{QStringLiteral("type"), QStringLiteral("subscribe")},
                        {QStringLiteral("since"), 0},
                        {QStringLiteral("protocol"), kProtocol}});
        }
        if (code == QStringLiteral("revoked_key"))
            m_refusedThisRound = true;
        Q_EMIT errorMessage(code, text2);
        if (message.contains(QStringLiteral("id")))
            Q_EMIT reply(message);
        return;
    }
    if (message.contains(QStringLiteral("id")))
        Q_EMIT reply(message);
}

} // namespace countersign::net
