#include "core/TraceContext.h"

#include "core/JsonReader.h"

namespace countersign::core {

TraceContext TraceContext::read(const QJsonObject &json, const QString &path, ValidationErrors *errors)
{
    JsonReader r(json, path, errors);
    TraceContext out;
    out.traceId = r.hex(QStringLiteral("trace_id"), 32);
    out.spanId = r.hex(QStringLiteral("span_id"), 16, JsonReader::Optional);
    if (!out.traceId.isEmpty() && out.traceId.count(QLatin1Char('0')) == out.traceId.size())
        r.error(QStringLiteral("trace_id"), QStringLiteral("an all-zero trace id is invalid"));
    out.extensions = r.finish();
    return out;
}

} // namespace countersign::core
