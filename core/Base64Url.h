#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace countersign::core {

// base64url without padding (RFC 7515 section 2). Decoding is strict: only the
// URL-safe alphabet, no padding or whitespace, and the unused trailing bits
// must be zero, so every byte string has exactly one accepted encoding.
class Base64Url
{
public:
    static QByteArray encode(QByteArrayView bytes);
    static std::optional<QByteArray> decode(QByteArrayView text);
};

} // namespace countersign::core
