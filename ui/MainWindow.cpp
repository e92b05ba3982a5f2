#include "ui/MainWindow.h"

#include "core/UntrustedText.h"
#include "models/PendingQueueModel.h"
#include "models/PendingQueueProxyModel.h"
#include "net/BrokerConnection.h"
#include "ui/ConnectionBanner.h"
#include "ui/ConsoleBackend.h"
#include "ui/DecisionDialog.h"
#include "ui/HistoryView.h"
#include "ui/KillSwitchPanel.h"
#include "ui/Retranslation.h"
#include "ui/ReviewCoverage.h"
#include "ui/ReviewPanel.h"
#include "ui/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QSslSocket>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace countersign::ui {

MainWindow::MainWindow(ConsoleBackend *backend, models::PendingQueueModel *queue, net::BrokerConnection *connection,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_queue(queue)
    , m_proxy(new models::PendingQueueProxyModel(this))
    , m_connection(connection)
    , m_retranslation(new Retranslation(this))
{
    translated([this] { setWindowTitle(tr("Countersign")); });
    setObjectName(QStringLiteral("mainWindow"));
    m_proxy->setSourceModel(queue);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner = new ConnectionBanner(connection, central);
    layout->addWidget(m_banner);
    m_notice = new QLabel(central);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    translated([this] { m_notice->setAccessibleName(tr("Latest notice")); });
    m_notice->hide();
    layout->addWidget(m_notice);

    m_mainSplitter = new QSplitter(Qt::Horizontal, central);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    layout->addWidget(m_mainSplitter, 1);

    auto *left = new QWidget(m_mainSplitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    auto makeCombo = [this, left, filters](const char *label, const char *accessible) {
        auto *caption = new QLabel(left);
        auto *combo = new QComboBox(left);
        translated([caption, combo, label, accessible] {
            caption->setText(tr(label));
            combo->setAccessibleName(tr(accessible));
        });
        caption->setBuddy(combo);
        filters->addWidget(caption);
        filters->addWidget(combo, 1);
        return combo;
    };
    m_tenantFilter = makeCombo(QT_TR_NOOP("&Tenant:"), QT_TR_NOOP("Show only this tenant"));
    m_agentFilter = makeCombo(QT_TR_NOOP("A&gent:"), QT_TR_NOOP("Show only this agent"));
    m_toolFilter = makeCombo(QT_TR_NOOP("T&ool:"), QT_TR_NOOP("Show only this tool"));
    m_sort = makeCombo(QT_TR_NOOP("&Sort:"), QT_TR_NOOP("Sort the queue"));
    m_sort->addItem(QString(), int(models::PendingQueueProxyModel::SortMode::Deadline));
    m_sort->addItem(QString(), int(models::PendingQueueProxyModel::SortMode::Risk));
    m_sort->addItem(QString(), int(models::PendingQueueProxyModel::SortMode::Arrival));
    translated([this] {
        m_sort->setItemText(0, tr("Deadline"));
        m_sort->setItemText(1, tr("Risk"));
        m_sort->setItemText(2, tr("Arrival"));
    });
    leftLayout->addLayout(filters);
    m_queueView = new QTableView(left);
    m_queueView->setObjectName(QStringLiteral("queueView"));
    m_queueView->setModel(m_proxy);
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queueView->setAlternatingRowColors(true);
    m_queueView->verticalHeader()->hide();
    m_queueView->horizontalHeader()->setStretchLastSection(true);
    translated([this] { m_queueView->setAccessibleName(tr("Pending actions")); });
    {
        // Time left first: what an approver must see even in a narrow queue.
        using Q = models::PendingQueueModel;
        const QList<int> order {Q::DeadlineColumn,  Q::ToolColumn, Q::AgentColumn, Q::RiskColumn,
                                Q::ApprovalsColumn, Q::UserColumn, Q::TenantColumn};
        QHeaderView *header = m_queueView->horizontalHeader();
        for (int i = 0; i < order.size(); ++i)
            header->moveSection(header->visualIndex(order.at(i)), i);
    }
    m_queueView->setAccessibleDescription(tr("Actions waiting for your decision, soonest deadline first"));
    leftLayout->addWidget(m_queueView, 1);

    auto *right = new QWidget(m_mainSplitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_review = new ReviewPanel(right);
    connect(m_review->coverage(), &ReviewCoverage::changed, this, &MainWindow::refreshDecisionButtons);
    rightLayout->addWidget(m_review, 1);
    auto *decisionBar = new QHBoxLayout;
    m_hint = new QLabel(right);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    translated([this] { m_hint->setAccessibleName(tr("Why a decision can or cannot be signed now")); });
    decisionBar->addWidget(m_hint, 1);
    m_deny = new QPushButton(right);
    m_approve = new QPushButton(right);
    translated([this] {
        m_deny->setText(tr("&Deny…"));
        m_deny->setAccessibleName(tr("Deny the selected action"));
        m_deny->setAccessibleDescription(
            tr("Opens the confirmation: the decision is signed only after you confirm it"));
        // Set after the text: a mnemonic in the text would replace it.
        m_deny->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
        m_approve->setText(tr("&Approve…"));
        m_approve->setAccessibleName(tr("Approve the selected action"));
        m_approve->setAccessibleDescription(
            tr("Opens the confirmation: the decision is signed only after you confirm it"));
        m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    });
    decisionBar->addWidget(m_deny);
    decisionBar->addWidget(m_approve);
    rightLayout->addLayout(decisionBar);
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 5);
    setCentralWidget(central);

    connect(m_approve, &QPushButton::clicked, this, [this] { decide(QStringLiteral("approve")); });
    connect(m_deny, &QPushButton::clicked, this, [this] { decide(QStringLiteral("deny")); });
    connect(m_queueView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(queue, &models::PendingQueueModel::actionResolved, this, &MainWindow::onResolved);
    m_resolvedNotice = new QTimer(this);
    m_resolvedNotice->setSingleShot(true);
    m_resolvedNotice->setInterval(0);
    connect(m_resolvedNotice, &QTimer::timeout, this, &MainWindow::showResolvedNotice);
    // Laying the table out measures every cell, so it runs once per burst of
    // arrivals (a resync replays the whole backlog), not once per action:
    // per action it made 1,000 pending take 33 s to appear (B8, docs/performance.md).
    auto *layoutQueue = new QTimer(this);
    layoutQueue->setSingleShot(true);
    layoutQueue->setInterval(0);
    connect(layoutQueue, &QTimer::timeout, this, [this] {
        updateFilterChoices();
        m_queueView->resizeColumnsToContents();
        for (int column = 0; column < m_queueView->model()->columnCount(); ++column)
            m_queueView->setColumnWidth(column, std::min(m_queueView->columnWidth(column), 180));
        m_queueView->resizeRowsToContents();
        if (selectedActionId().isEmpty() && m_proxy->rowCount() > 0)
            m_queueView->selectRow(0);
    });
    connect(queue, &QAbstractItemModel::rowsInserted, layoutQueue, qOverload<>(&QTimer::start));
    connect(queue, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.data(models::PendingQueueModel::ActionIdRole).toString() == m_review->shownActionId()
            && topLeft.column() != models::PendingQueueModel::DeadlineColumn)
            onSelectionChanged();
    });
    connect(connection, &net::BrokerConnection::stateChanged, this, &MainWindow::refreshDecisionButtons);
    for (QComboBox *combo : {m_tenantFilter, m_agentFilter, m_toolFilter}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            m_proxy->setTenantFilter(m_tenantFilter->currentData().toString());
            m_proxy->setAgentFilter(m_agentFilter->currentData().toString());
            m_proxy->setToolFilter(m_toolFilter->currentData().toString());
        });
    }
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setSortMode(models::PendingQueueProxyModel::SortMode(m_sort->currentData().toInt())); });
    m_tick = new QTimer(this);
    connect(m_tick, &QTimer::timeout, this, &MainWindow::refreshDecisionButtons);
    connect(m_tick, &QTimer::timeout, m_review, &ReviewPanel::refreshClock);
    m_tick->start(1000);

    buildMenus();
    updateFilterChoices();
    translated([this] { statusBar()->showMessage(tr("Signing key %1").arg(m_backend->approverKeyId())); });
    qApp->installEventFilter(this);
    restoreLayout();
    refreshDecisionButtons();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::installKillSwitchPanel(KillSwitchPanel *panel)
{
    m_killSwitchPanel = panel;
    m_killSwitchDock = new QDockWidget(this);
    m_killSwitchDock->setObjectName(QStringLiteral("killSwitchDock"));
    m_killSwitchDock->setWidget(panel);
    addDockWidget(Qt::BottomDockWidgetArea, m_killSwitchDock);
    m_killSwitchDock->hide();
    QMenu *menu = menuBar()->addMenu(QString());
    m_killSwitchAction = menu->addAction(QString());
    translated([this, menu] {
        m_killSwitchDock->setWindowTitle(tr("Kill switches"));
        menu->setTitle(tr("&Kill switches"));
        m_killSwitchAction->setText(tr("Show &kill switches…"));
    });
    m_killSwitchAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::Key_F9)});
    m_killSwitchAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_killSwitchAction, &QAction::triggered, this, &MainWindow::showKillSwitches);
    // The Help menu stays last.
    const QList<QAction *> top = menuBar()->actions();
    if (top.size() >= 2)
        menuBar()->insertMenu(top.at(top.size() - 2), menu);
}

