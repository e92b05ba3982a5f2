// The audit verifier's fast path (docs/performance.md, B7) hashes stored texts
// instead of parsing and re-serialising them. It may only ever accept bytes
// that the full path would hash identically: these tests compare each piece
// with the code it stands in for, on canonical, non-canonical and hostile input.

#include "core/AuditChain.h"
#include "core/AuditEntry.h"
#include "core/AuditEntryText.h"
#include "core/CanonicalJson.h"
#include "core/CanonicalJsonCheck.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace countersign::core;

namespace {

// What the full path concludes: the strict parser accepts the text and the
// canonical form of what it read is the very same bytes.
bool reallyCanonical(const QByteArray &text)
{
    const auto parsed = JsonParser::parseObject(text);
    return parsed.ok() && CanonicalJson::serializeOrEmpty(*parsed.value) == text;
}

QByteArray canonical(const QJsonObject &object)
{
    return CanonicalJson::serializeOrEmpty(object);
}

QList<QJsonObject> sampleData()
{
    QList<QJsonObject> out;
    out.append(QJsonObject());
    out.append(
        QJsonObject {{QStringLiteral("digest"), QStringLiteral("sha256:9fXk1bq2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t")},
                     {QStringLiteral("tenant"), QStringLiteral("acme")},
                     {QStringLiteral("agent"), QStringLiteral("agent:bench-7")}});
    out.append(QJsonObject {{QStringLiteral("rules"), 3},
                            {QStringLiteral("ratio"), 0.25},
                            {QStringLiteral("big"), 1e21},
                            {QStringLiteral("neg"), -17},
                            {QStringLiteral("tiny"), 5e-324},
                            {QStringLiteral("none"), QJsonValue()},
                            {QStringLiteral("yes"), true},
                            {QStringLiteral("no"), false}});
    const QString tricky
        = QStringLiteral("quote \" backslash \\ slash / tab \t nl \n nul ") + QChar(0) + QStringLiteral(" del \x7f");
    out.append(QJsonObject {{QStringLiteral("text"), tricky},
                            {QStringLiteral("unicode"), QStringLiteral("Grüße — 😀 \u2028 \uFFFE")},
                            {QStringLiteral("\u00e9t\u00e9"), QStringLiteral("non-ASCII key")},
                            {QStringLiteral("\U0001F600"), 1},
                            {QStringLiteral("\uE000"), 2}});
    const QJsonObject inner {{QStringLiteral("b"), 1}, {QStringLiteral("a"), 2}};
    const QJsonObject deeper {{QStringLiteral("x"), QJsonArray {QJsonValue()}}};
    out.append(QJsonObject {
        {QStringLiteral("list"), QJsonArray {1, QStringLiteral("two"), QJsonArray(), QJsonObject(), inner}},
        {QStringLiteral("nested"), QJsonObject {{QStringLiteral("deeper"), deeper}}}});
    return out;
}

} // namespace

class TestAuditFastPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalCheckAgreesWithTheParser_data();
    void canonicalCheckAgreesWithTheParser();
    void canonicalCheckIsSoundOnMutations();
    void timestampCheckAgreesWithTheReader();
    void hashInputIsWhatComputeHashHashes();
    void hashInputRefusesWhatItCannotShow_data();
    void hashInputRefusesWhatItCannotShow();
    void chainFastPathMatchesAdd();
    void chainFastPathLeavesMismatchesToAdd();
    void writtenEntriesHashAsComputeHashDoes_data();
    void writtenEntriesHashAsComputeHashDoes();
};

