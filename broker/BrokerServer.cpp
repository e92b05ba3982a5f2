#include "broker/BrokerServer.h"

#include "broker/AgentApi.h"
#include "broker/BrokerService.h"
#include "broker/ConsoleEndpoint.h"
#include "broker/HttpFrontend.h"

namespace countersign::broker {

BrokerServer::BrokerServer(BrokerService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_api(std::make_unique<AgentApi>(service))
    , m_consoles(std::make_unique<ConsoleEndpoint>(service))
{
    m_networkThread.setObjectName(QStringLiteral("countersignd-network"));
}

BrokerServer::~BrokerServer()
{
    stopNetwork();
}

quint16 BrokerServer::listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls, QString *error)
{
    if (!m_networkThread.isRunning()) {
        m_networkContext = std::make_unique<QObject>();
        m_networkContext->moveToThread(&m_networkThread);
        m_networkThread.start();
    }
    const core::JsonLimits limits = BrokerService::submissionLimits(m_service->config());
    quint16 bound = 0;
    QString listenError;
    QMetaObject::invokeMethod(
        m_networkContext.get(),
        [&] {
            if (!m_frontend)
                m_frontend = new HttpFrontend(limits, m_api.get(), m_consoles.get());
            bound = m_frontend->listen(address, port, tls, &listenError);
        },
        Qt::BlockingQueuedConnection);
    if (bound == 0)
        *error = listenError;
    return bound;
}

void BrokerServer::stopNetwork()
{
    if (!m_networkThread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_networkContext.get(),
        [this] {
            delete m_frontend;
            m_frontend = nullptr;
            m_networkContext->moveToThread(nullptr);
        },
        Qt::BlockingQueuedConnection);
    m_networkThread.quit();
    m_networkThread.wait();
    m_networkContext.reset();
}

} // namespace countersign::broker
