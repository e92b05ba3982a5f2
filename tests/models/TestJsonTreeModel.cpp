#include "ModelTestSupport.h"
#include "core/CanonicalJson.h"
#include "models/JsonTreeModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using countersign::models::JsonTreeModel;
namespace mt = countersign::modeltest;

namespace {

bool utf16Less(const QString &a, const QString &b)
{
    return std::lexicographical_compare(a.utf16(), a.utf16() + a.size(), b.utf16(), b.utf16() + b.size());
}

// Walks the model and the JSON side by side: every level has exactly the
// JSON's member count, members in canonical order, and scalars shown as
// they are. Returns the number of nodes checked.
int compareTree(const JsonTreeModel &model, const QModelIndex &parent, const QJsonValue &value)
{
    int checked = 0;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        QStringList keys = o.keys();
        std::sort(keys.begin(), keys.end(), utf16Less);
        [&] { QCOMPARE(model.rowCount(parent), int(o.size())); }();
        for (int row = 0; row < keys.size() && row < model.rowCount(parent); ++row) {
            const QModelIndex key = model.index(row, JsonTreeModel::KeyColumn, parent);
            [&] {
                QCOMPARE(key.data(JsonTreeModel::FullTextRole).toString(), keys.at(row));
                QCOMPARE(key.data(JsonTreeModel::JsonValueRole).value<QJsonValue>(), o.value(keys.at(row)));
            }();
            checked += 1 + compareTree(model, key, o.value(keys.at(row)));
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        [&] { QCOMPARE(model.rowCount(parent), int(a.size())); }();
        for (int row = 0; row < a.size() && row < model.rowCount(parent); ++row) {
            const QModelIndex key = model.index(row, JsonTreeModel::KeyColumn, parent);
            [&] { QCOMPARE(key.data().toString(), QStringLiteral("[%1]").arg(row)); }();
            checked += 1 + compareTree(model, key, a.at(row));
        }
    } else {
        const QModelIndex v = parent.siblingAtColumn(JsonTreeModel::ValueColumn);
        [&] {
            QCOMPARE(model.rowCount(parent), 0);
            if (value.isString())
                QCOMPARE(v.data(JsonTreeModel::FullTextRole).toString(), value.toString());
            else
                QCOMPARE(v.data().toString(),
                         QString::fromUtf8(countersign::core::CanonicalJson::serializeOrEmpty(value)));
        }();
    }
    return checked;
}

// What expandableCount and hasTruncatedCell summarise, found the slow way:
// by visiting every row of the model.
void walkRows(const JsonTreeModel &model, const QModelIndex &parent, qsizetype *expandable, bool *truncated)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex key = model.index(row, JsonTreeModel::KeyColumn, parent);
        if (model.rowCount(key) > 0)
            ++*expandable;
        for (int column = 0; column < model.columnCount(parent); ++column)
            *truncated = *truncated || model.index(row, column, parent).data(JsonTreeModel::TruncatedRole).toBool();
        walkRows(model, key, expandable, truncated);
    }
}

} // namespace

// The tool-arguments tree: structure equal to the JSON on every scenario,
// canonical member order, full text always available, explicit truncation,
// formatted untrusted text, and lazy creation for very large documents.
class TestJsonTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyScenarioMatchesItsJson_data();
    void everyScenarioMatchesItsJson();
    void argumentsOfAnAction();
    void columnsAndTypes();
    void membersInCanonicalOrder();
    void longStringIsCutVisiblyButFullyAvailable();
    void untrustedKeysAndValuesAreFormatted();
    void pathsNameEveryValue();
    void scalarAndEmptyDocuments();
    void tenMegabyteDocumentIsLazy();
    void summariesMatchEveryRow_data();
    void summariesMatchEveryRow();

