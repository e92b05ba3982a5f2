#include "ui/RawJsonView.h"

#include "core/JsonDisplayLines.h"
#include "ui/RawJsonViewAccessible.h"

#include <QAccessible>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>
#include <limits>

namespace countersign::ui {

namespace {

constexpr int kMargin = 4; // QPlainTextEdit's document margin

using Shown = core::UntrustedText::Result;

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max()));
}

int utf8Length(char32_t codePoint)
{
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

// UTF-8 bytes of UTF-16 text that came from UTF-8 (whole surrogate pairs).
qsizetype utf8Length(QStringView text)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size()) {
            bytes += 4;
            ++i;
        } else {
            bytes += utf8Length(char32_t(c));
        }
    }
    return bytes;
}

// The position in `text` after its first `bytes` bytes of UTF-8.
qsizetype positionAfterBytes(QStringView text, qsizetype bytes)
{
    qsizetype i = 0;
    while (i < text.size() && bytes > 0) {
        const char16_t c = text.at(i).unicode();
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size();
        bytes -= pair ? 4 : utf8Length(char32_t(c));
        i += pair ? 2 : 1;
    }
    return i;
}

// Shown text is the line's text with some characters replaced by tokens, so a
// position maps to bytes by counting around the tokens. A position inside a
// token counts as the token's start.
qsizetype byteOffset(const Shown &shown, qsizetype position)
{
    const QStringView text(shown.text);
    qsizetype bytes = 0;
    qsizetype from = 0;
    for (const core::UntrustedText::Token &token : shown.tokens) {
        if (position < token.position + token.length) {
            position = qMin(position, token.position);
            break;
        }
        bytes += utf8Length(text.sliced(from, token.position - from)) + utf8Length(token.codePoint);
        from = token.position + token.length;
    }
    return bytes + utf8Length(text.sliced(from, position - from));
}

qsizetype shownPosition(const Shown &shown, qsizetype offset)
{
    const QStringView text(shown.text);
    qsizetype bytes = 0;
    qsizetype from = 0;
    for (const core::UntrustedText::Token &token : shown.tokens) {
        const qsizetype before = utf8Length(text.sliced(from, token.position - from));
        if (offset < bytes + before + utf8Length(token.codePoint))
            return offset <= bytes + before ? from + positionAfterBytes(text.sliced(from), offset - bytes)
                                            : token.position;
        bytes += before + utf8Length(token.codePoint);
        from = token.position + token.length;
    }
    return from + positionAfterBytes(text.sliced(from), offset - bytes);
}

// A token stands for one character: a position inside it moves to its nearer edge.
qsizetype outsideTokens(const Shown &shown, qsizetype position)
{
    for (const core::UntrustedText::Token &token : shown.tokens) {
        if (position > token.position && position < token.position + token.length)
            return position - token.position < token.position + token.length - position ? token.position
                                                                                        : token.position + token.length;
    }
    return position;
}

} // namespace

RawJsonView::RawJsonView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    // Screen readers get the text a QPlainTextEdit would have given them.
    static const bool accessible = [] {
        QAccessible::installFactory(&RawJsonViewAccessible::create);
        return true;
    }();
    Q_UNUSED(accessible)
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // lines wrap: every byte is reached vertically
    viewport()->setCursor(Qt::IBeamCursor);
}

RawJsonView::~RawJsonView() = default;

void RawJsonView::setCanonical(QByteArray canonical)
{
    m_bytes = std::move(canonical);
    ++m_document;
    // A serialiser's growth reserve would otherwise be kept for as long as the view.
    m_bytes.squeeze();
    m_starts = core::JsonDisplayLines::lineStarts(m_bytes);
    m_starts.squeeze();
    m_anchor = m_position = 0;
    m_convertedLines = 0;
    m_rows.clear();
    relayout();
}

void RawJsonView::clear()
{
    setCanonical(QByteArray());
}

QByteArrayView RawJsonView::lineBytes(qsizetype line) const
{
    return QByteArrayView(m_bytes).sliced(lineStart(line), lineEnd(line) - lineStart(line));
}

