#pragma once

// What an approver does before approving: read every review pane to its end.
// GUI tests call this where they approve, since approve waits for review
// coverage (ui::ReviewCoverage).

#include "ui/RawJsonView.h"
#include "ui/ReviewPanel.h"

#include <QAbstractItemModel>
#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>

namespace countersign::testing {

inline void scrollToEnd(QAbstractScrollArea *area)
{
    area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    area->horizontalScrollBar()->setValue(area->horizontalScrollBar()->maximum());
    QCoreApplication::processEvents();
}

inline void readEveryPane(ui::ReviewPanel *review)
{
    QCoreApplication::processEvents();
    review->argumentTabs()->setCurrentWidget(review->rawArgumentsView());
    QCoreApplication::processEvents();
    scrollToEnd(review->rawArgumentsView());
    scrollToEnd(review->dataScopesView());
    scrollToEnd(review->authorityView());
    scrollToEnd(review->evidenceView());
    scrollToEnd(review->memoryView());
    QAbstractItemModel *evidence = review->evidenceView()->model();
    for (int row = 0; row < evidence->rowCount(); ++row) {
        review->evidenceView()->setCurrentIndex(evidence->index(row, 0));
        QCoreApplication::processEvents();
        scrollToEnd(review->evidenceContentView());
    }
}

} // namespace countersign::testing
