#include "core/CanonicalJson.h"
#include "core/JsonDisplayLines.h"
#include "support/Scenarios.h"
#include "ui/LineRows.h"
#include "ui/RawJsonView.h"
#include "ui/ReviewCoverage.h"
#include "ui/ReviewPanel.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QFontInfo>
#include <QJsonArray>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QWheelEvent>

using namespace countersign;

namespace {

// The B6 benchmark's shape: {"rows":[…]} of objects of about 1 KB.
QByteArray rowsDocument(qsizetype bytes)
{
    QJsonArray rows;
    for (qsizetype i = 0; i < bytes / 1000; ++i)
        rows.append(QJsonObject {{QStringLiteral("id"), i},
                                 {QStringLiteral("email"), QStringLiteral("customer%1@example.org").arg(i)},
                                 {QStringLiteral("note"), QString(900, QChar(u'a' + int(i % 26)))},
                                 {QStringLiteral("amount"), double(i) * 1.25}});
    return core::CanonicalJson::serializeOrEmpty(QJsonObject {{QStringLiteral("rows"), rows}});
}

// Short and long lines, hard breaks inside a value of multi-byte characters,
// and a hidden character: every way a line can be cut and shown.
QByteArray mixedDocument()
{
    QJsonArray items;
    for (int i = 0; i < 60; ++i)
        items.append(QJsonObject {{QStringLiteral("n"), i}, {QStringLiteral("s"), QString(i * 7, u'x')}});
    QString long_;
    for (int i = 0; i < 3000; ++i)
        long_ += QStringLiteral("é𝄞");
    return core::CanonicalJson::serializeOrEmpty(QJsonObject {
        {QStringLiteral("items"), items},
        {QStringLiteral("long"), long_},
        {QStringLiteral("name"), QString(QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp.exe"))},
    });
}

QStringList displayLines(const QByteArray &canonical)
{
    return core::JsonDisplayLines::format(canonical).split(u'\n');
}

} // namespace

// The raw arguments view (ui::RawJsonView): the canonical bytes kept once and
// only the lines on screen converted, shown as the QPlainTextEdit it replaces
// showed them, every byte reachable, selectable and copied as the bytes.
class TestRawJsonView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void lineRowsFindEveryLine();
    void linesJoinedAreTheCanonicalBytes();
    void onlyLinesOnScreenAreConverted();
    void memoryStaysNearThePayload();
    void hostileCharactersShowAsTheOldViewShowedThem_data();
    void hostileCharactersShowAsTheOldViewShowedThem();
    void everyRowIsReachedPageByPage();
    void scrollingToTheEndIsDetectable();
    void keysAndWheelScroll();
    void copyGivesTheSelectedBytes();
    void mouseAndKeyboardSelect();
    void reviewPanelKeepsTheRawTab();
    void assistiveTechnologyReadsTheShownText();

private:
    void show(const QByteArray &canonical, QSize size = QSize(500, 400));
    int visibleRows() const;

    QByteArray m_large;
    std::unique_ptr<ui::RawJsonView> m_view;
};

void TestRawJsonView::initTestCase()
{
    m_large = rowsDocument(10'000'000);
    QVERIFY(m_large.size() > 9'000'000);
}

void TestRawJsonView::init()
{
    m_view = std::make_unique<ui::RawJsonView>();
}

void TestRawJsonView::cleanup()
{
    m_view.reset();
}

void TestRawJsonView::show(const QByteArray &canonical, QSize size)
{
    m_view->resize(size);
    m_view->setCanonical(canonical);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

int TestRawJsonView::visibleRows() const
{
    return m_view->viewport()->height() / m_view->fontMetrics().lineSpacing() + 1;
}

void TestRawJsonView::lineRowsFindEveryLine()
{
    ui::LineRows rows;
    QList<int> plain(1000);
    for (int &r : plain)
        r = 1 + int(QRandomGenerator::global()->bounded(40));
    rows.reset(plain.size(), [&plain](qsizetype line) { return plain.at(line); });
    for (int change = 0; change < 300; ++change) {
        const auto line = qsizetype(QRandomGenerator::global()->bounded(int(plain.size())));
        plain[line] = 1 + int(QRandomGenerator::global()->bounded(40));
        rows.setRows(line, plain.at(line));
    }
    qint64 row = 0;
    for (qsizetype line = 0; line < plain.size(); ++line) {
        QCOMPARE(rows.rowOf(line), row);
        QCOMPARE(rows.lineAt(row), line);
        QCOMPARE(rows.lineAt(row + plain.at(line) - 1), line);
        row += plain.at(line);
    }
    QCOMPARE(rows.totalRows(), row);
    QCOMPARE(rows.lineAt(row + 5), plain.size() - 1);
}

void TestRawJsonView::linesJoinedAreTheCanonicalBytes()
{
    const QByteArray canonical = mixedDocument();
    show(canonical);
    QVERIFY(m_view->lineCount() > 10);
    QByteArray joined;
    for (qsizetype line = 0; line < m_view->lineCount(); ++line)
        joined += m_view->lineBytes(line).toByteArray();
    QCOMPARE(joined, canonical);
    // Line by line what core::JsonDisplayLines shows; the text itself is kept nowhere.
    QCOMPARE(m_view->text(), core::JsonDisplayLines::format(canonical));
    QCOMPARE(m_view->lineCount(), displayLines(canonical).size());
    m_view->selectAll();
    QCOMPARE(m_view->selectedText().toUtf8(), canonical);
    m_view->clear();
    QVERIFY(m_view->isEmpty());
    QCOMPARE(m_view->lineCount(), 0);
    QCOMPARE(m_view->verticalScrollBar()->maximum(), 0);
}

void TestRawJsonView::onlyLinesOnScreenAreConverted()
{
    show(m_large);
    const qsizetype lines = m_view->lineCount();
    QVERIFY(lines > 9000);
    m_view->repaint();
    // The first screen, and the last page that decides where the scroll bar ends.
    const qsizetype first = m_view->convertedLines();
    QVERIFY2(first > 0 && first <= 2 * visibleRows(), qPrintable(QString::number(first)));
    QVERIFY(!m_view->linesOnScreen().isEmpty());
    // Painting again converts nothing.
    m_view->repaint();
    m_view->repaint();
    QCOMPARE(m_view->convertedLines(), first);
    // Scrolling to the middle converts only the lines that come on screen.
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->maximum() / 2);
    m_view->repaint();
    const qsizetype middle = m_view->convertedLines() - first;
    QVERIFY2(middle > 0 && middle <= visibleRows() + 1, qPrintable(QString::number(middle)));
    const QStringList shown = m_view->linesOnScreen();
    const QStringList expected = displayLines(m_large);
    QVERIFY(!shown.isEmpty());
    const qsizetype at = expected.indexOf(shown.first());
    QVERIFY(at > lines / 4 && at < 3 * lines / 4);
    QCOMPARE(shown, expected.mid(at, shown.size()));
}

void TestRawJsonView::memoryStaysNearThePayload()
{
    show(m_large);
    QScrollBar *bar = m_view->verticalScrollBar();
    for (int step = 0; step <= 10; ++step) {
        bar->setValue(bar->maximum() / 10 * step);
        m_view->repaint();
    }
    // The bytes once, line starts and row counts (≈ 0.01× here), the lines on screen.
    const double ratio = double(m_view->memoryUsage()) / double(m_large.size());
    QVERIFY2(ratio >= 1.0 && ratio <= 1.05, qPrintable(QString::number(ratio)));
}

void TestRawJsonView::hostileCharactersShowAsTheOldViewShowedThem_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : testing::spoofingNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestRawJsonView::hostileCharactersShowAsTheOldViewShowedThem()
{
    QFETCH(QString, name);
    const QJsonObject json = testing::spoofingJson(name);
    const core::Action action = testing::actionFrom(json);
    const QByteArray canonical = core::CanonicalJson::serializeOrEmpty(action.arguments);
    show(canonical, QSize(700, 900));
    // The old view: a QPlainTextEdit given JsonDisplayLines::format; one block a line.
    QPlainTextEdit old;
    old.setPlainText(core::JsonDisplayLines::format(canonical));
    const QStringList painted = m_view->linesOnScreen();
    QCOMPARE(painted.size(), old.document()->blockCount());
    for (qsizetype line = 0; line < painted.size(); ++line)
        QCOMPARE(painted.at(line), old.document()->findBlockByNumber(int(line)).text());
    // Each hidden character of the arguments is painted as its token, none as itself.
    const QString all = painted.join(u'\n');
    for (const char32_t c : QString::fromUtf8(canonical).toUcs4()) {
        if (core::UntrustedText::isHidden(c))
            QVERIFY2(all.contains(core::UntrustedText::token(c)), qPrintable(core::UntrustedText::token(c)));
    }
    for (const char32_t c : all.toUcs4()) {
        QVERIFY2(!core::UntrustedText::isHidden(c) || c == U'⟦' || c == U'⟧',
                 qPrintable(QStringLiteral("raw U+%1 painted").arg(uint(c), 4, 16, QLatin1Char('0'))));
    }
    if (name == QStringLiteral("bidi-override"))
        QVERIFY(all.contains(QStringLiteral("⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧")));
}

void TestRawJsonView::everyRowIsReachedPageByPage()
{
    // Narrow: the long value's lines are taller than the screen.
    const QByteArray canonical = mixedDocument();
    show(canonical, QSize(260, 300));
    QScrollBar *bar = m_view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QSet<QString> seen;
    int previous = -1;
    while (bar->value() != previous) {
        previous = bar->value();
        for (const QString &line : m_view->linesOnScreen())
            seen.insert(line);
        QTest::keyClick(m_view.get(), Qt::Key_PageDown);
        // A page is never more than what the screen shows in full.
        QVERIFY(bar->value() - previous <= bar->pageStep());
        QCOMPARE(bar->pageStep(), (m_view->viewport()->height() - 8) / m_view->fontMetrics().lineSpacing());
    }
    QCOMPARE(bar->value(), bar->maximum());
    const QStringList lines = displayLines(canonical);
    QCOMPARE(seen, QSet<QString>(lines.cbegin(), lines.cend()));
    QCOMPARE(m_view->linesOnScreen().constLast(), lines.constLast());
}

void TestRawJsonView::scrollingToTheEndIsDetectable()
{
    show(m_large);
    int atEnd = 0;
    ui::ReviewCoverage coverage;
    coverage.watch(m_view.get(), [&atEnd] { ++atEnd; });
    QVERIFY(!ui::ReviewCoverage::showsEnd(m_view.get()));
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->maximum() - 1);
    QCOMPARE(atEnd, 0);
    QTest::keyClick(m_view.get(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(ui::ReviewCoverage::showsEnd(m_view.get()));
    QVERIFY(atEnd > 0);
    QCOMPARE(m_view->linesOnScreen().constLast(), displayLines(m_large).constLast());
    // Narrower, the rows change; at the bar's end the document's end shows again.
    m_view->resize(300, 400);
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(m_view->linesOnScreen().constLast(), displayLines(m_large).constLast());
}

void TestRawJsonView::keysAndWheelScroll()
{
    show(m_large);
    QScrollBar *bar = m_view->verticalScrollBar();
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QCOMPARE(bar->value(), bar->pageStep());
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(bar->value(), bar->pageStep() + 1);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(bar->value(), bar->maximum());
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QCOMPARE(bar->value(), 0);
    const QPoint centre = m_view->viewport()->rect().center();
    QWheelEvent wheel(centre, m_view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QCOMPARE(bar->value(), QApplication::wheelScrollLines());
}

void TestRawJsonView::copyGivesTheSelectedBytes()
{
    const QByteArray canonical = mixedDocument();
    show(canonical);
    // Across a display break and over the hidden character: the bytes, not the token, no break.
    const qsizetype hidden = canonical.indexOf("\xE2\x80\xAE");
    QVERIFY(hidden > 0);
    const qsizetype from = m_view->lineBytes(0).size() - 5;
    m_view->setSelection(from, hidden + 6);
    m_view->copy();
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied.toUtf8(), canonical.mid(from, hidden + 6 - from));
    QVERIFY(copied.contains(QChar(0x202E)));
    QVERIFY(!copied.contains(u'\n'));
    QVERIFY(!copied.contains(QStringLiteral("⟦")));
    // An offset inside a character moves to its start.
    const qsizetype twoByte = canonical.indexOf("\xC3\xA9");
    m_view->setSelection(twoByte + 1, twoByte + 3);
    QCOMPARE(m_view->selectionStart(), twoByte);
    QCOMPARE(m_view->selectedText(), QStringLiteral("é"));
    // Select all and copy from the keyboard.
    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), canonical);
}