void TestAuditFastPath::canonicalCheckAgreesWithTheParser_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const QJsonObject &object : sampleData())
        QTest::newRow(canonical(object).left(40).constData()) << canonical(object);
    const char *const rows[] = {
        "{}",
        "{\"a\":1}",
        " {\"a\":1}",
        "{\"a\":1} ",
        "{\"a\": 1}",
        "{\"b\":1,\"a\":2}",
        "{\"a\":1,\"a\":1}",
        "{\"a\":1,}",
        "{\"a\":[1,]}",
        "[1]",
        "\"a\"",
        "{\"a\":\"\\/\"}",
        "{\"a\":\"/\"}",
        "{\"a\":\"\\u001f\"}",
        "{\"a\":\"\\u001F\"}",
        "{\"a\":\"\\u0041\"}",
        "{\"a\":\"\\u000a\"}",
        "{\"a\":\"\\n\"}",
        "{\"a\":\"\\u007f\"}",
        "{\"a\":\"\\ud83d\\ude00\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\xed\xa0\x80\"}",
        "{\"a\":\"\xc0\xaf\"}",
        "{\"a\":\"\xe2\x80\xa8\"}",
        "{\"a\":\"\xff\"}",
        "{\"a\":\"\xf4\x90\x80\x80\"}",
        "\xef\xbb\xbf{\"a\":1}",
        "{\"a\":\"\x01\"}",
        "{\"a\":-0}",
        "{\"a\":0}",
        "{\"a\":-1}",
        "{\"a\":01}",
        "{\"a\":1.0}",
        "{\"a\":1.5}",
        "{\"a\":1e2}",
        "{\"a\":100}",
        "{\"a\":1e21}",
        "{\"a\":1e+21}",
        "{\"a\":1E+21}",
        "{\"a\":0.000001}",
        "{\"a\":1e-7}",
        "{\"a\":5e-324}",
        "{\"a\":1e400}",
        "{\"a\":9007199254740992}",
        "{\"a\":9007199254740993}",
        "{\"a\":123456789012345678}",
        "{\"a\":999999999999999}",
        "{\"a\":tru}",
        "{\"a\":true}",
        "{\"a\":nul}",
        "{\"a\":null}",
        "{\"\xee\x80\x80\":1,\"\xf0\x9f\x98\x80\":2}",
        "{\"\xf0\x9f\x98\x80\":2,\"\xee\x80\x80\":1}",
        "{\"\\n\":1,\"a\":2}",
        "{\"a\":2,\"\\n\":1}",
        "{\"a\":\"x\",\"b\":\"y\"}garbage",
        "{\"a\":\"unterminated}",
        "{\"a\":{\"b\":{}},\"c\":[[],[{}]]}",
    };
    for (const char *row : rows)
        QTest::newRow(row) << QByteArray(row);
    // Nesting at and beyond the parser's depth limit (64).
    const JsonLimits limits;
    for (const int depth : {limits.maxDepth, limits.maxDepth + 1}) {
        QByteArray deep = "{\"a\":";
        for (int i = 1; i < depth - 1; ++i)
            deep += "[";
        deep += "{}";
        for (int i = 1; i < depth - 1; ++i)
            deep += "]";
        deep += "}";
        QTest::newRow(qPrintable(QStringLiteral("depth %1").arg(depth))) << deep;
    }
}

void TestAuditFastPath::canonicalCheckAgreesWithTheParser()
{
    QFETCH(QByteArray, text);
    QCOMPARE(CanonicalJsonCheck::isCanonicalObject(text), reallyCanonical(text));
}

