// A frame on the console WebSocket, read as both ends read it: the broker
// (ConsoleSession limits) and the console (BrokerConnection), then the action
// an `action` frame carries.
#include "FuzzSupport.h"
#include "core/Action.h"
#include "core/JsonParser.h"

#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    JsonLimits broker; // ConsoleSession::onMessage
    broker.maxBytes = 1024 * 1024;
    broker.maxDepth = 16;
    broker.maxArrayLength = 1000;
    JsonParser::parseObject(fuzzInput(data, size), broker);
    JsonLimits console; // BrokerConnection::onText
    console.maxBytes = 1024 * 1024;
    const auto parsed = JsonParser::parseObject(fuzzInput(data, size), console);
    if (!parsed.ok())
        return 0;
    const QJsonObject message = parsed.value->toObject();
    if (message.value(QStringLiteral("action")).isObject()) {
        ValidationErrors errors;
        Action::read(message.value(QStringLiteral("action")).toObject(), &errors);
    }
    return 0;
}
