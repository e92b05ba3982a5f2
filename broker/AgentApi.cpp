#include "broker/AgentApi.h"

#include "broker/BrokerService.h"

#include <QTimer>

namespace countersign::broker {

AgentApi::AgentApi(BrokerService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    connect(service, &BrokerService::actionChanged, this, &AgentApi::onActionChanged);
    connect(service, &BrokerService::actionsResolved, this,
            [this](const QList<ActionStore::StoredAction> &actions, const QList<QByteArray> &) {
                if (m_waiters.isEmpty())
                    return;
                for (const ActionStore::StoredAction &action : actions)
                    onActionChanged(action);
            });
}

AgentApi::~AgentApi()
{
    for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it) {
        for (Waiter &w : it.value())
            delete w.timer;
    }
}

void AgentApi::handle(const AgentRequest &request, const AgentReply &reply)
{
    switch (request.kind) {
    case AgentRequest::Kind::Submit:
        // Answered when the batch holding it has committed (BrokerService::submit).
        m_service->submit(*request.submission, request.authorization, request.idempotencyKey,
                          [reply](const BrokerService::Answer &answer) { reply.send(answer.httpStatus, answer.body); });
        return;
    case AgentRequest::Kind::Health:
        m_service->flush();
        reply.send(200,
                   {{QStringLiteral("status"), QStringLiteral("ok")},
                    {QStringLiteral("broker"), m_service->brokerPublicKey().keyId()},
                    {QStringLiteral("audit_head"), m_service->audit().headSeq()}});
        return;
    case AgentRequest::Kind::Metrics:
        m_service->flush();
        reply.sendText(200, "text/plain; version=0.0.4", m_service->renderMetrics());
        return;
    case AgentRequest::Kind::Result: {
        // Everything but a submission reads committed state only, and answers
        // after any submission of the same connection.
        m_service->flush();
        const BrokerService::Answer answer
            = m_service->reportResult(request.authorization, request.actionId, request.body);
        reply.send(answer.httpStatus, answer.body);
        return;
    }
    case AgentRequest::Kind::Status: {
        m_service->flush();
        bool resolved = true;
        const BrokerService::Answer answer
            = m_service->actionStatus(request.authorization, request.actionId, &resolved);
        const qint64 wait = std::clamp<qint64>(request.waitSeconds, 0, m_service->config().maxWaitSeconds);
        if (answer.httpStatus != 200 || resolved || wait == 0) {
            reply.send(answer.httpStatus, answer.body);
            return;
        }
        Waiter waiter;
        waiter.reply = reply;
        waiter.authorization = request.authorization;
        waiter.timer = new QTimer(this);
        waiter.timer->setSingleShot(true);
        const QString id = request.actionId;
        connect(waiter.timer, &QTimer::timeout, this, [this, id] { answerWaiters(id); });
        waiter.timer->start(int(wait * 1000));
        m_waiters[id].append(waiter);
        return;
    }
    }
}

void AgentApi::onActionChanged(const ActionStore::StoredAction &action)
{
    if (action.isResolved())
        answerWaiters(action.id);
}

void AgentApi::answerWaiters(const QString &actionId)
{
    auto it = m_waiters.find(actionId);
    if (it == m_waiters.end())
        return;
    QList<Waiter> remaining;
    const QList<Waiter> waiters = it.value();
    for (const Waiter &w : waiters) {
        const bool due = !w.timer->isActive();
        if (!w.reply.connectionOpen()) {
            w.timer->deleteLater();
            continue;
        }
        bool resolved = true;
        const BrokerService::Answer answer = m_service->actionStatus(w.authorization, actionId, &resolved);
        if (!resolved && !due) {
            remaining.append(w);
            continue;
        }
        w.reply.send(answer.httpStatus, answer.body);
        w.timer->deleteLater();
    }
    if (remaining.isEmpty())
        m_waiters.erase(m_waiters.find(actionId));
    else
        m_waiters[actionId] = remaining;
}

} // namespace countersign::broker
