#include "CoreTestSupport.h"
#include "core/CanonicalJson.h"
#include "core/JsonLimits.h"
#include "core/JsonParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using countersign::core::CanonicalJson;
using countersign::core::JsonLimits;
using countersign::core::JsonParser;
namespace coretest = countersign::coretest;

// The strict JSON parser: what it accepts, what it refuses, and that every
// refusal names the JSON path where it happened.
class TestJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidDocuments_data();
    void acceptsValidDocuments();
    void acceptsEveryScenario_data();
    void acceptsEveryScenario();
    void duplicateMemberNamesAreRejected_data();
    void duplicateMemberNamesAreRejected();
    void errorPathNamesTheLocation_data();
    void errorPathNamesTheLocation();
    void invalidUtf8IsRejected_data();
    void invalidUtf8IsRejected();
    void validUtf8IsDecoded_data();
    void validUtf8IsDecoded();
    void nonAsciiOutsideStringsIsRejected();
    void loneSurrogateEscapesAreRejected_data();
    void loneSurrogateEscapesAreRejected();
    void surrogatePairEscapeIsDecoded_data();
    void surrogatePairEscapeIsDecoded();
    void rawControlCharactersAreRejected();
    void escapedControlCharactersAndDeleteAreAccepted();
    void invalidEscapesAreRejected_data();
    void invalidEscapesAreRejected();
    void byteOrderMarkIsRejected();
    void trailingDataIsRejected_data();
    void trailingDataIsRejected();
    void trailingCommasAreRejected_data();
    void trailingCommasAreRejected();
    void leadingZerosAreRejected_data();
    void leadingZerosAreRejected();
    void nonJsonNumbersAndLiteralsAreRejected_data();
    void nonJsonNumbersAndLiteralsAreRejected();
    void numberOverflowIsRejected_data();
    void numberOverflowIsRejected();
    void largeIntegersAreAcceptedOnlyWhenExact_data();
    void largeIntegersAreAcceptedOnlyWhenExact();
    void depthLimitIsEnforced_data();
    void depthLimitIsEnforced();
    void hugeNestingFailsWithoutCrashing();
    void arrayLengthLimitIsEnforced();
    void memberCountLimitIsEnforced();
    void byteSizeLimitIsEnforced();
    void stringSizeLimitIsEnforced_data();
    void stringSizeLimitIsEnforced();
    void everyTruncationIsRejected_data();
    void everyTruncationIsRejected();
    void parseObjectRequiresAnObject();

private:
    // Shared body of the data-driven rejection tests: columns text, path, fragment.
    void checkRejected();
    static void addRejection(const char *name, const QByteArray &text, const QString &path, const QString &fragment);
    static void addRejectionColumns();
};

namespace {

QByteArray describe(const JsonParser::Result &result)
{
    if (result.ok())
        return "accepted as " + CanonicalJson::serializeOrEmpty(*result.value);
    return "rejected: " + result.error.toString().toUtf8();
}

QByteArray nested(const QByteArray &open, const QByteArray &close, int depth, const QByteArray &inner = {})
{
    return open.repeated(depth) + inner + close.repeated(depth);
}

} // namespace

void TestJson::addRejectionColumns()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");
}

void TestJson::addRejection(const char *name, const QByteArray &text, const QString &path, const QString &fragment)
{
    QTest::newRow(name) << text << path << fragment;
}

void TestJson::checkRejected()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    const JsonParser::Result result = JsonParser::parse(text);
    QVERIFY2(!result.ok(), describe(result).constData());
    QVERIFY2(!result.value.has_value(), "a rejected document must not carry a value");
    QCOMPARE(result.error.path, path);
    QVERIFY2(result.error.message.contains(fragment, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("message '%1' does not mention '%2'").arg(result.error.message, fragment)));
}

