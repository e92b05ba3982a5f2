#include "ui/ReviewPanel.h"

#include "core/ActionReview.h"
#include "core/CanonicalJson.h"
#include "core/InjectionCheck.h"
#include "core/JsonReader.h"
#include "core/UntrustedText.h"
#include "models/AuthorityChainModel.h"
#include "models/DataScopeModel.h"
#include "models/EvidenceModel.h"
#include "models/JsonTreeModel.h"
#include "models/MemoryModel.h"
#include "ui/FullTextDialog.h"
#include "ui/RawJsonView.h"
#include "ui/Retranslation.h"
#include "ui/ReviewCoverage.h"
#include "ui/ReviewPane.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QTreeView>
#include <QVBoxLayout>

namespace countersign::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setWordWrap(true);
    view->setTextElideMode(Qt::ElideNone);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QPlainTextEdit *makeText(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

// The flags of a pane, above its content: plain text, a few lines high,
// scrollable; flags explain, the content below is always shown too.
QPlainTextEdit *makeFlags(QWidget *parent)
{
    auto *edit = makeText(parent);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 7 + 8);
    return edit;
}

QString flagText(const core::ReviewFlags &flags)
{
    // `where` and `message` are already formatted by core.
    QStringList lines;
    for (const core::ReviewFlag &f : flags)
        lines.append(QStringLiteral("⚑ ") + (f.where.isEmpty() ? QString() : f.where + QStringLiteral(": "))
                     + f.message);
    return lines.join(u'\n');
}

const QString kArgumentsPane = QStringLiteral("arguments");
const QString kScopesPane = QStringLiteral("scopes");
const QString kChainPane = QStringLiteral("chain");
const QString kEvidencePane = QStringLiteral("evidence");

} // namespace