void TestRawJsonView::mouseAndKeyboardSelect()
{
    const QByteArray canonical = mixedDocument();
    show(canonical);
    const int row = m_view->fontMetrics().lineSpacing();
    QWidget *viewport = m_view->viewport();
    // A drag from the top left over two rows.
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(4, 4 + row / 2));
    QTest::mouseMove(viewport, QPoint(viewport->width() / 2, 4 + 2 * row + row / 2));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(viewport->width() / 2, 4 + 2 * row + row / 2));
    QCOMPARE(m_view->selectionStart(), 0);
    const qsizetype dragged = m_view->selectionEnd();
    QVERIFY2(dragged > m_view->lineBytes(0).size() / 2, qPrintable(QString::number(dragged)));
    QCOMPARE(m_view->selectedText().toUtf8(), canonical.left(dragged));
    // Shift+Right twice: two characters more, whatever their length in bytes.
    m_view->setSelection(0, 0);
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(m_view->selectedText(), QString::fromUtf8(canonical.left(2)));
    // Shift+Down: one row further; Shift+End: to the end of that row.
    QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
    const qsizetype down = m_view->selectionEnd();
    QVERIFY(down > 2);
    QTest::keyClick(m_view.get(), Qt::Key_End, Qt::ShiftModifier);
    QVERIFY(m_view->selectionEnd() > down);
    QTest::keyClick(m_view.get(), Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_view->selectionEnd(), canonical.size());
    QCOMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
}

