#include "core/MemoryItem.h"

#include "core/JsonReader.h"

namespace countersign::core {

MemoryItem MemoryItem::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    MemoryItem out;
    out.id = r.string(QStringLiteral("id"));
    out.text = r.string(QStringLiteral("text"));
    out.writtenBy = r.string(QStringLiteral("written_by"), JsonReader::Optional);
    out.writtenAt = r.timestamp(QStringLiteral("written_at"), JsonReader::Optional);
    out.source = r.nullableString(QStringLiteral("source"));
    out.expiresAt = r.timestamp(QStringLiteral("expires_at"), JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