ReviewPanel::ReviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_treeModel(new models::JsonTreeModel(this))
    , m_scopeModel(new models::DataScopeModel(this))
    , m_chainModel(new models::AuthorityChainModel(this))
    , m_evidenceModel(new models::EvidenceModel(this))
    , m_memoryModel(new models::MemoryModel(this))
    , m_coverage(new ReviewCoverage(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setMargin(6);
    layout->addWidget(m_header);
    m_requestFlags = makeFlags(this);
    m_requestFlags->setMaximumHeight(m_requestFlags->fontMetrics().lineSpacing() * 3 + 8);
    layout->addWidget(m_requestFlags);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("reviewSplitter"));
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    auto *arguments = new ReviewPane(m_splitter);
    m_argumentTabs = new QTabWidget(arguments);
    m_tree = new QTreeView(m_argumentTabs);
    m_tree->setModel(m_treeModel);
    m_tree->setWordWrap(true);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // Cells stop at 2 000 characters with a visible "show all" marker; a double
    // click (or Enter) shows the whole value.
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        FullTextDialog::show(this,
                             tr("Full value of %1").arg(index.data(models::JsonTreeModel::JsonPathRole).toString()),
                             index.data(models::JsonTreeModel::FullTextRole).toString());
    });
    m_raw = new RawJsonView(m_argumentTabs);
    m_argumentTabs->addTab(m_tree, QString());
    m_argumentTabs->addTab(m_raw, QString());
    m_argumentFlags = makeFlags(arguments);
    arguments->body()->addWidget(m_argumentFlags);
    arguments->body()->addWidget(m_argumentTabs, 1);

    auto *scopes = new ReviewPane(m_splitter);
    m_scopes = makeTable(m_scopeModel, scopes);
    m_scopeFlags = makeFlags(scopes);
    scopes->body()->addWidget(m_scopeFlags);
    scopes->body()->addWidget(m_scopes, 1);

    auto *chain = new ReviewPane(m_splitter);
    m_chainFlags = new QLabel(chain);
    m_chainFlags->setTextFormat(Qt::PlainText);
    m_chainFlags->setWordWrap(true);
    m_chain = makeTable(m_chainModel, chain);
    chain->body()->addWidget(m_chainFlags);
    chain->body()->addWidget(m_chain, 1);

    auto *evidence = new ReviewPane(m_splitter);
    m_evidence = makeTable(m_evidenceModel, evidence);
    m_evidenceContent = makeText(evidence);
    m_memory = makeTable(m_memoryModel, evidence);
    auto *evidenceLabel = new QLabel(evidence);
    auto *memoryLabel = new QLabel(evidence);
    // Every label of the review is plain text, even the console's own.
    evidenceLabel->setTextFormat(Qt::PlainText);
    memoryLabel->setTextFormat(Qt::PlainText);
    m_evidenceFlags = makeFlags(evidence);
    evidence->body()->addWidget(m_evidenceFlags);
    evidence->body()->addWidget(m_evidence, 2);
    evidence->body()->addWidget(evidenceLabel);
    evidence->body()->addWidget(m_evidenceContent, 2);
    evidence->body()->addWidget(memoryLabel);
    evidence->body()->addWidget(m_memory, 1);
    connect(m_evidence->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showEvidenceContent(current.row()); });

    m_panes = {arguments, scopes, chain, evidence};
    auto *i18n = new Retranslation(this);
    i18n->add([=, this] {
        m_header->setAccessibleName(tr("What was asked, by whom, and why it needs approval"));
        m_requestFlags->setAccessibleName(tr("Flags about the request"));
        arguments->setPaneTitle(tr("Tool arguments"));
        m_tree->setAccessibleName(tr("Tool arguments as a tree"));
        m_raw->setAccessibleName(tr("Tool arguments as canonical JSON"));
        m_argumentTabs->setTabText(0, tr("Tree"));
        m_argumentTabs->setTabText(1, tr("Raw (canonical JSON)"));
        m_argumentTabs->setTabToolTip(1,
                                      tr("The canonical JSON (RFC 8785) the action's digest covers. Long documents "
                                         "are shown in lines broken after commas; the line breaks are not part of "
                                         "the signed bytes."));
        m_argumentFlags->setAccessibleName(tr("Flags about the tool arguments"));
        scopes->setPaneTitle(tr("Data scopes"));
        m_scopes->setAccessibleName(tr("Data scopes"));
        m_scopeFlags->setAccessibleName(tr("Flags about the data scopes"));
        chain->setPaneTitle(tr("Authority chain"));
        m_chainFlags->setAccessibleName(tr("Problems found in the authority chain"));
        m_chain->setAccessibleName(tr("Authority chain, from the user to the tool"));
        evidence->setPaneTitle(tr("Evidence and memory"));
        m_evidence->setAccessibleName(tr("Evidence the agent relied on"));
        m_evidenceContent->setAccessibleName(tr("Content of the selected evidence"));
        m_memory->setAccessibleName(tr("Agent memory that influenced the action"));
        evidenceLabel->setText(tr("Content of the selected source:"));
        memoryLabel->setText(tr("Agent memory:"));
        m_evidenceFlags->setAccessibleName(tr("Flags about the evidence and memory"));
        for (QPlainTextEdit *flags : {m_requestFlags, m_argumentFlags, m_scopeFlags, m_evidenceFlags})
            flags->setPlaceholderText(tr("No flags."));
    });
    for (ReviewPane *pane : m_panes)
        connect(pane, &ReviewPane::maximiseToggled, this, [this, pane](bool on) { maximise(pane, on); });
    setupCoverage();
    clear();
    i18n->add([this] {
        if (m_actionId.isEmpty())
            m_header->setText(emptyText());
    });
}

ReviewPanel::~ReviewPanel() = default;

QString ReviewPanel::emptyText() const
{
    return m_emptyHint ? m_emptyHint() : tr("Select an action in the queue to review it.");
}

void ReviewPanel::setEmptyHint(std::function<QString()> hint)
{
    m_emptyHint = std::move(hint);
    if (m_actionId.isEmpty())
        clear();
}

void ReviewPanel::maximise(ReviewPane *pane, bool on)
{
    for (ReviewPane *other : m_panes) {
        if (other == pane)
            continue;
        other->setVisible(!on);
        if (on)
            other->setMaximised(false);
    }
}

