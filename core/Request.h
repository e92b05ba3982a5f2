#pragma once

#include "core/ValidationError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace countersign::core {

// The human intent behind an action: who asked, and what they actually said.
struct Request
{
    QString user;
    QString text;
    QDateTime receivedAt;
    QJsonObject extensions;

    static Request read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
