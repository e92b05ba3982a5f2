#include "core/UntrustedText.h"

#include <QChar>

#include <algorithm>
#include <limits>

namespace countersign::core {

namespace {

constexpr char16_t kTokenOpen = u'\u27E6'; // ⟦
constexpr char16_t kTokenClose = u'\u27E7'; // ⟧
constexpr char16_t kReturnSymbol = u'\u23CE'; // ⏎
constexpr char16_t kTabSymbol = u'\u21E5'; // ⇥

QString c0Name(char32_t cp)
{
    // All 32 C0 names are short and terminal escapes start here, so all are named.
    static const char *const names[32] = {"NULL",
                                          "START OF HEADING",
                                          "START OF TEXT",
                                          "END OF TEXT",
                                          "END OF TRANSMISSION",
                                          "ENQUIRY",
                                          "ACKNOWLEDGE",
                                          "BELL",
                                          "BACKSPACE",
                                          "CHARACTER TABULATION",
                                          "LINE FEED",
                                          "LINE TABULATION",
                                          "FORM FEED",
                                          "CARRIAGE RETURN",
                                          "SHIFT OUT",
                                          "SHIFT IN",
                                          "DATA LINK ESCAPE",
                                          "DEVICE CONTROL ONE",
                                          "DEVICE CONTROL TWO",
                                          "DEVICE CONTROL THREE",
                                          "DEVICE CONTROL FOUR",
                                          "NEGATIVE ACKNOWLEDGE",
                                          "SYNCHRONOUS IDLE",
                                          "END OF TRANSMISSION BLOCK",
                                          "CANCEL",
                                          "END OF MEDIUM",
                                          "SUBSTITUTE",
                                          "ESCAPE",
                                          "INFORMATION SEPARATOR FOUR",
                                          "INFORMATION SEPARATOR THREE",
                                          "INFORMATION SEPARATOR TWO",
                                          "INFORMATION SEPARATOR ONE"};
    return QString::fromLatin1(names[cp]);
}

QString tagName(char32_t cp)
{
    // Tag characters mirror ASCII; showing the character they stand for makes a
    // smuggled hidden text readable right where it hides.
    if (cp == 0xE0001)
        return QStringLiteral("LANGUAGE TAG");
    if (cp == 0xE007F)
        return QStringLiteral("CANCEL TAG");
    if (cp == 0xE0020)
        return QStringLiteral("TAG SPACE");
    if (cp > 0xE0020 && cp < 0xE007F)
        return QStringLiteral("TAG '") + QChar(char16_t(cp - 0xE0000)) + u'\'';
    return {};
}

} // namespace

QString UntrustedText::characterName(char32_t cp)
{
    if (cp < 0x20)
        return c0Name(cp);
    if (cp >= 0xE0000 && cp <= 0xE007F)
        return tagName(cp);
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return QStringLiteral("LONE SURROGATE");
    switch (cp) {
    case 0x7F:
        return QStringLiteral("DELETE");
    case 0x80:
        return QStringLiteral("PADDING CHARACTER");
    case 0x84:
        return QStringLiteral("INDEX");
    case 0x85:
        return QStringLiteral("NEXT LINE");
    case 0x8D:
        return QStringLiteral("REVERSE LINE FEED");
    case 0x90:
        return QStringLiteral("DEVICE CONTROL STRING");
    case 0x9B:
        return QStringLiteral("CONTROL SEQUENCE INTRODUCER");
    case 0x9C:
        return QStringLiteral("STRING TERMINATOR");
    case 0x9D:
        return QStringLiteral("OPERATING SYSTEM COMMAND");
    case 0xAD:
        return QStringLiteral("SOFT HYPHEN");
    case 0x034F:
        return QStringLiteral("COMBINING GRAPHEME JOINER");
    case 0x061C:
        return QStringLiteral("ARABIC LETTER MARK");
    case 0x115F:
        return QStringLiteral("HANGUL CHOSEONG FILLER");
    case 0x1160:
        return QStringLiteral("HANGUL JUNGSEONG FILLER");
    case 0x180E:
        return QStringLiteral("MONGOLIAN VOWEL SEPARATOR");
    case 0x200B:
        return QStringLiteral("ZERO WIDTH SPACE");
    case 0x200C:
        return QStringLiteral("ZERO WIDTH NON-JOINER");
    case 0x200D:
        return QStringLiteral("ZERO WIDTH JOINER");
    case 0x200E:
        return QStringLiteral("LEFT-TO-RIGHT MARK");
    case 0x200F:
        return QStringLiteral("RIGHT-TO-LEFT MARK");
    case 0x2028:
        return QStringLiteral("LINE SEPARATOR");
    case 0x2029:
        return QStringLiteral("PARAGRAPH SEPARATOR");
    case 0x202A:
        return QStringLiteral("LEFT-TO-RIGHT EMBEDDING");
    case 0x202B:
        return QStringLiteral("RIGHT-TO-LEFT EMBEDDING");
    case 0x202C:
        return QStringLiteral("POP DIRECTIONAL FORMATTING");
    case 0x202D:
        return QStringLiteral("LEFT-TO-RIGHT OVERRIDE");
    case 0x202E:
        return QStringLiteral("RIGHT-TO-LEFT OVERRIDE");
    case 0x2060:
        return QStringLiteral("WORD JOINER");
    case 0x2061:
        return QStringLiteral("FUNCTION APPLICATION");
    case 0x2062:
        return QStringLiteral("INVISIBLE TIMES");
    case 0x2063:
        return QStringLiteral("INVISIBLE SEPARATOR");
    case 0x2064:
        return QStringLiteral("INVISIBLE PLUS");
    case 0x2066:
        return QStringLiteral("LEFT-TO-RIGHT ISOLATE");
    case 0x2067:
        return QStringLiteral("RIGHT-TO-LEFT ISOLATE");
    case 0x2068:
        return QStringLiteral("FIRST STRONG ISOLATE");
    case 0x2069:
        return QStringLiteral("POP DIRECTIONAL ISOLATE");
    case 0x27E6:
        return QStringLiteral("MATHEMATICAL LEFT WHITE SQUARE BRACKET");
    case 0x27E7:
        return QStringLiteral("MATHEMATICAL RIGHT WHITE SQUARE BRACKET");
    case 0x3164:
        return QStringLiteral("HANGUL FILLER");
    case 0xFEFF:
        return QStringLiteral("ZERO WIDTH NO-BREAK SPACE");
    case 0xFFA0:
        return QStringLiteral("HALFWIDTH HANGUL FILLER");
    case 0xFFF9:
        return QStringLiteral("INTERLINEAR ANNOTATION ANCHOR");
    case 0xFFFA:
        return QStringLiteral("INTERLINEAR ANNOTATION SEPARATOR");
    case 0xFFFB:
        return QStringLiteral("INTERLINEAR ANNOTATION TERMINATOR");
    default:
        return {};
    }
}

bool UntrustedText::isHidden(char32_t cp, Kind *kind)
{
    auto is = [kind](Kind k) {
        if (kind)
            *kind = k;
        return true;
    };
    if (cp == u'\t' || cp == u'\n')
        return false;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return is(Kind::Control);
    if (cp == 0xAD)
        return is(Kind::SoftHyphen);
    if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069))
        return is(Kind::Bidi);
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x034F)
        return is(Kind::ZeroWidth);
    if (cp == 0x2028 || cp == 0x2029)
        return is(Kind::Separator);
    if (cp >= 0xE0000 && cp <= 0xE007F)
        return is(Kind::Tag);
    if (cp >= 0xE0100 && cp <= 0xE01EF)
        return is(Kind::VariationSelector);
    if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0)
        return is(Kind::Filler);
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return is(Kind::LoneSurrogate);
    if (cp == kTokenOpen || cp == kTokenClose)
        return is(Kind::MarkerBracket);
    if (QChar::category(cp) == QChar::Other_Format)
        return is(Kind::Format);
    return false;
}