void MainWindow::installHistoryView(HistoryView *view)
{
    m_historyView = view;
    QWidget *queue = takeCentralWidget();
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("mainViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(queue, tr("&Queue"));
    m_views->addTab(view, tr("&History"));
    setCentralWidget(m_views);
    auto *show = new QAction(tr("Show &history"), this);
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    show->setShortcutContext(Qt::ApplicationShortcut);
    connect(show, &QAction::triggered, this, &MainWindow::showHistory);
    addAction(show);
}

void MainWindow::showHistory()
{
    if (m_views && m_historyView)
        m_views->setCurrentWidget(m_historyView);
}

void MainWindow::showKillSwitches()
{
    if (!m_killSwitchDock)
        return;
    const bool first = m_killSwitchDock->isHidden() && !m_killSwitchDock->property("shownOnce").toBool();
    m_killSwitchDock->show();
    m_killSwitchDock->raise();
    if (first) {
        // A third of the window: the review above it must stay readable.
        m_killSwitchDock->setProperty("shownOnce", true);
        resizeDocks({m_killSwitchDock}, {height() / 3}, Qt::Vertical);
    }
    m_killSwitchPanel->fillTargets();
    m_killSwitchPanel->refresh();
    m_killSwitchPanel->reload();
    m_killSwitchPanel->setFocus();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(QString());
    QAction *lock = file->addAction(QString());
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lock, &QAction::triggered, this, [this] {
        m_backend->lockKey();
        refreshDecisionButtons();
    });
    QAction *settings = file->addAction(QString());
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    file->addSeparator();
    QAction *quit = file->addAction(QString());
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QMenu *queue = menuBar()->addMenu(QString());
    QAction *next = queue->addAction(QString());
    next->setShortcut(QKeySequence(Qt::Key_J));
    connect(next, &QAction::triggered, this, [this] {
        const int row = m_queueView->currentIndex().row();
        if (row + 1 < m_proxy->rowCount())
            m_queueView->selectRow(row + 1);
    });
    QAction *previous = queue->addAction(QString());
    previous->setShortcut(QKeySequence(Qt::Key_K));
    connect(previous, &QAction::triggered, this, [this] {
        const int row = m_queueView->currentIndex().row();
        if (row > 0)
            m_queueView->selectRow(row - 1);
    });
    QMenu *help = menuBar()->addMenu(QString());
    QAction *shortcuts = help->addAction(QString());
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, [this] {
        // Not modal: it can stay open beside the window while the keys are tried.
        auto *dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QAction *about = help->addAction(QString());
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox box(QMessageBox::Information, tr("About Countersign"),
                        tr("Countersign %1\n\nA human, and a signature, between AI agents and their high-impact "
                           "actions.\n\nQt %2, %3.")
                            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                 QSslSocket::sslLibraryVersionString()),
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    });
    QAction *focusQueue = queue->addAction(QString());
    focusQueue->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Q));
    connect(focusQueue, &QAction::triggered, this, [this] { m_queueView->setFocus(); });
    translated([file, lock, settings, quit, queue, next, previous, focusQueue, help, shortcuts, about] {
        file->setTitle(tr("&File"));
        lock->setText(tr("&Lock signing key"));
        settings->setText(tr("&Settings…"));
        quit->setText(tr("&Quit"));
        queue->setTitle(tr("&Queue"));
        next->setText(tr("&Next action"));
        previous->setText(tr("&Previous action"));
        focusQueue->setText(tr("&Focus the queue"));
        help->setTitle(tr("&Help"));
        shortcuts->setText(tr("&Keyboard shortcuts"));
        about->setText(tr("&About Countersign"));
    });
}

