#include "core/JsonDisplayLines.h"

namespace countersign::core {

QList<qsizetype> JsonDisplayLines::lineStarts(const QByteArray &canonical)
{
    QList<qsizetype> starts;
    if (canonical.isEmpty())
        return starts;
    starts.reserve(canonical.size() / kSoftWidth + 1);
    starts.append(0);
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < canonical.size(); ++i) {
        const char c = canonical.at(i);
        const qsizetype length = i - starts.constLast();
        // Never inside a UTF-8 sequence: continuation bytes are 10xxxxxx.
        if (length >= kHardWidth && (static_cast<unsigned char>(c) & 0xC0) != 0x80)
            starts.append(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' && i + 1 - starts.constLast() >= kSoftWidth && i + 1 < canonical.size()) {
            starts.append(i + 1);
        }
    }
    return starts;
}

UntrustedText::Result JsonDisplayLines::line(QByteArrayView bytes)
{
    return UntrustedText::format(QString::fromUtf8(bytes));
}

QString JsonDisplayLines::format(const QByteArray &canonical)
{
    const QList<qsizetype> starts = lineStarts(canonical);
    QString out;
    out.reserve(canonical.size() + starts.size());
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : canonical.size();
        if (i > 0)
            out += u'\n';
        out += line(QByteArrayView(canonical).sliced(starts.at(i), end - starts.at(i))).text;
    }
    return out;
}

} // namespace countersign::core
