// The untrusted-string formatter and the hostile-content checks, on any
// UTF-16 (the raw bytes as code units, so lone surrogates occur).
#include "FuzzSupport.h"
#include "core/IdentifierCheck.h"
#include "core/InjectionCheck.h"
#include "core/TextCheck.h"
#include "core/UntrustedText.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace countersign::core;
    // Copied, not cast: the input need not be aligned for char16_t.
    QString text(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(text.data(), data, (size / 2) * sizeof(char16_t));
    const UntrustedText::Result r = UntrustedText::format(text);
    // Every token is where it says, and the output hides nothing it counted.
    for (const UntrustedText::Token &t : r.tokens) {
        COUNTERSIGN_FUZZ_CHECK(t.position >= 0 && t.position + t.length <= r.text.size());
        COUNTERSIGN_FUZZ_CHECK(r.text.at(t.position) == QChar(u'\u27E6'));
    }
    const QString line = UntrustedText::singleLine(text);
    COUNTERSIGN_FUZZ_CHECK(!line.contains(u'\n'));
    for (qsizetype i = 0; i < line.size(); ++i) {
        // No lone surrogate survives formatting.
        if (line.at(i).isHighSurrogate())
            COUNTERSIGN_FUZZ_CHECK(i + 1 < line.size() && line.at(i + 1).isLowSurrogate());
        else if (line.at(i).isLowSurrogate())
            COUNTERSIGN_FUZZ_CHECK(i > 0 && line.at(i - 1).isHighSurrogate());
    }
    bool truncated = false;
    UntrustedText::truncate(r.text, qsizetype(size % 97) + 1, &truncated);
    TextCheck::check(text);
    InjectionCheck::check(text);
    IdentifierCheck::Context context;
    context.tenantDomains = {QStringLiteral("acme.example")};
    context.references = {QStringLiteral("acme.example")};
    IdentifierCheck::check(text, context);
    return 0;
}