void TestAuditFastPath::canonicalCheckIsSoundOnMutations()
{
    // Byte edits of canonical texts, biased to JSON's structural characters:
    // whatever the check accepts must be exactly canonical.
    QRandomGenerator random(20261204);
    static const char alphabet[] = "{}[]:,\"\\/ ubfnrt0123456789-+.eEaz\x01\x7f\xc3\xa9\xed\xa0\x80\xf0\x9f\x98";
    int accepted = 0;
    for (const QJsonObject &object : sampleData()) {
        const QByteArray original = canonical(object);
        QVERIFY(CanonicalJsonCheck::isCanonicalObject(original));
        for (int round = 0; round < 4000; ++round) {
            QByteArray text = original;
            for (int edits = 1 + random.bounded(3); edits > 0; --edits) {
                const qsizetype at = random.bounded(qsizetype(text.size() + 1));
                const char c = alphabet[random.bounded(int(sizeof alphabet - 1))];
                switch (random.bounded(3)) {
                case 0:
                    text.insert(at, c);
                    break;
                case 1:
                    if (at < text.size())
                        text.remove(at, 1);
                    break;
                default:
                    if (at < text.size())
                        text[at] = c;
                }
            }
            const bool check = CanonicalJsonCheck::isCanonicalObject(text);
            if (check)
                ++accepted;
            if (check && !reallyCanonical(text))
                QFAIL(qPrintable(QStringLiteral("accepted a non-canonical text: ") + QString::fromUtf8(text.toHex())));
        }
    }
    QVERIFY(accepted > 0); // some edits (e.g. in string contents) stay canonical
}

void TestAuditFastPath::timestampCheckAgreesWithTheReader()
{
    int canonicalSeen = 0;
    // Exact for the years the broker writes; before 1000 the check may only decline.
    auto compare = [&](const QString &text, bool exact = true) {
        const bool check = AuditEntryText::isCanonicalTimestamp(text.toLatin1());
        const bool reader = JsonReader::formatTimestamp(JsonReader::parseTimestamp(text)) == text;
        if (exact ? check != reader : check && !reader)
            QTest::qFail(qPrintable(QStringLiteral("%1: check %2, reader %3").arg(text).arg(check).arg(reader)),
                         __FILE__, __LINE__);
        canonicalSeen += check ? 1 : 0;
        return !(exact ? check != reader : check && !reader);
    };
    const QStringList fractions {QString(),
                                 QStringLiteral(".000"),
                                 QStringLiteral(".001"),
                                 QStringLiteral(".5"),
                                 QStringLiteral(".999"),
                                 QStringLiteral(".1234")};
    const QList<std::array<int, 3>> times {{0, 0, 0}, {23, 59, 59}, {24, 0, 0}, {12, 60, 0}, {12, 0, 60}};
    for (const int year : {999, 1000, 1900, 1999, 2000, 2024, 2026, 2100, 9999}) {
        for (int month = 0; month <= 13; ++month) {
            for (int day = 0; day <= 32; ++day) {
                for (const auto &time : times) {
                    for (const QString &fraction : fractions) {
                        const QString text = QStringLiteral("%1-%2-%3T%4:%5:%6%7Z")
                                                 .arg(year, 4, 10, QLatin1Char('0'))
                                                 .arg(month, 2, 10, QLatin1Char('0'))
                                                 .arg(day, 2, 10, QLatin1Char('0'))
                                                 .arg(time[0], 2, 10, QLatin1Char('0'))
                                                 .arg(time[1], 2, 10, QLatin1Char('0'))
                                                 .arg(time[2], 2, 10, QLatin1Char('0'))
                                                 .arg(fraction);
                        if (!compare(text, year >= 1000))
                            return;
                    }
                }
            }
        }
    }
    for (const char *text : {"2026-12-04T14:00:00+00:00", "2026-12-04t14:00:00Z", "2026-12-04T14:00:00z",
                             "2026-12-04 14:00:00Z", "2026-12-04T14:00Z", "2026-12-04T14:00:00.12Z",
                             "+2026-12-04T14:00:00Z", "2026-12-04T14:00:00Z ", "", "2026-1a-04T14:00:00Z"}) {
        // (The empty text is "canonical" to the reader — an invalid time writes as "" — but left to the full path.)
        if (!compare(QString::fromLatin1(text), false))
            return;
    }
    QVERIFY(canonicalSeen > 1000);
}

