#pragma once

#include "models/TimelineEvent.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace countersign::storage {
class HistoryStore;
}

namespace countersign::models {

// Everything the cached audit log holds about one action, in order: user
// request received, submitted by the agent (with trace id), policy decision
// and rule, each decision accepted or rejected (with its code), resolution,
// execution result; and the kill-switch events that affected it (engaged or
// released while it was open and covering it, or the switch that killed it).
class IncidentTimeline
{
    Q_DECLARE_TR_FUNCTIONS(countersign::models::IncidentTimeline)

public:
    static QList<TimelineEvent> build(const storage::HistoryStore &store, const QJsonObject &action);
    // The trace id the agent submitted with (from the action, else the audit entry).
    static QString traceId(const storage::HistoryStore &store, const QJsonObject &action);
    static QString describe(const QJsonObject &entry);
    // Whether a kill switch (scope, target) covers the action, the way the broker matches.
    static bool covers(const QString &scope, const QString &target, const QJsonObject &action);
};

} // namespace countersign::models
