#pragma once

#include "broker/ActionStore.h"
#include "broker/AgentReply.h"
#include "broker/AgentRequest.h"

#include <QHash>
#include <QList>
#include <QObject>

class QTimer;

namespace countersign::broker {

class BrokerService;

// The agents' HTTP API on the store thread: carries out the requests the
// network thread (HttpFrontend) routed, and keeps the long-polls
// (GET /v1/actions/{id}?wait=N) until their action is resolved or their
// time is up. See docs/protocol.md.
class AgentApi : public QObject
{
    Q_OBJECT

public:
    explicit AgentApi(BrokerService *service, QObject *parent = nullptr);
    ~AgentApi() override;

    void handle(const AgentRequest &request, const AgentReply &reply);

private:
    struct Waiter
    {
        AgentReply reply;
        QByteArray authorization;
        QTimer *timer = nullptr;
    };

    void onActionChanged(const ActionStore::StoredAction &action);
    // Answers the long-polls on an action that are resolved, due or abandoned.
    void answerWaiters(const QString &actionId);

    BrokerService *m_service;
    QHash<QString, QList<Waiter>> m_waiters;
};

} // namespace countersign::broker
