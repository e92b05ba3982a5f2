#include "core/Evidence.h"

#include "core/JsonReader.h"
#include "core/Vocabulary.h"

namespace countersign::core {

Evidence Evidence::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    Evidence out;
    out.id = r.string(QStringLiteral("id"));
    out.kind = r.oneOf(QStringLiteral("kind"), vocabulary::evidenceKind());
    out.uri = r.string(QStringLiteral("uri"), JsonReader::Optional);
    out.title = r.string(QStringLiteral("title"), JsonReader::Optional);
    out.sourceAuthority = r.string(QStringLiteral("source_authority"), JsonReader::Optional);
    out.trust = r.oneOf(QStringLiteral("trust"), vocabulary::trust());
    out.retrievedAt = r.timestamp(QStringLiteral("retrieved_at"), JsonReader::Optional);
    out.sha256 = r.hex(QStringLiteral("sha256"), 64, JsonReader::Optional);
    out.content = r.string(QStringLiteral("content"), JsonReader::Optional);
    out.excerpt = r.string(QStringLiteral("excerpt"), JsonReader::Optional);
    out.usedFor = r.string(QStringLiteral("used_for"), JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
