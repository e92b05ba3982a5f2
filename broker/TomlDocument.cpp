#include "broker/TomlDocument.h"

#include <QJsonArray>

#include <cmath>
#include <string_view>

// toml++ is large and not written for our warning set; keep it to this one
// translation unit, header-only (no runtime library to ship), without
// exceptions (errors come back in parse_result) and without its formatters.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
#include <toml++/toml.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace countersign::broker {

namespace {

// Integers beyond this lose precision as JSON numbers (doubles), so they are refused
// rather than silently rounded.
constexpr int64_t kMaxExactInteger = int64_t(1) << 53;
// Deeper nesting than this is not configuration; refusing it also bounds recursion.
constexpr int kMaxDepth = 64;

// TOML 1.0 allows non-ASCII characters only inside strings and comments.
// toml++ 3.x reads some of them elsewhere through a whitespace table that
// reaches __builtin_unreachable() (undefined behaviour, found by fuzz_policy;
// the input is kept in fuzz/regressions/policy/), so such text is refused here
// before toml++ sees it. Returns the 1-based line and column of the first one.
bool nonAsciiOutsideStrings(QByteArrayView text, qsizetype *line, qsizetype *column)
{
    enum class State { Normal, Comment, Basic, Literal, MultiBasic, MultiLiteral };
    State state = State::Normal;
    qsizetype lineNumber = 1;
    qsizetype lineStart = 0;
    const qsizetype size = text.size();
    const auto at = [&](qsizetype i) { return i < size ? text[i] : '\0'; };
    const auto triple = [&](qsizetype i, char quote) { return at(i + 1) == quote && at(i + 2) == quote; };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++lineNumber;
            lineStart = i + 1;
            if (state == State::Comment || state == State::Basic || state == State::Literal)
                state = State::Normal;
            continue;
        }
        switch (state) {
        case State::Normal:
            if (c == '#') {
                state = State::Comment;
            } else if (c == '"' || c == '\'') {
                const bool multi = triple(i, c);
                state = c == '"' ? (multi ? State::MultiBasic : State::Basic)
                                 : (multi ? State::MultiLiteral : State::Literal);
                if (multi)
                    i += 2;
            } else if (uchar(c) >= 0x80) {
                *line = lineNumber;
                *column = i - lineStart + 1;
                return true;
            }
            break;
        case State::Comment:
            break;
        case State::Basic:
        case State::MultiBasic:
            if (c == '\\' && at(i + 1) != '\n')
                ++i;
            else if (c == '"' && (state == State::Basic || triple(i, '"'))) {
                i += state == State::Basic ? 0 : 2;
                state = State::Normal;
            }
            break;
        case State::Literal:
        case State::MultiLiteral:
            if (c == '\'' && (state == State::Literal || triple(i, '\''))) {
                i += state == State::Literal ? 0 : 2;
                state = State::Normal;
            }
            break;
        }
    }
    return false;
}

struct Conversion
{
    QString sourceName;
    QHash<QString, int> *lines;
    QStringList *errors;
    bool failed = false;

    void fail(const toml::source_region &where, const QString &message)
    {
        failed = true;
        errors->append(
            QStringLiteral("%1:%2:%3: %4")
                .arg(sourceName, QString::number(where.begin.line), QString::number(where.begin.column), message));
    }

    void remember(const QString &path, const toml::source_region &where)
    {
        if (where.begin.line > 0 && !lines->contains(path))
            lines->insert(path, int(where.begin.line));
    }

    QJsonValue value(const toml::node &node, const QString &path, int depth);
    QJsonObject table(const toml::table &table, const QString &path, int depth);
};

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString twoDigits(int n)
{
    return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
}

QString formatDate(const toml::date &d)
{
    return QStringLiteral("%1-%2-%3")
        .arg(int(d.year), 4, 10, QLatin1Char('0'))
        .arg(twoDigits(d.month), twoDigits(d.day));
}

QString formatTime(const toml::time &t)
{
    QString out = twoDigits(t.hour) + QLatin1Char(':') + twoDigits(t.minute) + QLatin1Char(':') + twoDigits(t.second);
    if (t.nanosecond != 0) {
        QString fraction = QStringLiteral("%1").arg(qulonglong(t.nanosecond), 9, 10, QLatin1Char('0'));
        while (fraction.endsWith(QLatin1Char('0')))
            fraction.chop(1);
        out += QLatin1Char('.') + fraction;
    }
    return out;
}

QString formatOffset(const toml::time_offset &offset)
{
    if (offset.minutes == 0)
        return QStringLiteral("Z");
    const int minutes = std::abs(int(offset.minutes));
    return (offset.minutes < 0 ? QStringLiteral("-") : QStringLiteral("+")) + twoDigits(minutes / 60) + QLatin1Char(':')
        + twoDigits(minutes % 60);
}

