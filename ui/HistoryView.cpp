#include "ui/HistoryView.h"

#include "core/Action.h"
#include "core/JsonReader.h"
#include "models/ActionReport.h"
#include "models/AuditVerification.h"
#include "models/DecisionsModel.h"
#include "models/HistoryModel.h"
#include "models/HistorySync.h"
#include "models/IncidentTimeline.h"
#include "models/TimelineModel.h"
#include "net/BrokerConnection.h"
#include "storage/HistoryStore.h"
#include "ui/DialogSeam.h"
#include "ui/Retranslation.h"
#include "ui/ReviewPanel.h"

#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace countersign::ui {

namespace {
QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

HistoryView::HistoryView(storage::HistoryStore *store, models::HistorySync *sync, net::BrokerConnection *connection,
                         QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_sync(sync)
    , m_connection(connection)
    , m_model(new models::HistoryModel(store, this))
    , m_decisions(new models::DecisionsModel(this))
    , m_timeline(new models::TimelineModel(this))
    , m_verification(new models::AuditVerification(store, this))
{
    setObjectName(QStringLiteral("historyView"));
    auto *i18n = new Retranslation(this);
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setTextFormat(Qt::PlainText);
    i18n->add([this] { m_status->setAccessibleName(tr("History cache state")); });
    layout->addWidget(m_status);

    auto *filters = new QGridLayout;
    // The captions are translated when shown (QT_TR_NOOP), so they follow a language switch.
    auto edit = [this, filters, i18n](int row, int column, const char *label, const char *placeholder) {
        auto *caption = new QLabel(this);
        auto *line = new QLineEdit(this);
        i18n->add([caption, line, label, placeholder] {
            caption->setText(tr(label));
            line->setPlaceholderText(tr(placeholder));
            line->setAccessibleName(tr(label));
        });
        line->setClearButtonEnabled(true);
        caption->setBuddy(line);
        filters->addWidget(caption, row, column * 2);
        filters->addWidget(line, row, column * 2 + 1);
        connect(line, &QLineEdit::editingFinished, this, &HistoryView::applyFilter);
        return line;
    };
    m_from = edit(0, 0, QT_TR_NOOP("&From:"), QT_TR_NOOP("2026-12-01T00:00:00Z"));
    m_to = edit(0, 1, QT_TR_NOOP("T&o:"), QT_TR_NOOP("submitted before"));
    m_tenant = edit(0, 2, QT_TR_NOOP("T&enant:"), QT_TR_NOOP("any"));
    m_agent = edit(0, 3, QT_TR_NOOP("A&gent:"), QT_TR_NOOP("any"));
    m_user = edit(1, 0, QT_TR_NOOP("&User:"), QT_TR_NOOP("any"));
    m_tool = edit(1, 1, QT_TR_NOOP("Too&l:"), QT_TR_NOOP("any"));
    m_approver = edit(1, 2, QT_TR_NOOP("A&pprover:"), QT_TR_NOOP("name or key id"));
    m_rule = edit(1, 3, QT_TR_NOOP("&Rule:"), QT_TR_NOOP("any"));
    auto *outcomeLabel = new QLabel(this);
    m_outcome = new QComboBox(this);
    m_outcome->addItem(QString(), QString());
    i18n->add([this, outcomeLabel] {
        outcomeLabel->setText(tr("O&utcome:"));
        m_outcome->setAccessibleName(tr("Outcome"));
        m_outcome->setItemText(0, tr("any"));
    });
    for (const char *o : {"approved", "allowed", "denied", "expired", "killed", "executed", "failed"})
        m_outcome->addItem(QString::fromLatin1(o), QString::fromLatin1(o));
    outcomeLabel->setBuddy(m_outcome);
    filters->addWidget(outcomeLabel, 2, 0);
    filters->addWidget(m_outcome, 2, 1);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    auto *searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setClearButtonEnabled(true);
    i18n->add([this, searchLabel] {
        searchLabel->setText(tr("&Search:"));
        m_search->setPlaceholderText(tr("words in tool arguments and evidence"));
        m_search->setAccessibleName(tr("Search tool arguments and evidence"));
    });
    searchLabel->setBuddy(m_search);
    filters->addWidget(searchLabel, 2, 2);
    filters->addWidget(m_search, 2, 3, 1, 5);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryView::applyFilter);
    layout->addLayout(filters);
    m_filterError = new QLabel(this);
    m_filterError->setTextFormat(Qt::PlainText);
    m_filterError->hide();
    layout->addWidget(m_filterError);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    layout->addWidget(splitter, 1);
    m_table = makeTable(splitter);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(models::HistoryModel::TimeColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    splitter->addWidget(m_table);

    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("historyDetails"));
    m_review = new ReviewPanel(m_tabs);
    m_review->setEmptyHint([] { return tr("Select an action in the list to see its review, read-only."); });
    m_tabs->addTab(m_review, QString());
    auto *decisionsPage = new QWidget(m_tabs);
    auto *decisionsLayout = new QVBoxLayout(decisionsPage);
    m_decisionsSummary = new QLabel(decisionsPage);
    m_decisionsSummary->setTextFormat(Qt::PlainText);
    m_decisionsSummary->setWordWrap(true);
    decisionsLayout->addWidget(m_decisionsSummary);
    m_decisionsView = makeTable(decisionsPage);
    m_decisionsView->setObjectName(QStringLiteral("decisionsView"));
    m_decisionsView->setModel(m_decisions);
    m_decisionsView->setWordWrap(true);
    decisionsLayout->addWidget(m_decisionsView, 1);
    m_tabs->addTab(decisionsPage, QString());
    auto *timelinePage = new QWidget(m_tabs);
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    auto *traceBar = new QHBoxLayout;
    m_traceLabel = new QLabel(timelinePage);
    m_traceLabel->setTextFormat(Qt::PlainText);
    m_traceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    traceBar->addWidget(m_traceLabel, 1);
    m_copyTrace = new QPushButton(timelinePage);
    traceBar->addWidget(m_copyTrace);
    timelineLayout->addLayout(traceBar);
    m_timelineView = makeTable(timelinePage);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setWordWrap(true);
    timelineLayout->addWidget(m_timelineView, 1);
    m_tabs->addTab(timelinePage, QString());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    // The review panes' size hints would otherwise squeeze the list to a sliver:
    // start at about 3:4, as the stretch factors share any space later.
    splitter->setSizes({600, 800});

    auto *bar = new QHBoxLayout;
    auto *fromLabel = new QLabel(this);
    bar->addWidget(fromLabel);
    m_verifyFrom = new QSpinBox(this);
    m_verifyFrom->setRange(1, std::numeric_limits<int>::max());
    bar->addWidget(m_verifyFrom);
    auto *toLabel = new QLabel(this);
    bar->addWidget(toLabel);
    m_verifyTo = new QSpinBox(this);
    m_verifyTo->setRange(0, std::numeric_limits<int>::max());
    bar->addWidget(m_verifyTo);
    m_verify = new QPushButton(this);
    bar->addWidget(m_verify);
    m_progress = new QProgressBar(this);
    m_progress->hide();
    bar->addWidget(m_progress, 1);
    m_cancelVerify = new QPushButton(this);
    m_cancelVerify->hide();
    bar->addWidget(m_cancelVerify);
    bar->addStretch();
    m_report = new QPushButton(this);
    bar->addWidget(m_report);
    m_export = new QPushButton(this);
    m_export->setEnabled(false);
    bar->addWidget(m_export);
    layout->addLayout(bar);
    m_auditResult = new QLabel(this);
    m_auditResult->setObjectName(QStringLiteral("auditResult"));
    m_auditResult->setTextFormat(Qt::PlainText);
    m_auditResult->setWordWrap(true);
    m_auditResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_auditResult);

