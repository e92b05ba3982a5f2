#include "core/CanonicalJson.h"
#include "core/JsonDisplayLines.h"
#include "core/UntrustedText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using countersign::core::CanonicalJson;
using countersign::core::JsonDisplayLines;
using countersign::core::UntrustedText;

// The raw arguments view: canonical JSON in lines short enough to lay out
// lazily, with nothing added, dropped or reordered but the line breaks.
class TestJsonDisplayLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallDocumentIsOneUnchangedLine();
    void linesBreakAfterCommasBetweenMembersOnly();
    void longValuesBreakOnCharacterBoundaries();
    void hiddenCharactersStayTokens();
    void lineStartsAreWhereTheShownLinesStart();
};

void TestJsonDisplayLines::smallDocumentIsOneUnchangedLine()
{
    const QByteArray canonical = CanonicalJson::serializeOrEmpty(QJsonObject {{QStringLiteral("to"), 1}});
    QCOMPARE(JsonDisplayLines::format(canonical), QString::fromUtf8(canonical));
    QCOMPARE(JsonDisplayLines::format(QByteArray()), QString());
}

void TestJsonDisplayLines::linesBreakAfterCommasBetweenMembersOnly()
{
    // Strings full of commas and quotes: only structural commas may end a line.
    QJsonArray rows;
    for (int i = 0; i < 500; ++i)
        rows.append(QJsonObject {{QStringLiteral("id"), i},
                                 {QStringLiteral("note"), QStringLiteral("a, \"b\", c,,, \\, d %1,").arg(i)}});
    const QByteArray canonical = CanonicalJson::serializeOrEmpty(QJsonObject {{QStringLiteral("rows"), rows}});
    const QString shown = JsonDisplayLines::format(canonical);
    const QStringList lines = shown.split(u'\n');
    QVERIFY2(lines.size() > canonical.size() / (2 * JsonDisplayLines::kSoftWidth),
             qPrintable(QString::number(lines.size())));
    // Nothing but the breaks was added: the lines joined are the canonical bytes.
    QCOMPARE(lines.join(QString()).toUtf8(), canonical);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString &line = lines.at(i);
        QVERIFY2(line.endsWith(u','), qPrintable(line));
        QVERIFY(line.size() >= JsonDisplayLines::kSoftWidth);
        // The comma that ends the line is outside any string: the line holds
        // an even number of unescaped quotes.
        int quotes = 0;
        for (qsizetype c = 0; c < line.size(); ++c) {
            if (line.at(c) == u'\\')
                ++c;
            else if (line.at(c) == u'"')
                ++quotes;
        }
        QVERIFY2(quotes % 2 == 0, qPrintable(line));
    }
}

void TestJsonDisplayLines::longValuesBreakOnCharacterBoundaries()
{
    // One value of 10 000 two- and four-byte characters: hard breaks, each on a character boundary.
    QString value;
    for (int i = 0; i < 5000; ++i)
        value += QStringLiteral("é𝄞");
    const QByteArray canonical = CanonicalJson::serializeOrEmpty(QJsonObject {{QStringLiteral("v"), value}});
    const QStringList lines = JsonDisplayLines::format(canonical).split(u'\n');
    QVERIFY(lines.size() >= canonical.size() / JsonDisplayLines::kHardWidth);
    for (const QString &line : lines) {
        QVERIFY(line.toUtf8().size() <= JsonDisplayLines::kHardWidth + 4);
        QVERIFY(!line.contains(QChar::ReplacementCharacter));
        QVERIFY(!line.front().isLowSurrogate());
    }
    QCOMPARE(lines.join(QString()).toUtf8(), canonical);
}

void TestJsonDisplayLines::hiddenCharactersStayTokens()
{
    const QString rlo = QString(QChar(0x202E));
    const QString name = QStringLiteral("invoice") + rlo + QStringLiteral("fdp.exe");
    const QByteArray canonical = CanonicalJson::serializeOrEmpty(QJsonObject {{QStringLiteral("name"), name}});
    const QString shown = JsonDisplayLines::format(canonical);
    QVERIFY(!shown.contains(rlo));
    QCOMPARE(shown, UntrustedText::display(QString::fromUtf8(canonical)));
    QVERIFY(shown.contains(QStringLiteral("⟦U+202E")));
}

void TestJsonDisplayLines::lineStartsAreWhereTheShownLinesStart()
{
    // What a view that keeps only the bytes and the starts shows, line by line, is format().
    QJsonArray rows;
    for (int i = 0; i < 300; ++i)
        rows.append(QJsonObject {{QStringLiteral("id"), i},
                                 {QStringLiteral("v"), QString(i * 13, QChar(u'é'))},
                                 {QStringLiteral("w"), QString(QChar(0x200B) + QStringLiteral("x,y"))}});
    const QByteArray canonical = CanonicalJson::serializeOrEmpty(QJsonObject {{QStringLiteral("rows"), rows}});
    const QList<qsizetype> starts = JsonDisplayLines::lineStarts(canonical);
    const QStringList shown = JsonDisplayLines::format(canonical).split(u'\n');
    QCOMPARE(starts.size(), shown.size());
    QCOMPARE(starts.first(), 0);
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : canonical.size();
        QVERIFY(end > starts.at(i));
        QCOMPARE(JsonDisplayLines::line(QByteArrayView(canonical).sliced(starts.at(i), end - starts.at(i))).text,
                 shown.at(i));
    }
    QVERIFY(JsonDisplayLines::lineStarts(QByteArray()).isEmpty());
}

QTEST_GUILESS_MAIN(TestJsonDisplayLines)
#include "TestJsonDisplayLines.moc"
