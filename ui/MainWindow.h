#pragma once

#include <QMainWindow>
#include <QMap>

#include <functional>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace countersign::models {
class PendingQueueModel;
class PendingQueueProxyModel;
} // namespace countersign::models

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::ui {

class ConnectionBanner;
class ConsoleBackend;
class HistoryView;
class KillSwitchPanel;
class ReviewPanel;
class Retranslation;

// The approver's window: the live queue on the left, the review of the
// selected action on the right, Approve and Deny below it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ConsoleBackend *backend, models::PendingQueueModel *queue, net::BrokerConnection *connection,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    QTableView *queueView() const { return m_queueView; }
    ReviewPanel *review() const { return m_review; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *denyButton() const { return m_deny; }
    QString decisionHint() const;
    QString noticeText() const;
    ConnectionBanner *banner() const { return m_banner; }
    void selectAction(const QString &actionId);
    QString selectedActionId() const;
    // Puts the kill-switch panel in a dock and adds the "Kill switches" menu (Ctrl+K, F9).
    void installKillSwitchPanel(KillSwitchPanel *panel);
    KillSwitchPanel *killSwitchPanel() const { return m_killSwitchPanel; }
    QAction *killSwitchAction() const { return m_killSwitchAction; }
    // Shows the panel, raises it and gives it the focus.
    void showKillSwitches();
    // Makes the window two views in tabs: the queue and the reviewers' history (Ctrl+H).
    void installHistoryView(HistoryView *view);
    HistoryView *historyView() const { return m_historyView; }
    QTabWidget *views() const { return m_views; }
    void showHistory();

public Q_SLOTS:
    // A final answer from the broker (or the outbox) about a decision.
    void showDecisionAnswer(const QString &actionId, const QJsonObject &reply);
    void showNotice(const QString &text);
    void refreshDecisionButtons();

Q_SIGNALS:
    void settingsRequested();
    void userActivity();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Runs `apply` now and again on every QEvent::LanguageChange: the window's fixed texts.
    void translated(std::function<void()> apply);
    void buildMenus();
    void onSelectionChanged();
    void decide(const QString &verdict);
    void onResolved(const QString &actionId, const QString &status);
    void showResolvedNotice();
    void updateFilterChoices();
    void restoreLayout();
    void saveLayout();

    ConsoleBackend *m_backend;
    models::PendingQueueModel *m_queue;
    models::PendingQueueProxyModel *m_proxy;
    net::BrokerConnection *m_connection;
    ConnectionBanner *m_banner;
    QLabel *m_notice;
    // Actions that left the queue since the last notice: a kill switch
    // resolves thousands at once, and they are told in one notice.
    QStringList m_resolvedIds;
    QMap<QString, int> m_resolvedByStatus;
    QTimer *m_resolvedNotice;
    QComboBox *m_tenantFilter;
    QComboBox *m_agentFilter;
    QComboBox *m_toolFilter;
    QComboBox *m_sort;
    QTableView *m_queueView;
    ReviewPanel *m_review;
    QPushButton *m_approve;
    QPushButton *m_deny;
    QLabel *m_hint;
    QSplitter *m_mainSplitter;
    QTimer *m_tick;
    KillSwitchPanel *m_killSwitchPanel = nullptr;
    QDockWidget *m_killSwitchDock = nullptr;
    QAction *m_killSwitchAction = nullptr;
    Retranslation *m_retranslation;
    HistoryView *m_historyView = nullptr;
    QTabWidget *m_views = nullptr;
};

} // namespace countersign::ui