    i18n->add([=, this] {
        m_table->setAccessibleName(tr("Resolved actions"));
        m_tabs->setTabText(0, tr("Re&view"));
        m_decisionsView->setAccessibleName(tr("Decisions"));
        m_tabs->setTabText(1, tr("&Decisions"));
        m_copyTrace->setText(tr("&Copy trace id"));
        m_copyTrace->setAccessibleName(tr("Copy the trace id to the clipboard"));
        m_timelineView->setAccessibleName(tr("Incident timeline"));
        m_tabs->setTabText(2, tr("&Timeline"));
        fromLabel->setText(tr("Audit seq from"));
        m_verifyFrom->setAccessibleName(tr("Verify from audit seq"));
        toLabel->setText(tr("to"));
        m_verifyTo->setSpecialValueText(tr("newest cached"));
        m_verifyTo->setAccessibleName(tr("Verify up to audit seq (newest cached when empty)"));
        m_verify->setText(tr("Verify &audit log"));
        m_progress->setAccessibleName(tr("Audit verification progress"));
        m_cancelVerify->setText(tr("Cancel"));
        m_report->setText(tr("Save &report…"));
        m_report->setAccessibleName(tr("Save a readable report of the selected action"));
        m_export->setText(tr("E&xport evidence…"));
        m_export->setAccessibleName(
            tr("Export the selected action, or every action the filter shows, as an evidence bundle"));
    });

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the selected action selected across refreshes and filters.
        const QString id = m_shownId;
        if (!id.isEmpty())
            selectAction(id);
    });
    connect(m_copyTrace, &QPushButton::clicked, this, &HistoryView::copyTraceId);
    connect(m_verify, &QPushButton::clicked, this, &HistoryView::verifyAudit);
    connect(m_cancelVerify, &QPushButton::clicked, m_verification, &models::AuditVerification::cancel);
    connect(m_report, &QPushButton::clicked, this, &HistoryView::saveReport);
    connect(m_export, &QPushButton::clicked, this, &HistoryView::exportSelection);
    connect(m_verification, &models::AuditVerification::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(int(std::min<qint64>(total, std::numeric_limits<int>::max())));
        m_progress->setValue(int(std::min<qint64>(done, std::numeric_limits<int>::max())));
    });
    connect(m_verification, &models::AuditVerification::finished, this, [this](bool, const QString &summary) {
        m_progress->hide();
        m_cancelVerify->hide();
        m_verify->setEnabled(true);
        m_auditResult->setText(summary);
    });
    if (m_sync) {
        connect(m_sync, &models::HistorySync::cacheChanged, this, &HistoryView::onCacheChanged);
        connect(m_sync, &models::HistorySync::syncingChanged, this, &HistoryView::refreshStatus);
        connect(m_sync, &models::HistorySync::roundFinished, this, &HistoryView::onCacheChanged);
        connect(m_sync, &models::HistorySync::failed, this, &HistoryView::refreshStatus);
    }
    if (m_connection)
        connect(m_connection, &net::BrokerConnection::stateChanged, this, &HistoryView::refreshStatus);
    m_tabs->setEnabled(false);
    m_report->setEnabled(false);
    // Composed texts (the cache state, the shown action's decisions and trace) follow a language switch too.
    i18n->add([this] {
        refreshStatus();
        if (!m_shownId.isEmpty())
            showAction(m_shownId);
    });
}

