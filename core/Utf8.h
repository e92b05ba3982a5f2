#pragma once

#include <QtGlobal>

namespace countersign::core {

// UTF-8 as RFC 3629 defines it, one multi-byte sequence at a time: no
// overlong forms, no encoded surrogates, nothing beyond U+10FFFF. The one
// decoder the strict JSON parser and the canonical-form check share, so both
// accept exactly the same bytes.
class Utf8
{
public:
    enum class Error { None, Invalid, Truncated };
    struct Sequence
    {
        int length = 0; // 2 to 4 when error is None
        char32_t codePoint = 0;
        Error error = Error::Invalid;
    };

    // The sequence starting at data[0] (a byte of 0x80 or more), reading at most `available` bytes.
    static Sequence decode(const char *data, qsizetype available);
};

} // namespace countersign::core
