#include "ui/RawJsonViewAccessible.h"

#include "ui/RawJsonView.h"

namespace countersign::ui {

RawJsonViewAccessible::RawJsonViewAccessible(RawJsonView *view)
    : QAccessibleWidget(view, QAccessible::EditableText)
{ }

QAccessibleInterface *RawJsonViewAccessible::create(const QString &className, QObject *object)
{
    if (className == QLatin1String(RawJsonView::staticMetaObject.className()))
        if (auto *view = qobject_cast<RawJsonView *>(object))
            return new RawJsonViewAccessible(view);
    return nullptr;
}

void *RawJsonViewAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::TextInterface)
        return static_cast<QAccessibleTextInterface *>(this);
    return QAccessibleWidget::interface_cast(type);
}

QAccessible::State RawJsonViewAccessible::state() const
{
    QAccessible::State state = QAccessibleWidget::state();
    state.readOnly = true;
    state.multiLine = true;
    return state;
}

const QString &RawJsonViewAccessible::shownText() const
{
    const auto *view = static_cast<const RawJsonView *>(widget());
    if (m_documentOfText != view->document()) {
        m_text = view->text();
        m_documentOfText = view->document();
    }
    return m_text;
}

// The view's selection is of bytes; to assistive technology the text is read
// only, without a selection or cursor of its own.
void RawJsonViewAccessible::selection(int, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = 0;
}

int RawJsonViewAccessible::selectionCount() const
{
    return 0;
}

void RawJsonViewAccessible::addSelection(int, int)
{ }

void RawJsonViewAccessible::removeSelection(int)
{ }

void RawJsonViewAccessible::setSelection(int, int, int)
{ }

int RawJsonViewAccessible::cursorPosition() const
{
    return 0;
}

void RawJsonViewAccessible::setCursorPosition(int)
{ }

QString RawJsonViewAccessible::text(int startOffset, int endOffset) const
{
    const QString &text = shownText();
    const int start = qBound(0, startOffset, int(text.size()));
    const int end = endOffset < 0 ? int(text.size()) : qBound(start, endOffset, int(text.size()));
    return text.mid(start, end - start);
}

int RawJsonViewAccessible::characterCount() const
{
    return int(shownText().size());
}

QRect RawJsonViewAccessible::characterRect(int) const
{
    return QRect();
}

int RawJsonViewAccessible::offsetAtPoint(const QPoint &) const
{
    return -1;
}

void RawJsonViewAccessible::scrollToSubstring(int, int)
{ }

QString RawJsonViewAccessible::attributes(int offset, int *startOffset, int *endOffset) const
{
    *startOffset = *endOffset = offset;
    return QString();
}

} // namespace countersign::ui
