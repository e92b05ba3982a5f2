// The broker's TOML policy: any file is loaded whole or refused with errors.
#include "broker/Policy.h"

#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign;
    if (size > 256 * 1024)
        return 0;
    QStringList errors;
    const auto policy = broker::Policy::parse(fuzzInput(data, size), QStringLiteral("fuzz.toml"), &errors, 0);
    COUNTERSIGN_FUZZ_CHECK(policy.has_value() || !errors.isEmpty());
    return 0;
}
