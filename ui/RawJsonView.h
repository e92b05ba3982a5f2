#pragma once

#include "core/UntrustedText.h"
#include "ui/LineRows.h"

#include <QAbstractScrollArea>
#include <QBitArray>
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <map>
#include <memory>

class QTextLayout;

namespace countersign::ui {

// A read-only view of canonical JSON for documents of megabytes. It keeps the
// UTF-8 bytes once, with where each display line starts
// (core::JsonDisplayLines), and converts and lays out only the lines on
// screen: each one exactly as JsonDisplayLines shows it (hidden characters as
// ⟦…⟧ tokens), in a monospace font, wrapped at the viewport's width.
//
// The vertical scroll bar counts rows. Lines never laid out count as many rows
// as their bytes would fill and are corrected once laid out; the last page is
// always laid out, so the bar's maximum is exactly where the end of the
// document shows (review coverage reads it so).
//
// Selection is of bytes: copying puts the selected canonical bytes on the
// clipboard as text, the characters themselves and no display breaks.
class RawJsonView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit RawJsonView(QWidget *parent = nullptr);
    ~RawJsonView() override;

    void setCanonical(QByteArray canonical);
    void clear();
    bool isEmpty() const { return m_bytes.isEmpty(); }
    const QByteArray &canonical() const { return m_bytes; }
    qsizetype lineCount() const { return m_rows.lineCount(); }
    QByteArrayView lineBytes(qsizetype line) const;
    // Every line as shown, joined by line feeds (JsonDisplayLines::format).
    // Converts the whole document: for tests and assistive technology.
    QString text() const;
    // Changes whenever the document does (for caches of its text).
    quint64 document() const { return m_document; }
    // The lines laid out for the screen as they are painted, top to bottom.
    QStringList linesOnScreen() const;

    // The selection in bytes of the document, [start, end).
    qsizetype selectionStart() const { return qMin(m_anchor, m_position); }
    qsizetype selectionEnd() const { return qMax(m_anchor, m_position); }
    bool hasSelection() const { return m_anchor != m_position; }
    // Both are moved to the nearest character boundary at or before them.
    void setSelection(qsizetype anchor, qsizetype position);
    QString selectedText() const;
    void selectAll();
    void copy() const;

    // Lines converted and laid out since the document was set: a few screens,
    // however long the document.
    qsizetype convertedLines() const { return m_convertedLines; }
    // What the view holds for its document, in bytes (Qt's glyph caches for
    // the lines on screen aside).
    qsizetype memoryUsage() const;

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // A line converted and laid out; kept while it is on screen.
    struct Laid
    {
        core::UntrustedText::Result shown;
        std::unique_ptr<QTextLayout> layout;
    };
    // Where a byte of the document is drawn: a row of the whole view and an x.
    struct Place
    {
        qint64 row = 0;
        qreal x = 0;
    };

    qsizetype lineStart(qsizetype line) const { return m_starts.at(line); }
    qsizetype lineEnd(qsizetype line) const;
    qsizetype lineOf(qsizetype byte) const;
    qsizetype characterStart(qsizetype byte) const;
    qsizetype nextCharacter(qsizetype byte) const;
    int rowHeight() const;
    qreal textWidth() const;
    int pageRows() const;
    const Laid &laidOut(qsizetype line);
    void relayout();
    void arrange();
    qsizetype byteAt(qint64 row, qreal x);
    qsizetype byteAtPoint(QPoint viewportPoint);
    Place placeOf(qsizetype byte);
    void moveCursor(qsizetype position, bool keepAnchor);
    bool moveByKey(QKeyEvent *event);
    bool scrollByKey(QKeyEvent *event);

    QByteArray m_bytes;
    QList<qsizetype> m_starts; // where each display line starts in m_bytes
    LineRows m_rows;
    QBitArray m_counted; // lines laid out at the current width: their rows are not estimates
    std::map<qsizetype, Laid> m_laid;
    qsizetype m_topLine = 0; // the line at the top row when last arranged
    qint64 m_rowsAddedAbove = 0; // by lines above m_topLine laid out since then
    qsizetype m_anchor = 0;
    qsizetype m_position = 0;
    bool m_selecting = false;
    bool m_arranging = false;
    qsizetype m_convertedLines = 0;
    quint64 m_document = 1;
};

} // namespace countersign::ui
