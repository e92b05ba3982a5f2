#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QString>

namespace countersign::core {

// The agent that proposes an action and the team accountable for it.
struct AgentInfo
{
    QString id;
    QString displayName;
    QString owner;
    QString version;
    QString model;
    QJsonObject extensions;

    static AgentInfo read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
