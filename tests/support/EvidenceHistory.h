#pragma once

#include "support/BrokerFixture.h"

#include <QString>

namespace countersign::testing {

// A real broker with a small, fully resolved history for evidence-bundle
// tests: one action approved by Alice, one denied by Bob, one approved by both
// (quorum 2), one allowed by policy, and one kill switch between them. The
// broker signs a checkpoint every `checkpointEvery` entries, so a bundle's
// span holds several.
class EvidenceHistory
{
public:
    static constexpr int kCheckpointEvery = 4;

    // init, policy, approvers, start, then the activity. False and *error on failure.
    bool create(BrokerFixture &broker, QString *error);

    QString approvedId;
    QString deniedId;
    QString quorumId;
    QString allowedId;
    BrokerFixture::Approver alice;
    BrokerFixture::Approver bob;
    QString denyReason;
};

} // namespace countersign::testing
