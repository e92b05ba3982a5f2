#include "core/UntrustedText.h"

#include <QTest>

using countersign::core::UntrustedText;

namespace {

// Not QString::fromUcs4: its decoder swallows a leading U+FEFF as a byte order mark.
QString cp(char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        const QChar pair[2] = {QChar(QChar::highSurrogate(c)), QChar(QChar::lowSurrogate(c))};
        return QString(pair, 2);
    }
    return QString(QChar(char16_t(c)));
}

} // namespace

// The one formatter every untrusted string goes through: hidden and reordering
// characters become visible tokens in place, markup stays characters, and
// nothing is cut without saying so.
class TestUntrustedText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainTextIsUnchanged_data();
    void plainTextIsUnchanged();
    void hiddenCharactersBecomeTokens_data();
    void hiddenCharactersBecomeTokens();
    void rightToLeftOverrideExample();
    void terminalEscapeShowsTheEscapeToken();
    void tagCharactersRevealTheSmuggledText();
    void zeroWidthJoinerInsideEmojiIsShown();
    void markupStaysCharacters();
    void tokensAreCountedAndLocated();
    void kindsAreDistinctAndInOrder();
    void literalTokenBracketsCannotFakeAToken();
    void newlinesAndTabsInDisplayAndSingleLine();
    void loneSurrogatesAreShown();
    void truncateSaysHowMuchIsLeft();
    void truncateNeverSplitsATokenOrAPair();
    void largeCleanStringIsNotCopied();
};

void TestUntrustedText::plainTextIsUnchanged_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ascii") << QStringLiteral("Your Acme renewal for 2027");
    QTest::newRow("latin-1") << QStringLiteral("Grüße aus Köln, señor");
    QTest::newRow("cyrillic") << QStringLiteral("Привет");
    QTest::newRow("arabic letters") << QStringLiteral("مرحبا");
    QTest::newRow("emoji") << QStringLiteral("ok 😀");
    QTest::newRow("with newline and tab") << QStringLiteral("a\n\tb");
    QTest::newRow("price") << QStringLiteral("1,249.00 EUR <=500EUR");
}

void TestUntrustedText::plainTextIsUnchanged()
{
    QFETCH(QString, text);
    const UntrustedText::Result r = UntrustedText::format(text);
    QCOMPARE(r.text, text);
    QCOMPARE(r.hiddenCount, 0);
    QVERIFY(r.kinds.isEmpty());
    QVERIFY(r.tokens.isEmpty());
    QCOMPARE(UntrustedText::display(text), text);
}

