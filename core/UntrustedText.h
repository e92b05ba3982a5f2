#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace countersign::core {

// The one formatter for every string that comes from an action (DESIGN.md,
// "Posture"): everything an agent sends may be crafted to mislead the person
// reading it. The output is plain text meant for setPlainText / Qt::PlainText
// only; markup is never interpreted, it simply stays as characters.
//
// Characters that are invisible or reorder the text around them are replaced,
// in place, by a visible token such as `⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧`, so
// the approver sees that they are there and where. Literal `⟦` and `⟧` in the
// input are tokenised too, so a crafted string cannot fake (or hide behind) a
// token. The classification lives in one function (classify), so a later
// hardening pass extends one table, and every pane and the CLI follow.
class UntrustedText
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::UntrustedText)

public:
    enum class Kind {
        Control, // C0/C1 (Cc) except tab and line feed: ESC, CR, NUL, NEL, CSI…
        Bidi, // embeddings, overrides, isolates, marks
        ZeroWidth, // ZWSP, ZWNJ, ZWJ, word joiner, BOM, combining grapheme joiner
        SoftHyphen,
        Separator, // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
        Tag, // U+E0000–U+E007F: can smuggle a whole hidden ASCII text
        Format, // any other Cf character
        Filler, // Hangul fillers: letters that draw nothing
        VariationSelector, // supplementary selectors U+E0100–U+E01EF (byte smuggling)
        LoneSurrogate, // a UTF-16 half with no partner: not a character at all
        MarkerBracket, // a literal ⟦ or ⟧, which would otherwise fake a token
    };

    struct Token
    {
        qsizetype position = 0; // in Result::text
        qsizetype length = 0;
        char32_t codePoint = 0;
        Kind kind = Kind::Control;
    };

    struct Result
    {
        QString text;
        int hiddenCount = 0; // number of tokens in text
        QStringList kinds; // distinct kinds found, in words, in order of first appearance
        QList<Token> tokens;
    };

    // Multi-line plain text: line feeds and tabs stay as they are.
    static QString display(const QString &text);
    static Result format(const QString &text);
    // One line for table cells, titles and combo boxes: a line feed shows as ⏎
    // (and tabs as ⇥), everything else as display() does.
    static QString singleLine(const QString &text);
    static Result formatSingleLine(const QString &text);

    // Cuts already formatted text to at most about `limit` characters and says
    // so with an explicit marker, "… (N more characters — show all)". Never cuts
    // inside a token or a surrogate pair. Returns the text unchanged when it fits.
    static QString truncate(const QString &formatted, qsizetype limit, bool *truncated = nullptr);

    // The token for one code point, e.g. `⟦U+200D ZERO WIDTH JOINER⟧`.
    static QString token(char32_t codePoint);
    // The Unicode name for the common ones, empty for the rest.
    static QString characterName(char32_t codePoint);
    static QString kindName(Kind kind);
    // Whether a code point is made visible (and which kind it is).
    static bool isHidden(char32_t codePoint, Kind *kind = nullptr);

private:
    static Result run(const QString &text, bool singleLine);
};

} // namespace countersign::core
