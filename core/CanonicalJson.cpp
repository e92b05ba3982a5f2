#include "core/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace countersign::core {

namespace {

bool lessUtf16(QStringView a, QStringView b)
{
    return std::lexicographical_compare(a.utf16(), a.utf16() + a.size(), b.utf16(), b.utf16() + b.size());
}

// Room for `extra` more bytes, growing geometrically (QByteArray::resize
// alone would reallocate exactly on every long run).
void ensureRoom(QByteArray &out, qsizetype extra)
{
    if (out.capacity() - out.size() < extra)
        out.reserve(std::max(out.size() + extra, 2 * out.capacity()));
}

bool plainAscii(char16_t u)
{
    return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
}

bool appendString(QByteArray &out, QStringView s, QString *error)
{
    static const char hex[] = "0123456789abcdef";
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    ensureRoom(out, n + 2);
    out.append('"');
    for (qsizetype i = 0; i < n; ++i) {
        // Most text is printable ASCII that needs no escape: copied a run at a time.
        if (plainAscii(p[i])) {
            qsizetype end = i + 1;
            while (end < n && plainAscii(p[end]))
                ++end;
            const qsizetype at = out.size();
            ensureRoom(out, end - i + 1);
            out.resize(at + (end - i));
            char *dst = out.data() + at;
            for (qsizetype k = i; k < end; ++k)
                *dst++ = char(p[k]);
            i = end - 1;
            continue;
        }
        const char16_t u = p[i];
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
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 0xF]);
            }
            continue;
        }
        char32_t cp = u;
        if (QChar::isHighSurrogate(u)) {
            if (i + 1 >= n || !QChar::isLowSurrogate(p[i + 1])) {
                if (error)
                    *error = QStringLiteral("string holds an unpaired surrogate");
                return false;
            }
            cp = QChar::surrogateToUcs4(u, p[i + 1]);
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

bool appendValue(QByteArray &out, const QJsonValue &value, QString *error);

bool appendMember(QByteArray &out, bool first, const QString &key, const QJsonValue &value, QString *error)
{
    if (!first)
        out.append(',');
    if (!appendString(out, key, error))
        return false;
    out.append(':');
    return appendValue(out, value, error);
}

bool appendObject(QByteArray &out, const QJsonObject &object, QString *error)
{
    const qsizetype start = out.size();
    out.append('{');
    // QJsonObject keeps its members sorted by key. Where that order is JCS's
    // (UTF-16 code units) — checked pair by pair — the members are written as
    // they stand, without a sort or a lookup per key; otherwise from a sorted
    // list of the keys.
    QString previous;
    bool first = true;
    bool ordered = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (!first && !lessUtf16(previous, key)) {
            ordered = false;
            break;
        }
        if (!appendMember(out, first, key, it.value(), error))
            return false;
        previous = key;
        first = false;
    }
    if (!ordered) {
        out.truncate(start + 1);
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return lessUtf16(a, b); });
        first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!appendMember(out, first, key, object.value(key), error))
                return false;
            first = false;
        }
    }
    out.append('}');
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
    case QJsonValue::Object:
        return appendObject(out, value.toObject(), error);
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

std::optional<CanonicalJson::Members> CanonicalJson::serializeMembers(const QJsonObject &object, QString *error)
{
    Members members;
    members.spans.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it) {
        Members::Span span {it.key(), members.text.size(), 0};
        if (!appendMember(members.text, true, span.key, it.value(), error))
            return std::nullopt;
        span.end = members.text.size();
        members.spans.append(std::move(span));
    }
    // Already in order unless Qt's order of keys is not JCS's (see appendObject).
    const auto byKey = [](const Members::Span &a, const Members::Span &b) { return lessUtf16(a.key, b.key); };
    if (!std::is_sorted(members.spans.begin(), members.spans.end(), byKey))
        std::sort(members.spans.begin(), members.spans.end(), byKey);
    return members;
}

std::optional<QByteArray> CanonicalJson::stringObject(QList<std::pair<QString, QString>> members)
{
    std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return lessUtf16(a.first, b.first); });
    QByteArray out;
    out.append('{');
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i > 0) {
            if (members.at(i).first == members.at(i - 1).first)
                return std::nullopt;
            out.append(',');
        }
        if (!appendString(out, members.at(i).first, nullptr))
            return std::nullopt;
        out.append(':');
        if (!appendString(out, members.at(i).second, nullptr))
            return std::nullopt;
    }
    out.append('}');
    return out;
}

std::optional<QByteArray> CanonicalJson::joinMembers(const Members &a, const Members &b)
{
    QByteArray out;
    out.reserve(a.text.size() + b.text.size() + a.spans.size() + b.spans.size() + 2);
    out.append('{');
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.spans.size() || j < b.spans.size()) {
        if (i < a.spans.size() && j < b.spans.size() && a.spans.at(i).key == b.spans.at(j).key)
            return std::nullopt;
        const bool fromA
            = j >= b.spans.size() || (i < a.spans.size() && lessUtf16(a.spans.at(i).key, b.spans.at(j).key));
        const Members &from = fromA ? a : b;
        const Members::Span &span = fromA ? a.spans.at(i++) : b.spans.at(j++);
        if (out.size() > 1)
            out.append(',');
        out.append(from.text.constData() + span.begin, span.end - span.begin);
    }
    out.append('}');
    return out;
}

} // namespace countersign::core
