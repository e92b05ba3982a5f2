#include "broker/PreparedSubmission.h"

#include "core/JsonParser.h"
#include "core/Sha256.h"

#include <QJsonObject>

namespace countersign::broker {

PreparedSubmission PreparedSubmission::fromBody(QByteArrayView body, const core::JsonLimits &limits)
{
    PreparedSubmission prepared;
    prepared.bodySize = body.size();
    prepared.bodySha256 = QString::fromLatin1(core::Sha256::hex(body));
    if (body.size() > limits.maxBytes)
        return prepared; // refused as too large before anything reads it
    const auto parsed = core::JsonParser::parseObject(body, limits);
    if (!parsed.ok()) {
        prepared.parseError = parsed.error;
        return prepared;
    }
    const QJsonObject document = parsed.value->toObject();
    for (const QString &field : core::Action::brokerFields()) {
        if (document.contains(field))
            prepared.problems.append({field, QStringLiteral("is set by the broker and must not be sent")});
    }
    prepared.action = core::Action::read(document, &prepared.problems);
    if (!prepared.problems.isEmpty())
        return prepared;
    QString error;
    if (auto members = core::CanonicalJson::serializeMembers(document, &error))
        prepared.members = std::move(*members);
    else
        prepared.problems.append({QString(), error}); // what the strict parser lets through always has a form
    return prepared;
}

} // namespace countersign::broker
