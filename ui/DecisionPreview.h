#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace countersign::ui {

// Exactly what is about to be signed, as the confirmation shows it. The digest
// is the one the console computed from the action it displayed.
struct DecisionPreview
{
    QString actionId;
    QString verdict; // approve, deny
    QString reason;
    QString actionDigest;
    QString approverKeyId;
    QDateTime issuedAt;
    bool reasonRequired = false;
    QString toolName;
    QString agentId;
    QString problem; // non-empty: signing is not possible, and why
    // Review coverage when the decision was made (ui::ReviewCoverage): whether
    // every pane's full content had been on screen, and which panes had not.
    // Recorded in the signed statement as `x-review_coverage`.
    bool coverageComplete = false;
    QStringList unseenPanes;
};

} // namespace countersign::ui