void TestJson::acceptsValidDocuments_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("empty object") << QByteArray("{}") << QJsonValue(QJsonObject());
    QTest::newRow("empty array") << QByteArray("[]") << QJsonValue(QJsonArray());
    QTest::newRow("top-level string") << QByteArray("\"s\"") << QJsonValue(QStringLiteral("s"));
    QTest::newRow("top-level number") << QByteArray("42") << QJsonValue(42);
    QTest::newRow("top-level null") << QByteArray("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("top-level true") << QByteArray("true") << QJsonValue(true);
    QTest::newRow("top-level false") << QByteArray("false") << QJsonValue(false);
    QTest::newRow("surrounding whitespace") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n\t ")
                                            << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonArray{1, 2}}});
    QTest::newRow("numbers") << QByteArray("[0,-0,1.5,-2.25e2,1E-2,1e+2,123456789]")
                             << QJsonValue(QJsonArray{0, 0, 1.5, -225.0, 0.01, 100.0, 123456789});
    QTest::newRow("escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC")")
                             << QJsonValue(QString::fromUtf8("\"\\/\b\f\n\r\tA\xc3\xa9\xe2\x82\xac"));
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")") << QJsonValue(QStringView(u"a\0b", 3).toString());
    QTest::newRow("raw UTF-8") << QByteArray("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"")
                               << QJsonValue(QString::fromUtf8("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));
    QTest::newRow("nested")
        << QByteArray(R"({"a":{"b":[true,false,null,{"c":"d"}]},"e":[[],{}]})")
        << QJsonValue(QJsonObject{
               {QStringLiteral("a"),
                QJsonObject{{QStringLiteral("b"),
                             QJsonArray{true, false, QJsonValue::Null, QJsonObject{{QStringLiteral("c"), QStringLiteral("d")}}}}}},
               {QStringLiteral("e"), QJsonArray{QJsonArray(), QJsonObject()}}});
    QTest::newRow("same key in sibling objects") << QByteArray(R"([{"a":1},{"a":2}])")
                                                 << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("a"), 1}},
                                                                          QJsonObject{{QStringLiteral("a"), 2}}});
    QTest::newRow("keys differing only in case") << QByteArray(R"({"a":1,"A":2})")
                                                 << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("A"), 2}});
    QTest::newRow("BOM character inside a string") << QByteArray("\"\xef\xbb\xbf\"") << QJsonValue(QString(QChar(0xFEFF)));
}

void TestJson::acceptsValidDocuments()
{
    QFETCH(QByteArray, text);
    QFETCH(QJsonValue, expected);
    const JsonParser::Result result = JsonParser::parse(text);
    QVERIFY2(result.ok(), describe(result).constData());
    QVERIFY2(result.error.message.isEmpty(), "an accepted document has no error");
    QVERIFY2(*result.value == expected,
             QByteArray("got " + CanonicalJson::serializeOrEmpty(*result.value) + ", expected "
                        + CanonicalJson::serializeOrEmpty(expected))
                 .constData());
}

void TestJson::acceptsEveryScenario_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = coretest::scenarioNames();
    QVERIFY2(names.size() == 5, "expected the five shipped scenarios");
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestJson::acceptsEveryScenario()
{
    QFETCH(QString, name);
    const QByteArray bytes = coretest::scenarioBytes(name);
    QVERIFY2(!bytes.isEmpty(), qPrintable(name));
    const JsonParser::Result result = JsonParser::parseObject(bytes);
    QVERIFY2(result.ok(), describe(result).constData());
    QVERIFY(result.value->toObject().contains(QStringLiteral("tenant")));
}

void TestJson::duplicateMemberNamesAreRejected_data()
{
    addRejectionColumns();
    addRejection("example from the brief", R"({"a":[{"b":1,"b":2}]})", QStringLiteral("a[0].b"), QStringLiteral("duplicate"));
    addRejection("top level", R"({"a":1,"a":1})", QStringLiteral("a"), QStringLiteral("duplicate"));
    addRejection("different values and types", R"({"x":{"y":null,"z":0,"y":"v"}})", QStringLiteral("x.y"),
                 QStringLiteral("duplicate"));
    addRejection("spelled with an escape", R"({"ab":1,"a\u0062":2})", QStringLiteral("ab"), QStringLiteral("duplicate"));
    addRejection("empty names", R"({"":1,"":2})", QString(), QStringLiteral("duplicate"));
    addRejection("non-ASCII names", "{\"\xc3\xa9\":1,\"\\u00e9\":2}", QStringLiteral("\u00e9"), QStringLiteral("duplicate"));
}

void TestJson::duplicateMemberNamesAreRejected()
{
    checkRejected();
}

void TestJson::errorPathNamesTheLocation_data()
{
    addRejectionColumns();
    addRejection("root", "x", QString(), QStringLiteral("unexpected character"));
    addRejection("member", R"({"a":x})", QStringLiteral("a"), QStringLiteral("unexpected character"));
    addRejection("array element", R"([1,2,x])", QStringLiteral("[2]"), QStringLiteral("unexpected character"));
    addRejection("nested", R"({"a":{"b":[0,{"c":[1e400]}]}})", QStringLiteral("a.b[1].c[0]"), QStringLiteral("range"));
    addRejection("array in array", R"([[0],[1,tru]])", QStringLiteral("[1][1]"), QStringLiteral("literal"));
    addRejection("missing colon", R"({"a":{"b" 1}})", QStringLiteral("a"), QStringLiteral("':'"));
    addRejection("missing comma", R"({"a":[1 2]})", QStringLiteral("a"), QStringLiteral("','"));
    addRejection("member name not a string", R"({"a":{1:2}})", QStringLiteral("a"), QStringLiteral("member name"));
}

