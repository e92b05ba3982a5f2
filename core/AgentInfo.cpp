#include "core/AgentInfo.h"

#include "core/JsonReader.h"

namespace countersign::core {

AgentInfo AgentInfo::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    AgentInfo out;
    out.id = r.string(QStringLiteral("id"));
    out.displayName = r.string(QStringLiteral("display_name"), JsonReader::Optional);
    out.owner = r.string(QStringLiteral("owner"), JsonReader::Optional);
    out.version = r.string(QStringLiteral("version"), JsonReader::Optional);
    out.model = r.string(QStringLiteral("model"), JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
