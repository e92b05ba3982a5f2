#include "broker/AgentReply.h"

namespace countersign::broker {

AgentReply::AgentReply(Sender sender, std::shared_ptr<const std::atomic<bool>> connectionOpen)
    : m_state(std::make_shared<State>(State {std::move(sender), std::move(connectionOpen), false}))
{ }

void AgentReply::send(int status, const QJsonObject &body) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    m_state->sender(status, QByteArray(), QByteArray(), body);
}

void AgentReply::sendText(int status, const QByteArray &contentType, const QByteArray &body) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    m_state->sender(status, contentType, body, QJsonObject());
}

bool AgentReply::connectionOpen() const
{
    return m_state && m_state->open && m_state->open->load(std::memory_order_relaxed);
}

} // namespace countersign::broker
