#include "support/ConsoleClient.h"

#include "core/ActionDigest.h"
#include "core/DecisionStatement.h"
#include "core/Identifiers.h"
#include "core/Jws.h"
#include "core/KillSwitchOrder.h"
#include "core/LoginStatement.h"
#include "core/StatementType.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

namespace countersign::testing {

ConsoleClient::ConsoleClient(QUrl url, QSslConfiguration tls, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    m_socket.setSslConfiguration(tls);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = message.value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("challenge"))
            m_challenge = message;
        else if (type == QStringLiteral("welcome"))
            m_welcome = message;
        else if (type == QStringLiteral("error"))
            m_lastError = message;
        if (type == QStringLiteral("actions")) {
            // A batch frame: the tests see its action messages one by one.
            ++m_batchFrames;
            for (const QJsonValue &item : message.value(QStringLiteral("items")).toArray()) {
                if (m_recording)
                    m_messages.append(item.toObject());
                Q_EMIT messageReceived(item.toObject());
            }
            return;
        }
        if (type == QStringLiteral("resolved"))
            ++m_resolvedFrames; // kept whole: the tests look at its items
        if (m_recording)
            m_messages.append(message);
        Q_EMIT messageReceived(message);
    });
}

bool ConsoleClient::open(int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(m_url);
    if (!connected.wait(timeoutMs))
        return false;
    return !waitFor(QStringLiteral("challenge"), 0, timeoutMs).isEmpty();
}

bool ConsoleClient::login(const core::Ed25519PrivateKey &key, int timeoutMs)
{
    if (!isConnected() && !open(timeoutMs))
        return false;
    const auto jws = core::LoginStatement::sign(key, m_challenge.value(QStringLiteral("nonce")).toString(),
                                                m_challenge.value(QStringLiteral("broker")).toString());
    const qsizetype from = m_messages.size();
    m_socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("login")},
                                   {QStringLiteral("jws"), QString::fromLatin1(jws.value_or(QByteArray()))}})
            .toJson(QJsonDocument::Compact)));
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (qsizetype i = from; i < m_messages.size(); ++i) {
            const QString type = m_messages.at(i).value(QStringLiteral("type")).toString();
            if (type == QStringLiteral("welcome"))
                return true;
            if (type == QStringLiteral("error"))
                return false;
        }
        QSignalSpy spy(this, &ConsoleClient::messageReceived);
        spy.wait(int(deadline.remainingTime()));
    }
    return false;
}

QJsonObject ConsoleClient::waitFor(const QString &type, qsizetype fromIndex, int timeoutMs)
{
    qsizetype from = fromIndex < 0 ? m_messages.size() : fromIndex;
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        for (qsizetype i = from; i < m_messages.size(); ++i) {
            if (m_messages.at(i).value(QStringLiteral("type")).toString() == type)
                return m_messages.at(i);
        }
        from = m_messages.size();
        if (deadline.hasExpired())
            return {};
        QSignalSpy spy(this, &ConsoleClient::messageReceived);
        spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

QList<QJsonObject> ConsoleClient::subscribe(qint64 since, int timeoutMs, int protocol)
{
    const qsizetype from = m_messages.size();
    QJsonObject subscribe {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("since"), since}};
    if (protocol > 0)
        subscribe.insert(QStringLiteral("protocol"), protocol);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(subscribe).toJson(QJsonDocument::Compact)));
    QList<QJsonObject> actions;
    // Done at `synced`, or at once when the broker refuses with an error.
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype scanned = from;
    bool synced = false;
    while (!synced) {
        for (; scanned < m_messages.size() && !synced; ++scanned) {
            const QString type = m_messages.at(scanned).value(QStringLiteral("type")).toString();
            if (type == QStringLiteral("error"))
                return actions;
            synced = type == QStringLiteral("synced");
        }
        if (synced)
            break;
        if (deadline.hasExpired() || !isConnected())
            return actions;
        QSignalSpy spy(this, &ConsoleClient::messageReceived);
        spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    for (qsizetype i = from; i < m_messages.size(); ++i) {
        const QString type = m_messages.at(i).value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("synced"))
            break;
        if (type == QStringLiteral("action"))
            actions.append(m_messages.at(i));
    }
    return actions;
}

QJsonObject ConsoleClient::request(QJsonObject message, int timeoutMs)
{
    const int id = m_nextId++;
    message.insert(QStringLiteral("id"), id);
    const qsizetype from = m_messages.size();
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype scanned = from;
    while (true) {
        for (; scanned < m_messages.size(); ++scanned) {
            if (m_messages.at(scanned).value(QStringLiteral("id")).toInt(-1) == id)
                return m_messages.at(scanned);
        }
        if (deadline.hasExpired() || !isConnected())
            return {};
        QSignalSpy spy(this, &ConsoleClient::messageReceived);
        spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

void ConsoleClient::close()
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    m_socket.close();
    // close() may finish (and emit) at once; wait() only sees later emissions.
    if (disconnected.isEmpty() && m_socket.state() != QAbstractSocket::UnconnectedState)
        disconnected.wait(5000);
}

QByteArray ConsoleClient::signDecision(const core::Ed25519PrivateKey &key, const QJsonObject &action,
                                       const QString &verdict, const QString &reason, const QJsonObject &overrides)
{
    core::DecisionStatement statement;
    statement.actionId = action.value(QStringLiteral("id")).toString();
    statement.actionDigest = core::ActionDigest::compute(action);
    statement.verdict = verdict;
    statement.reason = reason;
    statement.approver = key.keyId();
    statement.issuedAt = QDateTime::currentDateTimeUtc();
    statement.nonce = core::Identifiers::newNonce();
    QJsonObject json = statement.toJson();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        json.insert(it.key(), it.value());
    return core::Jws::signStatement(key, core::statement_type::decision(), json).value_or(QByteArray());
}

QByteArray ConsoleClient::signKillSwitch(const core::Ed25519PrivateKey &key, const QString &operation,
                                         const QString &scope, const QString &target, const QString &reason)
{
    core::KillSwitchOrder order;
    order.operation = operation;
    order.scope = scope;
    order.target = target;
    order.reason = reason;
    order.issuedBy = key.keyId();
    order.issuedAt = QDateTime::currentDateTimeUtc();
    order.nonce = core::Identifiers::newNonce();
    return core::Jws::signStatement(key, core::statement_type::killSwitch(), order.toJson()).value_or(QByteArray());
}

} // namespace countersign::testing