void TestJson::errorPathNamesTheLocation()
{
    checkRejected();
}

void TestJson::invalidUtf8IsRejected_data()
{
    addRejectionColumns();
    const auto row = [](const char *name, const QByteArray &bytes, const QString &fragment) {
        addRejection(name, "{\"k\":[\"ok\",\"a" + bytes + "b\"]}", QStringLiteral("k[1]"), fragment);
    };
    const QString invalid = QStringLiteral("invalid UTF-8");
    row("bad continuation C3 28", QByteArray("\xc3\x28"), invalid);
    row("continuation byte alone 80", QByteArray("\x80"), invalid);
    row("continuation byte alone BF", QByteArray("\xbf"), invalid);
    row("overlong 2-byte C0 80", QByteArray("\xc0\x80"), invalid);
    row("overlong 2-byte C1 BF", QByteArray("\xc1\xbf"), invalid);
    row("overlong 3-byte E0 80 80", QByteArray("\xe0\x80\x80"), invalid);
    row("overlong 3-byte E0 9F BF", QByteArray("\xe0\x9f\xbf"), invalid);
    row("overlong 4-byte F0 80 80 80", QByteArray("\xf0\x80\x80\x80"), invalid);
    row("overlong 4-byte F0 8F BF BF", QByteArray("\xf0\x8f\xbf\xbf"), invalid);
    row("encoded high surrogate ED A0 80", QByteArray("\xed\xa0\x80"), invalid);
    row("encoded low surrogate ED BF BF", QByteArray("\xed\xbf\xbf"), invalid);
    row("encoded surrogate pair", QByteArray("\xed\xa0\xbd\xed\xb8\x80"), invalid);
    row("beyond U+10FFFF F4 90 80 80", QByteArray("\xf4\x90\x80\x80"), invalid);
    row("lead byte F5", QByteArray("\xf5\x80\x80\x80"), invalid);
    row("lead byte FF", QByteArray("\xff"), invalid);
    row("lead byte FE", QByteArray("\xfe"), invalid);
    row("3-byte sequence cut short", QByteArray("\xe2\x82"), invalid);
    row("4-byte sequence cut short", QByteArray("\xf0\x9f\x98"), invalid);
    row("bad third byte", QByteArray("\xe2\x82\x28"), invalid);
    row("bad fourth byte", QByteArray("\xf0\x9f\x98\xc0"), invalid);
    // The document ends inside the sequence.
    addRejection("truncated at end of input", QByteArray("\"\xe2\x82"), QString(), QStringLiteral("truncated UTF-8"));
    addRejection("truncated 4-byte at end of input", QByteArray("[\"\xf0\x9f"), QStringLiteral("[0]"),
                 QStringLiteral("truncated UTF-8"));
    addRejection("invalid UTF-8 in a member name", QByteArray("{\"a\xc0\xaf\":1}"), QString(), invalid);
}

void TestJson::invalidUtf8IsRejected()
{
    checkRejected();
}

void TestJson::validUtf8IsDecoded_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<uint>("codePoint");
    QTest::newRow("U+0080 (smallest 2-byte)") << QByteArray("\xc2\x80") << 0x80u;
    QTest::newRow("U+07FF (largest 2-byte)") << QByteArray("\xdf\xbf") << 0x7FFu;
    QTest::newRow("U+0800 (smallest 3-byte)") << QByteArray("\xe0\xa0\x80") << 0x800u;
    QTest::newRow("U+D7FF (below surrogates)") << QByteArray("\xed\x9f\xbf") << 0xD7FFu;
    QTest::newRow("U+E000 (above surrogates)") << QByteArray("\xee\x80\x80") << 0xE000u;
    QTest::newRow("U+FFFF (largest 3-byte)") << QByteArray("\xef\xbf\xbf") << 0xFFFFu;
    QTest::newRow("U+10000 (smallest 4-byte)") << QByteArray("\xf0\x90\x80\x80") << 0x10000u;
    QTest::newRow("U+1F600") << QByteArray("\xf0\x9f\x98\x80") << 0x1F600u;
    QTest::newRow("U+10FFFF (largest)") << QByteArray("\xf4\x8f\xbf\xbf") << 0x10FFFFu;
}