QString UntrustedText::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Control:
        return tr("control character");
    case Kind::Bidi:
        return tr("bidirectional control");
    case Kind::ZeroWidth:
        return tr("zero-width character");
    case Kind::SoftHyphen:
        return tr("soft hyphen");
    case Kind::Separator:
        return tr("line or paragraph separator");
    case Kind::Tag:
        return tr("tag character");
    case Kind::Format:
        return tr("invisible format character");
    case Kind::Filler:
        return tr("invisible filler letter");
    case Kind::VariationSelector:
        return tr("variation selector");
    case Kind::LoneSurrogate:
        return tr("broken character (lone surrogate)");
    case Kind::MarkerBracket:
        return tr("marker bracket");
    }
    return {};
}

QString UntrustedText::token(char32_t cp)
{
    const QString hex = QString::number(uint(cp), 16).toUpper().rightJustified(4, u'0');
    const QString name = characterName(cp);
    QString out;
    out += QChar(kTokenOpen);
    out += QStringLiteral("U+") + hex;
    if (!name.isEmpty()) {
        out += u' ';
        out += name;
    }
    out += QChar(kTokenClose);
    return out;
}

UntrustedText::Result UntrustedText::run(const QString &text, bool singleLine)
{
    Result result;
    const qsizetype n = text.size();
    const char16_t *s = reinterpret_cast<const char16_t *>(text.utf16());

    // Fast path: most strings are clean, and a clean 10 MB string should not be copied.
    qsizetype first = 0;
    for (; first < n; ++first) {
        const char16_t c = s[first];
        if (singleLine && (c == u'\n' || c == u'\t'))
            break;
        if (c < 0x20 && c != u'\t' && c != u'\n')
            break;
        if (c >= 0x7F && (c < 0xA0 || c == 0xAD || c >= 0x034F))
            break; // possibly interesting: decide in the slow loop
    }
    if (first == n) {
        result.text = text;
        return result;
    }

    QString out;
    out.reserve(n + 64);
    out.append(QStringView(s, first));
    QList<Kind> seen;
    for (qsizetype i = first; i < n;) {
        char32_t cp = s[i];
        qsizetype width = 1;
        if (QChar::isHighSurrogate(s[i]) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            cp = QChar::surrogateToUcs4(s[i], s[i + 1]);
            width = 2;
        }
        if (singleLine && cp == u'\n') {
            out += QChar(kReturnSymbol);
        } else if (singleLine && cp == u'\t') {
            out += QChar(kTabSymbol);
        } else if (Kind kind; isHidden(cp, &kind)) {
            const QString t = token(cp);
            result.tokens.append({out.size(), t.size(), cp, kind});
            out += t;
            ++result.hiddenCount;
            if (!seen.contains(kind)) {
                seen.append(kind);
                result.kinds.append(kindName(kind));
            }
        } else {
            out.append(QStringView(s + i, width));
        }
        i += width;
    }
    result.text = out;
    return result;
}

