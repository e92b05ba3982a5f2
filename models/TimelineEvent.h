#pragma once

#include <QDateTime>
#include <QString>

namespace countersign::models {

// One line of an action's incident timeline, taken from an audit entry.
struct TimelineEvent
{
    QDateTime at;
    qint64 seq = 0; // audit seq (0: a time the entry reports, e.g. when the user asked)
    QString event; // the audit event name
    QString text; // what happened, in words (untrusted parts made visible)
};

} // namespace countersign::models
