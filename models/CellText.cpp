#include "models/CellText.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"

#include <QLocale>

namespace countersign::models {

QString CellText::cell(const QString &untrusted, bool *truncated)
{
    return core::UntrustedText::truncate(core::UntrustedText::singleLine(untrusted), kLimit, truncated);
}

QString CellText::full(const QString &untrusted)
{
    return core::UntrustedText::display(untrusted);
}

QString CellText::cell(const Value &value, bool *truncated)
{
    if (value.formatted)
        return core::UntrustedText::truncate(value.text, kLimit, truncated);
    return cell(value.text, truncated);
}

QString CellText::full(const Value &value)
{
    return value.formatted ? value.text : full(value.text);
}

QString CellText::localTime(const QDateTime &time)
{
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + u' '
        + locale.toString(local.time(), QLocale::LongFormat);
}

CellText::Value CellText::time(const QDateTime &time, const QString &missing)
{
    if (!time.isValid())
        return safe(missing);
    return {localTime(time), true, QStringLiteral("UTC ") + core::JsonReader::formatTimestamp(time)};
}

QStringList CellText::hover(const Value &value)
{
    QStringList lines {cell(value)};
    if (!value.hover.isEmpty())
        lines.append(value.hover);
    return lines;
}

QString CellText::timestamp(const QDateTime &time, const QString &missing)
{
    return time.isValid() ? core::JsonReader::formatTimestamp(time) : missing;
}

QString CellText::tooltip(const QString &heading, const QStringList &lines)
{
    QString out = heading;
    for (const QString &line : lines) {
        out += u'\n';
        out += line;
    }
    return out;
}

QStringList CellText::messages(const core::ReviewFlags &flags)
{
    QStringList out;
    for (const core::ReviewFlag &f : flags)
        out.append(f.message);
    return out;
}

QStringList CellText::ids(const core::ReviewFlags &flags)
{
    QStringList out;
    for (const core::ReviewFlag &f : flags)
        out.append(f.id);
    return out;
}

} // namespace countersign::models