QString MainWindow::selectedActionId() const
{
    const QModelIndexList rows = m_queueView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(models::PendingQueueModel::ActionIdRole).toString();
}

void MainWindow::selectAction(const QString &actionId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data(models::PendingQueueModel::ActionIdRole).toString() == actionId) {
            m_queueView->selectRow(row);
            return;
        }
    }
}

void MainWindow::onSelectionChanged()
{
    const QString id = selectedActionId();
    const models::PendingQueueModel::Entry *entry = id.isEmpty() ? nullptr : m_queue->entry(id);
    if (!entry)
        m_review->clear();
    else
        m_review->showAction(entry->action);
    refreshDecisionButtons();
}

void MainWindow::refreshDecisionButtons()
{
    const QString id = selectedActionId();
    QString why;
    bool can = !id.isEmpty() && m_backend->canSign(&why);
    if (id.isEmpty())
        why = tr("Select an action to decide on it.");
    if (can) {
        const DecisionPreview preview = m_backend->preview(id, QStringLiteral("approve"));
        if (!preview.problem.isEmpty()) {
            can = false;
            why = preview.problem;
        }
    }
    // Approve waits until every pane's full content was on screen; the button
    // says which panes are still unseen. Deny never waits for coverage.
    const ReviewCoverage *coverage = m_review->coverage();
    const bool covered = coverage->isComplete();
    if (can && !covered) {
        QStringList unseen;
        for (const QString &pane : coverage->unseenPanes())
            unseen.append(ReviewPanel::paneTitle(pane));
        m_approve->setText(tr("Approve… (not yet seen: %1)").arg(unseen.join(tr(", "))));
        m_approve->setToolTip(tr("Scroll each pane to its end (or expand the whole tree) before approving."));
    } else {
        m_approve->setText(tr("&Approve…"));
        m_approve->setToolTip(QString());
    }
    // setText replaces the shortcut with the text's mnemonic: restore Ctrl+Return.
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_approve->setEnabled(can && covered);
    // Deny is possible whenever anything can be signed at all.
    m_deny->setEnabled(can
                       || (!id.isEmpty() && m_backend->canSign(nullptr)
                           && m_backend->preview(id, QStringLiteral("deny")).problem.isEmpty()));
    m_hint->setText(can ? tr("Review every pane, then approve or deny. Your decision is signed with your key.") : why);
}