void ReviewPanel::clear()
{
    m_actionId.clear();
    m_action = core::Action();
    m_header->setText(emptyText());
    m_header->setAccessibleDescription(m_header->text());
    m_treeModel->clear();
    m_scopeModel->clear();
    m_chainModel->clear();
    m_evidenceModel->clear();
    m_memoryModel->clear();
    m_raw->clear();
    m_rawStale = false;
    m_chainFlags->clear();
    m_evidenceContent->clear();
    m_requestFlags->clear();
    m_argumentFlags->clear();
    m_scopeFlags->clear();
    m_evidenceFlags->clear();
    m_shownEvidenceRow = -1;
    m_coverage->reset();
    setEnabled(false);
}

void ReviewPanel::showAction(const core::Action &action)
{
    using core::UntrustedText;
    setEnabled(true);
    m_actionId = action.id;
    m_action = action;
    const QLocale locale;
    QString deadline = action.expiresAt.isValid()
        ? tr("%1 (UTC %2)")
              .arg(locale.toString(action.expiresAt.toLocalTime(), QLocale::ShortFormat),
                   action.expiresAt.toUTC().toString(Qt::ISODate))
        : tr("none");
    const QString rule = action.policy ? action.policy->rule : tr("(no policy information)");
    const QString reason = action.policy ? action.policy->reason : QString();
    // Each untrusted value is inserted once, by concatenation: a chained arg()
    // would let "%10" inside agent text be replaced by later, trusted values.
    const auto u = [](const QString &text) { return UntrustedText::display(text); };
    QString header;
    header += tr("%1 asked:").arg(u(action.request.user)) + QLatin1Char('\n');
    header += QStringLiteral("“") + u(action.request.text) + QStringLiteral("”\n\n");
    header += tr("Agent:") + QLatin1Char(' ') + u(action.agent.id) + QStringLiteral(" (") + u(action.agent.displayName)
        + QStringLiteral("), ") + tr("owned by") + QLatin1Char(' ') + u(action.agent.owner) + QStringLiteral(", ")
        + tr("model") + QLatin1Char(' ') + u(action.agent.model) + QLatin1Char('\n');
    header += tr("Tool:") + QLatin1Char(' ') + u(action.tool.name) + QLatin1Char(' ') + tr("on") + QLatin1Char(' ')
        + u(action.tool.server) + QStringLiteral(" — ") + tr("tenant") + QLatin1Char(' ') + u(action.tenant)
        + QLatin1Char('\n');
    header += tr("Policy rule") + QLatin1Char(' ') + u(rule) + QLatin1Char(' ') + tr("asks for approval:")
        + QLatin1Char(' ') + u(reason) + QLatin1Char('\n');
    header += tr("Deadline:") + QLatin1Char(' ') + deadline;
    m_header->setText(header);
    // A screen reader announces the label's name; the request itself is its description.
    m_header->setAccessibleDescription(header);
    m_treeModel->setValue(QJsonValue(action.arguments));
    m_tree->expandToDepth(1); // deeper levels stay lazy until opened
    // The raw text is built when its tab is first shown: for a large document
    // it is the biggest part of the panel, and most reviews never open it.
    m_raw->clear();
    m_rawStale = true;
    if (m_argumentTabs->currentWidget() == m_raw)
        fillRawArguments();
    m_scopeModel->setAction(action);
    m_chainModel->setAction(action);
    // Problems of the chain as a whole, then of each link, in words.
    QStringList flags = m_chainModel->chainFlags();
    for (int row = 0; row < m_chainModel->rowCount(); ++row) {
        const QStringList linkFlags
            = m_chainModel->index(row, 0).data(models::AuthorityChainModel::FlagsRole).toStringList();
        for (const QString &flag : linkFlags)
            flags.append(tr("Link %1 (%2 %3): %4")
                             .arg(row + 1)
                             .arg(UntrustedText::singleLine(action.authorityChain.value(row).kind),
                                  UntrustedText::singleLine(action.authorityChain.value(row).subject), flag));
    }
    m_chainFlags->setText(flags.isEmpty() ? tr("No problems found in the chain.")
                                          : tr("⚠ %n problem(s) in the authority chain:\n", nullptr, int(flags.size()))
                                  + flags.join(QStringLiteral("\n")));
    m_evidenceModel->setAction(action);
    m_memoryModel->setAction(action);

    // Every flag from the one place the CLI transcript uses too.
    const core::ActionReview review(action);
    m_requestFlags->setPlainText(flagText(review.request()));
    m_argumentFlags->setPlainText(flagText(review.arguments()));
    core::ReviewFlags scopeFlags;
    for (const core::ReviewFlags &f : review.dataScopes())
        scopeFlags.append(f);
    m_scopeFlags->setPlainText(flagText(scopeFlags));
    core::ReviewFlags evidenceFlags;
    for (const core::ReviewFlags &f : review.evidence())
        evidenceFlags.append(f);
    for (const core::ReviewFlags &f : review.memory())
        evidenceFlags.append(f);
    const int hiddenInEvidence = [&action] {
        int n = 0;
        for (const core::Evidence &e : action.evidence)
            n += UntrustedText::format(e.content.isEmpty() ? e.excerpt : e.content).hiddenCount;
        for (const core::MemoryItem &m : action.memory)
            n += UntrustedText::format(m.text).hiddenCount;
        return n;
    }();
    QString evidenceWarning;
    if (hiddenInEvidence > 0)
        evidenceWarning = tr("⚠ %n invisible or reordering character(s) in this pane, shown as ⟦…⟧ tokens.", nullptr,
                             hiddenInEvidence)
            + u'\n';
    m_evidenceFlags->setPlainText(evidenceWarning + flagText(evidenceFlags));
    if (review.argumentsHiddenCharacters() > 0)
        m_argumentFlags->setPlainText(tr("⚠ %n invisible or reordering character(s) in the tool arguments, shown as "
                                         "⟦…⟧ tokens.",
                                         nullptr, review.argumentsHiddenCharacters())
                                      + u'\n' + m_argumentFlags->toPlainText());

    requireCoverage();
    m_evidenceContent->clear();
    m_shownEvidenceRow = -1;
    if (m_evidenceModel->rowCount() > 0)
        m_evidence->setCurrentIndex(m_evidenceModel->index(0, 0));
    arrangeColumns();
    for (QTableView *view : {m_scopes, m_chain, m_evidence, m_memory})
        view->resizeRowsToContents();
    m_coverage->recheck();
}