void TestAuditFastPath::hashInputIsWhatComputeHashHashes()
{
    int n = 0;
    for (const QJsonObject &data : sampleData()) {
        for (const QString &actionId : {QString(), QStringLiteral("act_20261204140000000001")}) {
            for (const char *at : {"2026-12-04T14:00:00Z", "2024-02-29T23:59:59.001Z"}) {
                AuditEntry entry;
                entry.seq = ++n * 1000003;
                entry.at = JsonReader::parseTimestamp(QString::fromLatin1(at));
                entry.event = QStringLiteral("decision_accepted");
                entry.actionId = actionId;
                entry.data = data;
                entry.prevHash = AuditEntry::genesisHash();
                entry.hash = entry.computeHash();
                // The columns exactly as AuditLog::append stores them.
                const QByteArray atText = JsonReader::formatTimestamp(entry.at).toUtf8();
                const QByteArray event = entry.event.toUtf8(), id = entry.actionId.toUtf8();
                const QByteArray dataText = CanonicalJson::serializeOrEmpty(entry.data);
                const QByteArray prev = entry.prevHash.toUtf8();
                const AuditEntryText text {entry.seq, atText, event, id, dataText, prev};
                QByteArray input;
                QVERIFY2(text.appendHashInput(input), dataText.constData());
                QJsonObject json = entry.toJson();
                json.remove(QStringLiteral("hash"));
                QCOMPARE(input, CanonicalJson::serializeOrEmpty(json));
            }
        }
    }
}

void TestAuditFastPath::hashInputRefusesWhatItCannotShow_data()
{
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QByteArray>("at");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("data");
    const QByteArray at = "2026-12-04T14:00:00Z";
    QTest::newRow("seq 0") << qint64(0) << at << QByteArray("submitted") << QByteArray("{}");
    QTest::newRow("seq past 2^53") << qint64(9007199254740993LL) << at << QByteArray("submitted") << QByteArray("{}");
    QTest::newRow("timestamp with offset")
        << qint64(1) << QByteArray("2026-12-04T14:00:00+00:00") << QByteArray("submitted") << QByteArray("{}");
    QTest::newRow("zero milliseconds") << qint64(1) << QByteArray("2026-12-04T14:00:00.000Z") << QByteArray("submitted")
                                       << QByteArray("{}");
    QTest::newRow("event with a quote") << qint64(1) << at << QByteArray("sub\"mitted") << QByteArray("{}");
    QTest::newRow("event with a control character") << qint64(1) << at << QByteArray("sub\nmitted") << QByteArray("{}");
    QTest::newRow("non-ASCII event") << qint64(1) << at << QByteArray("subm\xc3\xaftted") << QByteArray("{}");
    QTest::newRow("data with whitespace") << qint64(1) << at << QByteArray("submitted") << QByteArray("{ }");
    QTest::newRow("data unsorted") << qint64(1) << at << QByteArray("submitted") << QByteArray("{\"b\":1,\"a\":1}");
    QTest::newRow("data that splices a member")
        << qint64(1) << at << QByteArray("submitted") << QByteArray("{},\"event\":\"x\"");
    QTest::newRow("data not JSON") << qint64(1) << at << QByteArray("submitted") << QByteArray("not json");
}

void TestAuditFastPath::hashInputRefusesWhatItCannotShow()
{
    QFETCH(qint64, seq);
    QFETCH(QByteArray, at);
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, data);
    const QByteArray prev = AuditEntry::genesisHash().toLatin1();
    QByteArray input;
    const AuditEntryText text {seq, at, event, QByteArrayView(), data, prev};
    QVERIFY(!text.appendHashInput(input));
}

