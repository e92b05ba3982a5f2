#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QAbstractScrollArea;

namespace countersign::ui {

// Whether the approver has actually had every part of every review pane on
// screen. A part is required when an action is shown and becomes seen once a
// watched scroll area showed it to its end (visible, scrolled to the bottom,
// or with nothing to scroll). Seen stays seen until the next action. Approve
// is only offered when everything was seen; deny never waits for this.
class ReviewCoverage : public QObject
{
    Q_OBJECT

public:
    explicit ReviewCoverage(QObject *parent = nullptr);

    // Forgets every part (a new action is about to be shown).
    void reset();
    void require(const QString &pane, const QString &part);
    void markSeen(const QString &pane, const QString &part);
    bool isSeen(const QString &pane, const QString &part) const;

    // Calls `atEnd` whenever `area` is visible and shows its last line (on
    // scrolling, resizing, showing, and content changes). `ready` may veto
    // (e.g. a tree that still has collapsed nodes).
    void watch(QAbstractScrollArea *area, std::function<void()> atEnd, std::function<bool()> ready = {});
    // Re-checks every watched area now (after the content was replaced).
    void recheck();

    bool isComplete() const;
    // Panes with at least one unseen part, in the order they were required.
    QStringList unseenPanes() const;
    QStringList panes() const { return m_paneOrder; }

    // Whether an area is visible and shows its end, vertically and horizontally.
    static bool showsEnd(const QAbstractScrollArea *area);

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Watcher
    {
        QPointer<QAbstractScrollArea> area;
        std::function<void()> atEnd;
        std::function<bool()> ready;
    };
    void check(const Watcher &watcher);

    QStringList m_paneOrder;
    QHash<QString, QHash<QString, bool>> m_parts; // pane → part → seen
    QList<Watcher> m_watchers;
    bool m_recheckPending = false;
};

} // namespace countersign::ui
