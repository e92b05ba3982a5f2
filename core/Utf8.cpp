#include "core/Utf8.h"

namespace countersign::core {

Utf8::Sequence Utf8::decode(const char *data, qsizetype available)
{
    Sequence s;
    const uchar b0 = uchar(data[0]);
    uchar lo = 0x80, hi = 0xBF; // the range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        s.length = 2;
        s.codePoint = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        s.length = 3;
        s.codePoint = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0; // overlong
        else if (b0 == 0xED)
            hi = 0x9F; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        s.length = 4;
        s.codePoint = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90; // overlong
        else if (b0 == 0xF4)
            hi = 0x8F; // beyond U+10FFFF
    } else {
        return s;
    }
    if (available < s.length) {
        s.error = Error::Truncated;
        return s;
    }
    for (int i = 1; i < s.length; ++i) {
        const uchar b = uchar(data[i]);
        if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF))
            return s;
        s.codePoint = (s.codePoint << 6) | (b & 0x3F);
    }
    s.error = Error::None;
    return s;
}

} // namespace countersign::core