QString RawJsonView::text() const
{
    return core::JsonDisplayLines::format(m_bytes);
}

QStringList RawJsonView::linesOnScreen() const
{
    QStringList lines;
    const qint64 top = verticalScrollBar()->value();
    const qint64 bottom = top + (viewport()->height() - kMargin + rowHeight() - 1) / rowHeight();
    for (const auto &[line, laid] : m_laid) {
        const qint64 first = m_rows.rowOf(line);
        if (first < bottom && first + m_rows.rows(line) > top)
            lines.append(laid.shown.text);
    }
    return lines;
}

qsizetype RawJsonView::lineEnd(qsizetype line) const
{
    return line + 1 < m_starts.size() ? m_starts.at(line + 1) : m_bytes.size();
}

qsizetype RawJsonView::lineOf(qsizetype byte) const
{
    const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), byte);
    return qMax<qsizetype>(0, (after - m_starts.cbegin()) - 1);
}

qsizetype RawJsonView::characterStart(qsizetype byte) const
{
    byte = std::clamp<qsizetype>(byte, 0, m_bytes.size());
    while (byte > 0 && byte < m_bytes.size() && (static_cast<unsigned char>(m_bytes.at(byte)) & 0xC0) == 0x80)
        --byte;
    return byte;
}

qsizetype RawJsonView::nextCharacter(qsizetype byte) const
{
    if (byte >= m_bytes.size())
        return m_bytes.size();
    ++byte;
    while (byte < m_bytes.size() && (static_cast<unsigned char>(m_bytes.at(byte)) & 0xC0) == 0x80)
        ++byte;
    return byte;
}

int RawJsonView::rowHeight() const
{
    return qMax(1, fontMetrics().lineSpacing());
}

qreal RawJsonView::textWidth() const
{
    // A few characters at least, so a view not sized yet does not lay out a row per character.
    return qMax<qreal>(viewport()->width() - 2 * kMargin, 8 * QFontMetricsF(font()).horizontalAdvance(u'0'));
}

int RawJsonView::pageRows() const
{
    return qMax(1, (viewport()->height() - 2 * kMargin) / rowHeight());
}

const RawJsonView::Laid &RawJsonView::laidOut(qsizetype line)
{
    if (const auto it = m_laid.find(line); it != m_laid.end())
        return it->second;
    Laid laid;
    laid.shown = core::JsonDisplayLines::line(lineBytes(line));
    ++m_convertedLines;
    laid.layout = std::make_unique<QTextLayout>(laid.shown.text, font(), viewport());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // A code view: each line starts at the left, whatever its first letters.
    option.setTextDirection(Qt::LeftToRight);
    laid.layout->setTextOption(option);
    laid.layout->setCacheEnabled(true);
    const qreal width = textWidth();
    const int height = rowHeight();
    int rows = 0;
    laid.layout->beginLayout();
    for (QTextLine row = laid.layout->createLine(); row.isValid(); row = laid.layout->createLine()) {
        row.setLineWidth(width);
        row.setPosition(QPointF(0, rows * height));
        ++rows;
    }
    laid.layout->endLayout();
    const int added = qMax(1, rows) - m_rows.rows(line);
    m_rows.setRows(line, rows);
    m_counted.setBit(line);
    if (line < m_topLine && added != 0) {
        // Rows appeared or went above the screen: move the bar by as much, so
        // what is on screen stays.
        const QScopedValueRollback guard(m_arranging, true);
        QScrollBar *bar = verticalScrollBar();
        const qint64 top = qint64(bar->value()) + added;
        if (top >= bar->maximum())
            bar->setMaximum(clampToInt(top + 1)); // never "at the end" before arrange() says so
        bar->setValue(clampToInt(top));
    }
    return m_laid.emplace(line, std::move(laid)).first->second;
}

