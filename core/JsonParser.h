#pragma once

#include "core/JsonLimits.h"
#include "core/ValidationError.h"

#include <QByteArrayView>
#include <QJsonValue>

#include <optional>

namespace countersign::core {

// A strict RFC 8259 parser. Unlike QJsonDocument it rejects duplicate member
// names, invalid UTF-8 (including overlong forms and encoded surrogates), lone
// surrogate escapes, a byte order mark, trailing data, numbers that overflow or
// would silently lose integer precision, and anything beyond the given limits.
// Errors name the JSON path where they occurred.
class JsonParser
{
public:
    struct Result
    {
        std::optional<QJsonValue> value;
        ValidationError error;
        bool ok() const { return value.has_value(); }
    };

    static Result parse(QByteArrayView text, const JsonLimits &limits = {});
    // Convenience for documents that must be a JSON object.
    static Result parseObject(QByteArrayView text, const JsonLimits &limits = {});
};

} // namespace countersign::core
