#pragma once

#include "broker/AgentRequest.h"
#include "core/JsonLimits.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>

#include <atomic>
#include <map>
#include <memory>

class QTcpSocket;

namespace countersign::broker {

class AgentApi;
class ConsoleEndpoint;

// The one TLS port, on the network thread (BrokerServer): TLS, HTTP parsing,
// the body-size guard, routing, and the work on a submission's body that needs
// no state (PreparedSubmission). It never touches the database: every agent
// request goes to AgentApi on the store thread, and a console's WebSocket
// upgrade hands its socket to ConsoleEndpoint there. Answers come back from
// the store thread and are written in the order their requests arrived on
// the connection, as HTTP/1.1 requires. Responses are written by hand so that
// an answer can come long after its request (group commit, long-polls).
//
// WebSocket upgrades are taken off the socket before the HTTP parser sees
// them: Qt 6.4's QAbstractHttpServer hands upgrade requests to
// handleRequest() as ordinary GETs.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // `submissionLimits` (BrokerService::submissionLimits) bound every request
    // body and its parse; `api` and `consoles` live on the store thread and
    // are only posted to.
    HttpFrontend(const core::JsonLimits &submissionLimits, AgentApi *api, ConsoleEndpoint *consoles,
                 QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Returns the port, or 0 (with *error) when the address cannot be bound.
    quint16 listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls, QString *error);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Answer
    {
        int status = 0;
        QByteArray contentType;
        QByteArray text;
        QJsonObject json;
        bool close = false;
    };
    struct Connection
    {
        quint64 nextRequest = 0; // index the next request gets
        quint64 nextAnswer = 0; // index whose answer is written next
        std::map<quint64, Answer> held; // answers that came before an earlier one's
        qint64 bytesSeen = 0; // since the last answer, for the size guard
        bool inspected = false;
        bool rejected = false;
        std::shared_ptr<std::atomic<bool>> open = std::make_shared<std::atomic<bool>>(true);
    };
    // Shared with every reply sender: cleared when the frontend goes, so a
    // late answer from the store thread is dropped instead of posted to nothing.
    struct Channel;

    void watchSocket(QTcpSocket *socket);
    // True when the socket's first bytes are a WebSocket upgrade for /v1/console.
    bool takeWebSocket(QTcpSocket *socket);
    // Sends a request to the store thread with the way back to this connection.
    void dispatch(QTcpSocket *socket, const AgentRequest &request, bool close);
    // Answers on this thread (routing errors), in turn with the others.
    void answerHere(QTcpSocket *socket, int status, const QJsonObject &body, bool close);
    void deliver(const QPointer<QTcpSocket> &socket, quint64 index, Answer answer);
    static void write(QTcpSocket *socket, const Answer &answer);

    core::JsonLimits m_limits;
    AgentApi *m_api;
    ConsoleEndpoint *m_consoles;
    std::shared_ptr<Channel> m_channel;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace countersign::broker
