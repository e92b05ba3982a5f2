// Strict JSON parser and RFC 8785 serialisation: whatever parses must
// serialise, and the canonical form must parse back to the same value.
#include "FuzzSupport.h"
#include "core/CanonicalJson.h"
#include "core/JsonParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    JsonLimits limits;
    limits.maxBytes = 1024 * 1024;
    const auto parsed = JsonParser::parse(fuzzInput(data, size), limits);
    if (!parsed.ok())
        return 0;
    const QByteArray canonical = CanonicalJson::serializeOrEmpty(*parsed.value);
    if (canonical.isEmpty())
        return 0; // e.g. a number RFC 8785 cannot represent: refused, not crashed
    const auto again = JsonParser::parse(canonical, limits);
    COUNTERSIGN_FUZZ_CHECK(again.ok());
    COUNTERSIGN_FUZZ_CHECK(CanonicalJson::serializeOrEmpty(*again.value) == canonical);
    return 0;
}
