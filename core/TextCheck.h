#pragma once

#include "core/ReviewFlag.h"

#include <QCoreApplication>

namespace countersign::core {

// Flags about how a string could hide something from the eye, as opposed to
// what it says: invisible or reordering characters (counted, by kind; the
// tokens themselves are shown in place by UntrustedText) and content pushed out
// of sight behind a long run of blank lines or whitespace.
class TextCheck
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::TextCheck)

public:
    // At least this many blank lines, or whitespace characters on one line,
    // before more content is flagged.
    static constexpr int kBlankLines = 8;
    static constexpr int kWhitespaceRun = 40;

    // ids `hidden_characters`, `content_after_blank_lines`, `content_after_whitespace`.
    static ReviewFlags check(const QString &text, const QString &where = {});
};

} // namespace countersign::core