QJsonObject Conversion::table(const toml::table &tbl, const QString &path, int depth)
{
    QJsonObject out;
    for (auto &&[key, node] : tbl) {
        const QString name = fromStd(key.str());
        const QString childPath = path.isEmpty() ? name : path + QLatin1Char('.') + name;
        // The key's own position is where an operator looks for a value (for a
        // multi-line array it is the line the array starts on).
        remember(childPath, key.source());
        remember(childPath, node.source());
        out.insert(name, value(node, childPath, depth + 1));
    }
    return out;
}

QJsonValue Conversion::value(const toml::node &node, const QString &path, int depth)
{
    if (depth > kMaxDepth) {
        fail(node.source(), QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth));
        return {};
    }
    switch (node.type()) {
    case toml::node_type::table:
        return table(*node.as_table(), path, depth);
    case toml::node_type::array: {
        QJsonArray out;
        const toml::array &items = *node.as_array();
        for (size_t i = 0; i < items.size(); ++i) {
            const QString itemPath = path + QLatin1Char('[') + QString::number(qulonglong(i)) + QLatin1Char(']');
            remember(itemPath, items[i].source());
            out.append(value(items[i], itemPath, depth + 1));
        }
        return out;
    }
    case toml::node_type::string: {
        const std::string &s = node.as_string()->get();
        return fromStd(s);
    }
    case toml::node_type::integer: {
        const int64_t n = node.as_integer()->get();
        if (n > kMaxExactInteger || n < -kMaxExactInteger) {
            fail(node.source(), QStringLiteral("integer %1 is too large (the limit is ±2^53)").arg(qlonglong(n)));
            return {};
        }
        return double(n);
    }
    case toml::node_type::floating_point: {
        const double d = node.as_floating_point()->get();
        if (!std::isfinite(d)) {
            fail(node.source(), QStringLiteral("inf and nan are not supported"));
            return {};
        }
        return d;
    }
    case toml::node_type::boolean:
        return node.as_boolean()->get();
    case toml::node_type::date:
        return formatDate(node.as_date()->get());
    case toml::node_type::time:
        return formatTime(node.as_time()->get());
    case toml::node_type::date_time: {
        const toml::date_time &dt = node.as_date_time()->get();
        QString out = formatDate(dt.date) + QLatin1Char('T') + formatTime(dt.time);
        if (dt.offset)
            out += formatOffset(*dt.offset);
        return out;
    }
    case toml::node_type::none:
        break;
    }
    fail(node.source(), QStringLiteral("unsupported value"));
    return {};
}

} // namespace

std::optional<TomlDocument> TomlDocument::parse(QByteArrayView text, const QString &sourceName, QStringList *errors)
{
    if (text.size() > kMaxBytes) {
        errors->append(QStringLiteral("%1: file is larger than %2 bytes").arg(sourceName, QString::number(kMaxBytes)));
        return std::nullopt;
    }
    qsizetype line = 0;
    qsizetype column = 0;
    if (nonAsciiOutsideStrings(text, &line, &column)) {
        errors->append(QStringLiteral("%1:%2:%3: a non-ASCII character outside a string or comment (TOML allows them "
                                      "only inside quotes or after #)")
                           .arg(sourceName, QString::number(line), QString::number(column)));
        return std::nullopt;
    }
    const std::string_view view(text.data(), size_t(text.size()));
    const QByteArray sourceUtf8 = sourceName.toUtf8();
    toml::parse_result result = toml::parse(view, std::string_view(sourceUtf8.constData(), size_t(sourceUtf8.size())));
    if (!result) {
        const toml::parse_error &error = result.error();
        errors->append(QStringLiteral("%1:%2:%3: %4")
                           .arg(sourceName, QString::number(error.source().begin.line),
                                QString::number(error.source().begin.column), fromStd(error.description())));
        return std::nullopt;
    }

    TomlDocument doc;
    doc.m_sourceName = sourceName;
    Conversion conversion {sourceName, &doc.m_lines, errors};
    doc.m_root = conversion.table(result.table(), QString(), 0);
    if (conversion.failed)
        return std::nullopt;
    return doc;
}

QString TomlDocument::parentPath(const QString &path)
{
    if (path.endsWith(QLatin1Char(']'))) {
        const qsizetype open = path.lastIndexOf(QLatin1Char('['));
        if (open >= 0)
            return path.left(open);
    }
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : path.left(dot);
}

int TomlDocument::lineOf(const QString &path) const
{
    QString p = path;
    while (!p.isEmpty()) {
        const auto it = m_lines.constFind(p);
        if (it != m_lines.constEnd())
            return it.value();
        p = parentPath(p);
    }
    return 0;
}

QString TomlDocument::locate(const core::ValidationError &error) const
{
    const int line = lineOf(error.path);
    if (line <= 0)
        return m_sourceName + QStringLiteral(": ") + error.toString();
    return m_sourceName + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ") + error.toString();
}

} // namespace countersign::broker