void RawJsonView::relayout()
{
    const qsizetype lines = m_starts.size();
    const qsizetype topLine
        = m_rows.lineCount() == lines && lines > 0 ? m_rows.lineAt(verticalScrollBar()->value()) : 0;
    m_laid.clear();
    m_counted.fill(false, lines);
    // Until a line is laid out, it counts as the rows its bytes fill.
    const qsizetype columns
        = qMax<qsizetype>(1, qsizetype(textWidth() / QFontMetricsF(font()).horizontalAdvance(u'0')));
    m_rows.reset(lines, [this, columns](qsizetype line) {
        return int(qMin<qsizetype>((lineEnd(line) - lineStart(line) + columns - 1) / columns, 1 << 20));
    });
    {
        const QScopedValueRollback guard(m_arranging, true);
        const qint64 top = m_rows.rowOf(topLine);
        verticalScrollBar()->setRange(0, clampToInt(top + 1));
        verticalScrollBar()->setValue(clampToInt(top));
        m_topLine = topLine;
    }
    arrange();
}

void RawJsonView::arrange()
{
    if (m_arranging)
        return;
    const QScopedValueRollback guard(m_arranging, true);
    QScrollBar *bar = verticalScrollBar();
    const int page = pageRows();
    bar->setPageStep(page);
    bar->setSingleStep(1);
    if (lineCount() == 0) {
        m_laid.clear();
        bar->setRange(0, 0);
        viewport()->update();
        return;
    }
    const int visibleRows = qMax(1, (viewport()->height() - kMargin + rowHeight() - 1) / rowHeight());
    // Laying a line out changes its rows and so the range; repeat until
    // everything that decides the range and the screen is laid out.
    for (;;) {
        const qsizetype converted = m_convertedLines;
        m_topLine = m_rows.lineAt(bar->value());
        // The last page, so that at the bar's maximum the end shows.
        qint64 tail = 0;
        for (qsizetype line = lineCount() - 1; line >= 0 && tail < page; --line) {
            if (!m_counted.testBit(line))
                laidOut(line);
            tail += m_rows.rows(line);
        }
        bar->setRange(0, clampToInt(m_rows.totalRows() - page));
        const qint64 top = bar->value();
        qsizetype first = m_rows.lineAt(top);
        while (!m_counted.testBit(first)) {
            laidOut(first);
            first = m_rows.lineAt(top);
        }
        m_topLine = first;
        qsizetype last = first;
        laidOut(first);
        for (qint64 shown = m_rows.rowOf(first) + m_rows.rows(first) - top;
             shown < visibleRows && last + 1 < lineCount();) {
            laidOut(++last);
            shown += m_rows.rows(last);
        }
        if (m_convertedLines == converted) {
            std::erase_if(m_laid,
                          [first, last](const auto &entry) { return entry.first < first || entry.first > last; });
            break;
        }
    }
    viewport()->update();
}

qsizetype RawJsonView::byteAt(qint64 row, qreal x)
{
    row = std::clamp<qint64>(row, 0, m_rows.totalRows() - 1);
    qsizetype line = m_rows.lineAt(row);
    while (!m_counted.testBit(line)) {
        laidOut(line);
        line = m_rows.lineAt(row);
    }
    const Laid &laid = laidOut(line);
    const int sub = int(std::clamp<qint64>(row - m_rows.rowOf(line), 0, laid.layout->lineCount() - 1));
    const int position = laid.layout->lineAt(sub).xToCursor(x);
    return lineStart(line) + byteOffset(laid.shown, outsideTokens(laid.shown, position));
}

qsizetype RawJsonView::byteAtPoint(QPoint viewportPoint)
{
    const int y = qMax(0, qMin(viewportPoint.y() - kMargin, viewport()->height() - 1));
    return byteAt(qint64(verticalScrollBar()->value()) + y / rowHeight(), viewportPoint.x() - kMargin);
}

RawJsonView::Place RawJsonView::placeOf(qsizetype byte)
{
    const qsizetype line = lineOf(byte);
    const Laid &laid = laidOut(line);
    const int position = int(shownPosition(laid.shown, byte - lineStart(line)));
    QTextLine row = laid.layout->lineForTextPosition(position);
    if (!row.isValid())
        row = laid.layout->lineAt(laid.layout->lineCount() - 1);
    return {m_rows.rowOf(line) + row.lineNumber(), row.cursorToX(position)};
}

