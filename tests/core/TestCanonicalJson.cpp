#include "CoreTestSupport.h"
#include "core/CanonicalJson.h"
#include "core/JsonParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cstdint>
#include <limits>

using countersign::core::CanonicalJson;
using countersign::core::JsonParser;
namespace coretest = countersign::coretest;

// RFC 8785 JSON Canonicalization Scheme: the RFC's own examples and number
// table, plus the edge cases Countersign depends on.
class TestCanonicalJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc8785Section322Example();
    void rfc8785Section323SortingExample();
    void rfc8785AppendixBNumbers_data();
    void rfc8785AppendixBNumbers();
    void nonFiniteNumbersHaveNoForm_data();
    void nonFiniteNumbersHaveNoForm();
    void numberEdgeCases_data();
    void numberEdgeCases();
    void numbersRoundTripThroughTheParser();
    void controlCharactersAreEscaped_data();
    void controlCharactersAreEscaped();
    void otherCharactersAreWrittenAsUtf8_data();
    void otherCharactersAreWrittenAsUtf8();
    void unpairedSurrogatesAreRefused_data();
    void unpairedSurrogatesAreRefused();
    void undefinedIsRefused();
    void nestedEmptyContainers();
    void membersSortByUtf16CodeUnits();
    void arraysKeepTheirOrder();
    void sameBytesAsAPlainImplementation();
    void membersJoinIntoTheWholeObject();
    void stringObjectsAreWrittenAsObjectsAre();
    void canonicalFormIsIdempotent_data();
    void canonicalFormIsIdempotent();
};

namespace {

QByteArray canonicalOfText(QByteArrayView text)
{
    const JsonParser::Result parsed = JsonParser::parse(text);
    if (!parsed.ok())
        return "parse error: " + parsed.error.toString().toUtf8();
    QString error;
    const auto bytes = CanonicalJson::serialize(*parsed.value, &error);
    if (!bytes)
        return "serialize error: " + error.toUtf8();
    return *bytes;
}

QString fromUtf16(std::initializer_list<char16_t> units)
{
    return QStringView(units.begin(), qsizetype(units.size())).toString();
}

} // namespace

void TestCanonicalJson::rfc8785Section322Example()
{
    // RFC 8785 section 3.2.2, input as printed in the RFC.
    const QByteArray input = R"({
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
})";
    const QByteArray expected = "{\"literals\":[null,true,false],"
                                "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                                "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    QCOMPARE(canonicalOfText(input), expected);
}

void TestCanonicalJson::rfc8785Section323SortingExample()
{
    // RFC 8785 section 3.2.3.
    const QByteArray input = R"({
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
})";
    const QByteArray expected = "{\"\\r\":\"Carriage Return\","
                                "\"1\":\"One\","
                                "\"\xc2\x80\":\"Control\","
                                "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\","
                                "\"\xe2\x82\xac\":\"Euro Sign\","
                                "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
                                "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}";
    QCOMPARE(canonicalOfText(input), expected);
}

void TestCanonicalJson::rfc8785AppendixBNumbers_data()
{
    QTest::addColumn<quint64>("bits");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](quint64 bits, const char *expected) {
        QTest::addRow("%016llx", static_cast<unsigned long long>(bits)) << bits << QByteArray(expected);
    };
    row(0x0000000000000000, "0");
    row(0x8000000000000000, "0");
    row(0x0000000000000001, "5e-324");
    row(0x8000000000000001, "-5e-324");
    row(0x7fefffffffffffff, "1.7976931348623157e+308");
    row(0xffefffffffffffff, "-1.7976931348623157e+308");
    row(0x4340000000000000, "9007199254740992");
    row(0xc340000000000000, "-9007199254740992");
    row(0x4430000000000000, "295147905179352830000");
    row(0x44b52d02c7e14af5, "9.999999999999997e+22");
    row(0x44b52d02c7e14af6, "1e+23");
    row(0x44b52d02c7e14af7, "1.0000000000000001e+23");
    row(0x444b1ae4d6e2ef4e, "999999999999999700000");
    row(0x444b1ae4d6e2ef4f, "999999999999999900000");
    row(0x444b1ae4d6e2ef50, "1e+21");
    row(0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7");
    row(0x3eb0c6f7a0b5ed8d, "0.000001");
    row(0x41b3de4355555553, "333333333.3333332");
    row(0x41b3de4355555554, "333333333.33333325");
    row(0x41b3de4355555555, "333333333.3333333");
    row(0x41b3de4355555556, "333333333.3333334");
    row(0x41b3de4355555557, "333333333.33333343");
    row(0xbecbf647612f3696, "-0.0000033333333333333333");
    row(0x43143ff3c1cb0959, "1424953923781206.2");
}