void TestUntrustedText::hiddenCharactersBecomeTokens_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("kind");

    auto row = [](const char *name, char32_t c, const QString &token, const QString &kind) {
        QTest::newRow(name) << uint(c) << token << kind;
    };
    const QString control = QStringLiteral("control character");
    const QString bidi = QStringLiteral("bidirectional control");
    const QString zeroWidth = QStringLiteral("zero-width character");
    const QString format = QStringLiteral("invisible format character");
    row("NUL", 0x0000, QStringLiteral("⟦U+0000 NULL⟧"), control);
    row("BEL", 0x0007, QStringLiteral("⟦U+0007 BELL⟧"), control);
    row("BS", 0x0008, QStringLiteral("⟦U+0008 BACKSPACE⟧"), control);
    row("CR", 0x000D, QStringLiteral("⟦U+000D CARRIAGE RETURN⟧"), control);
    row("ESC", 0x001B, QStringLiteral("⟦U+001B ESCAPE⟧"), control);
    row("DEL", 0x007F, QStringLiteral("⟦U+007F DELETE⟧"), control);
    row("NEL (C1)", 0x0085, QStringLiteral("⟦U+0085 NEXT LINE⟧"), control);
    row("CSI (C1)", 0x009B, QStringLiteral("⟦U+009B CONTROL SEQUENCE INTRODUCER⟧"), control);
    row("unnamed C1", 0x0091, QStringLiteral("⟦U+0091⟧"), control);
    row("soft hyphen", 0x00AD, QStringLiteral("⟦U+00AD SOFT HYPHEN⟧"), QStringLiteral("soft hyphen"));
    row("ALM", 0x061C, QStringLiteral("⟦U+061C ARABIC LETTER MARK⟧"), bidi);
    row("LRM", 0x200E, QStringLiteral("⟦U+200E LEFT-TO-RIGHT MARK⟧"), bidi);
    row("RLM", 0x200F, QStringLiteral("⟦U+200F RIGHT-TO-LEFT MARK⟧"), bidi);
    row("LRE", 0x202A, QStringLiteral("⟦U+202A LEFT-TO-RIGHT EMBEDDING⟧"), bidi);
    row("RLE", 0x202B, QStringLiteral("⟦U+202B RIGHT-TO-LEFT EMBEDDING⟧"), bidi);
    row("PDF", 0x202C, QStringLiteral("⟦U+202C POP DIRECTIONAL FORMATTING⟧"), bidi);
    row("LRO", 0x202D, QStringLiteral("⟦U+202D LEFT-TO-RIGHT OVERRIDE⟧"), bidi);
    row("RLO", 0x202E, QStringLiteral("⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧"), bidi);
    row("LRI", 0x2066, QStringLiteral("⟦U+2066 LEFT-TO-RIGHT ISOLATE⟧"), bidi);
    row("RLI", 0x2067, QStringLiteral("⟦U+2067 RIGHT-TO-LEFT ISOLATE⟧"), bidi);
    row("FSI", 0x2068, QStringLiteral("⟦U+2068 FIRST STRONG ISOLATE⟧"), bidi);
    row("PDI", 0x2069, QStringLiteral("⟦U+2069 POP DIRECTIONAL ISOLATE⟧"), bidi);
    row("ZWSP", 0x200B, QStringLiteral("⟦U+200B ZERO WIDTH SPACE⟧"), zeroWidth);
    row("ZWNJ", 0x200C, QStringLiteral("⟦U+200C ZERO WIDTH NON-JOINER⟧"), zeroWidth);
    row("ZWJ", 0x200D, QStringLiteral("⟦U+200D ZERO WIDTH JOINER⟧"), zeroWidth);
    row("word joiner", 0x2060, QStringLiteral("⟦U+2060 WORD JOINER⟧"), zeroWidth);
    row("BOM", 0xFEFF, QStringLiteral("⟦U+FEFF ZERO WIDTH NO-BREAK SPACE⟧"), zeroWidth);
    row("CGJ", 0x034F, QStringLiteral("⟦U+034F COMBINING GRAPHEME JOINER⟧"), zeroWidth);
    row("line separator", 0x2028, QStringLiteral("⟦U+2028 LINE SEPARATOR⟧"),
        QStringLiteral("line or paragraph separator"));
    row("paragraph separator", 0x2029, QStringLiteral("⟦U+2029 PARAGRAPH SEPARATOR⟧"),
        QStringLiteral("line or paragraph separator"));
    row("tag A", 0xE0041, QStringLiteral("⟦U+E0041 TAG 'A'⟧"), QStringLiteral("tag character"));
    row("language tag", 0xE0001, QStringLiteral("⟦U+E0001 LANGUAGE TAG⟧"), QStringLiteral("tag character"));
    row("cancel tag", 0xE007F, QStringLiteral("⟦U+E007F CANCEL TAG⟧"), QStringLiteral("tag character"));
    row("invisible times (Cf)", 0x2062, QStringLiteral("⟦U+2062 INVISIBLE TIMES⟧"), format);
    row("Mongolian vowel separator (Cf)", 0x180E, QStringLiteral("⟦U+180E MONGOLIAN VOWEL SEPARATOR⟧"), format);
    row("interlinear anchor (Cf)", 0xFFF9, QStringLiteral("⟦U+FFF9 INTERLINEAR ANNOTATION ANCHOR⟧"), format);
    row("unnamed Cf", 0x0600, QStringLiteral("⟦U+0600⟧"), format);
    row("unnamed Cf (deprecated)", 0x206A, QStringLiteral("⟦U+206A⟧"), format);
    row("Hangul filler", 0x3164, QStringLiteral("⟦U+3164 HANGUL FILLER⟧"), QStringLiteral("invisible filler letter"));
    row("variation selector 17", 0xE0100, QStringLiteral("⟦U+E0100⟧"), QStringLiteral("variation selector"));
}

