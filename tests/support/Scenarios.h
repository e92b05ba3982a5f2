#pragma once

// The shipped scenarios (resources/scenarios/) for the suites that read them
// as core::Action: the review logic in core and the console's models.

#include "core/Action.h"
#include "core/JsonParser.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

namespace countersign::testing {

inline QStringList scenarioNames()
{
    QStringList names;
    const QStringList files
        = QDir(QStringLiteral(COUNTERSIGN_SCENARIO_DIR)).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        names.append(f.chopped(5));
    return names;
}

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

// The spoofing corpus (tests/data/spoofing/): one action per class of
// display attack, each with `x-expect` {pane, flag, shown, class}.
inline QStringList spoofingNames()
{
    QStringList names;
    const QStringList files = QDir(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/tests/data/spoofing"))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        names.append(f.chopped(5));
    return names;
}

inline QJsonObject spoofingJson(const QString &name)
{
    QFile file(
        QDir(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/tests/data/spoofing")).filePath(name + QStringLiteral(".json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The strict parser the broker uses: QJsonDocument drops a BOM inside a string.
    const auto parsed = core::JsonParser::parseObject(file.readAll());
    return parsed.ok() ? parsed.value->toObject() : QJsonObject();
}

inline QDateTime at(const char *rfc3339)
{
    return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate);
}

} // namespace countersign::testing