void TestCanonicalJson::rfc8785AppendixBNumbers()
{
    QFETCH(quint64, bits);
    QFETCH(QByteArray, expected);
    const double value = std::bit_cast<double>(static_cast<std::uint64_t>(bits));
    const auto formatted = CanonicalJson::formatNumber(value);
    QVERIFY(formatted.has_value());
    QCOMPARE(*formatted, expected);
    // serialize() writes numbers the same way.
    QCOMPARE(CanonicalJson::serialize(QJsonValue(value)).value_or("(refused)"), expected);
}

void TestCanonicalJson::nonFiniteNumbersHaveNoForm_data()
{
    QTest::addColumn<quint64>("bits");
    QTest::newRow("NaN 7fffffffffffffff") << quint64(0x7fffffffffffffff);
    QTest::newRow("Infinity 7ff0000000000000") << quint64(0x7ff0000000000000);
    QTest::newRow("-Infinity fff0000000000000") << quint64(0xfff0000000000000);
    QTest::newRow("signalling NaN 7ff0000000000001") << quint64(0x7ff0000000000001);
    QTest::newRow("negative NaN fff8000000000000") << quint64(0xfff8000000000000);
}

void TestCanonicalJson::nonFiniteNumbersHaveNoForm()
{
    QFETCH(quint64, bits);
    const double value = std::bit_cast<double>(static_cast<std::uint64_t>(bits));
    QCOMPARE(CanonicalJson::formatNumber(value), std::optional<QByteArray>());
    // Inside a document the whole serialisation is refused, with a reason.
    QJsonObject object;
    object.insert(QStringLiteral("n"), QJsonArray {1, value});
    QVERIFY(object.value(QStringLiteral("n")).toArray().at(1).isDouble());
    QString error;
    QCOMPARE(CanonicalJson::serialize(object, &error), std::optional<QByteArray>());
    QVERIFY2(error.contains(QStringLiteral("NaN and infinities")), qPrintable(error));
    QCOMPARE(CanonicalJson::serializeOrEmpty(object), QByteArray());
}

void TestCanonicalJson::numberEdgeCases_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("1e20") << 1e20 << QByteArray("100000000000000000000");
    QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-7");
    QTest::newRow("1e-6") << 1e-6 << QByteArray("0.000001");
    QTest::newRow("5e-7") << 5e-7 << QByteArray("5e-7");
    QTest::newRow("-0") << -0.0 << QByteArray("0");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::newRow("-1.5") << -1.5 << QByteArray("-1.5");
    QTest::newRow("1") << 1.0 << QByteArray("1");
    QTest::newRow("-1") << -1.0 << QByteArray("-1");
    QTest::newRow("123.456") << 123.456 << QByteArray("123.456");
    QTest::newRow("1.5e300") << 1.5e300 << QByteArray("1.5e+300");
    QTest::newRow("-1.5e-300") << -1.5e-300 << QByteArray("-1.5e-300");
    QTest::newRow("2^53 + 2") << 9007199254740994.0 << QByteArray("9007199254740994");
    QTest::newRow("smallest normal") << std::numeric_limits<double>::min() << QByteArray("2.2250738585072014e-308");
    QTest::newRow("12345678901234567890") << 12345678901234567890.0 << QByteArray("12345678901234567000");
}