UntrustedText::Result UntrustedText::format(const QString &text)
{
    return run(text, false);
}

UntrustedText::Result UntrustedText::formatSingleLine(const QString &text)
{
    return run(text, true);
}

QString UntrustedText::display(const QString &text)
{
    return run(text, false).text;
}

QString UntrustedText::singleLine(const QString &text)
{
    return run(text, true).text;
}

QString UntrustedText::truncate(const QString &formatted, qsizetype limit, bool *truncated)
{
    if (truncated)
        *truncated = false;
    if (limit < 1 || formatted.size() <= limit)
        return formatted;
    qsizetype cut = limit;
    if (formatted.at(cut).isLowSurrogate())
        --cut;
    // Every ⟦ in formatted text opens a token (literal ones were tokenised), so
    // an unclosed ⟦ before the cut means the cut would split a token.
    const qsizetype open = formatted.lastIndexOf(QChar(kTokenOpen), cut - 1);
    if (open >= 0) {
        const qsizetype close = formatted.indexOf(QChar(kTokenClose), open);
        if (close < 0 || close >= cut)
            cut = open;
    }
    qsizetype more = 0;
    for (qsizetype i = cut; i < formatted.size(); ++i) {
        if (!formatted.at(i).isLowSurrogate())
            ++more;
    }
    if (truncated)
        *truncated = true;
    const int n = int(std::min<qsizetype>(more, std::numeric_limits<int>::max()));
    return formatted.left(cut)
        + (n == 1 ? tr("… (1 more character — show all)") : tr("… (%n more characters — show all)", nullptr, n));
}

} // namespace countersign::core