void TestAuditFastPath::chainFastPathMatchesAdd()
{
    QList<AuditEntry> entries;
    QList<std::array<QByteArray, 6>> texts; // at, event, action_id, data, prev_hash, hash
    QString previous = AuditEntry::genesisHash();
    const QList<QJsonObject> data = sampleData();
    for (int i = 0; i < 20; ++i) {
        AuditEntry entry;
        entry.seq = i + 1;
        entry.at = JsonReader::parseTimestamp(QStringLiteral("2026-12-04T14:00:00.250Z")).addSecs(i);
        entry.event = QStringLiteral("submitted");
        entry.actionId = i % 3 ? QStringLiteral("act_%1").arg(i) : QString();
        entry.data = data.at(i % data.size());
        entry.prevHash = previous;
        entry.hash = entry.computeHash();
        previous = entry.hash;
        entries.append(entry);
        texts.append({JsonReader::formatTimestamp(entry.at).toUtf8(), entry.event.toUtf8(), entry.actionId.toUtf8(),
                      CanonicalJson::serializeOrEmpty(entry.data), entry.prevHash.toUtf8(), entry.hash.toUtf8()});
    }
    AuditChain slow(AuditEntry::genesisHash(), 1);
    AuditChain fast(AuditEntry::genesisHash(), 1);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto &t = texts.at(i);
        QVERIFY(slow.add(entries.at(i)));
        QVERIFY2(fast.addCanonical({entries.at(i).seq, t[0], t[1], t[2], t[3], t[4]}, t[5]), t[3].constData());
        QCOMPARE(fast.headHash(), slow.headHash());
        QCOMPARE(fast.result().count, slow.result().count);
        QCOMPARE(fast.result().verifiedThrough, slow.result().verifiedThrough);
    }
    QVERIFY(fast.result().ok);
}

void TestAuditFastPath::chainFastPathLeavesMismatchesToAdd()
{
    AuditEntry entry;
    entry.seq = 1;
    entry.at = JsonReader::parseTimestamp(QStringLiteral("2026-12-04T14:00:00Z"));
    entry.event = QStringLiteral("submitted");
    entry.data = sampleData().at(1);
    entry.prevHash = AuditEntry::genesisHash();
    entry.hash = entry.computeHash();
    const QByteArray at = "2026-12-04T14:00:00Z", event = "submitted";
    const QByteArray data = CanonicalJson::serializeOrEmpty(entry.data), prev = entry.prevHash.toUtf8();
    const QByteArray hash = entry.hash.toUtf8();
    const QByteArray otherHash = "sha256:" + QByteArray(43, 'B');
    struct Case
    {
        const char *name;
        AuditEntryText text;
        QByteArray hash;
    };
    const QByteArray altered = QByteArray(data).replace("acme", "acne");
    const QByteArray spaced = QByteArray(" ") + data;
    const Case cases[] = {
        {"wrong seq", {2, at, event, {}, data, prev}, hash},
        {"wrong prev_hash", {1, at, event, {}, data, otherHash}, hash},
        {"altered data", {1, at, event, {}, altered, prev}, hash},
        {"wrong stored hash", {1, at, event, {}, data, prev}, otherHash},
        {"truncated stored hash", {1, at, event, {}, data, prev}, hash.chopped(1)},
        {"non-canonical data", {1, at, event, {}, spaced, prev}, hash},
    };
    for (const Case &c : cases) {
        AuditChain chain(AuditEntry::genesisHash(), 1);
        QVERIFY2(!chain.addCanonical(c.text, c.hash), c.name);
        // Nothing changed: the full entry is still judged from the start.
        QCOMPARE(chain.result().count, qint64(0));
        QVERIFY(chain.result().ok);
        QCOMPARE(chain.headHash(), AuditEntry::genesisHash());
    }
    AuditChain chain(AuditEntry::genesisHash(), 1);
    QVERIFY(chain.addCanonical({1, at, event, {}, data, prev}, hash));
    QCOMPARE(chain.headHash(), entry.hash);
}

