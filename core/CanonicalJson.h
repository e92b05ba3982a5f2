#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace countersign::core {

// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units,
// numbers in ECMAScript Number.prototype.toString form, minimal string escapes,
// no whitespace. The output is the exact byte sequence that is hashed and signed.
class CanonicalJson
{
public:
    // Returns std::nullopt (and sets *error) for what JCS cannot represent:
    // NaN, infinities and strings holding unpaired surrogates.
    static std::optional<QByteArray> serialize(const QJsonValue &value, QString *error = nullptr);
    static std::optional<QByteArray> formatNumber(double value);
    // Canonical bytes of a value known to be representable (parser output).
    static QByteArray serializeOrEmpty(const QJsonValue &value);
};

} // namespace countersign::core
