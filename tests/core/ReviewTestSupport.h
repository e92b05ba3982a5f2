#pragma once

// Loading the shipped scenarios as core::Action for the review-logic suites
// (UntrustedText, ActionRisk, AuthorityChainCheck).

#include "core/Action.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace countersign::reviewtest {

inline QJsonObject scenarioJson(const QString &name)
{
    QFile file(QDir(QStringLiteral(COUNTERSIGN_SCENARIO_DIR)).filePath(name + QStringLiteral(".json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline core::Action actionFrom(const QJsonObject &json)
{
    core::ValidationErrors errors;
    core::Action action = core::Action::read(json, &errors);
    if (!errors.isEmpty()) {
        QStringList text;
        for (const core::ValidationError &e : errors)
            text.append(e.toString());
        // A broken fixture must fail the test, not quietly test something else.
        QTest::qFail(qPrintable(QStringLiteral("invalid action in test: ") + text.join(QStringLiteral("; "))), __FILE__,
                     __LINE__);
    }
    return action;
}

inline core::Action scenario(const QString &name)
{
    return actionFrom(scenarioJson(name));
}

inline QDateTime at(const char *rfc3339)
{
    return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate);
}

} // namespace countersign::reviewtest