void TestJson::validUtf8IsDecoded()
{
    QFETCH(QByteArray, bytes);
    QFETCH(uint, codePoint);
    const JsonParser::Result result = JsonParser::parse(QByteArray("\"" + bytes + "\""));
    QVERIFY2(result.ok(), describe(result).constData());
    const char32_t expected[] = {char32_t(codePoint)};
    QCOMPARE(result.value->toString(), QString::fromUcs4(expected, 1));
}

void TestJson::nonAsciiOutsideStringsIsRejected()
{
    const JsonParser::Result result = JsonParser::parse("[1,\xc3\xa9]");
    QVERIFY2(!result.ok(), describe(result).constData());
    QCOMPARE(result.error.path, QStringLiteral("[1]"));
    QVERIFY2(result.error.message.contains(QStringLiteral("non-ASCII")), qPrintable(result.error.message));
}

void TestJson::loneSurrogateEscapesAreRejected_data()
{
    addRejectionColumns();
    const QString high = QStringLiteral("lone high surrogate");
    const QString low = QStringLiteral("lone low surrogate");
    addRejection("high at end of string", R"({"s":"\ud83d"})", QStringLiteral("s"), high);
    addRejection("high followed by a character", R"({"s":"\ud83dx"})", QStringLiteral("s"), high);
    addRejection("high followed by another high", R"({"s":"\ud83d\ud83d"})", QStringLiteral("s"), high);
    addRejection("high followed by a BMP escape", R"({"s":"\ud83d\u0041"})", QStringLiteral("s"), high);
    addRejection("high followed by another escape", R"({"s":"\ud83d\n"})", QStringLiteral("s"), high);
    addRejection("high followed by raw low surrogate bytes", "{\"s\":\"\\ud83d\xed\xb8\x80\"}", QStringLiteral("s"), high);
    addRejection("low alone", R"({"s":"\ude00"})", QStringLiteral("s"), low);
    addRejection("low before high", R"({"s":"\ude00\ud83d"})", QStringLiteral("s"), low);
    addRejection("uppercase low alone", R"({"s":"a\uDFFFb"})", QStringLiteral("s"), low);
    addRejection("in a member name", R"({"\ud800":1})", QString(), high);
}

void TestJson::loneSurrogateEscapesAreRejected()
{
    checkRejected();
}

void TestJson::surrogatePairEscapeIsDecoded_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("lowercase") << QByteArray(R"("\ud83d\ude00")");
    QTest::newRow("uppercase") << QByteArray(R"("\uD83D\uDE00")");
}

void TestJson::surrogatePairEscapeIsDecoded()
{
    QFETCH(QByteArray, text);
    const JsonParser::Result result = JsonParser::parse(text);
    QVERIFY2(result.ok(), describe(result).constData());
    const QString s = result.value->toString();
    QCOMPARE(s.size(), 2);
    QCOMPARE(s, QString::fromUtf8("\xf0\x9f\x98\x80"));
    QCOMPARE(s.toUcs4().value(0), 0x1F600u);
}

void TestJson::rawControlCharactersAreRejected()
{
    for (int c = 0; c < 0x20; ++c) {
        const QByteArray text = QByteArray("{\"s\":\"a") + char(c) + QByteArray("b\"}");
        const JsonParser::Result result = JsonParser::parse(text);
        QVERIFY2(!result.ok(), qPrintable(QStringLiteral("raw U+%1 accepted").arg(c, 4, 16, QLatin1Char('0'))));
        QCOMPARE(result.error.path, QStringLiteral("s"));
        const QString expected = QStringLiteral("unescaped control character U+%1 in string")
                                     .arg(QStringLiteral("%1").arg(c, 4, 16, QLatin1Char('0')).toUpper());
        QVERIFY2(result.error.message.startsWith(expected), qPrintable(result.error.message));
    }
}

void TestJson::escapedControlCharactersAndDeleteAreAccepted()
{
    const JsonParser::Result result = JsonParser::parse("\"\\u0000\\u001f\\u001F\x7f\"");
    QVERIFY2(result.ok(), describe(result).constData());
    const QString expected = QString(QChar(0)) + QChar(0x1F) + QChar(0x1F) + QChar(0x7F);
    QCOMPARE(result.value->toString(), expected);
}

