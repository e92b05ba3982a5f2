#include "core/AuthorityLink.h"

#include "core/JsonReader.h"
#include "core/Vocabulary.h"

namespace countersign::core {

AuthorityLink AuthorityLink::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    AuthorityLink out;
    out.kind = r.oneOf(QStringLiteral("kind"), vocabulary::linkKind());
    out.subject = r.string(QStringLiteral("subject"));
    out.issuer = r.string(QStringLiteral("issuer"), JsonReader::Optional);
    out.delegatedBy = r.string(QStringLiteral("delegated_by"), JsonReader::Optional);
    out.scopes = r.stringList(QStringLiteral("scopes"), JsonReader::Optional);
    out.issuedAt = r.timestamp(QStringLiteral("issued_at"), JsonReader::Optional);
    out.expiresAt = r.timestamp(QStringLiteral("expires_at"), JsonReader::Optional);
    out.credential = r.string(QStringLiteral("credential"), JsonReader::Optional);
    out.authMethod = r.string(QStringLiteral("auth_method"), JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
