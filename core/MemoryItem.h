#pragma once

#include "core/ValidationError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace countersign::core {

// An agent memory item that influenced the action.
struct MemoryItem
{
    QString id;
    QString text;
    QString writtenBy;
    QDateTime writtenAt;
    std::optional<QString> source; // provenance; nullopt when absent or null
    QDateTime expiresAt; // invalid when absent or null: never expires
    QJsonObject extensions;

    static MemoryItem read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