void RawJsonView::setSelection(qsizetype anchor, qsizetype position)
{
    m_anchor = characterStart(anchor);
    m_position = characterStart(position);
    viewport()->update();
}

QString RawJsonView::selectedText() const
{
    return QString::fromUtf8(QByteArrayView(m_bytes).sliced(selectionStart(), selectionEnd() - selectionStart()));
}

void RawJsonView::selectAll()
{
    setSelection(0, m_bytes.size());
}

void RawJsonView::copy() const
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

qsizetype RawJsonView::memoryUsage() const
{
    qsizetype bytes = m_bytes.capacity() + m_starts.capacity() * qsizetype(sizeof(qsizetype)) + m_rows.memoryUsage()
        + m_counted.size() / 8;
    for (const auto &entry : m_laid)
        bytes += entry.second.shown.text.capacity() * qsizetype(sizeof(QChar))
            + entry.second.shown.tokens.capacity() * qsizetype(sizeof(core::UntrustedText::Token));
    return bytes;
}

void RawJsonView::moveCursor(qsizetype position, bool keepAnchor)
{
    m_position = position;
    if (!keepAnchor)
        m_anchor = position;
    const qint64 row = placeOf(position).row;
    QScrollBar *bar = verticalScrollBar();
    if (row < bar->value())
        bar->setValue(clampToInt(row));
    else if (row >= qint64(bar->value()) + pageRows())
        bar->setValue(clampToInt(row - pageRows() + 1));
    arrange();
}

bool RawJsonView::moveByKey(QKeyEvent *event)
{
    using Key = QKeySequence::StandardKey;
    Key key = Key::UnknownKey;
    for (const Key k : {Key::SelectNextChar, Key::SelectPreviousChar, Key::SelectNextLine, Key::SelectPreviousLine,
                        Key::SelectNextPage, Key::SelectPreviousPage, Key::SelectStartOfLine, Key::SelectEndOfLine,
                        Key::SelectStartOfDocument, Key::SelectEndOfDocument}) {
        if (event->matches(k))
            key = k;
    }
    if (key == Key::UnknownKey || isEmpty())
        return false;
    // Without a selection, keys select from the top of the screen, not from where the last one was.
    QScrollBar *bar = verticalScrollBar();
    if (!hasSelection()) {
        const qint64 row = placeOf(m_position).row;
        if (row < bar->value() || row >= qint64(bar->value()) + pageRows())
            m_anchor = m_position = byteAt(bar->value(), 0);
    }
    qsizetype to = 0;
    if (key == Key::SelectNextChar) {
        to = nextCharacter(m_position);
    } else if (key == Key::SelectPreviousChar) {
        to = characterStart(m_position - 1);
    } else if (key == Key::SelectStartOfDocument) {
        to = 0;
    } else if (key == Key::SelectEndOfDocument) {
        to = m_bytes.size();
    } else {
        const Place here = placeOf(m_position);
        qint64 row = here.row;
        if (key == Key::SelectNextLine || key == Key::SelectPreviousLine)
            row += key == Key::SelectNextLine ? 1 : -1;
        else if (key == Key::SelectNextPage || key == Key::SelectPreviousPage)
            row += key == Key::SelectNextPage ? pageRows() : -pageRows();
        const qreal x = key == Key::SelectStartOfLine ? 0
            : key == Key::SelectEndOfLine ? textWidth() + 1 // past the row's end; QTextLine counts in 26.6 fixed point
                                          : here.x;
        to = row < 0 ? 0 : row >= m_rows.totalRows() ? m_bytes.size() : byteAt(row, x);
    }
    moveCursor(to, true);
    return true;
}

