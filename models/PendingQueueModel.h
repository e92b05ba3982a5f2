#pragma once

#include "models/ActionEntry.h"
#include "net/ResolvedAction.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace countersign::models {

// The live queue of pending actions, fed with the broker's `action` messages
// in seq order. A message whose seq is not newer than the one already applied
// for that action changes nothing, so replays after a reconnect never show an
// action twice or bring back an older version. Resolved actions leave the
// queue (with actionResolved, so the console can say so); actions that fail
// validation are kept out of it (with invalidAction).
//
// Every text the model returns for display went through
// core::UntrustedText::singleLine. The raw-value roles (TenantRole, AgentRole,
// ToolRole, ActionIdRole) are for matching and filtering, never for display.
class PendingQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Entry = ActionEntry;
    using Clock = std::function<QDateTime()>;

    enum Column {
        ToolColumn,
        AgentColumn,
        UserColumn,
        TenantColumn,
        RiskColumn,
        ApprovalsColumn,
        DeadlineColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        ActionIdRole = Qt::UserRole + 1, // QString
        DeadlineRole, // QDateTime (invalid: no deadline)
        SecondsLeftRole, // int, 0 once expired; -1 when there is no deadline
        UrgentRole, // bool: under a minute left, under 10% of the window left, or expired
        ExpiredRole, // bool: the deadline has passed (the row stays until the broker resolves it)
        RiskScoreRole, // int, core::ActionRisk::score()
        ArrivalRole, // qint64: the seq the action first arrived with
        BadgesRole, // QStringList of badge ids
        TenantRole, // raw QString
        AgentRole, // raw QString (agent id)
        ToolRole, // raw QString (tool name)
        RequesterRole, // raw QString (request.user)
        SeqRole, // qint64: the seq of the newest message applied
    };
    Q_ENUM(Role)

    // Queue rows become urgent below either threshold.
    static constexpr qint64 kUrgentSeconds = 60;
    static constexpr double kUrgentFraction = 0.10;

    explicit PendingQueueModel(QObject *parent = nullptr);
    ~PendingQueueModel() override;

    // Tests inject a clock; the default is QDateTime::currentDateTimeUtc.
    void setClock(Clock clock);
    QDateTime now() const;
    // The tenants' own domains, for the external-recipients badge (see core::ActionRisk).
    void setTenantDomains(const QHash<QString, QStringList> &domainsByTenant);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The highest seq seen in any message, to resume the subscription from.
    qint64 lastSeq() const { return m_lastSeq; }
    // Valid until the entry is removed or the model cleared; an update
    // replaces the entry's contents in place.
    const Entry *entry(int row) const;
    const Entry *entry(const QString &id) const;
    int rowOf(const QString &id) const;
    // Distinct raw values over the current rows, sorted, for the filter boxes
    // (format with core::UntrustedText::singleLine before showing them).
    QStringList tenants() const;
    QStringList agents() const;
    QStringList tools() const;
    // Distinct requesting users (request.user).
    QStringList users() const;

    static QString countdownText(qint64 seconds);

public Q_SLOTS:
    void applyMessage(const QJsonObject &actionMessage);
    // Forgets everything, the seqs included (for a subscription from 0).
    void clear();
    // Takes a row out without forgetting its seq: older messages still cannot bring it back.
    void removeAction(const QString &id);
    // A compact `resolved` frame (a kill switch): each item is applied as a
    // resolved action message with that seq would be, but the rows leave in
    // one pass (one removal per contiguous run of rows), not one by one.
    void applyResolutions(const QList<countersign::net::ResolvedAction> &items);
    // What the 1 s timer does: dataChanged on the Deadline column only.
    void tick();

Q_SIGNALS:
    void actionAdded(const QString &id);
    void actionUpdated(const QString &id);
    void actionResolved(const QString &id, const QString &status);
    void invalidAction(const QString &id, const QStringList &errors);
    void distinctValuesChanged();

private:
    qint64 secondsLeft(const Entry &e) const;
    bool isUrgent(const Entry &e) const;
    QString tooltip(const Entry &e, int column) const;
    void eraseRow(int row);
    void updateTimer();
    QStringList distinct(const std::function<QString(const Entry &)> &value) const;
    void rememberSeq(const QString &id, qint64 seq);

    std::vector<std::unique_ptr<Entry>> m_entries;
    QHash<QString, qint64> m_seqById; // newest applied seq per id, including removed ones
    // Row of each id, and how many rows carry each tenant, agent and tool: a
    // queue of 100,000 must not be scanned per message (docs/performance.md, B4).
    QHash<QString, int> m_rowById;
    QMap<QString, int> m_tenantCount;
    QMap<QString, int> m_agentCount;
    QMap<QString, int> m_toolCount;
    bool m_distinctChanged = false;
    void countIn(const Entry &e);
    void countOut(const Entry &e);
    QHash<QString, QStringList> m_tenantDomains;
    qint64 m_lastSeq = 0;
    Clock m_clock;
    QTimer m_timer;
};

} // namespace countersign::models
