#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace countersign::core {

// One piece of data an action reads or changes.
struct DataScope
{
    QString resource;
    QString access; // read, write, delete, send, execute
    QString classification; // public, internal, confidential, restricted
    QStringList fields;
    std::optional<qint64> recordCount;
    QJsonObject extensions;

    static DataScope read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
