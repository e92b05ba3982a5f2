#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;

namespace countersign::models {
class KillSwitchModel;
}

namespace countersign::ui {

class KillSwitchBackend;

// The on-call panel: active switches, their history, and Engage…, Release…
// and Drill. Every decision about what an order means is the backend's.
class KillSwitchPanel : public QWidget
{
    Q_OBJECT

public:
    KillSwitchPanel(KillSwitchBackend *backend, models::KillSwitchModel *model, QWidget *parent = nullptr);

    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *targetBox() const { return m_target; }
    QPushButton *engageButton() const { return m_engage; }
    QPushButton *releaseButton() const { return m_release; }
    QPushButton *drillButton() const { return m_drill; }
    QTableView *activeView() const { return m_active; }
    QListWidget *historyView() const { return m_history; }
    QString roleHintText() const;
    QString resultText() const;
    QString drillText() const;

    void setScope(const QString &scope);
    void setTarget(const QString &target);
    void selectSwitch(int row);

public Q_SLOTS:
    void engage();
    void release();
    void drill();
    void refresh();
    // Fetches the active switches (with their current counts) and the history.
    void reload();
    // The broker's answer to an order this console sent, and how long it took.
    void showResult(const QJsonObject &reply, qint64 elapsedMs);
    void showProblem(const QString &text);
    // The targets the console has seen for the chosen scope (refreshed whenever the panel is shown).
    void fillTargets();

private:
    void fillHistory();
    QString chosenTarget(const QString &scope) const;
    // Preview, confirmation dialog, then sign and send; what went wrong is shown.
    void confirmAndSend(const QString &operation, const QString &scope, const QString &target, const QString &sentText);

    KillSwitchBackend *m_backend;
    models::KillSwitchModel *m_model;
    QTabWidget *m_tabs;
    QComboBox *m_scope;
    QComboBox *m_target;
    QPushButton *m_engage;
    QPushButton *m_release;
    QPushButton *m_drill;
    QPushButton *m_reload;
    QLabel *m_roleHint;
    QTableView *m_active;
    QListWidget *m_history;
    QPlainTextEdit *m_result;
    QPlainTextEdit *m_drillResult;
};

} // namespace countersign::ui