HistoryView::~HistoryView() = default;

void HistoryView::setExporter(Exporter exporter)
{
    m_exporter = std::move(exporter);
    m_export->setEnabled(bool(m_exporter));
}

QString HistoryView::statusText() const
{
    return m_status->text();
}

QString HistoryView::auditResultText() const
{
    return m_auditResult->text();
}

void HistoryView::refreshStatus()
{
    const qint64 total = m_store->count({});
    QString text = tr("%n resolved action(s) in the local cache", nullptr, int(std::min<qint64>(total, INT_MAX)));
    if (!m_connection || !m_connection->isLive())
        text += tr(" · broker unreachable: showing the cache as of the last sync");
    else if (m_sync && m_sync->isSyncing())
        text += tr(" · syncing with the broker…");
    else if (m_sync && !m_sync->lastError().isEmpty())
        text += tr(" · sync failed: %1").arg(m_sync->lastError());
    else
        text += tr(" · up to date with the broker");
    m_status->setText(text);
}

void HistoryView::onCacheChanged()
{
    m_model->refresh();
    refreshStatus();
}

void HistoryView::applyFilter()
{
    storage::HistoryStore::Filter f;
    QStringList problems;
    auto time = [&problems](QLineEdit *edit, const QString &what) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            return QDateTime();
        QDateTime t = core::JsonReader::parseTimestamp(text);
        if (!t.isValid())
            t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
        if (!t.isValid())
            problems.append(tr("%1 is not a time like 2026-12-01 or 2026-12-01T09:00:00Z").arg(what));
        return t;
    };
    f.from = time(m_from, tr("From"));
    f.to = time(m_to, tr("To"));
    f.tenant = m_tenant->text().trimmed();
    f.agent = m_agent->text().trimmed();
    f.user = m_user->text().trimmed();
    f.tool = m_tool->text().trimmed();
    f.outcome = m_outcome->currentData().toString();
    f.approver = m_approver->text().trimmed();
    f.rule = m_rule->text().trimmed();
    f.text = m_search->text();
    m_filterError->setText(problems.join(QLatin1Char('\n')));
    m_filterError->setVisible(!problems.isEmpty());
    m_model->setFilter(f);
}

void HistoryView::selectAction(const QString &actionId)
{
    const int row = m_model->rowOfAction(actionId);
    if (row < 0)
        return;
    const QSignalBlocker blocker(m_table->selectionModel());
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    if (actionId != m_shownId)
        showAction(actionId);
}

void HistoryView::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    showAction(rows.first().data(models::HistoryModel::ActionIdRole).toString());
}

