#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace countersign::models {

// The kill switches the broker reports as active (from `synced`, live
// `killswitch` events and `killswitches` replies), and the history of engage
// and release events this console has seen or been sent. Every text shown
// came from the broker and went through core::UntrustedText.
class KillSwitchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ScopeColumn,
        TargetColumn,
        EngagedByColumn,
        EngagedAtColumn,
        ReasonColumn,
        KilledColumn,
        RefusedColumn,
        AgentsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SwitchIdRole = Qt::UserRole + 1, // raw QString
        ScopeRole, // raw QString
        TargetRole, // raw QString
    };
    Q_ENUM(Role)

    struct Switch
    {
        QString id;
        QString scope;
        QString target;
        QString engagedBy;
        QDateTime engagedAt;
        QString reason;
        int killedCount = 0;
        int refusedCount = -1; // -1: the broker did not say
        QStringList agents;
        bool agentsKnown = false;
    };

    explicit KillSwitchModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Switch *at(int row) const;
    // The row of the active switch for (scope, target), compared without regard to case; -1 if none.
    int rowOf(const QString &scope, const QString &target) const;
    // One formatted line per engage/release event, oldest first.
    QStringList history() const { return m_history; }

    static Switch parse(const QJsonObject &json);

public Q_SLOTS:
    // Replaces the active switches (a `synced` message or a `killswitches` reply).
    void setActive(const QJsonArray &active);
    // A live `killswitch` event: engage adds or updates the switch, release removes it.
    void applyEvent(const QJsonObject &event);
    // Replaces the history with the broker's (a `killswitches` reply's `history`).
    void setHistory(const QJsonArray &history);
    void clear();

Q_SIGNALS:
    void historyChanged();

private:
    int find(const Switch &s) const;
    void upsert(const Switch &s);
    static QString historyLine(const QJsonObject &event);

    std::vector<Switch> m_switches;
    QStringList m_history;
};

} // namespace countersign::models
