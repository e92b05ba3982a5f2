#pragma once

#include "core/ValidationError.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace countersign::broker {

// A TOML file read into JSON, remembering where every value came from.
//
// Operator-edited files (the policy, countersignd.conf) are TOML; the code that
// validates them works on QJsonObject with core's path-aware readers. This class
// is the bridge, and the only place toml++ is compiled: tables become objects,
// arrays arrays, strings/booleans/floats themselves, integers doubles (so only
// |n| <= 2^53, which a double holds exactly, is accepted), and date-times RFC 3339
// strings. Each value's JSON path (`rules[3].match.tool`, as core's readers spell
// it) maps to the line it was written on, so validation errors can say
// `FILE:LINE: path: message`.
class TomlDocument
{
public:
    // The largest file accepted; configuration files are small.
    static constexpr qsizetype kMaxBytes = 4 * 1024 * 1024;

    // Syntax errors are appended to `errors` as `SOURCE:LINE:COLUMN: message`.
    static std::optional<TomlDocument> parse(QByteArrayView text, const QString &sourceName, QStringList *errors);

    QJsonObject root() const { return m_root; }
    QString sourceName() const { return m_sourceName; }

    // The 1-based line of `path`, or of its nearest ancestor that has one; 0 if none does.
    int lineOf(const QString &path) const;
    // `SOURCE:LINE: path: message` (or `SOURCE: path: message` when no line is known).
    QString locate(const core::ValidationError &error) const;

    // The path one level up (`a.b[2]` → `a.b`, `a.b` → `a`, `a` → ``).
    static QString parentPath(const QString &path);

private:
    QJsonObject m_root;
    QString m_sourceName;
    QHash<QString, int> m_lines;
};

} // namespace countersign::broker