void ReviewPanel::setupCoverage()
{
    // Arguments: the raw view read to its end, or the tree fully expanded and read to its end.
    // Not ready while the raw text is still to be built: an empty view shows its end.
    m_coverage->watch(
        m_raw, [this] { m_coverage->markSeen(kArgumentsPane, QStringLiteral("content")); },
        [this] { return !m_rawStale; });
    connect(m_argumentTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_argumentTabs->currentWidget() == m_raw)
            fillRawArguments();
    });
    m_coverage->watch(
        m_tree, [this] { m_coverage->markSeen(kArgumentsPane, QStringLiteral("content")); },
        [this] { return treeFullyExpanded(); });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (m_treeModel->hasChildren(index))
            m_expandedNodes.insert(index.internalPointer());
        m_coverage->recheck();
    });
    connect(m_tree, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_expandedNodes.remove(index.internalPointer()); });
    // A reset forgets every expansion, in the view as here.
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] { m_expandedNodes.clear(); });
    m_coverage->watch(m_scopes, [this] { m_coverage->markSeen(kScopesPane, QStringLiteral("table")); });
    m_coverage->watch(m_chain, [this] { m_coverage->markSeen(kChainPane, QStringLiteral("table")); });
    m_coverage->watch(m_evidence, [this] { m_coverage->markSeen(kEvidencePane, QStringLiteral("table")); });
    m_coverage->watch(m_memory, [this] { m_coverage->markSeen(kEvidencePane, QStringLiteral("memory")); });
    m_coverage->watch(m_evidenceContent, [this] {
        if (m_shownEvidenceRow >= 0)
            m_coverage->markSeen(kEvidencePane, QStringLiteral("content:%1").arg(m_shownEvidenceRow));
    });
}

