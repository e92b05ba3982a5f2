#include "models/CellText.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"

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
