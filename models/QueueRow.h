#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <limits>

namespace countersign::models {

// One pending action as the queue keeps it: the action JSON as compact bytes
// and only what the queue's columns, sort modes and filters need. The full
// core::Action is parsed when an action is opened (PendingQueueModel::entry).
// 100,000 of these must fit the console's memory budget (B4, docs/performance.md).
struct QueueRow
{
    static constexpr qint64 kNoDeadline = std::numeric_limits<qint64>::max();

    QString id;
    qint64 seq = 0; // the change seq of the newest message applied
    qint64 firstSeq = 0; // the seq it first arrived with: arrival order
    // The action JSON, compact. Parsing it gives back exactly the object that
    // was received (checked when it is stored); when it would not, `object`
    // holds the object itself and `bytes` stays empty.
    QByteArray bytes;
    QJsonObject object;
    QString announcedDigest;
    QDateTime arrivedAt; // console clock
    QDateTime riskAt; // the console time the risk was computed at (the newest message)
    QDateTime windowStart; // submitted_at, or arrivedAt: where the deadline window starts
    QDateTime deadline; // expires_at; invalid when none
    qint64 deadlineMs = kNoDeadline; // sort key: deadline in ms since the epoch
    int approvals = 0;
    int quorum = 0;
    int riskScore = 0; // sort key
    // Raw values for the columns and tooltips (shared through the model's
    // string pool: many rows, few distinct values).
    QString tenant;
    QString agent;
    QString tool;
    QString user;
    QString toolServer;
    QString agentName;
    QString agentOwner;
    QString agentModel;
    QString riskText; // the Risk column: badge labels, or empty for none
    QString riskDetails; // its tooltip: "label: explanation" per badge
    QStringList badgeIds;
};

} // namespace countersign::models
