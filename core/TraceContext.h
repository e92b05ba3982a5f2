#pragma once

#include "core/ValidationError.h"

#include <QJsonObject>
#include <QString>

namespace countersign::core {

// W3C Trace Context identifiers, so an incident can be followed across systems.
struct TraceContext
{
    QString traceId; // 32 lowercase hex digits
    QString spanId; // 16 lowercase hex digits
    QJsonObject extensions;

    static TraceContext read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
