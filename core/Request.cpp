#include "core/Request.h"

#include "core/JsonReader.h"

namespace countersign::core {

Request Request::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    Request out;
    out.user = r.string(QStringLiteral("user"));
    out.text = r.string(QStringLiteral("text"));
    out.receivedAt = r.timestamp(QStringLiteral("received_at"));
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
