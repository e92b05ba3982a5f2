#include "core/Glob.h"

namespace countersign::core {

bool Glob::matches(const QString &pattern, const QString &text)
{
    // Iterative matcher with single-star backtracking: linear in practice and
    // never exponential, whatever the pattern.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == QLatin1Char('?') || pattern.at(p) == text.at(t))
            && pattern.at(p) != QLatin1Char('*')) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool Glob::isValid(const QString &pattern)
{
    return !pattern.isEmpty() && pattern.size() <= 256;
}

} // namespace countersign::core
