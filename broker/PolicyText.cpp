#include "broker/PolicyText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace countersign::broker {

namespace {

bool mustEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1 (ESC starts terminal sequences)
        || c == 0x061c || c == 0x200e || c == 0x200f // bidi marks
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) // bidi embeddings, overrides, isolates
        || (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff // zero-width characters
        || c == 0x2028 || c == 0x2029 || c == 0xfffd || (c >= 0xe000 && c <= 0xf8ff);
}

} // namespace

QString PolicyText::escape(const QString &text, qsizetype maxChars, bool quoting)
{
    QString out;
    qsizetype shown = 0;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        if (shown == maxChars)
            break;
        ++shown;
        if (quoting && (c == '"' || c == '\\')) {
            out += QLatin1Char('\\') + QChar(char16_t(c));
        } else if (mustEscape(char32_t(c))) {
            out += QStringLiteral("\\u%1").arg(c, 4, 16, QLatin1Char('0'));
        } else {
            const char32_t codePoint = char32_t(c);
            out += QString::fromUcs4(&codePoint, 1);
        }
    }
    if (shown < codePoints.size())
        out += QStringLiteral("…(%1 more characters)").arg(codePoints.size() - shown);
    return out;
}

QString PolicyText::quote(const QString &text)
{
    return QLatin1Char('"') + escape(text, kMaxChars) + QLatin1Char('"');
}

QString PolicyText::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return quote(value.toString());
    case QJsonValue::Array:
        return escape(QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)), kMaxChars,
                      false);
    case QJsonValue::Object:
        return escape(QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)), kMaxChars,
                      false);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("(absent)");
}

QString PolicyText::list(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(quote(item));
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString PolicyText::patterns(const QStringList &items)
{
    QStringList out;
    for (const QString &item : items)
        out.append(escape(item, kMaxChars));
    return QLatin1Char('[') + out.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace countersign::broker
