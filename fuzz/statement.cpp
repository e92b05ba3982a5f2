// Signed statements' payloads: decision and kill-switch order.
#include "FuzzSupport.h"
#include "core/DecisionStatement.h"
#include "core/JsonParser.h"
#include "core/KillSwitchOrder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    JsonLimits limits;
    limits.maxBytes = 64 * 1024;
    limits.maxDepth = 16;
    const auto parsed = JsonParser::parseObject(fuzzInput(data, size), limits);
    if (!parsed.ok())
        return 0;
    const QJsonObject object = parsed.value->toObject();
    ValidationErrors errors;
    const DecisionStatement decision = DecisionStatement::read(object, &errors);
    if (errors.isEmpty()) {
        // A valid statement survives its own serialisation unchanged.
        ValidationErrors again;
        DecisionStatement::read(decision.toJson(), &again);
        COUNTERSIGN_FUZZ_CHECK(again.isEmpty());
    }
    errors.clear();
    KillSwitchOrder::read(object, &errors);
    return 0;
}
