#include "support/TestActions.h"

#include "core/JsonParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace countersign::testing {

QByteArray TestActions::scenario(const QString &name)
{
    QFile file(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/") + name + QStringLiteral(".json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject TestActions::scenarioObject(const QString &name)
{
    const auto parsed = core::JsonParser::parseObject(scenario(name));
    return parsed.ok() ? parsed.value->toObject() : QJsonObject();
}

QJsonObject TestActions::action(const QString &tenant, const QString &agentId, const QString &tool, const QString &user)
{
    QJsonObject action = scenarioObject(QStringLiteral("mcp-file-write"));
    if (!tenant.isEmpty())
        action.insert(QStringLiteral("tenant"), tenant);
    if (!agentId.isEmpty()) {
        QJsonObject agent = action.value(QStringLiteral("agent")).toObject();
        agent.insert(QStringLiteral("id"), agentId);
        action.insert(QStringLiteral("agent"), agent);
    }
    if (!tool.isEmpty()) {
        QJsonObject toolObject = action.value(QStringLiteral("tool")).toObject();
        toolObject.insert(QStringLiteral("name"), tool);
        action.insert(QStringLiteral("tool"), toolObject);
    }
    if (!user.isEmpty()) {
        QJsonObject request = action.value(QStringLiteral("request")).toObject();
        request.insert(QStringLiteral("user"), user);
        action.insert(QStringLiteral("request"), request);
    }
    return action;
}

QByteArray TestActions::bytes(const QJsonObject &action)
{
    return QJsonDocument(action).toJson(QJsonDocument::Compact);
}

QByteArray TestActions::holdingPolicy()
{
    return QByteArrayLiteral("version = 1\n\n"
                             "[[rules]]\n"
                             "id = \"approve-ks-tools\"\n"
                             "description = \"Held for a human\"\n"
                             "action = \"approve\"\n"
                             "approver_roles = [\"approver\"]\n"
                             "deadline = \"1h\"\n"
                             "[rules.match]\n"
                             "tool = \"ks.*\"\n");
}

} // namespace countersign::testing