QString MainWindow::decisionHint() const
{
    return m_hint->text();
}

void MainWindow::decide(const QString &verdict)
{
    const QString id = selectedActionId();
    if (id.isEmpty())
        return;
    DecisionPreview preview = m_backend->preview(id, verdict);
    if (!preview.problem.isEmpty()) {
        showNotice(preview.problem);
        return;
    }
    const ReviewCoverage *coverage = m_review->coverage();
    preview.coverageComplete = m_review->shownActionId() == id && coverage->isComplete();
    preview.unseenPanes = m_review->shownActionId() == id ? coverage->unseenPanes() : coverage->panes();
    if (verdict == QStringLiteral("approve") && !preview.coverageComplete) {
        showNotice(tr("Not approved: some panes were not seen in full yet."));
        return;
    }
    const auto reason = DecisionDialog::ask(this, preview);
    if (!reason)
        return;
    preview.reason = *reason;
    if (preview.reasonRequired && preview.reason.isEmpty()) {
        showNotice(tr("Not signed: a reason is required."));
        return;
    }
    QString error;
    if (!m_backend->sign(preview, &error)) {
        showNotice(tr("Not signed: %1").arg(error));
        return;
    }
    showNotice(tr("Signed and queued: %1 %2. Waiting for the broker's answer…").arg(verdict, id));
    refreshDecisionButtons();
}

