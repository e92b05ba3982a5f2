#pragma once

#include <QString>

namespace countersign::ui {

// What a kill-switch order will do, worked out by the backend before the
// confirmation dialog shows it: the dialog only displays and collects.
struct KillSwitchPreview
{
    QString operation; // engage, release, drill
    QString scope; // global, tenant, user, agent, tool
    QString target; // empty for global
    int pendingInScope = 0; // pending actions this console holds that the switch matches
    QString summary; // in words, e.g. "Agent agent:x: 3 pending actions will be killed; new actions refused"
    // For global and tenant the user must type this (e.g. "global", or the tenant's name).
    QString typedNameRequired;
    QString problem; // non-empty: nothing may be sent
};

} // namespace countersign::ui