bool RawJsonView::scrollByKey(QKeyEvent *event)
{
    QScrollBar *bar = verticalScrollBar();
    if (event->matches(QKeySequence::MoveToStartOfDocument) || event->matches(QKeySequence::MoveToStartOfLine))
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
    else if (event->matches(QKeySequence::MoveToEndOfDocument) || event->matches(QKeySequence::MoveToEndOfLine))
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
    else
        return false;
    return true;
}

bool RawJsonView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Copy, select all and the moves are this view's while it has focus,
        // even where a window binds the same keys.
        auto *key = static_cast<QKeyEvent *>(event);
        for (const QKeySequence::StandardKey own :
             {QKeySequence::Copy, QKeySequence::SelectAll, QKeySequence::SelectNextChar,
              QKeySequence::SelectPreviousChar, QKeySequence::SelectNextLine, QKeySequence::SelectPreviousLine,
              QKeySequence::SelectNextPage, QKeySequence::SelectPreviousPage, QKeySequence::SelectStartOfLine,
              QKeySequence::SelectEndOfLine, QKeySequence::SelectStartOfDocument, QKeySequence::SelectEndOfDocument,
              QKeySequence::MoveToStartOfDocument, QKeySequence::MoveToEndOfDocument, QKeySequence::MoveToStartOfLine,
              QKeySequence::MoveToEndOfLine}) {
            if (key->matches(own)) {
                event->accept();
                return true;
            }
        }
    }
    return QAbstractScrollArea::event(event);
}

void RawJsonView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        relayout();
    else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::EnabledChange)
        viewport()->update();
}

void RawJsonView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_laid.empty() || m_laid.begin()->second.layout->lineAt(0).width() != textWidth())
        relayout();
    else
        arrange();
}

void RawJsonView::scrollContentsBy(int, int)
{
    arrange();
}

void RawJsonView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Text));
    const qint64 top = verticalScrollBar()->value();
    const int height = rowHeight();
    QTextLayout::FormatRange selected;
    selected.format.setBackground(palette().brush(QPalette::Highlight));
    selected.format.setForeground(palette().brush(QPalette::HighlightedText));
    for (const auto &[line, laid] : m_laid) {
        const qreal y = kMargin + qreal(m_rows.rowOf(line) - top) * height;
        if (y >= viewport()->height() || y + m_rows.rows(line) * height <= 0)
            continue;
        QList<QTextLayout::FormatRange> selections;
        const qsizetype from = qMax(selectionStart(), lineStart(line));
        const qsizetype to = qMin(selectionEnd(), lineEnd(line));
        if (from < to) {
            selected.start = int(shownPosition(laid.shown, from - lineStart(line)));
            selected.length = int(shownPosition(laid.shown, to - lineStart(line))) - selected.start;
            selections.append(selected);
        }
        laid.layout->draw(&painter, QPointF(kMargin, y), selections, event->rect());
    }
}

void RawJsonView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (!moveByKey(event) && !scrollByKey(event)) {
        QAbstractScrollArea::keyPressEvent(event); // arrows and pages scroll
        return;
    }
    event->accept();
}

void RawJsonView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || isEmpty()) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    moveCursor(byteAtPoint(event->position().toPoint()), event->modifiers() & Qt::ShiftModifier);
    m_selecting = true;
    event->accept();
}

void RawJsonView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting || isEmpty()) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    // Dragging past an edge scrolls a row for each move.
    const QPoint point = event->position().toPoint();
    QScrollBar *bar = verticalScrollBar();
    if (point.y() < 0)
        bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (point.y() >= viewport()->height())
        bar->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    m_position = byteAtPoint(point);
    viewport()->update();
    event->accept();
}

void RawJsonView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_selecting) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_selecting = false;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (hasSelection() && clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
    event->accept();
}

void RawJsonView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("&Copy"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(hasSelection());
    connect(copyAction, &QAction::triggered, this, &RawJsonView::copy);
    QAction *selectAllAction = menu.addAction(tr("Select All"));
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    selectAllAction->setEnabled(!isEmpty());
    connect(selectAllAction, &QAction::triggered, this, &RawJsonView::selectAll);
    menu.exec(event->globalPos());
}

} // namespace countersign::ui
