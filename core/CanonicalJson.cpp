#include "core/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace countersign::core {

namespace {

bool lessUtf16(const QString &a, const QString &b)
{
    return std::lexicographical_compare(a.utf16(), a.utf16() + a.size(), b.utf16(), b.utf16() + b.size());
}

bool appendString(QByteArray &out, const QString &s, QString *error)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = s.at(i).unicode();
        if (u < 0x80) {
            switch (u) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (u < 0x20) {
                    out.append("\\u00");
                    out.append(hex[u >> 4]);
                    out.append(hex[u & 0xF]);
                } else {
                    out.append(char(u));
                }
            }
            continue;
        }
        char32_t cp = u;
        if (QChar::isHighSurrogate(u)) {
            if (i + 1 >= n || !QChar::isLowSurrogate(s.at(i + 1).unicode())) {
                if (error)
                    *error = QStringLiteral("string holds an unpaired surrogate");
                return false;
            }
            cp = QChar::surrogateToUcs4(u, s.at(i + 1).unicode());
            ++i;
        } else if (QChar::isLowSurrogate(u)) {
            if (error)
                *error = QStringLiteral("string holds an unpaired surrogate");
            return false;
        }
        if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3F)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        }
    }
    out.append('"');
    return true;
}

bool appendValue(QByteArray &out, const QJsonValue &value, QString *error)
{
    switch (value.type()) {
    case QJsonValue::Null:
        out.append("null");
        return true;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return true;
    case QJsonValue::Double: {
        const auto number = CanonicalJson::formatNumber(value.toDouble());
        if (!number) {
            if (error)
                *error = QStringLiteral("NaN and infinities have no JSON representation");
            return false;
        }
        out.append(*number);
        return true;
    }
    case QJsonValue::String:
        return appendString(out, value.toString(), error);
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append('[');
        bool first = true;
        for (const QJsonValue &element : array) {
            if (!first)
                out.append(',');
            first = false;
            if (!appendValue(out, element, error))
                return false;
        }
        out.append(']');
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), lessUtf16);
        out.append('{');
        bool first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!first)
                out.append(',');
            first = false;
            if (!appendString(out, key, error))
                return false;
            out.append(':');
            if (!appendValue(out, object.value(key), error))
                return false;
        }
        out.append('}');
        return true;
    }
    case QJsonValue::Undefined:
        break;
    }
    if (error)
        *error = QStringLiteral("undefined value");
    return false;
}

} // namespace

std::optional<QByteArray> CanonicalJson::formatNumber(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    if (value == 0)
        return QByteArray("0"); // also for -0
    QByteArray out;
    if (value < 0) {
        out.append('-');
        value = -value;
    }
    // Shortest round-trip digits, in the form d[.ddd]e±x.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string_view sci(buffer, size_t(result.ptr - buffer));
    const size_t ePos = sci.find('e');
    std::string digits;
    for (size_t i = 0; i < ePos; ++i) {
        if (sci[i] != '.')
            digits.push_back(sci[i]);
    }
    int exponent = 0;
    std::from_chars(sci.data() + ePos + 1 + (sci[ePos + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exponent);
    const int k = int(digits.size());
    const int n = exponent + 1; // value = 0.digits × 10^n
    if (k <= n && n <= 21) {
        out.append(digits.data(), k);
        out.append(QByteArray(n - k, '0'));
    } else if (0 < n && n <= 21) {
        out.append(digits.data(), n);
        out.append('.');
        out.append(digits.data() + n, k - n);
    } else if (-6 < n && n <= 0) {
        out.append("0.");
        out.append(QByteArray(-n, '0'));
        out.append(digits.data(), k);
    } else {
        out.append(digits[0]);
        if (k > 1) {
            out.append('.');
            out.append(digits.data() + 1, k - 1);
        }
        out.append('e');
        out.append(n - 1 >= 0 ? '+' : '-');
        out.append(QByteArray::number(std::abs(n - 1)));
    }
    return out;
}

std::optional<QByteArray> CanonicalJson::serialize(const QJsonValue &value, QString *error)
{
    QByteArray out;
    if (!appendValue(out, value, error))
        return std::nullopt;
    return out;
}

QByteArray CanonicalJson::serializeOrEmpty(const QJsonValue &value)
{
    return serialize(value).value_or(QByteArray());
}

} // namespace countersign::core
