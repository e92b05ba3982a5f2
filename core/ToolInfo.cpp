#include "core/ToolInfo.h"

#include "core/JsonReader.h"

namespace countersign::core {

ToolInfo ToolInfo::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    ToolInfo out;
    out.name = r.string(QStringLiteral("name"));
    out.server = r.string(QStringLiteral("server"), JsonReader::Optional);
    const QJsonObject annotations = r.object(QStringLiteral("annotations"), JsonReader::Optional);
    JsonReader a(annotations, r.pathOf(QStringLiteral("annotations")), errors);
    out.annotations.readOnly = a.boolean(QStringLiteral("read_only"));
    out.annotations.destructive = a.boolean(QStringLiteral("destructive"));
    out.annotations.idempotent = a.boolean(QStringLiteral("idempotent"));
    out.annotations.openWorld = a.boolean(QStringLiteral("open_world"));
    out.annotations.irreversible = a.boolean(QStringLiteral("irreversible"));
    out.annotations.extensions = a.finish();
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
