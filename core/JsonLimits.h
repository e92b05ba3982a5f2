#pragma once

#include <QtGlobal>

namespace countersign::core {

// Hard ceilings for every JSON document Countersign reads. Everything an agent
// sends is hostile, so each parser is given explicit limits instead of trusting
// the input to be reasonable.
struct JsonLimits
{
    qsizetype maxBytes = 16 * 1024 * 1024;
    int maxDepth = 64;
    qsizetype maxArrayLength = 100000;
    qsizetype maxObjectMembers = 10000;
    qsizetype maxStringBytes = 12 * 1024 * 1024;
};

} // namespace countersign::core