void HistoryView::showAction(const QString &actionId)
{
    const auto message = m_store->message(actionId);
    if (!message) {
        m_tabs->setEnabled(false);
        m_report->setEnabled(false);
        return;
    }
    m_shownId = actionId;
    m_shownMessage = *message;
    const QJsonObject actionJson = message->value(QStringLiteral("action")).toObject();
    core::ValidationErrors errors;
    const core::Action action = core::Action::read(actionJson, &errors);
    m_review->showAction(action);
    const QList<core::DecisionCheck> checks
        = models::DecisionsModel::checkAll(actionJson, models::DecisionsModel::keysFrom(*m_store));
    m_decisions->setChecks(checks);
    int holding = 0;
    for (const core::DecisionCheck &c : checks)
        holding += c.holds() ? 1 : 0;
    m_decisionsSummary->setText(
        checks.isEmpty() ? tr("No human decision: the policy resolved this action (or it expired or was killed).")
                         : tr("%1 of %n decision(s) verified locally: signature by the approver's enrolled key and "
                              "digest of the action as displayed.",
                              nullptr, int(checks.size()))
                               .arg(holding));
    m_timeline->setEvents(models::IncidentTimeline::build(*m_store, actionJson));
    m_timelineView->resizeRowsToContents();
    m_traceId = models::IncidentTimeline::traceId(*m_store, actionJson);
    m_traceLabel->setText(m_traceId.isEmpty() ? tr("No trace id") : tr("Trace id: %1").arg(m_traceId));
    m_copyTrace->setEnabled(!m_traceId.isEmpty());
    m_tabs->setEnabled(true);
    m_report->setEnabled(true);
}

QString HistoryView::decisionsText() const
{
    QStringList lines {m_decisionsSummary->text()};
    for (int row = 0; row < m_decisions->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < m_decisions->columnCount(); ++column)
            cells.append(m_decisions->index(row, column).data().toString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines.join(QLatin1Char('\n'));
}

void HistoryView::copyTraceId()
{
    if (!m_traceId.isEmpty())
        QGuiApplication::clipboard()->setText(m_traceId);
}

void HistoryView::verifyAudit()
{
    if (!m_brokerKey) {
        m_auditResult->setText(tr("Cannot verify: the connection profile pins no broker public key, and a key taken "
                                  "from the data being verified would prove nothing. Set it in the profile "
                                  "(see docs/console.md)."));
        return;
    }
    QString error;
    if (!m_verification->start(*m_brokerKey, m_verifyFrom->value(), m_verifyTo->value(), &error)) {
        m_auditResult->setText(tr("Cannot verify: %1").arg(error));
        return;
    }
    m_auditResult->setText(tr("Verifying the cached audit log…"));
    m_progress->setRange(0, int(std::min<qint64>(m_verification->total(), std::numeric_limits<int>::max())));
    m_progress->setValue(0);
    m_progress->show();
    m_cancelVerify->show();
    m_verify->setEnabled(false);
}

void HistoryView::saveReport()
{
    if (m_shownId.isEmpty())
        return;
    const QString seam = QString::fromLatin1(kReportSeam);
    const auto answer = DialogSeam::takeAnswer(seam);
    const QString path = answer
        ? answer->toString()
        : QFileDialog::getSaveFileName(this, tr("Save action report"), m_shownId + QStringLiteral(".html"),
                                       tr("HTML report (*.html)"));
    if (path.isEmpty())
        return;
    const QString html = models::ActionReport::html(m_shownMessage, m_decisions->checks(), m_timeline->events());
    QString error;
    const bool ok = models::ActionReport::writeHtml(path, html, &error);
    const QString text = ok ? tr("Report saved to %1").arg(path) : tr("Could not save the report: %1").arg(error);
    DialogSeam::recordShown(seam, text);
    m_auditResult->setText(text);
}

void HistoryView::exportSelection()
{
    if (!m_exporter)
        return;
    const QString seam = QString::fromLatin1(kExportSeam);
    const auto answer = DialogSeam::takeAnswer(seam);
    const QString directory
        = answer ? answer->toString() : QFileDialog::getExistingDirectory(this, tr("Export evidence bundle into"));
    if (directory.isEmpty())
        return;
    // The selected action, or every action the current filter shows.
    QStringList ids;
    if (!m_table->selectionModel()->selectedRows().isEmpty() && !m_shownId.isEmpty())
        ids.append(m_shownId);
    else
        ids = m_model->matchingIds(100000);
    QString message;
    const bool ok = m_exporter(ids, directory, &message);
    const QString text = ok ? tr("Exported %n action(s) to %1", nullptr, int(ids.size())).arg(directory)
                            : tr("Export failed: %1").arg(message);
    DialogSeam::recordShown(seam, text);
    m_auditResult->setText(text);
}

} // namespace countersign::ui
