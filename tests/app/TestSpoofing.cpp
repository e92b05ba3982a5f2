#include "core/Action.h"
#include "models/EvidenceModel.h"
#include "models/MemoryModel.h"
#include "support/Scenarios.h"
#include "ui/ReviewPanel.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace countersign;

namespace {

// Everything the review panel's widgets display, as text: labels, text views,
// the raw arguments, and the display text of every cell of every view (tree
// nodes expanded).
QString displayed(ui::ReviewPanel *panel)
{
    QString all;
    for (const QLabel *label : panel->findChildren<QLabel *>())
        all += label->text() + u'\n';
    for (const QPlainTextEdit *edit : panel->findChildren<QPlainTextEdit *>())
        all += edit->toPlainText() + u'\n';
    all += panel->rawArgumentsText() + u'\n';
    for (QAbstractItemView *view : panel->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        if (!model)
            continue;
        QList<QModelIndex> stack {QModelIndex()};
        while (!stack.isEmpty()) {
            const QModelIndex parent = stack.takeLast();
            for (int r = 0; r < model->rowCount(parent); ++r) {
                for (int c = 0; c < model->columnCount(parent); ++c)
                    all += model->index(r, c, parent).data(Qt::DisplayRole).toString() + u'\n';
                stack.append(model->index(r, 0, parent));
            }
        }
    }
    return all;
}

} // namespace

// The spoofing corpus and the scenario flags as the console's review panel
// displays them: assertions on widget text, not on the formatter.
class TestSpoofing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyClassIsShownInThePanes_data();
    void everyClassIsShownInThePanes();
    void markupIsNeverInterpreted();
    void renewalShowsInjectionAndIntentFlags();
    void refundShowsBankAccountAndMemoryFlags();
    void migrationShowsMemoryWithoutProvenance();

private:
    std::unique_ptr<ui::ReviewPanel> m_panel;
};

void TestSpoofing::init()
{
    m_panel = std::make_unique<ui::ReviewPanel>();
    m_panel->resize(1400, 900);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    for (QAbstractItemView *view : m_panel->findChildren<QAbstractItemView *>()) {
        if (view->model())
            new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, view);
    }
}

void TestSpoofing::cleanup()
{
    m_panel.reset();
}

void TestSpoofing::everyClassIsShownInThePanes_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : testing::spoofingNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestSpoofing::everyClassIsShownInThePanes()
{
    QFETCH(QString, name);
    const QJsonObject json = testing::spoofingJson(name);
    const QJsonObject expect = json.value(QStringLiteral("x-expect")).toObject();
    m_panel->showAction(testing::actionFrom(json));
    m_panel->argumentsTree()->expandAll();
    const QString text = displayed(m_panel.get());
    const QString shown = expect.value(QStringLiteral("shown")).toString();
    QVERIFY2(text.contains(shown), qPrintable(shown + QStringLiteral(" not displayed in:\n") + text));
    // Flags are in the pane's flag view, in words.
    const QString pane = expect.value(QStringLiteral("pane")).toString();
    const QString flags
        = pane == QStringLiteral("evidence") ? m_panel->evidenceFlagsText() : m_panel->argumentFlagsText();
    QVERIFY2(!flags.isEmpty(), qPrintable(name));
    // No raw invisible character reaches any widget: each one is a token.
    for (QChar c : text) {
        const char16_t u = c.unicode();
        QVERIFY2(!(u == 0x202E || u == 0x2067 || u == 0x200B || u == 0x200D || u == 0xFEFF || u == 0x00AD || u == 0x2062
                   || u == 0x001B || u == 0x2028),
                 qPrintable(QStringLiteral("raw U+%1 displayed").arg(uint(u), 4, 16, QLatin1Char('0'))));
    }
    if (name == QStringLiteral("bidi-override") || name == QStringLiteral("zero-width-space"))
        QVERIFY2(m_panel->argumentFlagsText().contains(QStringLiteral("invisible or reordering character")),
                 qPrintable(m_panel->argumentFlagsText()));
}

