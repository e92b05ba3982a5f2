#include "broker/AuditEntryText.h"
#include "core/AuditEntry.h"
#include "core/CanonicalJson.h"
#include "core/JsonReader.h"

#include <QJsonArray>
#include <QTest>

using countersign::broker::AuditEntryText;
using countersign::core::AuditEntry;
using countersign::core::CanonicalJson;
using countersign::core::JsonReader;

// The kill path's direct canonical text for audit entries must be the very
// bytes core::AuditEntry::computeHash() hashes, whatever the strings hold;
// where it cannot represent a string it must say so (the caller falls back).
class TestAuditEntryText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsTheGenericPath_data();
    void sameBytesAsTheGenericPath();
    void unpairedSurrogateFallsBack();
};

void TestAuditEntryText::sameBytesAsTheGenericPath_data()
{
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("actionId");
    QTest::addColumn<QJsonObject>("data");
    const QJsonObject kill {{QStringLiteral("by"), QStringLiteral("killswitch")},
                            {QStringLiteral("killswitch"), 12},
                            {QStringLiteral("status"), QStringLiteral("killed")}};
    QTest::newRow("kill") << qint64(1) << QStringLiteral("2026-12-04T17:01:02.345Z") << QStringLiteral("resolved")
                          << QStringLiteral("act_gw8Fm2_LEls_FwZz") << kill;
    QTest::newRow("whole second") << qint64(987654321) << QStringLiteral("2026-12-04T17:01:02Z")
                                  << QStringLiteral("resolved") << QStringLiteral("act_x") << kill;
    QTest::newRow("no action") << qint64(42) << QStringLiteral("2026-12-04T17:01:02.001Z")
                               << QStringLiteral("killswitch_engaged") << QString()
                               << QJsonObject {{QStringLiteral("reason"), QStringLiteral("runaway")}};
    QTest::newRow("empty data") << qint64(7) << QStringLiteral("2026-12-04T17:01:02.100Z") << QStringLiteral("resolved")
                                << QStringLiteral("act_y") << QJsonObject();
    QTest::newRow("2^53") << (qint64(1) << 53) << QStringLiteral("2026-12-04T17:01:02.100Z")
                          << QStringLiteral("resolved") << QStringLiteral("act_y") << kill;
    // Strings that need escaping: quotes, backslash, controls, DEL, non-ASCII,
    // a surrogate pair, bidirectional overrides.
    QTest::newRow("hostile strings")
        << qint64(3) << QStringLiteral("2026-12-04T17:01:02.100Z") << QString::fromUtf8("res\"ol\\ved\x01\x1f\x7f")
        << QString::fromUtf8("act_\xc3\xa9\xf0\x9f\x98\x80\xe2\x80\xae\n\t")
        << QJsonObject {{QString::fromUtf8("\xc3\xa9"), QString::fromUtf8("\xe2\x80\x8b")},
                        {QStringLiteral("a"), QJsonArray {1.5, -0.0, 1e21, QStringLiteral("</script>")}},
                        {QStringLiteral("nested"),
                         QJsonObject {{QStringLiteral("z"), true}, {QStringLiteral("b"), QJsonValue()}}}};
}

void TestAuditEntryText::sameBytesAsTheGenericPath()
{
    QFETCH(qint64, seq);
    QFETCH(QString, at);
    QFETCH(QString, event);
    QFETCH(QString, actionId);
    QFETCH(QJsonObject, data);
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
    const auto direct
        = AuditEntryText::hashInput(seq, at, event, actionId, CanonicalJson::serializeOrEmpty(data), entry.prevHash);
    QVERIFY(direct.has_value());
    QCOMPARE(*direct, CanonicalJson::serializeOrEmpty(generic));
    QCOMPARE(AuditEntryText::hashOf(*direct), entry.computeHash());
}

void TestAuditEntryText::unpairedSurrogateFallsBack()
{
    const QString lone(QChar(0xd800));
    QVERIFY(!AuditEntryText::hashInput(1, QStringLiteral("2026-12-04T17:01:02Z"), QStringLiteral("resolved"), lone,
                                       "{}", AuditEntry::genesisHash())
                 .has_value());
    // Beyond exact JSON integers the direct text does not guess either.
    QVERIFY(!AuditEntryText::hashInput((qint64(1) << 53) + 1, QStringLiteral("2026-12-04T17:01:02Z"),
                                       QStringLiteral("resolved"), QStringLiteral("act_x"), "{}",
                                       AuditEntry::genesisHash())
                 .has_value());
}

QTEST_GUILESS_MAIN(TestAuditEntryText)
#include "TestAuditEntryText.moc"
