#include "ui/ReviewCoverage.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QScrollBar>
#include <QTimer>

namespace countersign::ui {

ReviewCoverage::ReviewCoverage(QObject *parent)
    : QObject(parent)
{ }

void ReviewCoverage::reset()
{
    m_paneOrder.clear();
    m_parts.clear();
    Q_EMIT changed();
}

void ReviewCoverage::require(const QString &pane, const QString &part)
{
    if (!m_paneOrder.contains(pane))
        m_paneOrder.append(pane);
    if (!m_parts[pane].contains(part)) {
        m_parts[pane].insert(part, false);
        Q_EMIT changed();
    }
}

void ReviewCoverage::markSeen(const QString &pane, const QString &part)
{
    auto paneIt = m_parts.find(pane);
    if (paneIt == m_parts.end())
        return;
    auto partIt = paneIt->find(part);
    if (partIt == paneIt->end() || *partIt)
        return;
    *partIt = true;
    Q_EMIT changed();
}

bool ReviewCoverage::isSeen(const QString &pane, const QString &part) const
{
    return m_parts.value(pane).value(part, false);
}

bool ReviewCoverage::isComplete() const
{
    return !m_paneOrder.isEmpty() && unseenPanes().isEmpty();
}

QStringList ReviewCoverage::unseenPanes() const
{
    QStringList out;
    for (const QString &pane : m_paneOrder) {
        const QHash<QString, bool> &parts = m_parts[pane];
        for (auto it = parts.begin(); it != parts.end(); ++it) {
            if (!it.value()) {
                out.append(pane);
                break;
            }
        }
    }
    return out;
}

bool ReviewCoverage::showsEnd(const QAbstractScrollArea *area)
{
    if (!area || !area->isVisible() || area->viewport()->height() <= 0 || area->viewport()->width() <= 0)
        return false;
    const QScrollBar *v = area->verticalScrollBar();
    const QScrollBar *h = area->horizontalScrollBar();
    return v->value() >= v->maximum() && h->value() >= h->maximum();
}

void ReviewCoverage::watch(QAbstractScrollArea *area, std::function<void()> atEnd, std::function<bool()> ready)
{
    m_watchers.append({area, std::move(atEnd), std::move(ready)});
    const Watcher w = m_watchers.constLast();
    auto checkThis = [this, w] { check(w); };
    for (QScrollBar *bar : {area->verticalScrollBar(), area->horizontalScrollBar()}) {
        connect(bar, &QScrollBar::valueChanged, this, checkThis);
        connect(bar, &QScrollBar::rangeChanged, this, checkThis);
    }
    area->installEventFilter(this);
    area->viewport()->installEventFilter(this);
}

void ReviewCoverage::check(const Watcher &watcher)
{
    if (!watcher.area || !showsEnd(watcher.area))
        return;
    if (watcher.ready && !watcher.ready())
        return;
    watcher.atEnd();
}

void ReviewCoverage::recheck()
{
    // Layout settles after the event loop runs; check now and once more then.
    // A burst of calls (a tree expanding thousands of rows) defers only once.
    for (const Watcher &w : std::as_const(m_watchers))
        check(w);
    if (m_recheckPending)
        return;
    m_recheckPending = true;
    QTimer::singleShot(0, this, [this] {
        m_recheckPending = false;
        for (const Watcher &w : std::as_const(m_watchers))
            check(w);
    });
}

bool ReviewCoverage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show || event->type() == QEvent::Resize) {
        for (const Watcher &w : std::as_const(m_watchers)) {
            if (w.area && (w.area == watched || w.area->viewport() == watched))
                check(w);
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace countersign::ui
