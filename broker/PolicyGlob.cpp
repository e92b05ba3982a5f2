#include "broker/PolicyGlob.h"

namespace countersign::broker {

namespace {

QString literal(uint codePoint)
{
    return QStringLiteral("\\x{%1}").arg(codePoint, 0, 16);
}

QString display(uint codePoint)
{
    const char32_t c = char32_t(codePoint);
    return QString::fromUcs4(&c, 1);
}

} // namespace

std::optional<PolicyGlob> PolicyGlob::compile(const QString &pattern, Qt::CaseSensitivity sensitivity, QString *error)
{
    if (pattern.isEmpty()) {
        *error = QStringLiteral("empty pattern");
        return std::nullopt;
    }
    if (pattern.size() > kMaxLength) {
        *error = QStringLiteral("pattern is longer than %1 characters").arg(kMaxLength);
        return std::nullopt;
    }
    // Every literal character is emitted as \x{..}, so nothing in the pattern can
    // reach the regular-expression engine as syntax.
    // Code points, not UTF-16 units, so a character outside the BMP is one literal.
    const QList<uint> p = pattern.toUcs4();
    QString regex;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const uint c = p.at(i);
        if (c == '*') {
            regex += QStringLiteral(".*");
        } else if (c == '?') {
            regex += QLatin1Char('.');
        } else if (c == '\\') {
            if (i + 1 == p.size()) {
                *error = QStringLiteral("pattern ends with an unfinished \\ escape");
                return std::nullopt;
            }
            regex += literal(p.at(++i));
        } else if (c == '[') {
            qsizetype j = i + 1;
            QString set;
            bool negated = false;
            if (j < p.size() && p.at(j) == '!') {
                negated = true;
                ++j;
            }
            bool first = true;
            bool closed = false;
            for (; j < p.size(); ++j) {
                const uint s = p.at(j);
                // `]` directly after `[` or `[!` is a member, as in shells.
                if (s == ']' && !first) {
                    closed = true;
                    break;
                }
                first = false;
                if (j + 2 < p.size() && p.at(j + 1) == '-' && p.at(j + 2) != ']') {
                    const uint to = p.at(j + 2);
                    if (to < s) {
                        *error = QStringLiteral("reversed range %1-%2 in [...]").arg(display(s), display(to));
                        return std::nullopt;
                    }
                    set += literal(s) + QLatin1Char('-') + literal(to);
                    j += 2;
                } else {
                    set += literal(s);
                }
            }
            if (!closed) {
                *error = QStringLiteral("unclosed [ at position %1").arg(i + 1);
                return std::nullopt;
            }
            regex += (negated ? QStringLiteral("[^") : QStringLiteral("[")) + set + QLatin1Char(']');
            i = j;
        } else {
            regex += literal(c);
        }
    }

    QRegularExpression::PatternOptions options = QRegularExpression::DotMatchesEverythingOption;
    if (sensitivity == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    PolicyGlob glob;
    glob.m_pattern = pattern;
    glob.m_regex = QRegularExpression(QRegularExpression::anchoredPattern(regex), options);
    if (!glob.m_regex.isValid()) {
        *error = glob.m_regex.errorString();
        return std::nullopt;
    }
    glob.m_regex.optimize();
    return glob;
}

bool PolicyGlob::matches(const QString &text) const
{
    return m_regex.match(text).hasMatch();
}

} // namespace countersign::broker