void MainWindow::showDecisionAnswer(const QString &actionId, const QJsonObject &reply)
{
    if (reply.value(QStringLiteral("accepted")).toBool()) {
        const int approvals = reply.value(QStringLiteral("approvals")).toInt();
        const int quorum = reply.value(QStringLiteral("quorum")).toInt();
        const QString status = reply.value(QStringLiteral("status")).toString();
        if (status == QStringLiteral("pending"))
            showNotice(tr("Accepted for %1: %2 of %3 approvals; waiting for %n more.", nullptr, quorum - approvals)
                           .arg(actionId)
                           .arg(approvals)
                           .arg(quorum));
        else
            showNotice(tr("Accepted for %1: the action is now %2.").arg(actionId, status));
    } else {
        showNotice(tr("Rejected by the broker for %1 (%2): %3")
                       .arg(actionId, reply.value(QStringLiteral("code")).toString(),
                            reply.value(QStringLiteral("message")).toString()));
    }
}

void MainWindow::onResolved(const QString &actionId, const QString &status)
{
    m_resolvedIds.append(actionId);
    ++m_resolvedByStatus[status];
    m_resolvedNotice->start();
    if (m_review->shownActionId() == actionId)
        onSelectionChanged();
}

void MainWindow::showResolvedNotice()
{
    if (m_resolvedIds.size() == 1) {
        showNotice(
            tr("%1 left the queue: %2. This is final.").arg(m_resolvedIds.first(), m_resolvedByStatus.firstKey()));
    } else if (!m_resolvedIds.isEmpty()) {
        const QLocale locale;
        QStringList counts;
        for (auto it = m_resolvedByStatus.cbegin(); it != m_resolvedByStatus.cend(); ++it)
            counts.append(locale.toString(it.value()) + u' ' + it.key());
        showNotice(tr("%Ln action(s) left the queue: %1. This is final.", nullptr, int(m_resolvedIds.size()))
                       .arg(counts.join(QStringLiteral(", "))));
    }
    m_resolvedIds.clear();
    m_resolvedByStatus.clear();
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
    statusBar()->showMessage(text, 15000);
}

QString MainWindow::noticeText() const
{
    return m_notice->text();
}

void MainWindow::updateFilterChoices()
{
    auto refill = [](QComboBox *combo, const QStringList &values) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("All"), QString());
        for (const QString &value : values)
            combo->addItem(core::UntrustedText::singleLine(value), value);
        const int index = combo->findData(current);
        combo->setCurrentIndex(index < 0 ? 0 : index);
    };
    refill(m_tenantFilter, m_queue->tenants());
    refill(m_agentFilter, m_queue->agents());
    refill(m_toolFilter, m_queue->tools());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: the panes need room to be read side by side.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(available.size() * 0.92);
        m_mainSplitter->setSizes({width() * 35 / 100, width() * 65 / 100});
    }
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_review->splitter()->restoreState(settings.value(QStringLiteral("window/reviewSplitter")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/reviewSplitter"), m_review->splitter()->saveState());
}

void MainWindow::translated(std::function<void()> apply)
{
    m_retranslation->add(std::move(apply));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        updateFilterChoices();
        // The review and the hint are composed per action: compose them again in the new language.
        onSelectionChanged();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::KeyPress || type == QEvent::MouseButtonPress || type == QEvent::Wheel)
        Q_EMIT userActivity();
    return QMainWindow::eventFilter(watched, event);
}

} // namespace countersign::ui
