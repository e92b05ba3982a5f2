#pragma once

#include <QAccessibleWidget>

namespace countersign::ui {

class RawJsonView;

// What assistive technology reads of a RawJsonView: a read-only, multi-line
// text, exactly the text the view shows (hidden characters as their ⟦…⟧
// tokens, display lines joined by line feeds), as a QPlainTextEdit would
// offer it. The view paints only the lines on screen; a screen reader asking
// for the text gets all of it, converted once per document.
class RawJsonViewAccessible : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit RawJsonViewAccessible(RawJsonView *view);

    // For QAccessible::installFactory.
    static QAccessibleInterface *create(const QString &className, QObject *object);

    void *interface_cast(QAccessible::InterfaceType type) override;
    QAccessible::State state() const override;

    void selection(int selectionIndex, int *startOffset, int *endOffset) const override;
    int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    int cursorPosition() const override;
    void setCursorPosition(int position) override;
    QString text(int startOffset, int endOffset) const override;
    int characterCount() const override;
    QRect characterRect(int offset) const override;
    int offsetAtPoint(const QPoint &point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    QString attributes(int offset, int *startOffset, int *endOffset) const override;

private:
    const QString &shownText() const;

    mutable quint64 m_documentOfText = 0; // RawJsonView::document() the cache is of, 0: none
    mutable QString m_text;
};

} // namespace countersign::ui
