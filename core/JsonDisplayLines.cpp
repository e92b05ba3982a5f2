#include "core/JsonDisplayLines.h"

#include "core/UntrustedText.h"

namespace countersign::core {

QString JsonDisplayLines::format(const QByteArray &canonical)
{
    QString out;
    out.reserve(canonical.size() + canonical.size() / kSoftWidth + 1);
    bool inString = false;
    bool escaped = false;
    qsizetype lineStart = 0;
    const auto endLine = [&](qsizetype end) {
        if (!out.isEmpty())
            out += u'\n';
        out += UntrustedText::display(QString::fromUtf8(canonical.constData() + lineStart, end - lineStart));
        lineStart = end;
    };
    for (qsizetype i = 0; i < canonical.size(); ++i) {
        const char c = canonical.at(i);
        const qsizetype length = i - lineStart;
        // Never inside a UTF-8 sequence: continuation bytes are 10xxxxxx.
        if (length >= kHardWidth && (static_cast<unsigned char>(c) & 0xC0) != 0x80)
            endLine(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' && i + 1 - lineStart >= kSoftWidth) {
            endLine(i + 1);
        }
    }
    if (lineStart < canonical.size() || out.isEmpty())
        endLine(canonical.size());
    return out;
}

} // namespace countersign::core
