#include "core/JsonParser.h"

#include "core/CanonicalJson.h"
#include "core/Utf8.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <vector>

namespace countersign::core {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

class Parser
{
public:
    Parser(QByteArrayView text, const JsonLimits &limits)
        : m_data(text.data())
        , m_size(text.size())
        , m_limits(limits)
    { }

    JsonParser::Result run()
    {
        JsonParser::Result result;
        if (m_size > m_limits.maxBytes) {
            result.error = {QString(),
                            QStringLiteral("document is %1 bytes, larger than the limit of %2 bytes")
                                .arg(m_size)
                                .arg(m_limits.maxBytes)};
            return result;
        }
        if (m_size >= 3 && uchar(m_data[0]) == 0xEF && uchar(m_data[1]) == 0xBB && uchar(m_data[2]) == 0xBF) {
            result.error = {QString(), QStringLiteral("byte order mark is not allowed")};
            return result;
        }
        skipWhitespace();
        QJsonValue value;
        if (!parseValue(value, 0)) {
            result.error = m_error;
            return result;
        }
        skipWhitespace();
        if (m_pos != m_size) {
            fail(QStringLiteral("unexpected data after the JSON value"));
            result.error = m_error;
            return result;
        }
        result.value = value;
        return result;
    }

private:
    struct Segment
    {
        QString key;
        qsizetype index = -1;
    };