private:
    std::unique_ptr<JsonTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestJsonTreeModel::init()
{
    m_model = std::make_unique<JsonTreeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestJsonTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestJsonTreeModel::everyScenarioMatchesItsJson_data()
{
    QTest::addColumn<QString>("scenario");
    const QStringList names = mt::scenarioNames();
    QVERIFY(names.size() >= 5);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestJsonTreeModel::everyScenarioMatchesItsJson()
{
    QFETCH(QString, scenario);
    const QJsonObject json = mt::scenarioJson(scenario);
    QVERIFY(!json.isEmpty());

    // The whole action, and its arguments alone (what the pane shows).
    m_model->setValue(json);
    QVERIFY(compareTree(*m_model, QModelIndex(), json) > 20);
    QCOMPARE(m_model->rowCount(), int(json.size()));

    const QJsonValue arguments = json.value(QStringLiteral("arguments"));
    m_model->setValue(arguments);
    QVERIFY(compareTree(*m_model, QModelIndex(), arguments) > 0);
    QCOMPARE(m_model->value(), arguments);
}

void TestJsonTreeModel::argumentsOfAnAction()
{
    m_model->setAction(mt::scenario(QStringLiteral("renewal-outreach-email")));
    QCOMPARE(m_model->rowCount(), 6);
    QStringList keys;
    for (int row = 0; row < m_model->rowCount(); ++row)
        keys.append(m_model->index(row, 0).data().toString());
    QCOMPARE(keys,
             (QStringList {QStringLiteral("attachments"), QStringLiteral("body"), QStringLiteral("cc"),
                           QStringLiteral("from"), QStringLiteral("subject"), QStringLiteral("to")}));
    const QModelIndex cc = m_model->index(2, 0);
    QCOMPARE(m_model->rowCount(cc), 1);
    QCOMPARE(m_model->index(0, JsonTreeModel::ValueColumn, cc).data().toString(),
             QStringLiteral("j.meyer@globex-partners.example"));
    // The body keeps its line breaks in the value cell (the view wraps it).
    const QString body = m_model->index(1, JsonTreeModel::ValueColumn).data().toString();
    QVERIFY(body.contains(QStringLiteral("\n  Floor price approved by finance: 121,500 USD\n")));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestJsonTreeModel::columnsAndTypes()
{
    const QJsonObject doc {{QStringLiteral("o"), QJsonObject {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}}},
                           {QStringLiteral("a"), QJsonArray {1, 2, 3}},
                           {QStringLiteral("s"), QStringLiteral("text")},
                           {QStringLiteral("n"), 1.5},
                           {QStringLiteral("i"), 5000},
                           {QStringLiteral("big"), 1e21},
                           {QStringLiteral("t"), true},
                           {QStringLiteral("z"), QJsonValue::Null}};
    m_model->setValue(doc);
    QCOMPARE(m_model->columnCount(), 3);
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Key"));
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(m_model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Type"));
    struct Expect
    {
        const char *key;
        const char *value;
        const char *type;
    };
    // Canonical order: a, big, i, n, o, s, t, z.
    const Expect expected[]
        = {{"a", "3 items", "array"},    {"big", "1e+21", "number"}, {"i", "5000", "number"},  {"n", "1.5", "number"},
           {"o", "2 members", "object"}, {"s", "text", "string"},    {"t", "true", "boolean"}, {"z", "null", "null"}};
    QCOMPARE(m_model->rowCount(), 8);
    for (int row = 0; row < 8; ++row) {
        QCOMPARE(m_model->index(row, 0).data().toString(), QString::fromLatin1(expected[row].key));
        QCOMPARE(m_model->index(row, 1).data().toString(), QString::fromLatin1(expected[row].value));
        QCOMPARE(m_model->index(row, 2).data().toString(), QString::fromLatin1(expected[row].type));
        QCOMPARE(m_model->index(row, 0).data(JsonTreeModel::JsonTypeRole).toString(),
                 QString::fromLatin1(expected[row].type));
    }
    // A container's full text is its canonical JSON.
    QCOMPARE(m_model->index(4, 1).data(JsonTreeModel::FullTextRole).toString(), QStringLiteral("{\"a\":1,\"b\":2}"));
    QCOMPARE(m_model->index(4, 0).data(JsonTreeModel::ChildCountRole).toInt(), 2);
    QVERIFY(m_model->hasChildren(m_model->index(4, 0)));
    QVERIFY(!m_model->hasChildren(m_model->index(5, 0)));
    QVERIFY(m_model->flags(m_model->index(5, 0)).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(!m_model->flags(m_model->index(5, 1)).testFlag(Qt::ItemIsEditable));
}

void TestJsonTreeModel::membersInCanonicalOrder()
{
    // RFC 8785 sorts by UTF-16 code units: "B" < "a" < "é" < "😀" (D83D…) < U+FFFF,
    // although by code point U+1F600 would come after U+FFFF.
    const QString emoji = QStringLiteral("😀");
    const QString ffff = QString(QChar(0xFFFF));
    QJsonObject doc {
        {QStringLiteral("a"), 1}, {QStringLiteral("é"), 2}, {ffff, 3}, {emoji, 4}, {QStringLiteral("B"), 5}};
    m_model->setValue(doc);
    QStringList keys;
    for (int row = 0; row < m_model->rowCount(); ++row)
        keys.append(m_model->index(row, 0).data(JsonTreeModel::FullTextRole).toString());
    QCOMPARE(keys, (QStringList {QStringLiteral("B"), QStringLiteral("a"), QStringLiteral("é"), emoji, ffff}));
    // The same order as the canonical bytes that are digested and signed.
    const QString canonical = QString::fromUtf8(countersign::core::CanonicalJson::serializeOrEmpty(doc));
    qsizetype last = -1;
    for (const QString &key : keys) {
        const qsizetype at = canonical.indexOf(u'"' + key + u'"');
        QVERIFY(at > last);
        last = at;
    }
}

void TestJsonTreeModel::longStringIsCutVisiblyButFullyAvailable()
{
    const QString longText = QString(99990, u'x') + QStringLiteral("THE-END");
    QCOMPARE(longText.size(), 99997);
    const QString hundredK = QString(100000, u'y');
    m_model->setValue(QJsonObject {{QStringLiteral("long"), longText}, {QStringLiteral("k"), hundredK}});
    const QModelIndex k = m_model->index(0, JsonTreeModel::ValueColumn);
    const QString shown = k.data().toString();
    QVERIFY(k.data(JsonTreeModel::TruncatedRole).toBool());
    QVERIFY(shown.startsWith(QString(JsonTreeModel::kCellTextLimit, u'y')));
    QVERIFY2(shown.endsWith(QStringLiteral("… (98000 more characters — show all)")), qPrintable(shown.right(60)));
    QCOMPARE(k.data(JsonTreeModel::FullTextRole).toString(), hundredK);
    QCOMPARE(k.data(JsonTreeModel::FullTextRole).toString().size(), 100000);
    QVERIFY(k.data(Qt::ToolTipRole).toString().contains(QStringLiteral("show all")));

    const QModelIndex l = m_model->index(1, JsonTreeModel::ValueColumn);
    QVERIFY(!l.data().toString().contains(QStringLiteral("THE-END")));
    QVERIFY(l.data(JsonTreeModel::FullTextRole).toString().endsWith(QStringLiteral("THE-END")));

    // Short values are never marked.
    m_model->setValue(QJsonObject {{QStringLiteral("s"), QString(JsonTreeModel::kCellTextLimit, u'z')}});
    QVERIFY(!m_model->index(0, 1).data(JsonTreeModel::TruncatedRole).toBool());
    QCOMPARE(m_model->index(0, 1).data().toString().size(), JsonTreeModel::kCellTextLimit);
}

void TestJsonTreeModel::untrustedKeysAndValuesAreFormatted()
{
    const QString key = QStringLiteral("to") + QChar(0x200B);
    const QString value = QStringLiteral("bob@evil.test") + QChar(0x202E) + QStringLiteral("moc");
    m_model->setValue(QJsonObject {{key, value}, {QStringLiteral("html"), QStringLiteral("<b>bold</b>")}});
    QCOMPARE(m_model->rowCount(), 2);
    const int row = 1; // "html" sorts before "to…"
    const QModelIndex k = m_model->index(row, JsonTreeModel::KeyColumn);
    const QModelIndex v = m_model->index(row, JsonTreeModel::ValueColumn);
    QCOMPARE(k.data().toString(), QStringLiteral("to⟦U+200B ZERO WIDTH SPACE⟧"));
    QCOMPARE(k.data(JsonTreeModel::HiddenCountRole).toInt(), 1);
    QCOMPARE(v.data().toString(), QStringLiteral("bob@evil.test⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧moc"));
    QCOMPARE(v.data(JsonTreeModel::FullTextRole).toString(), v.data().toString());
    QCOMPARE(v.data(JsonTreeModel::HiddenCountRole).toInt(), 1);
    QVERIFY(v.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 invisible character")));
    // Raw stays raw for whoever needs the exact value.
    QCOMPARE(v.data(JsonTreeModel::JsonValueRole).value<QJsonValue>().toString(), value);
    QCOMPARE(m_model->totalHiddenCount(), 2);
    // Markup is characters.
    const QModelIndex html = m_model->index(1 - row, JsonTreeModel::ValueColumn);
    QCOMPARE(html.data().toString(), QStringLiteral("<b>bold</b>"));
}

void TestJsonTreeModel::pathsNameEveryValue()
{
    m_model->setValue(mt::scenarioJson(QStringLiteral("iam-role-grant")).value(QStringLiteral("arguments")));
    // account, policy, principal
    const QModelIndex policy = m_model->index(1, 0);
    QCOMPARE(policy.data().toString(), QStringLiteral("policy"));
    QCOMPARE(policy.data(JsonTreeModel::JsonPathRole).toString(), QStringLiteral("policy"));
    const QModelIndex statement = m_model->index(0, 0, policy); // Statement before Version
    QCOMPARE(statement.data().toString(), QStringLiteral("Statement"));
    const QModelIndex second = m_model->index(1, 0, statement);
    const QModelIndex action = m_model->index(0, 0, second); // Action, Effect, Resource
    QCOMPARE(action.data(JsonTreeModel::JsonPathRole).toString(), QStringLiteral("policy.Statement[1].Action"));
    QCOMPARE(action.siblingAtColumn(1).data().toString(), QStringLiteral("*"));
    QCOMPARE(m_model->parent(action), second);
    QCOMPARE(m_model->parent(policy), QModelIndex());

    m_model->setValue(QJsonObject {{QStringLiteral("a key.with dots"), 1}});
    QCOMPARE(m_model->index(0, 0).data(JsonTreeModel::JsonPathRole).toString(),
             QStringLiteral("[\"a key.with dots\"]"));
}

void TestJsonTreeModel::scalarAndEmptyDocuments()
{
    m_model->setValue(QJsonValue(42));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("(value)"));
    QCOMPARE(m_model->index(0, 1).data().toString(), QStringLiteral("42"));
    QCOMPARE(m_model->index(0, 2).data().toString(), QStringLiteral("number"));
    m_model->setValue(QJsonArray {});
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setValue(QJsonArray {QStringLiteral("only")});
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("[0]"));
    QCOMPARE(m_model->index(0, 0).data(JsonTreeModel::JsonPathRole).toString(), QStringLiteral("[0]"));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestJsonTreeModel::summariesMatchEveryRow_data()
{
    const qsizetype limit = JsonTreeModel::kCellTextLimit;
    const QString zwsp = QString(QChar(0x200B));
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qsizetype>("expandable");
    QTest::addColumn<bool>("truncated");
    for (const QString &name : mt::scenarioNames()) {
        const QJsonValue arguments = mt::scenarioJson(name).value(QStringLiteral("arguments"));
        QTest::newRow(qPrintable(name)) << arguments << qsizetype(-1) << false;
    }
    QTest::newRow("scalar") << QJsonValue(1) << qsizetype(0) << false;
    QTest::newRow("empty containers are not expandable")
        << QJsonValue(QJsonObject {{QStringLiteral("a"), QJsonArray {}}, {QStringLiteral("b"), QJsonObject {}}})
        << qsizetype(0) << false;
    QTest::newRow("nested") << QJsonValue(
        QJsonArray {QJsonObject {{QStringLiteral("x"), QJsonArray {1, QJsonArray {2}}}}, 3})
                            << qsizetype(3) << false;
    QTest::newRow("string at the limit") << QJsonValue(QJsonArray {QString(limit, u's')}) << qsizetype(0) << false;
    QTest::newRow("string over the limit") << QJsonValue(QJsonArray {QString(limit + 1, u's')}) << qsizetype(0) << true;
    // Short raw, but its tokens make the shown text longer than the limit.
    QTest::newRow("tokens push a string over")
        << QJsonValue(QJsonArray {QString(QString(limit - 10, u's') + zwsp)}) << qsizetype(0) << true;
    QTest::newRow("long key") << QJsonValue(QJsonObject {{QString(limit + 1, u'k'), 1}}) << qsizetype(0) << true;
    QTest::newRow("scalar root string over the limit") << QJsonValue(QString(limit + 1, u'r')) << qsizetype(0) << true;
}

void TestJsonTreeModel::summariesMatchEveryRow()
{
    QFETCH(QJsonValue, value);
    QFETCH(qsizetype, expandable);
    QFETCH(bool, truncated);
    m_model->setValue(value);
    const qsizetype nodesBefore = m_model->materializedNodeCount();
    const qsizetype counted = m_model->expandableCount();
    const bool cut = m_model->hasTruncatedCell();
    // Computed from the JSON: no node was created for it.
    QCOMPARE(m_model->materializedNodeCount(), nodesBefore);
    qsizetype walkedExpandable = 0;
    bool walkedTruncated = false;
    walkRows(*m_model, QModelIndex(), &walkedExpandable, &walkedTruncated);
    QCOMPARE(counted, walkedExpandable);
    QCOMPARE(cut, walkedTruncated);
    if (expandable >= 0) {
        QCOMPARE(counted, expandable);
        QCOMPARE(cut, truncated);
    }
}

void TestJsonTreeModel::tenMegabyteDocumentIsLazy()
{
    // ~10 MB: one 5 MB string and 2,000 objects of ~2.6 kB each.
    QJsonArray items;
    for (int i = 0; i < 2000; ++i) {
        items.append(QJsonObject {{QStringLiteral("id"), i},
                                  {QStringLiteral("name"), QStringLiteral("item %1").arg(i)},
                                  {QStringLiteral("text"), QString(2600, QChar(u'a' + i % 26))}});
    }
    const QString big = QString(5 * 1024 * 1024, u'b') + QStringLiteral("END");
    const QJsonObject doc {{QStringLiteral("big"), big}, {QStringLiteral("items"), items}};
    QVERIFY(countersign::core::CanonicalJson::serializeOrEmpty(doc).size() > 10 * 1000 * 1000);

    // The tester is attached from the start; detach it while checking laziness,
    // because it walks the whole tree on every reset.
    m_tester.reset();
    m_model->setValue(doc);
    QCOMPARE(m_model->materializedNodeCount(), 1); // only the root
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex itemsIndex = m_model->index(1, 0);
    QCOMPARE(m_model->materializedNodeCount(), 3); // the root's two children, nothing below
    QCOMPARE(m_model->rowCount(itemsIndex), 2000);
    QVERIFY(m_model->hasChildren(itemsIndex));
    QCOMPARE(m_model->materializedNodeCount(), 3); // counting children does not create them
    const QModelIndex last = m_model->index(1999, 0, itemsIndex);
    QCOMPARE(m_model->materializedNodeCount(), 2003);
    QCOMPARE(m_model->rowCount(last), 3);
    QCOMPARE(m_model->materializedNodeCount(), 2003);

    const QModelIndex bigValue = m_model->index(0, JsonTreeModel::ValueColumn);
    QVERIFY(bigValue.data(JsonTreeModel::TruncatedRole).toBool());
    QVERIFY(bigValue.data().toString().size() < JsonTreeModel::kCellTextLimit + 100);
    QVERIFY(bigValue.data(JsonTreeModel::FullTextRole).toString().endsWith(QStringLiteral("END")));

    // And the whole document passes the model tester (which visits every node).
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(compareTree(*m_model, QModelIndex(), doc), 2 + 2000 * 4);
}

QTEST_MAIN(TestJsonTreeModel)
#include "TestJsonTreeModel.moc"
