#pragma once

#include "core/ValidationError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace countersign::core {

// A retrieved source the agent relied on, with its provenance.
struct Evidence
{
    QString id;
    QString kind; // retrieval, tool_result, web, file
    QString uri;
    QString title;
    QString sourceAuthority;
    QString trust; // verified, internal, user_generated, external, unknown
    QDateTime retrievedAt;
    QString sha256; // hex, empty when not given
    QString content;
    QString excerpt;
    QString usedFor;
    QJsonObject extensions;

    static Evidence read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
