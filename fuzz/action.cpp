// An agent's submission as the broker reads it (agent API body), then
// everything the review computes from it: digest, flags, transcript.
#include "core/Action.h"

#include "FuzzSupport.h"
#include "core/ActionReview.h"
#include "core/ActionRisk.h"
#include "core/AuthorityChainCheck.h"
#include "core/ReviewTranscript.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    JsonLimits limits;
    limits.maxBytes = 1024 * 1024;
    ValidationErrors errors;
    const auto action = Action::parse(fuzzInput(data, size), &errors, limits);
    if (!action) {
        COUNTERSIGN_FUZZ_CHECK(!errors.isEmpty()); // refused, and says why
        return 0;
    }
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1796385600, Qt::UTC);
    COUNTERSIGN_FUZZ_CHECK(action->digest().startsWith(QStringLiteral("sha256:")));
    const ActionReview review(*action, now);
    const ActionRisk risk(*action, {}, now);
    AuthorityChainCheck::check(*action, now);
    COUNTERSIGN_FUZZ_CHECK(!ReviewTranscript::render(*action, now).isEmpty());
    (void)review;
    (void)risk;
    return 0;
}