void TestUntrustedText::hiddenCharactersBecomeTokens()
{
    QFETCH(uint, codePoint);
    QFETCH(QString, token);
    QFETCH(QString, kind);

    const QString input = QStringLiteral("before") + cp(codePoint) + QStringLiteral("after");
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.text, QStringLiteral("before") + token + QStringLiteral("after"));
    QCOMPARE(r.hiddenCount, 1);
    QCOMPARE(r.kinds, QStringList {kind});
    QCOMPARE(UntrustedText::token(codePoint), token);
    QVERIFY(UntrustedText::isHidden(codePoint));
    // The single-line form shows the same token.
    QCOMPARE(UntrustedText::singleLine(input), r.text);
}

void TestUntrustedText::rightToLeftOverrideExample()
{
    // The classic "invoice<RLO>fdp.exe" trick: rendered raw it reads "invoiceexe.pdf".
    const QString input = QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp.exe");
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.text, QStringLiteral("invoice⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧fdp.exe"));
    QCOMPARE(r.hiddenCount, 1);
    QVERIFY(!r.text.contains(QChar(0x202E)));
}

void TestUntrustedText::terminalEscapeShowsTheEscapeToken()
{
    const QString input = QStringLiteral("\x1b[31mred\x1b[0m");
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.text, QStringLiteral("⟦U+001B ESCAPE⟧[31mred⟦U+001B ESCAPE⟧[0m"));
    QCOMPARE(r.hiddenCount, 2);
    QVERIFY(!r.text.contains(QChar(0x1B)));
}

void TestUntrustedText::tagCharactersRevealTheSmuggledText()
{
    // "ok" followed by the tag-encoded instruction "hi!": invisible in most fonts.
    const QString input = QStringLiteral("ok") + cp(0xE0068) + cp(0xE0069) + cp(0xE0021);
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.text, QStringLiteral("ok⟦U+E0068 TAG 'h'⟧⟦U+E0069 TAG 'i'⟧⟦U+E0021 TAG '!'⟧"));
    QCOMPARE(r.hiddenCount, 3);
    QCOMPARE(r.kinds, QStringList {QStringLiteral("tag character")});
}

void TestUntrustedText::zeroWidthJoinerInsideEmojiIsShown()
{
    // Deliberate: a joiner is shown even where it is legitimate, because the
    // formatter cannot tell an emoji sequence from a hidden split.
    const QString input = QStringLiteral("👩") + QChar(0x200D) + QStringLiteral("💻");
    QCOMPARE(UntrustedText::display(input), QStringLiteral("👩⟦U+200D ZERO WIDTH JOINER⟧💻"));
}

void TestUntrustedText::markupStaysCharacters()
{
    const QStringList inputs {QStringLiteral("<b>x</b>"), QStringLiteral("<a href=\"https://evil.test\">bank</a>"),
                              QStringLiteral("&lt;script&gt;"), QStringLiteral("<img src=x onerror=alert(1)>"),
                              QStringLiteral("<!DOCTYPE html><html>")};
    for (const QString &input : inputs) {
        QCOMPARE(UntrustedText::display(input), input);
        QCOMPARE(UntrustedText::singleLine(input), input);
        QCOMPARE(UntrustedText::format(input).hiddenCount, 0);
    }
}

void TestUntrustedText::tokensAreCountedAndLocated()
{
    const QString input
        = QStringLiteral("a") + QChar(0x200B) + QStringLiteral("b") + QChar(0x202E) + QStringLiteral("c");
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.hiddenCount, 2);
    QCOMPARE(r.tokens.size(), 2);
    QCOMPARE(r.text.mid(r.tokens.at(0).position, r.tokens.at(0).length), UntrustedText::token(0x200B));
    QCOMPARE(r.text.mid(r.tokens.at(1).position, r.tokens.at(1).length), UntrustedText::token(0x202E));
    QCOMPARE(r.tokens.at(0).kind, UntrustedText::Kind::ZeroWidth);
    QCOMPARE(r.tokens.at(1).kind, UntrustedText::Kind::Bidi);
    QCOMPARE(uint(r.tokens.at(1).codePoint), 0x202Eu);
}

void TestUntrustedText::kindsAreDistinctAndInOrder()
{
    const QString input = QString(QChar(0x202E)) + QChar(0x200D) + QChar(0x202E) + QStringLiteral("\x1b");
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.hiddenCount, 4);
    QCOMPARE(r.kinds,
             (QStringList {QStringLiteral("bidirectional control"), QStringLiteral("zero-width character"),
                           QStringLiteral("control character")}));
}