void TestRawJsonView::reviewPanelKeepsTheRawTab()
{
    ui::ReviewPanel panel;
    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const core::Action action = testing::scenario(QStringLiteral("renewal-outreach-email"));
    panel.showAction(action);
    ui::RawJsonView *raw = panel.rawArgumentsView();
    QCOMPARE(raw->accessibleName(), QStringLiteral("Tool arguments as canonical JSON"));
    QVERIFY(QFontInfo(raw->font()).fixedPitch());
    QVERIFY(raw->isEmpty()); // built when its tab is shown
    panel.argumentTabs()->setCurrentWidget(raw);
    QCOMPARE(raw->canonical(), core::CanonicalJson::serializeOrEmpty(action.arguments));
    QCOMPARE(panel.rawArgumentsText(), raw->text());
}

void TestRawJsonView::assistiveTechnologyReadsTheShownText()
{
    // A screen reader gets what a QPlainTextEdit gave it: a read-only,
    // multi-line text, exactly as shown — hidden characters as their tokens.
    const core::Action action = testing::actionFrom(testing::spoofingJson(QStringLiteral("bidi-override")));
    show(core::CanonicalJson::serializeOrEmpty(action.arguments));
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(m_view.get());
    QVERIFY(accessible);
    QCOMPARE(accessible->role(), QAccessible::EditableText);
    QVERIFY(accessible->state().readOnly);
    QVERIFY(accessible->state().multiLine);
    QAccessibleTextInterface *text = accessible->textInterface();
    QVERIFY(text);
    QCOMPARE(text->characterCount(), int(m_view->text().size()));
    QCOMPARE(text->text(0, text->characterCount()), m_view->text());
    QVERIFY(text->text(0, text->characterCount()).contains(QStringLiteral("⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧")));
    QVERIFY(!text->text(0, text->characterCount()).contains(QChar(0x202E)));
    // A new document is read anew.
    m_view->setCanonical(QByteArrayLiteral("{\"a\":1}"));
    QCOMPARE(text->text(0, text->characterCount()), QStringLiteral("{\"a\":1}"));
    m_view->clear();
    QCOMPARE(text->characterCount(), 0);
}

QTEST_MAIN(TestRawJsonView)
#include "TestRawJsonView.moc"
