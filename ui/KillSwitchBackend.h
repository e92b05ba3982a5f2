#pragma once

#include "ui/KillSwitchPreview.h"

#include <QString>
#include <QStringList>

namespace countersign::ui {

// What the kill-switch panel may ask of the application (implemented by
// app::ConsoleController): the rules about scopes, targets, confirmations and
// signing live behind it, the panel only shows and forwards.
class KillSwitchBackend
{
public:
    virtual ~KillSwitchBackend() = default;

    // Whether this console may operate kill switches: key unlocked, connection
    // live and the `oncall` role in the broker's principal. *why says what is missing.
    virtual bool canOperateKillSwitches(QString *why) const = 0;
    // Asks the broker for the active switches and their history again.
    virtual void refreshKillSwitches() = 0;
    // Raw targets this console has seen for a scope (format before showing them).
    virtual QStringList knownTargets(const QString &scope) const = 0;
    virtual KillSwitchPreview killSwitchPreview(const QString &operation, const QString &scope,
                                                const QString &target) const = 0;
    // Signs and sends the order at once (never through the outbox). The typed
    // confirmation must match preview.typedNameRequired; the reason is required.
    // Returns the order's number (> 0; its request id is "ks-N"), or 0 with *error.
    virtual qint64 sendKillSwitch(const KillSwitchPreview &preview, const QString &reason, const QString &typedName,
                                  QString *error)
        = 0;
};

} // namespace countersign::ui