void TestUntrustedText::literalTokenBracketsCannotFakeAToken()
{
    // A string that spells a token must not look like one, or an attacker
    // could make harmless text look flagged (and the real flag look harmless).
    const QString fake = QStringLiteral("⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧");
    const UntrustedText::Result r = UntrustedText::format(fake);
    QCOMPARE(r.hiddenCount, 2);
    QVERIFY(r.text.startsWith(QStringLiteral("⟦U+27E6 MATHEMATICAL LEFT WHITE SQUARE BRACKET⟧U+202E")));
    QVERIFY(r.text.endsWith(QStringLiteral("OVERRIDE⟦U+27E7 MATHEMATICAL RIGHT WHITE SQUARE BRACKET⟧")));
    QCOMPARE(r.kinds, QStringList {QStringLiteral("marker bracket")});
}

void TestUntrustedText::newlinesAndTabsInDisplayAndSingleLine()
{
    const QString input = QStringLiteral("line one\n\tline two\r\n");
    QCOMPARE(UntrustedText::display(input), QStringLiteral("line one\n\tline two⟦U+000D CARRIAGE RETURN⟧\n"));
    const UntrustedText::Result one = UntrustedText::formatSingleLine(input);
    QCOMPARE(one.text, QStringLiteral("line one⏎⇥line two⟦U+000D CARRIAGE RETURN⟧⏎"));
    QCOMPARE(one.hiddenCount, 1); // ⏎ and ⇥ stand for visible layout, not hidden characters
    QVERIFY(!one.text.contains(u'\n'));
    QVERIFY(!one.text.contains(u'\t'));
}

void TestUntrustedText::loneSurrogatesAreShown()
{
    QString input = QStringLiteral("x");
    input.append(QChar(0xD800));
    input.append(QStringLiteral("y"));
    input.append(QChar(0xDC00));
    const UntrustedText::Result r = UntrustedText::format(input);
    QCOMPARE(r.text, QStringLiteral("x⟦U+D800 LONE SURROGATE⟧y⟦U+DC00 LONE SURROGATE⟧"));
    QCOMPARE(r.hiddenCount, 2);
}

void TestUntrustedText::truncateSaysHowMuchIsLeft()
{
    const QString text(100000, u'a');
    bool truncated = false;
    const QString cut = UntrustedText::truncate(text, 2000, &truncated);
    QVERIFY(truncated);
    QVERIFY(cut.startsWith(QString(2000, u'a') + QStringLiteral("… (98000 more characters — show all)")));
    QVERIFY(cut.size() < 2100);

    const QString fits(2000, u'b');
    QCOMPARE(UntrustedText::truncate(fits, 2000, &truncated), fits);
    QVERIFY(!truncated);
}

void TestUntrustedText::truncateNeverSplitsATokenOrAPair()
{
    const QString formatted = UntrustedText::display(QString(1995, u'a') + QChar(0x202E) + QStringLiteral("tail"));
    bool truncated = false;
    const QString cut = UntrustedText::truncate(formatted, 2000, &truncated);
    QVERIFY(truncated);
    // The cut falls inside the token, so it moves before it.
    QVERIFY(cut.startsWith(QString(1995, u'a') + QStringLiteral("…")));
    const qsizetype remaining = formatted.size() - 1995;
    QVERIFY(cut.contains(QStringLiteral("(%1 more characters").arg(remaining)));

    // An emoji straddling the limit is not split into halves.
    const QString emoji = QString(1999, u'a') + QStringLiteral("😀😀");
    const QString cutEmoji = UntrustedText::truncate(emoji, 2000);
    QVERIFY(cutEmoji.startsWith(QString(1999, u'a') + QStringLiteral("…")));
    QVERIFY(cutEmoji.contains(QStringLiteral("(2 more characters")));
}

void TestUntrustedText::largeCleanStringIsNotCopied()
{
    const QString big(10 * 1024 * 1024, u'x');
    const UntrustedText::Result r = UntrustedText::format(big);
    QCOMPARE(r.hiddenCount, 0);
    QCOMPARE(r.text.size(), big.size());
    QCOMPARE(r.text.constData(), big.constData()); // implicitly shared, not copied
}

QTEST_GUILESS_MAIN(TestUntrustedText)
#include "TestUntrustedText.moc"
