#pragma once

#include "core/Action.h"
#include "core/IdentifierCheck.h"
#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QDateTime>

namespace countersign::core {

// Every flag of an action's review, pane by pane, from one place: the
// console's panes and `countersignctl render` both call this, so a terminal
// transcript and the screen say the same thing. Pure logic over the action
// (plus the time, for expiry); no widgets.
class ActionReview
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::ActionReview)

public:
    // Per-pane flag lists stop here and say how many more there were, so an
    // action with 100 000 hostile values cannot make the flags list the attack.
    static constexpr int kMaxFlagsPerPane = 200;

    explicit ActionReview(const Action &action, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Domains the review treats as the tenant's own or allowed: from the
    // broker-stamped policy when present, otherwise the requesting user's own
    // mail domain only (and domainsKnown is false).
    static IdentifierCheck::Context context(const Action &action);

    const IdentifierCheck::Context &identifierContext() const { return m_context; }
    // The user's request (who and what): hidden characters, look-alike address.
    const ReviewFlags &request() const { return m_request; }
    // Tool arguments: per value (where = JSON path) hidden characters, content
    // after blank runs, identifier checks; then intent (IntentCheck).
    const ReviewFlags &arguments() const { return m_arguments; }
    // Data scopes: ReviewChecks::dataScope and identifier checks of each resource.
    const QList<ReviewFlags> &dataScopes() const { return m_scopes; }
    // Evidence and memory: ReviewChecks (trust, hashes, provenance, injection,
    // hidden content) plus identifier checks of each evidence URI.
    const QList<ReviewFlags> &evidence() const { return m_evidence; }
    const QList<ReviewFlags> &memory() const { return m_memory; }

    // Counts for the pane warnings.
    int argumentsHiddenCharacters() const { return m_argumentsHidden; }

private:
    IdentifierCheck::Context m_context;
    ReviewFlags m_request;
    ReviewFlags m_arguments;
    QList<ReviewFlags> m_scopes;
    QList<ReviewFlags> m_evidence;
    QList<ReviewFlags> m_memory;
    int m_argumentsHidden = 0;
};

} // namespace countersign::core
