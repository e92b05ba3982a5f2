#pragma once

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QThread>

#include <memory>

namespace countersign::broker {

class AgentApi;
class BrokerService;
class ConsoleEndpoint;
class HttpFrontend;

// The running broker's two threads (docs/architecture.md, "Threads"). The
// store thread — the one that constructs this — owns the BrokerService, the
// database, the agents' API (AgentApi) and the consoles' sessions
// (ConsoleEndpoint). The network thread runs the TLS port (HttpFrontend):
// TLS, HTTP, and the stateless work on submission bodies, so that the store
// thread spends its time on what only it can do.
class BrokerServer : public QObject
{
    Q_OBJECT

public:
    explicit BrokerServer(BrokerService *service, QObject *parent = nullptr);
    // Stops the network thread first: no request arrives once this starts.
    ~BrokerServer() override;

    // Starts the network thread and binds; the port, or 0 with *error.
    quint16 listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls, QString *error);

private:
    void stopNetwork();

    BrokerService *m_service;
    std::unique_ptr<AgentApi> m_api;
    std::unique_ptr<ConsoleEndpoint> m_consoles;
    QThread m_networkThread;
    // Lives on the network thread; the frontend is created and destroyed there.
    std::unique_ptr<QObject> m_networkContext;
    HttpFrontend *m_frontend = nullptr;
};

} // namespace countersign::broker
