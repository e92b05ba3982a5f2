#pragma once

#include <QJsonValue>
#include <QStringList>

namespace countersign::broker {

// Renders values for policy explanations. Those values come from agents, and
// `policy explain` prints them to a terminal, so control characters (including
// terminal escape sequences), bidirectional overrides and invisible characters
// are shown as \uXXXX escapes, and anything long is cut with a note saying how
// much was left out.
class PolicyText
{
public:
    static constexpr qsizetype kMaxChars = 120;

    // `"text"`, escaped and possibly shortened.
    static QString quote(const QString &text);
    // Strings as quote(); everything else as compact JSON, escaped and possibly shortened.
    static QString value(const QJsonValue &value);
    // `[a, b]` with each item quoted.
    static QString list(const QStringList &items);
    // `[a, b]` without quotes, for operator-written patterns (still escaped).
    static QString patterns(const QStringList &items);

private:
    // `quoting`: also escape `"` and `\` (off for text that is already JSON).
    static QString escape(const QString &text, qsizetype maxChars, bool quoting = true);
};

} // namespace countersign::broker
