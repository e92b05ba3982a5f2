#include "core/Base64Url.h"

namespace countersign::core {

QByteArray Base64Url::encode(QByteArrayView bytes)
{
    return QByteArray::fromRawData(bytes.data(), bytes.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> Base64Url::decode(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        const bool ok
            = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto result = QByteArray::fromBase64Encoding(
        QByteArray(text.data(), text.size()), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    // Reject non-zero padding bits: the canonical encoding must round-trip.
    if (encode(*result) != text)
        return std::nullopt;
    return std::move(result.decoded);
}

} // namespace countersign::core
