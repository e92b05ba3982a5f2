#include "core/TextCheck.h"

#include "core/UntrustedText.h"

namespace countersign::core {

namespace {

bool isBlank(QChar c)
{
    // Unicode spaces (NBSP, ideographic space, the U+2000 block) are blank to
    // the eye too; line breaks are counted separately.
    return c != u'\n' && (c.isSpace() || c == u'\u2800' /* braille blank */);
}

} // namespace

ReviewFlags TextCheck::check(const QString &text, const QString &where)
{
    ReviewFlags flags;
    const UntrustedText::Result formatted = UntrustedText::format(text);
    if (formatted.hiddenCount > 0) {
        flags.append(
            {QStringLiteral("hidden_characters"),
             tr("%n invisible or reordering character(s) shown as ⟦…⟧ tokens: %1.", nullptr, formatted.hiddenCount)
                 .arg(formatted.kinds.join(QStringLiteral(", "))),
             where,
             {}});
    }
    // One pass: count blank lines and whitespace runs that are followed by
    // something visible; report the longest of each, with the line it resumes on.
    int line = 1;
    int blankLines = 0; // consecutive lines with nothing visible, before the current one
    bool lineHasContent = false;
    int run = 0;
    int worstBlank = 0, worstBlankLine = 0, worstRun = 0, worstRunLine = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\u2028' || c == u'\u2029' || c == u'\r' || c == u'\v' || c == u'\f') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                continue; // CRLF is one break
            if (!lineHasContent)
                ++blankLines;
            else
                blankLines = 0;
            lineHasContent = false;
            run = 0;
            ++line;
            continue;
        }
        if (isBlank(c)) {
            ++run;
            continue;
        }
        if (!lineHasContent) {
            if (blankLines >= kBlankLines && blankLines > worstBlank) {
                worstBlank = blankLines;
                worstBlankLine = line;
            }
            blankLines = 0;
        }
        if (run >= kWhitespaceRun && run > worstRun) {
            worstRun = run;
            worstRunLine = line;
        }
        run = 0;
        lineHasContent = true;
    }
    if (worstBlank > 0) {
        flags.append({QStringLiteral("content_after_blank_lines"),
                      tr("Content continues after %1 blank lines, at line %2: scroll on, something may be "
                         "hidden below.")
                          .arg(worstBlank)
                          .arg(worstBlankLine),
                      where,
                      {}});
    }
    if (worstRun > 0) {
        flags.append({QStringLiteral("content_after_whitespace"),
                      tr("Content continues after %1 whitespace characters on line %2: text may be pushed out "
                         "of sight to the right.")
                          .arg(worstRun)
                          .arg(worstRunLine),
                      where,
                      {}});
    }
    return flags;
}

} // namespace countersign::core
