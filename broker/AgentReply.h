#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <atomic>
#include <functional>
#include <memory>

namespace countersign::broker {

// The way back to the connection one agent request came in on, handed to the
// store thread with the request. Sending posts the answer to the network
// thread, which writes the answers of one connection in the order their
// requests arrived. Copies share one answer: only the first send counts.
class AgentReply
{
public:
    using Sender = std::function<void(int status, const QByteArray &contentType, const QByteArray &text,
                                      const QJsonObject &json)>;

    AgentReply() = default;
    AgentReply(Sender sender, std::shared_ptr<const std::atomic<bool>> connectionOpen);

    void send(int status, const QJsonObject &body) const;
    void sendText(int status, const QByteArray &contentType, const QByteArray &body) const;
    // False once the agent's connection has closed: nobody is waiting any more.
    bool connectionOpen() const;

private:
    struct State
    {
        Sender sender;
        std::shared_ptr<const std::atomic<bool>> open;
        bool sent = false;
    };
    std::shared_ptr<State> m_state;
};

} // namespace countersign::broker
