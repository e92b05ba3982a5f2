#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace countersign::broker {

// A shell-style pattern: `*` matches any run of characters (including `/` and
// `.`, and none), `?` exactly one, `[abc]`, `[a-z]` and `[!abc]` one from (or not
// from) a set, and `\` makes the next character literal. Always matched against
// the whole text. Compiled once, when the policy is loaded.
class PolicyGlob
{
public:
    static constexpr qsizetype kMaxLength = 256;

    // nullopt and `*error` set when the pattern is malformed (unclosed `[`, a
    // reversed range, a trailing `\`, empty, or longer than kMaxLength).
    static std::optional<PolicyGlob> compile(const QString &pattern, Qt::CaseSensitivity sensitivity, QString *error);

    bool matches(const QString &text) const;
    QString pattern() const { return m_pattern; }

private:
    QString m_pattern;
    QRegularExpression m_regex;
};

} // namespace countersign::broker