void TestJson::invalidEscapesAreRejected_data()
{
    addRejectionColumns();
    addRejection("unknown escape", R"({"s":"\x41"})", QStringLiteral("s"), QStringLiteral("invalid escape"));
    addRejection("uppercase U", R"({"s":"\U0041"})", QStringLiteral("s"), QStringLiteral("invalid escape"));
    addRejection("escaped apostrophe", R"({"s":"\'"})", QStringLiteral("s"), QStringLiteral("invalid escape"));
    addRejection("non-hex digit", R"({"s":"\u00g0"})", QStringLiteral("s"), QStringLiteral("invalid \\u escape"));
    addRejection("too few digits", R"({"s":"\u12"})", QStringLiteral("s"), QStringLiteral("invalid \\u escape"));
    addRejection("cut off escape", R"({"s":"\u12)", QStringLiteral("s"), QStringLiteral("truncated \\u escape"));
    addRejection("backslash at end", R"("\)", QString(), QStringLiteral("unterminated escape"));
}

void TestJson::invalidEscapesAreRejected()
{
    checkRejected();
}

void TestJson::byteOrderMarkIsRejected()
{
    const JsonParser::Result result = JsonParser::parse("\xef\xbb\xbf{\"a\":1}");
    QVERIFY2(!result.ok(), describe(result).constData());
    QCOMPARE(result.error.path, QString());
    QVERIFY2(result.error.message.contains(QStringLiteral("byte order mark")), qPrintable(result.error.message));
    // Without the BOM the same document is fine.
    QVERIFY(JsonParser::parse("{\"a\":1}").ok());
}

void TestJson::trailingDataIsRejected_data()
{
    addRejectionColumns();
    const QString after = QStringLiteral("after the JSON value");
    addRejection("second object", "{} {}", QString(), after);
    addRejection("second number", "1 2", QString(), after);
    addRejection("garbage after object", "{\"a\":1}x", QString(), after);
    addRejection("extra closing bracket", "[]]", QString(), after);
    addRejection("NUL after value", QByteArray("{}\0", 3), QString(), after);
    addRejection("comment", "{} // note", QString(), after);
}

void TestJson::trailingDataIsRejected()
{
    checkRejected();
    // Trailing JSON whitespace, on the other hand, is not data.
    QVERIFY(JsonParser::parse("{} \r\n\t").ok());
}

void TestJson::trailingCommasAreRejected_data()
{
    addRejectionColumns();
    addRejection("array", "[1,]", QStringLiteral("[1]"), QStringLiteral("unexpected character ']'"));
    addRejection("object", R"({"a":1,})", QString(), QStringLiteral("expected a member name"));
    addRejection("nested object", R"({"a":{"b":1,}})", QStringLiteral("a"), QStringLiteral("expected a member name"));
    addRejection("only a comma", "[,]", QStringLiteral("[0]"), QStringLiteral("unexpected character ','"));
    addRejection("double comma", "[1,,2]", QStringLiteral("[1]"), QStringLiteral("unexpected character ','"));
}

void TestJson::trailingCommasAreRejected()
{
    checkRejected();
}

void TestJson::leadingZerosAreRejected_data()
{
    addRejectionColumns();
    const QString zeros = QStringLiteral("leading zeros");
    addRejection("01", "01", QString(), zeros);
    addRejection("00", "00", QString(), zeros);
    addRejection("-01", "-01", QString(), zeros);
    addRejection("in an array", "[0,007]", QStringLiteral("[1]"), zeros);
    addRejection("with a fraction", R"({"n":00.5})", QStringLiteral("n"), zeros);
}

void TestJson::leadingZerosAreRejected()
{
    checkRejected();
    // A single zero, before a fraction or an exponent, is fine.
    for (const char *ok : {"0", "-0", "0.5", "-0.5", "0e1", "0E-1", "10", "100.001"})
        QVERIFY2(JsonParser::parse(ok).ok(), ok);
}

void TestJson::nonJsonNumbersAndLiteralsAreRejected_data()
{
    addRejectionColumns();
    addRejection("NaN", "NaN", QString(), QStringLiteral("unexpected character"));
    addRejection("nan", "[nan]", QStringLiteral("[0]"), QStringLiteral("literal"));
    addRejection("Infinity", "Infinity", QString(), QStringLiteral("unexpected character"));
    addRejection("-Infinity", "-Infinity", QString(), QStringLiteral("invalid number"));
    addRejection("Infinity in an object", R"({"a":Infinity})", QStringLiteral("a"), QStringLiteral("unexpected character"));
    addRejection("plus sign", "+1", QString(), QStringLiteral("unexpected character"));
    addRejection("bare fraction", ".5", QString(), QStringLiteral("unexpected character"));
    addRejection("dot without digits", "1.", QString(), QStringLiteral("after '.'"));
    addRejection("exponent without digits", "1e", QString(), QStringLiteral("exponent"));
    addRejection("exponent sign without digits", "1e+", QString(), QStringLiteral("exponent"));
    addRejection("hexadecimal", "0x1F", QString(), QStringLiteral("after the JSON value"));
    addRejection("lone minus", "-", QString(), QStringLiteral("truncated number"));
    addRejection("minus space digit", "- 1", QString(), QStringLiteral("invalid number"));
    addRejection("True", "True", QString(), QStringLiteral("unexpected character"));
    addRejection("truncated literal", "[tru]", QStringLiteral("[0]"), QStringLiteral("invalid literal"));
    addRejection("undefined", "undefined", QString(), QStringLiteral("unexpected character"));
    addRejection("single-quoted string", "'a'", QString(), QStringLiteral("unexpected character"));
    addRejection("empty document", "", QString(), QStringLiteral("end of input"));
    addRejection("whitespace only", " \n ", QString(), QStringLiteral("end of input"));
}

void TestJson::nonJsonNumbersAndLiteralsAreRejected()
{
    checkRejected();
}

void TestJson::numberOverflowIsRejected_data()
{
    addRejectionColumns();
    const QString range = QStringLiteral("out of the IEEE 754 double range");
    addRejection("1e400", "1e400", QString(), range);
    addRejection("-1e400", "-1e400", QString(), range);
    addRejection("1e309 in an object", R"({"n":1e309})", QStringLiteral("n"), range);
    addRejection("just above DBL_MAX", "1.7976931348623159e308", QString(), range);
    addRejection("400 digits", QByteArray("1") + QByteArray(400, '0'), QString(), range);
}

void TestJson::numberOverflowIsRejected()
{
    checkRejected();
    const JsonParser::Result max = JsonParser::parse("1.7976931348623157e308");
    QVERIFY2(max.ok(), describe(max).constData());
    QCOMPARE(max.value->toDouble(), std::numeric_limits<double>::max());
}

void TestJson::largeIntegersAreAcceptedOnlyWhenExact_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("value");

    QTest::newRow("2^53 - 1") << QByteArray("9007199254740991") << true << 9007199254740991.0;
    QTest::newRow("2^53") << QByteArray("9007199254740992") << true << 9007199254740992.0;
    QTest::newRow("-2^53") << QByteArray("-9007199254740992") << true << -9007199254740992.0;
    // 2^53 + 1 has no double: it would silently become 2^53.
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << false << 0.0;
    QTest::newRow("-(2^53 + 1)") << QByteArray("-9007199254740993") << false << 0.0;
    QTest::newRow("2^53 + 3") << QByteArray("9007199254740995") << false << 0.0;
    QTest::newRow("2^53 + 2 (a double)") << QByteArray("9007199254740994") << true << 9007199254740994.0;
    QTest::newRow("2^63 + 1") << QByteArray("9223372036854775809") << false << 0.0;
    QTest::newRow("30 digits") << QByteArray("123456789012345678901234567890") << false << 0.0;
    // The canonical (ECMAScript) form of 2^68: the very digits JCS writes, so nothing is lost.
    QTest::newRow("canonical 2^68") << QByteArray("295147905179352830000") << true << std::ldexp(1.0, 68);
    QTest::newRow("canonical -2^68") << QByteArray("-295147905179352830000") << true << -std::ldexp(1.0, 68);
    // The exact decimal value of 2^68 is not what canonicalisation would write,
    // so the text would change between what was sent and what is signed.
    QTest::newRow("exact digits of 2^68") << QByteArray("295147905179352825856") << false << 0.0;
    QTest::newRow("1e21 as an integer literal") << QByteArray("1000000000000000000000") << false << 0.0;
}

