#pragma once

#include "core/Action.h"

#include <QCoreApplication>
#include <QDateTime>

namespace countersign::core {

// A plain-text review of one action with every flag, for terminal reviewers
// and incident tickets (`countersignctl render`). Built from the same
// formatter (UntrustedText) and checks (ActionReview, AuthorityChainCheck) as
// the console's panes. Every value is shown whole: nothing is elided, invisible
// characters appear as ⟦…⟧ tokens, and continuation lines of a multi-line
// value are prefixed with `│ ` so crafted text cannot fake a heading or a flag.
class ReviewTranscript
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::ReviewTranscript)

public:
    static QString render(const Action &action, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace countersign::core
