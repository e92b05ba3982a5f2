#include "core/CanonicalJson.h"
#include "core/JsonDisplayLines.h"
#include "support/ReadEveryPane.h"
#include "support/Scenarios.h"
#include "ui/RawJsonView.h"
#include "ui/ReviewCoverage.h"
#include "ui/ReviewPanel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QJsonArray>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace countersign;

namespace {

const QString kArguments = QStringLiteral("arguments");

// Every row with children, depth first, in the panel's tree.
QModelIndexList expandableRows(QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QModelIndexList out;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (model->rowCount(index) > 0) {
            out.append(index);
            out.append(expandableRows(model, index));
        }
    }
    return out;
}

} // namespace

// When the tool arguments count as seen (ui::ReviewCoverage): the tree only
// with every level expanded and read to its end, the raw view only once its
// text is there and read to its end; both without walking the document on
// every scroll, so a large document stays responsive.
class TestReviewCoverage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void treeCountsOnlyWhenEveryLevelIsExpanded();
    void collapsingARowTakesReadinessBack();
    void rawTextIsBuiltWhenItsTabIsShownAndOnlyThenCounts();
    void largeTreeCanBeReadInFull();

private:
    bool argumentsSeen() const { return !m_panel->coverage()->unseenPanes().contains(kArguments); }
    std::unique_ptr<ui::ReviewPanel> m_panel;
};

void TestReviewCoverage::init()
{
    m_panel = std::make_unique<ui::ReviewPanel>();
    m_panel->resize(1000, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestReviewCoverage::cleanup()
{
    m_panel.reset();
}

void TestReviewCoverage::treeCountsOnlyWhenEveryLevelIsExpanded()
{
    // policy.Statement[i].… is three levels deep; the panel opens two.
    m_panel->showAction(testing::scenario(QStringLiteral("iam-role-grant")));
    QTreeView *tree = m_panel->argumentsTree();
    QCOMPARE(m_panel->argumentTabs()->currentWidget(), tree);
    const QModelIndexList rows = expandableRows(tree->model());
    QModelIndexList collapsed;
    for (const QModelIndex &row : rows) {
        if (!tree->isExpanded(row))
            collapsed.append(row);
    }
    QVERIFY(collapsed.size() >= 2);
    QVERIFY(!argumentsSeen());
    testing::scrollToEnd(tree);
    QVERIFY(!argumentsSeen());
    // All but one expanded, read to the end: not yet.
    for (qsizetype i = 0; i + 1 < collapsed.size(); ++i)
        tree->expand(collapsed.at(i));
    testing::scrollToEnd(tree);
    QCoreApplication::processEvents();
    QVERIFY(!argumentsSeen());
    tree->expand(collapsed.last());
    testing::scrollToEnd(tree);
    QTRY_VERIFY(argumentsSeen());
    // Seen stays seen for this action; the next action starts again.
    tree->collapse(rows.first());
    QVERIFY(argumentsSeen());
    m_panel->showAction(testing::scenario(QStringLiteral("iam-role-grant")));
    QCoreApplication::processEvents();
    QVERIFY(!argumentsSeen());
}

void TestReviewCoverage::collapsingARowTakesReadinessBack()
{
    m_panel->showAction(testing::scenario(QStringLiteral("iam-role-grant")));
    QTreeView *tree = m_panel->argumentsTree();
    tree->expandAll();
    const QModelIndexList rows = expandableRows(tree->model());
    // A row that is collapsed again hides its children, even though they stay expanded.
    tree->collapse(rows.first());
    testing::scrollToEnd(tree);
    QCoreApplication::processEvents();
    QVERIFY(!argumentsSeen());
    tree->expand(rows.first());
    testing::scrollToEnd(tree);
    QTRY_VERIFY(argumentsSeen());
}

void TestReviewCoverage::rawTextIsBuiltWhenItsTabIsShownAndOnlyThenCounts()
{
    // Long enough to scroll: 400 rows of 200 characters.
    QJsonArray rows;
    for (int i = 0; i < 400; ++i)
        rows.append(QString(QStringLiteral("row %1 ").arg(i) + QString(200, u'r')));
    QJsonObject json = testing::scenarioJson(QStringLiteral("mcp-file-write"));
    json.insert(QStringLiteral("arguments"), QJsonObject {{QStringLiteral("rows"), rows}});
    const core::Action action = testing::actionFrom(json);
    m_panel->showAction(action);
    ui::RawJsonView *raw = m_panel->rawArgumentsView();
    QVERIFY(raw->isEmpty()); // not built while its tab is hidden
    m_panel->argumentTabs()->setCurrentWidget(raw);
    QCoreApplication::processEvents();
    QCOMPARE(raw->text(), core::JsonDisplayLines::format(core::CanonicalJson::serializeOrEmpty(action.arguments)));
    QVERIFY(raw->lineCount() > 100);
    QVERIFY(raw->verticalScrollBar()->maximum() > 0);
    QVERIFY(!argumentsSeen()); // shown, not read
    testing::scrollToEnd(raw);
    QTRY_VERIFY(argumentsSeen());
}

void TestReviewCoverage::largeTreeCanBeReadInFull()
{
    // 6 000 objects of four members, 30 001 rows: more than a bounded walk would visit.
    QJsonArray items;
    for (int i = 0; i < 6000; ++i)
        items.append(QJsonObject {{QStringLiteral("id"), i},
                                  {QStringLiteral("name"), QStringLiteral("n%1").arg(i)},
                                  {QStringLiteral("tags"), QJsonArray {QStringLiteral("a")}},
                                  {QStringLiteral("ok"), true}});
    QJsonObject json = testing::scenarioJson(QStringLiteral("mcp-file-write"));
    json.insert(QStringLiteral("arguments"), QJsonObject {{QStringLiteral("items"), items}});
    m_panel->showAction(testing::actionFrom(json));
    QTreeView *tree = m_panel->argumentsTree();
    testing::scrollToEnd(tree);
    QVERIFY(!argumentsSeen()); // the tags arrays are still collapsed
    tree->expandAll();
    testing::scrollToEnd(tree);
    QTRY_VERIFY(argumentsSeen());
}

QTEST_MAIN(TestReviewCoverage)
#include "TestReviewCoverage.moc"