void TestJson::largeIntegersAreAcceptedOnlyWhenExact()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    QFETCH(double, value);
    const QList<QByteArray> documents{text, QByteArray("{\"n\":[" + text + "]}")};
    for (const QByteArray &document : documents) {
        const JsonParser::Result result = JsonParser::parse(document);
        QCOMPARE(result.ok(), accepted);
        if (accepted) {
            const QJsonValue number = document.startsWith('{') ? result.value->toObject().value(QStringLiteral("n")).toArray().at(0)
                                                               : *result.value;
            QCOMPARE(number.toDouble(), value);
            if (std::fabs(value) <= 9007199254740992.0)
                QCOMPARE(number.toInteger(), qint64(value));
        } else {
            QCOMPARE(result.error.path, document.startsWith('{') ? QStringLiteral("n[0]") : QString());
            QVERIFY2(result.error.message.contains(QStringLiteral("cannot be represented exactly")),
                     qPrintable(result.error.message));
        }
    }
}

void TestJson::depthLimitIsEnforced_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::addColumn<QByteArray>("close");
    QTest::addColumn<QString>("segment");
    QTest::newRow("arrays") << QByteArray("[") << QByteArray("]") << QStringLiteral("[0]");
    QTest::newRow("objects") << QByteArray("{\"a\":") << QByteArray("}") << QStringLiteral("a");
}

