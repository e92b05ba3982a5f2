#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace countersign::core {

// The tool an action calls, with the MCP-style behaviour hints it declares.
// An absent hint is unknown, which is not the same as false.
struct ToolInfo
{
    struct Annotations
    {
        std::optional<bool> readOnly;
        std::optional<bool> destructive;
        std::optional<bool> idempotent;
        std::optional<bool> openWorld;
        std::optional<bool> irreversible;
        QJsonObject extensions;
    };

    QString name;
    QString server;
    Annotations annotations;
    QJsonObject extensions;

    static ToolInfo read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