void ReviewPanel::requireCoverage()
{
    m_coverage->reset();
    m_coverage->require(kArgumentsPane, QStringLiteral("content"));
    m_coverage->require(kScopesPane, QStringLiteral("table"));
    m_coverage->require(kChainPane, QStringLiteral("table"));
    m_coverage->require(kEvidencePane, QStringLiteral("table"));
    m_coverage->require(kEvidencePane, QStringLiteral("memory"));
    for (int row = 0; row < m_action.evidence.size(); ++row)
        m_coverage->require(kEvidencePane, QStringLiteral("content:%1").arg(row));
}

bool ReviewPanel::treeFullyExpanded() const
{
    // Every row with children expanded, and no cell cut short ("… show all"),
    // which the tree would show only in part.
    return qsizetype(m_expandedNodes.size()) == m_treeModel->expandableCount() && !m_treeModel->hasTruncatedCell();
}

QString ReviewPanel::paneTitle(const QString &pane)
{
    if (pane == kArgumentsPane)
        return tr("Tool arguments");
    if (pane == kScopesPane)
        return tr("Data scopes");
    if (pane == kChainPane)
        return tr("Authority chain");
    if (pane == kEvidencePane)
        return tr("Evidence and memory");
    return pane;
}

void ReviewPanel::arrangeColumns()
{
    // The models put the columns an approver needs first; the evidence content
    // is shown in full below its table, so the cell is not repeated.
    m_evidence->setColumnHidden(models::EvidenceModel::ContentColumn, true);
}

void ReviewPanel::refreshClock()
{
    if (m_actionId.isEmpty())
        return;
    m_chainModel->refresh();
    m_memoryModel->refresh();
}

void ReviewPanel::showEvidenceContent(int row)
{
    if (row < 0 || row >= m_action.evidence.size()) {
        m_evidenceContent->clear();
        return;
    }
    const core::Evidence &e = m_action.evidence.at(row);
    const QString text = e.content.isEmpty() ? e.excerpt : e.content;
    m_shownEvidenceRow = row;
    const QString shown = core::UntrustedText::display(text);
    m_evidenceContent->setPlainText(shown);
    // Highlight each instruction-like span in place (no rich text: extra
    // selections only colour what is already there as plain text).
    QList<QTextEdit::ExtraSelection> marks;
    for (const core::InjectionCheck::Match &m : core::InjectionCheck::scan(text)) {
        const QString span = core::UntrustedText::display(m.text);
        QTextCursor cursor = m_evidenceContent->document()->find(span);
        if (cursor.isNull())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = cursor;
        mark.format.setBackground(QColor(255, 214, 102));
        mark.format.setForeground(Qt::black);
        mark.format.setToolTip(tr("Possible prompt injection: %1").arg(core::InjectionCheck::patternName(m.pattern)));
        marks.append(mark);
    }
    m_evidenceContent->setExtraSelections(marks);
    m_evidenceContent->verticalScrollBar()->setValue(0);
    m_coverage->recheck();
}

QString ReviewPanel::requestFlagsText() const
{
    return m_requestFlags->toPlainText();
}

QString ReviewPanel::argumentFlagsText() const
{
    return m_argumentFlags->toPlainText();
}

QString ReviewPanel::scopeFlagsText() const
{
    return m_scopeFlags->toPlainText();
}

QString ReviewPanel::evidenceFlagsText() const
{
    return m_evidenceFlags->toPlainText();
}

QString ReviewPanel::headerText() const
{
    return m_header->text();
}

void ReviewPanel::fillRawArguments()
{
    if (!m_rawStale)
        return;
    m_raw->setCanonical(core::CanonicalJson::serializeOrEmpty(m_action.arguments));
    m_rawStale = false;
    m_coverage->recheck();
}

QString ReviewPanel::rawArgumentsText()
{
    fillRawArguments();
    return m_raw->text();
}

QString ReviewPanel::chainFlagsText() const
{
    return m_chainFlags->text();
}

QString ReviewPanel::evidenceContentText() const
{
    return m_evidenceContent->toPlainText();
}

} // namespace countersign::ui