void TestCanonicalJson::numberEdgeCases()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(CanonicalJson::formatNumber(value).value_or("(refused)"), expected);
}

void TestCanonicalJson::numbersRoundTripThroughTheParser()
{
    // What JCS writes must read back as the very same double.
    QRandomGenerator random(20261204);
    for (int i = 0; i < 20000; ++i) {
        const double value = std::bit_cast<double>(static_cast<std::uint64_t>(random.generate64()));
        const auto formatted = CanonicalJson::formatNumber(value);
        if (!std::isfinite(value)) {
            QVERIFY(!formatted);
            continue;
        }
        QVERIFY(formatted.has_value());
        const JsonParser::Result parsed = JsonParser::parse(*formatted);
        QVERIFY2(parsed.ok(), (formatted->constData()));
        QVERIFY2(parsed.value->toDouble() == value, formatted->constData());
        QCOMPARE(CanonicalJson::serializeOrEmpty(*parsed.value), *formatted);
    }
}

void TestCanonicalJson::controlCharactersAreEscaped_data()
{
    QTest::addColumn<int>("character");
    QTest::addColumn<QByteArray>("expected");
    for (int c = 0; c < 0x20; ++c) {
        QByteArray escape;
        switch (c) {
        case 0x08:
            escape = "\\b";
            break;
        case 0x09:
            escape = "\\t";
            break;
        case 0x0a:
            escape = "\\n";
            break;
        case 0x0c:
            escape = "\\f";
            break;
        case 0x0d:
            escape = "\\r";
            break;
        default:
            escape = "\\u00" + QByteArray::number(c, 16).rightJustified(2, '0');
        }
        QTest::addRow("U+%04X", c) << c << escape;
    }
}

void TestCanonicalJson::controlCharactersAreEscaped()
{
    QFETCH(int, character);
    QFETCH(QByteArray, expected);
    const QString s = QStringLiteral("a") + QChar(character) + QStringLiteral("b");
    QCOMPARE(CanonicalJson::serialize(QJsonValue(s)).value_or("(refused)"), QByteArray("\"a" + expected + "b\""));
    if (character == 0x1f)
        QCOMPARE(expected, QByteArray("\\u001f")); // lowercase hex
}

void TestCanonicalJson::otherCharactersAreWrittenAsUtf8_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("quote") << QStringLiteral("\"") << QByteArray(R"("\"")");
    QTest::newRow("backslash") << QStringLiteral("\\") << QByteArray(R"("\\")");
    QTest::newRow("slash is not escaped") << QStringLiteral("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("space and tilde") << QStringLiteral(" ~") << QByteArray(R"(" ~")");
    QTest::newRow("U+007F as is") << QString(QChar(0x7F)) << QByteArray("\"\x7f\"");
    QTest::newRow("U+0080") << QString(QChar(0x80)) << QByteArray("\"\xc2\x80\"");
    QTest::newRow("e acute") << QString(QChar(0xE9)) << QByteArray("\"\xc3\xa9\"");
    QTest::newRow("euro") << QString(QChar(0x20AC)) << QByteArray("\"\xe2\x82\xac\"");
    QTest::newRow("U+2028 line separator") << QString(QChar(0x2028)) << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("U+202E right-to-left override") << QString(QChar(0x202E)) << QByteArray("\"\xe2\x80\xae\"");
    QTest::newRow("U+FEFF") << QString(QChar(0xFEFF)) << QByteArray("\"\xef\xbb\xbf\"");
    QTest::newRow("U+FFFF") << QString(QChar(0xFFFF)) << QByteArray("\"\xef\xbf\xbf\"");
    QTest::newRow("U+1F600 from a surrogate pair") << fromUtf16({0xD83D, 0xDE00}) << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("U+10FFFF") << fromUtf16({0xDBFF, 0xDFFF}) << QByteArray("\"\xf4\x8f\xbf\xbf\"");
    QTest::newRow("empty") << QString() << QByteArray("\"\"");
}