void TestJson::depthLimitIsEnforced()
{
    QFETCH(QByteArray, open);
    QFETCH(QByteArray, close);
    QFETCH(QString, segment);
    const int maxDepth = JsonLimits().maxDepth;
    QCOMPARE(maxDepth, 64);

    const JsonParser::Result atLimit = JsonParser::parse(nested(open, close, maxDepth, "1"));
    QVERIFY2(atLimit.ok(), describe(atLimit).constData());

    const JsonParser::Result beyond = JsonParser::parse(nested(open, close, maxDepth + 1, "1"));
    QVERIFY2(!beyond.ok(), "one level beyond the limit was accepted");
    QVERIFY2(beyond.error.message.contains(QStringLiteral("nesting deeper than the limit of 64")),
             qPrintable(beyond.error.message));
    QStringList segments;
    for (int i = 0; i < maxDepth; ++i)
        segments.append(segment);
    const QString expectedPath = segment.startsWith(QLatin1Char('['))
        ? segments.join(QString())
        : segments.join(QLatin1Char('.'));
    QCOMPARE(beyond.error.path, expectedPath);

    // A custom limit is honoured too.
    JsonLimits limits;
    limits.maxDepth = 3;
    QVERIFY(JsonParser::parse(nested(open, close, 3, "1"), limits).ok());
    QVERIFY(!JsonParser::parse(nested(open, close, 4, "1"), limits).ok());
}

void TestJson::hugeNestingFailsWithoutCrashing()
{
    // Far beyond any stack: must stop at the limit rather than recurse.
    const JsonParser::Result arrays = JsonParser::parse(QByteArray(1000000, '['));
    QVERIFY(!arrays.ok());
    QVERIFY2(arrays.error.message.contains(QStringLiteral("nesting deeper")), qPrintable(arrays.error.message));
    const JsonParser::Result objects = JsonParser::parse(QByteArray("{\"a\":").repeated(200000));
    QVERIFY(!objects.ok());
    QVERIFY2(objects.error.message.contains(QStringLiteral("nesting deeper")), qPrintable(objects.error.message));
}

void TestJson::arrayLengthLimitIsEnforced()
{
    JsonLimits limits;
    limits.maxArrayLength = 3;
    QVERIFY(JsonParser::parse("[1,2,3]", limits).ok());
    const JsonParser::Result top = JsonParser::parse("[1,2,3,4]", limits);
    QVERIFY(!top.ok());
    QCOMPARE(top.error.path, QString());
    QVERIFY2(top.error.message.contains(QStringLiteral("more than 3 elements")), qPrintable(top.error.message));
    const JsonParser::Result inner = JsonParser::parse(R"({"a":[[],[1,2,3,4]]})", limits);
    QVERIFY(!inner.ok());
    QCOMPARE(inner.error.path, QStringLiteral("a[1]"));
    QCOMPARE(JsonLimits().maxArrayLength, qsizetype(100000));
}

void TestJson::memberCountLimitIsEnforced()
{
    JsonLimits limits;
    limits.maxObjectMembers = 2;
    QVERIFY(JsonParser::parse(R"({"a":1,"b":2})", limits).ok());
    const JsonParser::Result top = JsonParser::parse(R"({"a":1,"b":2,"c":3})", limits);
    QVERIFY(!top.ok());
    QVERIFY2(top.error.message.contains(QStringLiteral("more than 2 members")), qPrintable(top.error.message));
    const JsonParser::Result inner = JsonParser::parse(R"({"x":{"a":1,"b":2,"c":3}})", limits);
    QVERIFY(!inner.ok());
    QCOMPARE(inner.error.path, QStringLiteral("x"));
    QCOMPARE(JsonLimits().maxObjectMembers, qsizetype(10000));
}

