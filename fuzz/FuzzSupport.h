#pragma once

// Shared by the fuzz targets: a QCoreApplication-free entry (the parsers need
// none) and a hard stop when an invariant breaks, so libFuzzer records it.

#include <QByteArrayView>

#include <cstdio>
#include <cstdlib>

#define COUNTERSIGN_FUZZ_CHECK(condition)                                                                              \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__);                    \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

inline QByteArrayView fuzzInput(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}