void TestAuditFastPath::writtenEntriesHashAsComputeHashDoes_data()
{
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("actionId");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<bool>("spliced"); // false: AuditLog falls back to computeHash()
    const QJsonObject kill {{QStringLiteral("by"), QStringLiteral("killswitch")},
                            {QStringLiteral("killswitch"), 12},
                            {QStringLiteral("status"), QStringLiteral("killed")}};
    QTest::newRow("kill") << qint64(1) << QStringLiteral("2026-12-04T17:01:02.345Z") << QStringLiteral("resolved")
                          << QStringLiteral("act_gw8Fm2_LEls_FwZz") << kill << true;
    QTest::newRow("whole second") << qint64(987654321) << QStringLiteral("2026-12-04T17:01:02Z")
                                  << QStringLiteral("resolved") << QStringLiteral("act_x") << kill << true;
    QTest::newRow("no action") << qint64(42) << QStringLiteral("2026-12-04T17:01:02.001Z")
                               << QStringLiteral("killswitch_engaged") << QString()
                               << QJsonObject {{QStringLiteral("reason"), QStringLiteral("runaway")}} << true;
    QTest::newRow("empty data") << qint64(7) << QStringLiteral("2026-12-04T17:01:02.100Z") << QStringLiteral("resolved")
                                << QStringLiteral("act_y") << QJsonObject() << true;
    QTest::newRow("2^53") << (qint64(1) << 53) << QStringLiteral("2026-12-04T17:01:02.100Z")
                          << QStringLiteral("resolved") << QStringLiteral("act_y") << kill << true;
    // Strings that need escaping (the splice takes plain ASCII only): quotes, backslash, controls, DEL, non-ASCII,
    // a surrogate pair, bidirectional overrides.
    QTest::newRow("hostile strings")
        << qint64(3) << QStringLiteral("2026-12-04T17:01:02.100Z") << QString::fromUtf8("res\"ol\\ved\x01\x1f\x7f")
        << QString::fromUtf8("act_\xc3\xa9\xf0\x9f\x98\x80\xe2\x80\xae\n\t")
        << QJsonObject {{QString::fromUtf8("\xc3\xa9"), QString::fromUtf8("\xe2\x80\x8b")},
                        {QStringLiteral("a"), QJsonArray {1.5, -0.0, 1e21, QStringLiteral("</script>")}},
                        {QStringLiteral("nested"),
                         QJsonObject {{QStringLiteral("z"), true}, {QStringLiteral("b"), QJsonValue()}}}}
        << false;
}

void TestAuditFastPath::writtenEntriesHashAsComputeHashDoes()
{
    // What AuditLog::appendMany writes: the splice of the stored texts, or computeHash() where it refuses.
    QFETCH(qint64, seq);
    QFETCH(QString, at);
    QFETCH(QString, event);
    QFETCH(QString, actionId);
    QFETCH(QJsonObject, data);
    QFETCH(bool, spliced);
    AuditEntry entry;
    entry.seq = seq;
    entry.at = JsonReader::parseTimestamp(at);
    QVERIFY(entry.at.isValid());
    QCOMPARE(JsonReader::formatTimestamp(entry.at), at);
    entry.event = event;
    entry.actionId = actionId;
    entry.data = data;
    entry.prevHash = AuditEntry::genesisHash();
    QJsonObject generic = entry.toJson();
    generic.remove(QStringLiteral("hash"));
    const QByteArray atText = at.toUtf8();
    const QByteArray eventText = event.toUtf8();
    const QByteArray idText = actionId.toUtf8();
    const QByteArray dataText = CanonicalJson::serializeOrEmpty(data);
    const QByteArray prevText = entry.prevHash.toUtf8();
    const AuditEntryText text {seq, atText, eventText, idText, dataText, prevText};
    QByteArray input;
    QCOMPARE(text.appendHashInput(input), spliced);
    if (spliced) {
        QCOMPARE(input, CanonicalJson::serializeOrEmpty(generic));
        QCOMPARE(AuditEntry::hashOf(input), entry.computeHash());
    }
}

QTEST_GUILESS_MAIN(TestAuditFastPath)
#include "TestAuditFastPath.moc"