void TestJson::byteSizeLimitIsEnforced()
{
    JsonLimits limits;
    limits.maxBytes = 16;
    const QByteArray exactly16 = R"({"a":"12345678"})";
    QCOMPARE(exactly16.size(), 16);
    QVERIFY(JsonParser::parse(exactly16, limits).ok());
    const JsonParser::Result over = JsonParser::parse(QByteArray(exactly16 + ' '), limits);
    QVERIFY(!over.ok());
    QVERIFY2(over.error.message.contains(QStringLiteral("larger than the limit of 16 bytes")), qPrintable(over.error.message));

    // The default limit, checked before any parsing.
    const QByteArray huge = "[" + QByteArray(JsonLimits().maxBytes, ' ') + "]";
    const JsonParser::Result tooBig = JsonParser::parse(huge);
    QVERIFY(!tooBig.ok());
    QVERIFY2(tooBig.error.message.contains(QStringLiteral("larger than the limit")), qPrintable(tooBig.error.message));
}

void TestJson::stringSizeLimitIsEnforced_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("path");
    QTest::newRow("value at the limit") << QByteArray(R"({"k":"abcd"})") << true << QString();
    QTest::newRow("value over the limit") << QByteArray(R"({"k":"abcde"})") << false << QStringLiteral("k");
    QTest::newRow("member name at the limit") << QByteArray(R"({"abcd":1})") << true << QString();
    QTest::newRow("member name over the limit") << QByteArray(R"({"abcde":1})") << false << QString();
    QTest::newRow("two 2-byte characters") << QByteArray("[\"\xc3\xa9\xc3\xa9\"]") << true << QString();
    QTest::newRow("three 2-byte characters") << QByteArray("[\"\xc3\xa9\xc3\xa9\xc3\xa9\"]") << false << QStringLiteral("[0]");
}

void TestJson::stringSizeLimitIsEnforced()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    QFETCH(QString, path);
    JsonLimits limits;
    limits.maxStringBytes = 4;
    const JsonParser::Result result = JsonParser::parse(text, limits);
    QVERIFY2(result.ok() == accepted, describe(result).constData());
    if (!accepted) {
        QCOMPARE(result.error.path, path);
        QVERIFY2(result.error.message.contains(QStringLiteral("string longer than the limit of 4 bytes")),
                 qPrintable(result.error.message));
    }
}

void TestJson::everyTruncationIsRejected_data()
{
    QTest::addColumn<QByteArray>("document");
    const QStringList names = coretest::scenarioNames();
    QVERIFY(!names.isEmpty());
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << coretest::scenarioBytes(name);
    // Every construct the parser knows, so that every kind of cut is exercised.
    QTest::newRow("synthetic") << QByteArray(
        "{\"s\":\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\","
        "\"n\":[0,-0,12,-3.25,6.02e23,1E-7,9007199254740992],\"l\":[true,false,null],\"o\":{\"e\":{},\"a\":[]}}");
}

void TestJson::everyTruncationIsRejected()
{
    QFETCH(QByteArray, document);
    QVERIFY(!document.isEmpty());
    QVERIFY2(JsonParser::parse(document).ok(), "the complete document must parse");
    // Only trailing whitespace may follow the closing brace.
    const qsizetype end = document.lastIndexOf('}') + 1;
    QVERIFY(end > 0);
    for (qsizetype length = 0; length < end; ++length) {
        const JsonParser::Result result = JsonParser::parse(QByteArrayView(document).first(length));
        QVERIFY2(!result.ok(), qPrintable(QStringLiteral("prefix of %1 bytes was accepted").arg(length)));
        QVERIFY2(!result.error.message.isEmpty(), qPrintable(QStringLiteral("prefix of %1 bytes: no message").arg(length)));
    }
    for (qsizetype length = end; length <= document.size(); ++length)
        QVERIFY(JsonParser::parse(QByteArrayView(document).first(length)).ok());
}

void TestJson::parseObjectRequiresAnObject()
{
    for (const char *text : {"[]", "1", "\"s\"", "null", "true"}) {
        const JsonParser::Result result = JsonParser::parseObject(text);
        QVERIFY2(!result.ok(), text);
        QVERIFY2(result.error.message.contains(QStringLiteral("expected a JSON object")), qPrintable(result.error.message));
    }
    QVERIFY(JsonParser::parseObject("{}").ok());
    // The parser's own error comes through unchanged.
    const JsonParser::Result duplicate = JsonParser::parseObject(R"({"a":1,"a":2})");
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error.path, QStringLiteral("a"));
}

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
