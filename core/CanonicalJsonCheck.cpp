#include "core/CanonicalJsonCheck.h"

#include "core/CanonicalJson.h"
#include "core/JsonLimits.h"
#include "core/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

namespace countersign::core {

namespace {

// Mirrors what JsonParser accepts and CanonicalJson::serialize writes; every
// doubt answers false. The limits are JsonParser's defaults (same counting).
class Checker
{
public:
    explicit Checker(QByteArrayView text)
        : m_p(reinterpret_cast<const uchar *>(text.data()))
        , m_end(m_p + text.size())
    { }

    bool run()
    {
        // A document no longer than the string limit cannot hold a string over it.
        if (m_end - m_p > m_limits.maxStringBytes || m_end - m_p > m_limits.maxBytes)
            return false;
        if (m_p == m_end || *m_p != '{')
            return false;
        return value(0) && m_p == m_end;
    }

private:
    struct Key
    {
        const uchar *begin = nullptr;
        const uchar *end = nullptr;
        bool plain = true; // printable ASCII only, no escapes: bytes order as UTF-16 units
    };

    bool value(int depth)
    {
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true", 4);
        case 'f':
            return literal("false", 5);
        case 'n':
            return literal("null", 4);
        default:
            return number();
        }
    }

    bool literal(const char *text, qsizetype length)
    {
        if (m_end - m_p < length || std::memcmp(m_p, text, size_t(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    bool object(int depth)
    {
        if (depth > m_limits.maxDepth)
            return false;
        ++m_p; // '{'
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        Key previous;
        qsizetype members = 0;
        while (true) {
            if (++members > m_limits.maxObjectMembers || m_p == m_end || *m_p != '"')
                return false;
            Key key;
            if (!string(&key))
                return false;
            // Strictly ascending by UTF-16 code units: sorted and no duplicates.
            if (members > 1 && !less(previous, key))
                return false;
            previous = key;
            if (m_p == m_end || *m_p != ':')
                return false;
            ++m_p;
            if (!value(depth))
                return false;
            if (m_p == m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            return false;
        }
    }

    bool array(int depth)
    {
        if (depth > m_limits.maxDepth)
            return false;
        ++m_p; // '['
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        qsizetype elements = 0;
        while (true) {
            if (++elements > m_limits.maxArrayLength || !value(depth) || m_p == m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            return false;
        }
    }

    static bool isHexLower(uchar c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
    static int hexValue(uchar c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

    // A string exactly as CanonicalJson writes it: raw UTF-8 (valid, as
    // JsonParser decodes it), `\"` `\\` `\b` `\f` `\n` `\r` `\t`, and `\u00xx`
    // (lower-case hex) for the other control characters; nothing else escaped.
    bool string(Key *key)
    {
        ++m_p; // opening quote
        if (key)
            key->begin = m_p;
        while (true) {
            if (m_p == m_end)
                return false;
            const uchar c = *m_p;
            if (c == '"') {
                if (key)
                    key->end = m_p;
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (key)
                    key->plain = false;
                if (m_end - m_p < 2)
                    return false;
                const uchar e = m_p[1];
                if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    m_p += 2;
                    continue;
                }
                if (e != 'u' || m_end - m_p < 6 || m_p[2] != '0' || m_p[3] != '0' || !isHexLower(m_p[4])
                    || !isHexLower(m_p[5]))
                    return false;
                const int unit = hexValue(m_p[4]) * 16 + hexValue(m_p[5]);
                if (unit >= 0x20 || unit == '\b' || unit == '\f' || unit == '\n' || unit == '\r' || unit == '\t')
                    return false;
                m_p += 6;
                continue;
            }
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            if (key)
                key->plain = false;
            if (!utf8())
                return false;
        }
    }

    // One UTF-8 sequence with JsonParser's rules (core::Utf8).
    bool utf8()
    {
        const Utf8::Sequence sequence = Utf8::decode(reinterpret_cast<const char *>(m_p), m_end - m_p);
        if (sequence.error != Utf8::Error::None)
            return false;
        m_p += sequence.length;
        return true;
    }

    // The UTF-16 code units of a string already checked by string().
    static std::u16string units(const Key &key)
    {
        std::u16string out;
        for (const uchar *p = key.begin; p < key.end;) {
            const uchar c = *p;
            if (c == '\\') {
                const uchar e = p[1];
                switch (e) {
                case 'b':
                    out.push_back(u'\b');
                    break;
                case 'f':
                    out.push_back(u'\f');
                    break;
                case 'n':
                    out.push_back(u'\n');
                    break;
                case 'r':
                    out.push_back(u'\r');
                    break;
                case 't':
                    out.push_back(u'\t');
                    break;
                case 'u':
                    out.push_back(char16_t(hexValue(p[4]) * 16 + hexValue(p[5])));
                    p += 4;
                    break;
                default: // '"' or '\\'
                    out.push_back(char16_t(e));
                }
                p += 2;
                continue;
            }
            if (c < 0x80) {
                out.push_back(char16_t(c));
                ++p;
                continue;
            }
            const int length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            char32_t cp = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
            for (int i = 1; i < length; ++i)
                cp = (cp << 6) | (p[i] & 0x3F);
            p += length;
            if (cp < 0x10000) {
                out.push_back(char16_t(cp));
            } else {
                out.push_back(char16_t(0xD800 + ((cp - 0x10000) >> 10)));
                out.push_back(char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            }
        }
        return out;
    }

    static bool less(const Key &a, const Key &b)
    {
        if (a.plain && b.plain) {
            const size_t na = size_t(a.end - a.begin), nb = size_t(b.end - b.begin);
            const int c = std::memcmp(a.begin, b.begin, std::min(na, nb));
            return c < 0 || (c == 0 && na < nb);
        }
        return units(a) < units(b);
    }

    // The token must be what CanonicalJson::formatNumber writes for the value
    // JsonParser reads from it (which excludes -0, exponents in the wrong form,
    // trailing zeros, and integers that lose precision).
    bool number()
    {
        const uchar *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end)
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else if (*m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        } else {
            return false;
        }
        bool integer = true;
        if (m_p < m_end && *m_p == '.') {
            integer = false;
            const uchar *digits = ++m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == digits)
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            integer = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            const uchar *digits = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == digits)
                return false;
        }
        const char *first = reinterpret_cast<const char *>(start);
        const char *last = reinterpret_cast<const char *>(m_p);
        const qsizetype digits = (last - first) - (*first == '-' ? 1 : 0);
        // Common case: a plain integer below 10^15 is exact and written as is (except -0).
        if (integer && digits <= 15)
            return !(digits == 1 && *first == '-' && first[1] == '0');
        double value = 0;
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || ptr != last || !std::isfinite(value))
            return false;
        const auto canonical = CanonicalJson::formatNumber(value);
        return canonical && *canonical == QByteArrayView(first, last - first);
    }

    const uchar *m_p;
    const uchar *m_end;
    const JsonLimits m_limits;
};

} // namespace

bool CanonicalJsonCheck::isCanonicalObject(QByteArrayView text)
{
    return Checker(text).run();
}

} // namespace countersign::core
