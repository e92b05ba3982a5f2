#pragma once

#include "models/ActionEntry.h"
#include "models/QueueRow.h"
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

namespace countersign::net {
class BrokerConnection;
}

namespace countersign::models {

// The live queue of pending actions, fed with the broker's `action` messages
// in seq order. The broker sends every change once, in ascending seq order
// (a snapshot, a backlog and live pushes alike), so a message whose seq is not
// above the highest seq already received (lastSeq, the resume cursor) is a
// replay or out of order and changes nothing: replays after a reconnect never
// show an action twice, bring back an older version or resurrect a resolved
// action, and no per-id memory of removed actions is needed (the console's
// memory stays flat however many actions the broker processes; Soak in
// docs/performance.md). Resolved actions leave the queue (with
// actionResolved, so the console can say so); actions that fail validation are
// kept out of it (with invalidAction).
//
// Rows are kept compact (QueueRow: the JSON as bytes plus the column values);
// entry() parses the full action on demand for review and keeps the few most
// recently asked for.
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
    // The full entry, parsed from the row's bytes on first use. Valid until the
    // entry is removed, the model cleared, or kEntryCache other entries were
    // asked for since; an update replaces the entry's contents in place.
    static constexpr int kEntryCache = 8;
    const Entry *entry(int row) const;
    const Entry *entry(const QString &id) const;
    int rowOf(const QString &id) const;
    // The compact row (no parsing), for the proxy's sort keys and filters.
    const QueueRow *queueRow(int row) const;
    QString actionId(int row) const;
    // How many action ids the model holds any state for (rows and cached
    // entries): bounded by the rows, never by the actions ever seen.
    qsizetype retainedIdCount() const;
    // Distinct strings the rows share (tenants, agents, tools, users).
    qsizetype pooledStringCount() const { return m_pool.size(); }
    // Distinct raw values over the current rows, sorted, for the filter boxes
    // (format with core::UntrustedText::singleLine before showing them).
    QStringList tenants() const;
    QStringList agents() const;
    QStringList tools() const;
    // Distinct requesting users (request.user).
    QStringList users() const;

    static QString countdownText(qint64 seconds);

    // Many resolutions at once (a kill switch's compact frame): each item is
    // applied as a resolved action message with that seq would be (the same
    // cursor rule; items without an id, a seq or a final status are skipped),
    // with one actionResolved each; the rows leave in one layout change and
    // one removal whatever their places, so the cost is O(queue), not
    // O(items × queue).
    struct Resolution
    {
        QString id;
        qint64 seq = 0;
        QString status; // final: approved, denied, expired, killed, executed, failed
    };
    void resolveBatch(const QList<Resolution> &resolutions);

    // Mirrors a connection's stream: its action messages, compact resolved
    // frames and stream resets (the one wiring the console, tests and benches use).
    void follow(const net::BrokerConnection *connection);

public Q_SLOTS:
    void applyMessage(const QJsonObject &actionMessage);
    // Forgets everything, the seqs included (for a subscription from 0).
    void clear();
    // Takes a row out; older messages still cannot bring it back (lastSeq).
    void removeAction(const QString &id);
    // A compact `resolved` frame (a kill switch): resolveBatch of its items.
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
    qint64 secondsLeft(const QueueRow &r) const;
    bool isUrgent(const QueueRow &r) const;
    QString tooltip(const QueueRow &r, int column) const;
    void eraseRow(int row);
    void removeRows(std::vector<int> rows);
    void updateTimer();
    bool fillRow(QueueRow &row, const QJsonObject &json, const core::Action &action, const QDateTime &at);
    void release(const QueueRow &row);
    QString intern(const QString &value);
    void unintern(const QString &value);
    Entry *cachedEntry(const QString &id) const;
    void materialise(const QueueRow &row, Entry *into) const;
    void dropCached(const QString &id);
    void reindex() const;

    std::vector<std::unique_ptr<QueueRow>> m_entries;
    // Row of each id, and how many rows carry each tenant, agent and tool: a
    // queue of 100,000 must not be scanned per message (docs/performance.md, B4).
    // After a removal the rows from m_indexValidBelow on are renumbered lazily.
    mutable QHash<QString, int> m_rowById;
    mutable int m_indexValidBelow = 0;
    QMap<QString, int> m_tenantCount;
    QMap<QString, int> m_agentCount;
    QMap<QString, int> m_toolCount;
    // Interned raw values: 100,000 rows from 100 agents share 100 strings.
    QHash<QString, int> m_pool;
    // The most recently used full entries, newest first.
    mutable std::vector<std::unique_ptr<Entry>> m_cache;
    bool m_distinctChanged = false;
    void countIn(const QueueRow &r);
    void countOut(const QueueRow &r);
    QHash<QString, QStringList> m_tenantDomains;
    qint64 m_lastSeq = 0;
    Clock m_clock;
    QTimer m_timer;
};

} // namespace countersign::models
