#pragma once

#include "core/Action.h"

#include <QJsonObject>
#include <QSet>
#include <QWidget>

#include <array>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTabWidget;
class QTreeView;

namespace countersign::models {
class AuthorityChainModel;
class DataScopeModel;
class EvidenceModel;
class JsonTreeModel;
class MemoryModel;
} // namespace countersign::models

namespace countersign::ui {

class RawJsonView;
class ReviewCoverage;
class ReviewPane;

// Everything the approver needs to know about one action, side by side: the
// human intent and the policy in the header, then tool arguments, data
// scopes, authority chain, and evidence with memory. Every string from the
// action is shown as plain text through core::UntrustedText.
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPanel(QWidget *parent = nullptr);
    ~ReviewPanel() override;

    void showAction(const core::Action &action);
    void clear();
    // What the empty panel says; the default points at the queue. Called again
    // on every clear(), so it follows a language switch.
    void setEmptyHint(std::function<QString()> hint);
    // Re-checks what depends on the time (link and memory expiry) while an action is shown.
    void refreshClock();
    QString shownActionId() const { return m_actionId; }

    QSplitter *splitter() const { return m_splitter; }
    // For tests and screen readers: the header text as shown.
    QString headerText() const;
    // The raw arguments text (built now if its tab was not shown yet).
    QString rawArgumentsText();
    QString chainFlagsText() const;
    QString evidenceContentText() const;
    // The flags of each pane (core::ActionReview) as shown above its content.
    QString requestFlagsText() const;
    QString argumentFlagsText() const;
    QString scopeFlagsText() const;
    QString evidenceFlagsText() const;
    RawJsonView *rawArgumentsView() const { return m_raw; }
    QPlainTextEdit *evidenceContentView() const { return m_evidenceContent; }
    QTabWidget *argumentTabs() const { return m_argumentTabs; }
    // What of the shown action the approver has had on screen.
    ReviewCoverage *coverage() const { return m_coverage; }
    // The words for a coverage pane id (arguments, scopes, chain, evidence).
    static QString paneTitle(const QString &pane);
    QTreeView *argumentsTree() const { return m_tree; }
    QTableView *dataScopesView() const { return m_scopes; }
    QTableView *authorityView() const { return m_chain; }
    QTableView *evidenceView() const { return m_evidence; }
    QTableView *memoryView() const { return m_memory; }

private:
    QString emptyText() const;
    void maximise(ReviewPane *pane, bool on);
    void arrangeColumns();
    void showEvidenceContent(int row);
    void setupCoverage();
    void requireCoverage();
    bool treeFullyExpanded() const;
    void fillRawArguments();

    QString m_actionId;
    core::Action m_action;
    QLabel *m_header;
    QSplitter *m_splitter;
    std::array<ReviewPane *, 4> m_panes {};
    QTabWidget *m_argumentTabs;
    QTreeView *m_tree;
    RawJsonView *m_raw;
    QTableView *m_scopes;
    QTableView *m_chain;
    QLabel *m_chainFlags;
    QTableView *m_evidence;
    QPlainTextEdit *m_evidenceContent;
    QTableView *m_memory;
    QPlainTextEdit *m_requestFlags;
    QPlainTextEdit *m_argumentFlags;
    QPlainTextEdit *m_scopeFlags;
    QPlainTextEdit *m_evidenceFlags;
    int m_shownEvidenceRow = -1;
    // Rows of the arguments tree that are expanded and have children, by
    // node: kept from the view's signals so coverage never walks the tree.
    QSet<const void *> m_expandedNodes;
    bool m_rawStale = false; // m_raw does not show the current action's arguments yet
    models::JsonTreeModel *m_treeModel;
    models::DataScopeModel *m_scopeModel;
    models::AuthorityChainModel *m_chainModel;
    models::EvidenceModel *m_evidenceModel;
    models::MemoryModel *m_memoryModel;
    ReviewCoverage *m_coverage;
    std::function<QString()> m_emptyHint;
};

} // namespace countersign::ui
