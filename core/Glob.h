#pragma once

#include <QString>

namespace countersign::core {

// Shell-style wildcards for names (tools, agents, users): `*` matches any run
// of characters, `?` one character; everything else is literal, and the whole
// text must match. Case-sensitive.
class Glob
{
public:
    static bool matches(const QString &pattern, const QString &text);
    static bool isValid(const QString &pattern);
};

} // namespace countersign::core