void TestCanonicalJson::otherCharactersAreWrittenAsUtf8()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(CanonicalJson::serialize(QJsonValue(text)).value_or("(refused)"), expected);
}

void TestCanonicalJson::unpairedSurrogatesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("high alone") << fromUtf16({0xD800});
    QTest::newRow("low alone") << fromUtf16({0xDC00});
    QTest::newRow("high at the end") << fromUtf16({u'a', 0xD83D});
    QTest::newRow("high followed by a letter") << fromUtf16({0xD83D, u'a'});
    QTest::newRow("low before high") << fromUtf16({0xDE00, 0xD83D});
    QTest::newRow("two highs") << fromUtf16({0xD83D, 0xD83D, 0xDE00, 0xDE00});
}

void TestCanonicalJson::unpairedSurrogatesAreRefused()
{
    QFETCH(QString, text);
    QString error;
    QCOMPARE(CanonicalJson::serialize(QJsonValue(text), &error), std::optional<QByteArray>());
    QVERIFY2(error.contains(QStringLiteral("unpaired surrogate")), qPrintable(error));

    // As a member name, and deep inside a document.
    QJsonObject named;
    named.insert(text, 1);
    error.clear();
    QCOMPARE(CanonicalJson::serialize(named, &error), std::optional<QByteArray>());
    QVERIFY2(error.contains(QStringLiteral("unpaired surrogate")), qPrintable(error));
    const QJsonObject deep {{QStringLiteral("a"), QJsonArray {1, QJsonObject {{QStringLiteral("b"), text}}}}};
    QCOMPARE(CanonicalJson::serialize(deep), std::optional<QByteArray>());
    QCOMPARE(CanonicalJson::serializeOrEmpty(deep), QByteArray());
}

void TestCanonicalJson::undefinedIsRefused()
{
    QCOMPARE(CanonicalJson::serialize(QJsonValue(QJsonValue::Undefined)), std::optional<QByteArray>());
}

void TestCanonicalJson::nestedEmptyContainers()
{
    QCOMPARE(canonicalOfText(R"({ "b" : [ ] , "a" : { } , "c" : [ { } , [ ] , [ [ ] ] , { "d" : { } } ] })"),
             QByteArray(R"({"a":{},"b":[],"c":[{},[],[[]],{"d":{}}]})"));
    QCOMPARE(canonicalOfText("[]"), QByteArray("[]"));
    QCOMPARE(canonicalOfText("{}"), QByteArray("{}"));
    QCOMPARE(canonicalOfText(" [ null , true , false ] "), QByteArray("[null,true,false]"));
}

void TestCanonicalJson::membersSortByUtf16CodeUnits()
{
    // By code point U+FF61 comes before U+1F600; by UTF-16 code unit it comes
    // after it (0xD83D < 0xFF61). RFC 8785 demands the UTF-16 order.
    QJsonObject object;
    object.insert(QString(QChar(0xFF61)), 1);
    object.insert(fromUtf16({0xD83D, 0xDE00}), 2);
    object.insert(QStringLiteral("b"), 3);
    object.insert(QStringLiteral("aa"), 4);
    object.insert(QStringLiteral("a"), 5);
    object.insert(QStringLiteral("B"), 6);
    object.insert(QString(), 7);
    QCOMPARE(CanonicalJson::serializeOrEmpty(object),
             QByteArray("{\"\":7,\"B\":6,\"a\":5,\"aa\":4,\"b\":3,\"\xf0\x9f\x98\x80\":2,\"\xef\xbd\xa1\":1}"));
}

