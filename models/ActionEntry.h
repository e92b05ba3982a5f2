#pragma once

#include "core/Action.h"
#include "core/ActionRisk.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace countersign::models {

// One pending action in full, as the review panel and the decision preview
// need it: PendingQueueModel::entry() parses it on demand from the row it
// keeps compactly (QueueRow). `raw` is the action JSON exactly as the broker
// sent it: it is what the panes show and what the console digests and signs
// (never the digest the broker sent alongside).
struct ActionEntry
{
    QString id;
    qint64 seq = 0; // the change seq of the newest message applied
    qint64 firstSeq = 0; // the seq it first arrived with: arrival order
    QJsonObject raw;
    core::Action action;
    QString announcedDigest; // what the broker claimed; for comparison only
    QDateTime arrivedAt; // console clock
    QDateTime deadline; // action.expires_at; invalid when none
    int approvals = 0; // distinct approvers that approved so far
    int quorum = 0; // policy.quorum (0 when unknown)
    core::ActionRisk risk;
};

} // namespace countersign::models
