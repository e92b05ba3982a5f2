#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace countersign::testing {

// Action documents for tests: the shipped scenarios, and variations of one of
// them with the coordinates a test's policy, token or kill switch looks at.
class TestActions
{
public:
    // The raw bytes of resources/scenarios/NAME.json.
    static QByteArray scenario(const QString &name);
    static QJsonObject scenarioObject(const QString &name);
    // The mcp-file-write scenario moved to the given tenant, agent, tool and
    // requesting user (unchanged when empty).
    static QJsonObject action(const QString &tenant, const QString &agentId, const QString &tool,
                              const QString &user = QString());
    static QByteArray bytes(const QJsonObject &action);
    // A policy that holds every `ks.*` tool for a human, so kill-switch tests
    // have pending actions to stop.
    static QByteArray holdingPolicy();
};

} // namespace countersign::testing