namespace {

// RFC 8785 written as plainly as possible (keys sorted every time, one
// character at a time), to check the serializer's fast paths against.
QByteArray plainCanonical(const QJsonValue &value)
{
    const auto string = [](const QString &s) -> QByteArray {
        QByteArray out = "\"";
        for (qsizetype i = 0; i < s.size(); ++i) {
            const char16_t u = s.at(i).unicode();
            if (u == '"' || u == '\\')
                out += '\\' + QByteArray(1, char(u));
            else if (u == '\b')
                out += "\\b";
            else if (u == '\f')
                out += "\\f";
            else if (u == '\n')
                out += "\\n";
            else if (u == '\r')
                out += "\\r";
            else if (u == '\t')
                out += "\\t";
            else if (u < 0x20)
                out += QByteArray("\\u00") + QByteArray::number(u, 16).rightJustified(2, '0');
            else if (QChar::isHighSurrogate(u) && i + 1 < s.size())
                out += s.mid(i++, 2).toUtf8();
            else
                out += QString(QChar(u)).toUtf8();
        }
        return out + '"';
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            return std::lexicographical_compare(a.utf16(), a.utf16() + a.size(), b.utf16(), b.utf16() + b.size());
        });
        QByteArrayList members;
        for (const QString &key : std::as_const(keys))
            members.append(string(key) + ':' + plainCanonical(object.value(key)));
        return '{' + members.join(',') + '}';
    }
    if (value.isArray()) {
        QByteArrayList items;
        for (const QJsonValue &item : value.toArray())
            items.append(plainCanonical(item));
        return '[' + items.join(',') + ']';
    }
    if (value.isString())
        return string(value.toString());
    return CanonicalJson::serializeOrEmpty(value);
}

QString randomText(QRandomGenerator &random)
{
    // Mostly plain ASCII runs, with escapes, controls, DEL, non-ASCII and
    // surrogate pairs mixed in, as keys and values.
    static const QList<QString> pieces {QStringLiteral("a"),
                                        QStringLiteral("Zz"),
                                        QStringLiteral("0"),
                                        QStringLiteral("\""),
                                        QStringLiteral("\\"),
                                        QStringLiteral("\n"),
                                        QString(QChar(0x1F)),
                                        QString(QChar(0x7F)),
                                        QString(QChar(0xE9)),
                                        QString(QChar(0x202E)),
                                        QString(QChar(0xFF61)),
                                        fromUtf16({0xD83D, 0xDE00}),
                                        QStringLiteral("plain text run of ascii ")};
    QString text;
    const int count = int(random.bounded(6));
    for (int i = 0; i < count; ++i)
        text += pieces.at(random.bounded(int(pieces.size())));
    return text;
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (depth > 3 ? random.bounded(3) : random.bounded(5)) {
    case 0:
        return randomText(random);
    case 1:
        return double(random.bounded(2000)) - 1000.5;
    case 2:
        return random.bounded(2) ? QJsonValue(true) : QJsonValue(QJsonValue::Null);
    case 3: {
        QJsonArray array;
        for (int i = int(random.bounded(4)); i > 0; --i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = int(random.bounded(6)); i > 0; --i)
            object.insert(randomText(random), randomValue(random, depth + 1));
        return object;
    }
    }
}

} // namespace

void TestCanonicalJson::sameBytesAsAPlainImplementation()
{
    QRandomGenerator random(8785);
    for (int i = 0; i < 3000; ++i) {
        QJsonObject object;
        for (int m = int(random.bounded(8)); m > 0; --m)
            object.insert(randomText(random), randomValue(random, 0));
        QCOMPARE(CanonicalJson::serializeOrEmpty(object), plainCanonical(object));
    }
    for (const QString &name : coretest::scenarioNames()) {
        const auto parsed = JsonParser::parseObject(coretest::scenarioBytes(name));
        QVERIFY(parsed.ok());
        const QJsonObject scenario = parsed.value->toObject();
        QCOMPARE(CanonicalJson::serializeOrEmpty(scenario), plainCanonical(scenario));
    }
}

