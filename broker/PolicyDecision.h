#pragma once

#include "core/PolicyOutcome.h"

#include <QStringList>

#include <optional>

namespace countersign::broker {

// What Policy::evaluate decided for one action, and why.
struct PolicyDecision
{
    QString decision; // allow, deny, approve
    QString rule; // the deciding rule's id, or "default-deny"
    QString reason;
    // Only meaningful for approve:
    int quorum = 0; // distinct approvals needed
    int denyThreshold = 1; // distinct denials that resolve the action as denied
    QStringList approverRoles;
    qint64 deadlineSeconds = 0; // expires_at = submitted_at + deadline
    bool forbidRequester = true;
    QString requireReasonOn; // deny, approve, both
    // One line per rule considered, in order, saying why it did or did not match
    // (and a last line when no rule matched). For `policy explain`.
    QStringList explanation;

    bool isAllow() const { return decision == QStringLiteral("allow"); }
    bool isDeny() const { return decision == QStringLiteral("deny"); }
    bool isApprove() const { return decision == QStringLiteral("approve"); }

    // The broker-stamped `policy` field of the action.
    core::PolicyOutcome toOutcome() const;
    // One line: `decision: approve by rule X (quorum 2, ...)`.
    QString summary() const;

    // "15m", "2h", "900s", "1d" → seconds; nullopt if malformed.
    static std::optional<qint64> parseDuration(const QString &text);
    // Seconds → the shortest exact form of the above ("30m", "90s").
    static QString formatDuration(qint64 seconds);
};

} // namespace countersign::broker
