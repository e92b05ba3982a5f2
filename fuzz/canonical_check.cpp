// The audit verifier's canonical check (docs/performance.md, B7) against what
// it stands in for: CanonicalJsonCheck::isCanonicalObject(t) must be true
// exactly when JsonParser::parseObject(t) succeeds and CanonicalJson gives t
// back. Accepting anything else would let the fast path hash bytes the full
// path does not; declining a canonical text would only cost speed, but is
// checked too, so the two stay in step.
#include "FuzzSupport.h"
#include "core/CanonicalJson.h"
#include "core/CanonicalJsonCheck.h"
#include "core/JsonParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    const QByteArrayView text = fuzzInput(data, size);
    const bool check = CanonicalJsonCheck::isCanonicalObject(text);
    const auto parsed = JsonParser::parseObject(text);
    const bool canonical = parsed.ok() && CanonicalJson::serializeOrEmpty(*parsed.value) == text;
    COUNTERSIGN_FUZZ_CHECK(!check || canonical);
    COUNTERSIGN_FUZZ_CHECK(check || !canonical);
    return 0;
}
