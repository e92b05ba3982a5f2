#pragma once

#include "core/Ed25519PublicKey.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace countersign::storage {
class HistoryStore;
}

namespace countersign::models {
class AuditVerification;
class DecisionsModel;
class HistoryModel;
class HistorySync;
class TimelineModel;
} // namespace countersign::models

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::ui {

class ReviewPanel;

// The reviewers' view: every resolved action in the local cache (opens at
// once, fills in as the sync stores pages, marked when the broker cannot be
// reached), filters and free text, and for the selected action the same
// review panes as the queue (read-only), its Decisions checked locally, and
// its incident timeline. "Verify audit log" checks the cached chain and
// checkpoints against the broker key of the pinned profile.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    static constexpr const char *kReportSeam = "history.report";
    static constexpr const char *kExportSeam = "history.export";

    HistoryView(storage::HistoryStore *store, models::HistorySync *sync, net::BrokerConnection *connection,
                QWidget *parent = nullptr);
    ~HistoryView() override;

    // The broker's public key from the pinned connection profile (none: checkpoints cannot be verified).
    void setBrokerKey(std::optional<core::Ed25519PublicKey> key) { m_brokerKey = std::move(key); }
    // Exports actions as an evidence bundle into a directory; empty when there is no exporter.
    using Exporter = std::function<bool(const QStringList &actionIds, const QString &directory, QString *message)>;
    void setExporter(Exporter exporter);

    models::HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ReviewPanel *review() const { return m_review; }
    models::DecisionsModel *decisions() const { return m_decisions; }
    models::TimelineModel *timeline() const { return m_timeline; }
    QTabWidget *detailTabs() const { return m_tabs; }
    QString statusText() const;
    QString decisionsText() const;
    QString traceId() const { return m_traceId; }
    QString auditResultText() const;
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *cancelVerifyButton() const { return m_cancelVerify; }
    QPushButton *copyTraceButton() const { return m_copyTrace; }
    QPushButton *reportButton() const { return m_report; }
    QPushButton *exportButton() const { return m_export; }
    QProgressBar *verifyProgress() const { return m_progress; }
    QLineEdit *searchEdit() const { return m_search; }
    QLineEdit *agentEdit() const { return m_agent; }
    QString selectedActionId() const { return m_shownId; }
    void selectAction(const QString &actionId);

public Q_SLOTS:
    void applyFilter();
    void verifyAudit();
    void saveReport();
    void exportSelection();
    void copyTraceId();

private:
    void onSelectionChanged();
    void showAction(const QString &actionId);
    void refreshStatus();
    void onCacheChanged();

    storage::HistoryStore *m_store;
    models::HistorySync *m_sync;
    net::BrokerConnection *m_connection;
    models::HistoryModel *m_model;
    models::DecisionsModel *m_decisions;
    models::TimelineModel *m_timeline;
    models::AuditVerification *m_verification;
    std::optional<core::Ed25519PublicKey> m_brokerKey;
    Exporter m_exporter;
    QJsonObject m_shownMessage;
    QString m_shownId;
    QString m_traceId;

    QLabel *m_status;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLineEdit *m_tenant;
    QLineEdit *m_agent;
    QLineEdit *m_user;
    QLineEdit *m_tool;
    QComboBox *m_outcome;
    QLineEdit *m_approver;
    QLineEdit *m_rule;
    QLineEdit *m_search;
    QLabel *m_filterError;
    QTimer *m_searchDelay;
    QTableView *m_table;
    QTabWidget *m_tabs;
    ReviewPanel *m_review;
    QTableView *m_decisionsView;
    QLabel *m_decisionsSummary;
    QTableView *m_timelineView;
    QLabel *m_traceLabel;
    QPushButton *m_copyTrace;
    QSpinBox *m_verifyFrom;
    QSpinBox *m_verifyTo;
    QPushButton *m_verify;
    QPushButton *m_cancelVerify;
    QProgressBar *m_progress;
    QLabel *m_auditResult;
    QPushButton *m_report;
    QPushButton *m_export;
};

} // namespace countersign::ui