void TestSpoofing::markupIsNeverInterpreted()
{
    m_panel->showAction(testing::actionFrom(testing::spoofingJson(QStringLiteral("markup"))));
    for (const QLabel *label : m_panel->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(m_panel->rawArgumentsText().contains(QStringLiteral("<img src=\\\"https://evil.example/track.png\\\">")));
}

void TestSpoofing::renewalShowsInjectionAndIntentFlags()
{
    m_panel->showAction(testing::scenario(QStringLiteral("renewal-outreach-email")));
    const QString arguments = m_panel->argumentFlagsText();
    QVERIFY2(arguments.contains(QStringLiteral("⚑ cc[0]: Not from the user's request: the recipient "
                                               "j.meyer@globex-partners.example in cc[0]")),
             qPrintable(arguments));
    QVERIFY(arguments.contains(QStringLiteral("it came from evidence ev-2")));
    const QString evidence = m_panel->evidenceFlagsText();
    QVERIFY2(evidence.contains(QStringLiteral("⚑ ev-2: Possible prompt injection: this text tells the agent to ignore "
                                              "its instructions: “ignore your previous instructions”")),
             qPrintable(evidence));
    QVERIFY(evidence.contains(QStringLiteral("names a new recipient: “cc j.meyer@globex-partners.example”")));
    // The CRM note, selected, has its instruction-like spans highlighted in place.
    m_panel->evidenceView()->setCurrentIndex(m_panel->evidenceView()->model()->index(1, 0));
    const QList<QTextEdit::ExtraSelection> marks = m_panel->evidenceContentView()->extraSelections();
    QStringList marked;
    for (const QTextEdit::ExtraSelection &m : marks)
        marked.append(m.cursor.selectedText());
    QVERIFY2(marked.contains(QStringLiteral("ignore your previous instructions")), qPrintable(marked.join(u'|')));
    // The flag cell of the evidence table says it too.
    const QString cell = m_panel->evidenceView()
                             ->model()
                             ->index(1, models::EvidenceModel::FlagsColumn)
                             .data(Qt::DisplayRole)
                             .toString();
    QVERIFY2(cell.contains(QStringLiteral("Possible prompt injection")), qPrintable(cell));
}

void TestSpoofing::refundShowsBankAccountAndMemoryFlags()
{
    m_panel->showAction(testing::scenario(QStringLiteral("customer-refund")));
    const QString arguments = m_panel->argumentFlagsText();
    QVERIFY2(arguments.contains(QStringLiteral("⚑ refund_to.iban: Not from the user's request: the account number DE89 "
                                               "3704 0044 0532 0130 00")),
             qPrintable(arguments));
    QVERIFY(arguments.contains(QStringLiteral("⚑ amount.value: Not from the user's request: the amount 1249.00")));
    const QString evidence = m_panel->evidenceFlagsText();
    QVERIFY2(evidence.contains(QStringLiteral("⚑ mem-3001: Written from user-generated content")),
             qPrintable(evidence));
    QVERIFY(evidence.contains(QStringLiteral("Memory creates identity drift")));
    const QString memoryCell
        = m_panel->memoryView()->model()->index(0, models::MemoryModel::FlagsColumn).data(Qt::DisplayRole).toString();
    QVERIFY2(memoryCell.contains(QStringLiteral("identity drift")), qPrintable(memoryCell));
}

void TestSpoofing::migrationShowsMemoryWithoutProvenance()
{
    m_panel->showAction(testing::scenario(QStringLiteral("prod-schema-migration")));
    const QString evidence = m_panel->evidenceFlagsText();
    QVERIFY2(evidence.contains(QStringLiteral("⚑ mem-88: No source: nothing says where this memory came from")),
             qPrintable(evidence));
    QVERIFY(evidence.contains(QStringLiteral("identity drift")));
}

QTEST_MAIN(TestSpoofing)
#include "TestSpoofing.moc"