    bool fail(const QString &message)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = {currentPath(), message + QStringLiteral(" (at byte %1)").arg(m_pos)};
        }
        return false;
    }

    QString currentPath() const
    {
        QString path;
        for (const Segment &segment : m_path) {
            if (segment.index >= 0) {
                path += QLatin1Char('[') + QString::number(segment.index) + QLatin1Char(']');
            } else {
                if (!path.isEmpty())
                    path += QLatin1Char('.');
                path += segment.key;
            }
        }
        return path;
    }

    void skipWhitespace()
    {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }

    bool expectLiteral(const char *literal, qsizetype length)
    {
        if (m_size - m_pos < length || std::memcmp(m_data + m_pos, literal, size_t(length)) != 0)
            return fail(QStringLiteral("invalid literal"));
        m_pos += length;
        return true;
    }

    bool parseValue(QJsonValue &out, int depth)
    {
        if (m_pos >= m_size)
            return fail(QStringLiteral("unexpected end of input"));
        const char c = m_data[m_pos];
        switch (c) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            QString s;
            if (!parseString(s))
                return false;
            out = QJsonValue(s);
            return true;
        }
        case 't':
            out = QJsonValue(true);
            return expectLiteral("true", 4);
        case 'f':
            out = QJsonValue(false);
            return expectLiteral("false", 5);
        case 'n':
            out = QJsonValue(QJsonValue::Null);
            return expectLiteral("null", 4);
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return parseNumber(out);
            if (uchar(c) >= 0x80)
                return fail(QStringLiteral("unexpected non-ASCII byte outside a string"));
            return fail(QStringLiteral("unexpected character '%1'").arg(QLatin1Char(c)));
        }
    }

    bool parseObject(QJsonValue &out, int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("nesting deeper than the limit of %1").arg(m_limits.maxDepth));
        ++m_pos; // '{'
        QJsonObject object;
        skipWhitespace();
        if (m_pos < m_size && m_data[m_pos] == '}') {
            ++m_pos;
            out = object;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (m_pos >= m_size)
                return fail(QStringLiteral("unexpected end of input in object"));
            if (m_data[m_pos] != '"')
                return fail(QStringLiteral("expected a member name"));
            QString key;
            if (!parseString(key))
                return false;
            if (object.size() >= m_limits.maxObjectMembers)
                return fail(QStringLiteral("object has more than %1 members").arg(m_limits.maxObjectMembers));
            skipWhitespace();
            if (m_pos >= m_size || m_data[m_pos] != ':')
                return fail(QStringLiteral("expected ':' after member name"));
            ++m_pos;
            skipWhitespace();
            m_path.push_back({key});
            QJsonValue value;
            if (!parseValue(value, depth))
                return false;
            // A name seen before replaces its value instead of adding a member:
            // one lookup instead of a contains() before every insert.
            const qsizetype before = object.size();
            object.insert(key, value);
            if (object.size() == before)
                return fail(QStringLiteral("duplicate member name"));
            m_path.pop_back();
            skipWhitespace();
            if (m_pos >= m_size)
                return fail(QStringLiteral("unexpected end of input in object"));
            if (m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_data[m_pos] == '}') {
                ++m_pos;
                out = object;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}' in object"));
        }
    }

    bool parseArray(QJsonValue &out, int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("nesting deeper than the limit of %1").arg(m_limits.maxDepth));
        ++m_pos; // '['
        QJsonArray array;
        skipWhitespace();
        if (m_pos < m_size && m_data[m_pos] == ']') {
            ++m_pos;
            out = array;
            return true;
        }
        while (true) {
            if (array.size() >= m_limits.maxArrayLength)
                return fail(QStringLiteral("array has more than %1 elements").arg(m_limits.maxArrayLength));
            skipWhitespace();
            m_path.push_back({QString(), array.size()});
            QJsonValue value;
            if (!parseValue(value, depth))
                return false;
            m_path.pop_back();
            array.append(value);
            skipWhitespace();
            if (m_pos >= m_size)
                return fail(QStringLiteral("unexpected end of input in array"));
            if (m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_data[m_pos] == ']') {
                ++m_pos;
                out = array;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']' in array"));
        }
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char32_t &out)
    {
        if (m_size - m_pos < 4)
            return fail(QStringLiteral("truncated \\u escape"));
        char32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_data[m_pos + i]);
            if (h < 0)
                return fail(QStringLiteral("invalid \\u escape"));
            value = (value << 4) | char32_t(h);
        }
        m_pos += 4;
        out = value;
        return true;
    }

    // Decodes one UTF-8 sequence starting at m_pos (core::Utf8).
    bool decodeUtf8(char32_t &out)
    {
        const Utf8::Sequence sequence = Utf8::decode(m_data + m_pos, m_size - m_pos);
        if (sequence.error == Utf8::Error::Truncated)
            return fail(QStringLiteral("truncated UTF-8 sequence"));
        if (sequence.error != Utf8::Error::None)
            return fail(QStringLiteral("invalid UTF-8"));
        out = sequence.codePoint;
        m_pos += sequence.length;
        return true;
    }

    bool parseString(QString &out)
    {
        ++m_pos; // opening quote
        const qsizetype start = m_pos;
        out.clear();
        while (true) {
            // Copy runs of plain ASCII in one go.
            const qsizetype runStart = m_pos;
            while (m_pos < m_size) {
                const uchar c = uchar(m_data[m_pos]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_pos;
            }
            if (m_pos > runStart)
                out.append(QLatin1StringView(m_data + runStart, m_pos - runStart));
            if (m_pos - start > m_limits.maxStringBytes)
                return fail(QStringLiteral("string longer than the limit of %1 bytes").arg(m_limits.maxStringBytes));
            if (m_pos >= m_size)
                return fail(QStringLiteral("unterminated string"));
            const uchar c = uchar(m_data[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return fail(QStringLiteral("unescaped control character U+%1 in string")
                                .arg(QStringLiteral("%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper()));
            if (c >= 0x80) {
                char32_t cp = 0;
                if (!decodeUtf8(cp))
                    return false;
                appendCodePoint(out, cp);
                continue;
            }
            // Backslash escape.
            ++m_pos;
            if (m_pos >= m_size)
                return fail(QStringLiteral("unterminated escape"));
            const char e = m_data[m_pos++];
            switch (e) {
            case '"':
                out.append(QLatin1Char('"'));
                break;
            case '\\':
                out.append(QLatin1Char('\\'));
                break;
            case '/':
                out.append(QLatin1Char('/'));
                break;
            case 'b':
                out.append(QLatin1Char('\b'));
                break;
            case 'f':
                out.append(QLatin1Char('\f'));
                break;
            case 'n':
                out.append(QLatin1Char('\n'));
                break;
            case 'r':
                out.append(QLatin1Char('\r'));
                break;
            case 't':
                out.append(QLatin1Char('\t'));
                break;
            case 'u': {
                char32_t unit = 0;
                if (!parseHex4(unit))
                    return false;
                if (unit >= 0xDC00 && unit <= 0xDFFF)
                    return fail(QStringLiteral("lone low surrogate \\u%1").arg(uint(unit), 4, 16));
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    if (m_size - m_pos < 6 || m_data[m_pos] != '\\' || m_data[m_pos + 1] != 'u')
                        return fail(QStringLiteral("lone high surrogate \\u%1").arg(uint(unit), 4, 16));
                    m_pos += 2;
                    char32_t low = 0;
                    if (!parseHex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail(QStringLiteral("lone high surrogate \\u%1").arg(uint(unit), 4, 16));
                    appendCodePoint(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                } else {
                    appendCodePoint(out, unit);
                }
                break;
            }
            default:
                return fail(QStringLiteral("invalid escape '\\%1'").arg(QLatin1Char(e)));
            }
        }
    }

    static void appendCodePoint(QString &out, char32_t cp)
    {
        if (cp < 0x10000) {
            out.append(QChar(char16_t(cp)));
        } else {
            out.append(QChar::highSurrogate(cp));
            out.append(QChar::lowSurrogate(cp));
        }
    }

    bool parseNumber(QJsonValue &out)
    {
        const qsizetype start = m_pos;
        bool integer = true;
        if (m_data[m_pos] == '-')
            ++m_pos;
        if (m_pos >= m_size)
            return fail(QStringLiteral("truncated number"));
        if (m_data[m_pos] == '0') {
            ++m_pos;
            if (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9')
                return fail(QStringLiteral("leading zeros are not allowed in numbers"));
        } else if (m_data[m_pos] >= '1' && m_data[m_pos] <= '9') {
            while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9')
                ++m_pos;
        } else {
            return fail(QStringLiteral("invalid number"));
        }
        if (m_pos < m_size && m_data[m_pos] == '.') {
            integer = false;
            ++m_pos;
            const qsizetype digits = m_pos;
            while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9')
                ++m_pos;
            if (m_pos == digits)
                return fail(QStringLiteral("invalid number: digits expected after '.'"));
        }
        if (m_pos < m_size && (m_data[m_pos] == 'e' || m_data[m_pos] == 'E')) {
            integer = false;
            ++m_pos;
            if (m_pos < m_size && (m_data[m_pos] == '+' || m_data[m_pos] == '-'))
                ++m_pos;
            const qsizetype digits = m_pos;
            while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9')
                ++m_pos;
            if (m_pos == digits)
                return fail(QStringLiteral("invalid number: digits expected in exponent"));
        }
        const char *first = m_data + start;
        const char *last = m_data + m_pos;
        double value = 0;
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec == std::errc::result_out_of_range || !std::isfinite(value)) {
            m_pos = start;
            return fail(QStringLiteral("number is out of the IEEE 754 double range"));
        }
        if (ec != std::errc() || ptr != last) {
            m_pos = start;
            return fail(QStringLiteral("invalid number"));
        }
        if (integer && std::fabs(value) >= kMaxExactInteger) {
            // A large integer survives only if canonicalisation would write the
            // very same digits; otherwise precision would silently be lost.
            // (>=, not >: 2^53 + 1 rounds to 2^53 and must be caught here.)
            const QByteArray canonical = CanonicalJson::formatNumber(value).value_or(QByteArray());
            if (canonical != QByteArrayView(first, last - first)) {
                m_pos = start;
                return fail(QStringLiteral("integer %1 cannot be represented exactly; send it as a string")
                                .arg(QString::fromLatin1(first, last - first)));
            }
        }
        if (integer && std::fabs(value) <= kMaxExactInteger)
            out = QJsonValue(qint64(value));
        else
            out = QJsonValue(value);
        return true;
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    const JsonLimits &m_limits;
    std::vector<Segment> m_path;
    bool m_failed = false;
    ValidationError m_error;
};

} // namespace

JsonParser::Result JsonParser::parse(QByteArrayView text, const JsonLimits &limits)
{
    return Parser(text, limits).run();
}

JsonParser::Result JsonParser::parseObject(QByteArrayView text, const JsonLimits &limits)
{
    Result result = parse(text, limits);
    if (result.ok() && !result.value->isObject()) {
        result.value.reset();
        result.error = {QString(), QStringLiteral("expected a JSON object")};
    }
    return result;
}

} // namespace countersign::core
