#include "core/DataScope.h"

#include "core/JsonReader.h"
#include "core/Vocabulary.h"

namespace countersign::core {

DataScope DataScope::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    DataScope out;
    out.resource = r.string(QStringLiteral("resource"));
    out.access = r.oneOf(QStringLiteral("access"), vocabulary::access());
    out.classification = r.oneOf(QStringLiteral("classification"), vocabulary::classification());
    out.fields = r.stringList(QStringLiteral("fields"), JsonReader::Optional);
    out.recordCount = r.integer(QStringLiteral("record_count"), JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
