#pragma once

// Scenario loading and broker-shaped `action` messages for the model suites.

#include "core/Action.h"
#include "core/JsonReader.h"
#include "models/CellText.h"
#include "support/Scenarios.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace countersign::modeltest {

using testing::actionFrom;
using testing::at;
using testing::scenario;
using testing::scenarioJson;
using testing::scenarioNames;

// How a pane shows a time: local, in the console's locale; the UTC value is on hover.
inline QString shownTime(const char *rfc3339)
{
    return models::CellText::localTime(at(rfc3339));
}

struct Stamp
{
    QString id;
    qint64 seq = 1;
    QDateTime submittedAt;
    QDateTime expiresAt; // invalid: no deadline
    QString status = QStringLiteral("pending");
    int quorum = 1;
    QJsonArray decisions;
};

// A scenario as the broker stamps it (DESIGN.md broker fields), wrapped in the
// console's `action` message: {type, seq, action, digest, resolution}.
inline QJsonObject actionMessage(const QJsonObject &scenario, const Stamp &s)
{
    QJsonObject action = scenario;
    action.insert(QStringLiteral("id"), s.id);
    action.insert(QStringLiteral("seq"), s.seq);
    action.insert(QStringLiteral("status"), s.status);
    if (s.submittedAt.isValid())
        action.insert(QStringLiteral("submitted_at"), core::JsonReader::formatTimestamp(s.submittedAt));
    if (s.expiresAt.isValid())
        action.insert(QStringLiteral("expires_at"), core::JsonReader::formatTimestamp(s.expiresAt));
    action.insert(QStringLiteral("policy"),
                  QJsonObject {{QStringLiteral("decision"), QStringLiteral("approve")},
                               {QStringLiteral("rule"), QStringLiteral("test-rule")},
                               {QStringLiteral("reason"), QStringLiteral("a test")},
                               {QStringLiteral("quorum"), s.quorum}});
    action.insert(QStringLiteral("decisions"), s.decisions);
    return {{QStringLiteral("type"), QStringLiteral("action")},
            {QStringLiteral("seq"), s.seq},
            {QStringLiteral("action"), action},
            {QStringLiteral("digest"), QStringLiteral("sha256:not-trusted")},
            {QStringLiteral("resolution"), QJsonObject {{QStringLiteral("status"), s.status}}}};
}

inline QJsonObject approval(const QString &approver)
{
    return {{QStringLiteral("approver"), approver},
            {QStringLiteral("verdict"), QStringLiteral("approve")},
            {QStringLiteral("reason"), QString()},
            {QStringLiteral("issued_at"), QStringLiteral("2026-12-04T12:00:00Z")},
            {QStringLiteral("received_at"), QStringLiteral("2026-12-04T12:00:00Z")},
            {QStringLiteral("jws"), QStringLiteral("x.y.z")}};
}

} // namespace countersign::modeltest