void TestCanonicalJson::membersJoinIntoTheWholeObject()
{
    // How the broker writes a stamped action: the agent's members (network
    // thread) and its own, merged. Must equal the whole object serialised.
    QRandomGenerator random(2026);
    for (int i = 0; i < 2000; ++i) {
        QJsonObject left;
        QJsonObject right;
        QJsonObject whole;
        for (int m = int(random.bounded(10)); m > 0; --m) {
            const QString key = randomText(random);
            if (whole.contains(key))
                continue;
            const QJsonValue value = randomValue(random, 1);
            (random.bounded(2) ? left : right).insert(key, value);
            whole.insert(key, value);
        }
        const auto a = CanonicalJson::serializeMembers(left);
        const auto b = CanonicalJson::serializeMembers(right);
        QVERIFY(a && b);
        QCOMPARE(CanonicalJson::joinMembers(*a, *b).value_or("none"), CanonicalJson::serializeOrEmpty(whole));
        QCOMPARE(CanonicalJson::joinMembers(*b, *a).value_or("none"), CanonicalJson::serializeOrEmpty(whole));
    }
    // A key on both sides would be written twice: refused.
    const auto one = CanonicalJson::serializeMembers(QJsonObject {{QStringLiteral("id"), 1}});
    QVERIFY(one);
    QVERIFY(!CanonicalJson::joinMembers(*one, *one));
    QVERIFY(!CanonicalJson::serializeMembers(QJsonObject {{QStringLiteral("x"), fromUtf16({0xD800})}}));
}

void TestCanonicalJson::stringObjectsAreWrittenAsObjectsAre()
{
    QRandomGenerator random(4711);
    for (int i = 0; i < 2000; ++i) {
        QList<std::pair<QString, QString>> members;
        QJsonObject object;
        for (int m = int(random.bounded(9)); m > 0; --m) {
            const QString key = randomText(random);
            if (object.contains(key))
                continue;
            const QString value = randomText(random);
            members.append({key, value});
            object.insert(key, value);
        }
        QCOMPARE(CanonicalJson::stringObject(members).value_or("none"), CanonicalJson::serializeOrEmpty(object));
    }
    QVERIFY(!CanonicalJson::stringObject({{QStringLiteral("a"), QString()}, {QStringLiteral("a"), QString()}}));
    QVERIFY(!CanonicalJson::stringObject({{QStringLiteral("a"), fromUtf16({0xDC00})}}));
}

void TestCanonicalJson::arraysKeepTheirOrder()
{
    QCOMPARE(canonicalOfText(R"([3,1,2,"b","a",{"z":1,"y":2}])"), QByteArray(R"([3,1,2,"b","a",{"y":2,"z":1}])"));
}

void TestCanonicalJson::canonicalFormIsIdempotent_data()
{
    QTest::addColumn<QByteArray>("document");
    const QStringList names = coretest::scenarioNames();
    QCOMPARE(names.size(), 5);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << coretest::scenarioBytes(name);
}

void TestCanonicalJson::canonicalFormIsIdempotent()
{
    QFETCH(QByteArray, document);
    const JsonParser::Result original = JsonParser::parse(document);
    QVERIFY2(original.ok(), qPrintable(original.error.toString()));
    const QByteArray once = CanonicalJson::serializeOrEmpty(*original.value);
    QVERIFY(!once.isEmpty());
    QVERIFY2(once != document, "the scenario files are pretty-printed, not canonical");
    QVERIFY(!once.contains('\n'));
    const JsonParser::Result reparsed = JsonParser::parse(once);
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.error.toString()));
    QVERIFY2(*reparsed.value == *original.value, "canonical form does not carry the same value");
    QCOMPARE(CanonicalJson::serializeOrEmpty(*reparsed.value), once);
}

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "TestCanonicalJson.moc"
