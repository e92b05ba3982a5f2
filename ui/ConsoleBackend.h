#pragma once

#include "ui/DecisionPreview.h"

#include <QString>

namespace countersign::ui {

// What the windows may ask of the application: the rules live behind this
// interface (in app/), the widgets only show and forward.
class ConsoleBackend
{
public:
    virtual ~ConsoleBackend() = default;

    // Nothing may be signed unless this is true (key unlocked, connection live).
    virtual bool canSign(QString *why) const = 0;
    virtual DecisionPreview preview(const QString &actionId, const QString &verdict) const = 0;
    // Signs the previewed decision and puts it into the durable outbox.
    virtual bool sign(const DecisionPreview &preview, QString *error) = 0;
    virtual QString approverKeyId() const = 0;
    virtual void lockKey() = 0;
};

} // namespace countersign::ui
