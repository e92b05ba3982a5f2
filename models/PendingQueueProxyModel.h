#pragma once

#include <QAbstractProxyModel>

#include <vector>

namespace countersign::models {

class PendingQueueModel;

// Sorting and filtering of the pending queue (a PendingQueueModel source).
// Sort modes: Deadline (soonest first; rows without a deadline last), Risk
// (highest score first, then deadline), Arrival (oldest first). Ties fall back
// to arrival, then to the source row, so the order is total and stable.
// Filters compare the raw tenant, agent id and tool name exactly; an empty
// filter shows all. The order is kept up to date as rows arrive, change and go.
//
// The proxy keeps its own mapping and integer sort keys per source row
// (deadline ms, risk score, arrival seq) read straight from the source's
// QueueRow: a mode switch or a filter change over 100,000 rows is one
// std::sort and a few layout signals, not 1.7 million lessThan calls through
// QModelIndex and QVariant (B4, docs/performance.md). Persistent indexes (the
// view's selection) follow their rows across every re-sort.
class PendingQueueProxyModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    enum class SortMode { Deadline, Risk, Arrival };
    Q_ENUM(SortMode)

    explicit PendingQueueProxyModel(QObject *parent = nullptr);
    ~PendingQueueProxyModel() override;

    // Only a PendingQueueModel is shown; any other source leaves the proxy empty.
    void setSourceModel(QAbstractItemModel *source) override;

    void setSortMode(SortMode mode);
    SortMode sortMode() const { return m_mode; }

    void setTenantFilter(const QString &tenant);
    void setAgentFilter(const QString &agent);
    void setToolFilter(const QString &tool);
    void clearFilters();
    QString tenantFilter() const { return m_tenant; }
    QString agentFilter() const { return m_agent; }
    QString toolFilter() const { return m_tool; }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    struct Key
    {
        qint64 deadlineMs = 0;
        qint64 firstSeq = 0;
        int riskScore = 0;
        bool accepted = false;
    };

    Key keyOf(int sourceRow) const;
    bool lessThan(int a, int b) const;
    std::vector<int> visibleInOrder() const;
    void refilter();
    void setFilter(QString *field, const QString &value);
    // m_sourceToProxy is rebuilt on first use after a change: inserting one row
    // into 100,000 must not renumber them all.
    void rebuildSourceToProxy();
    const std::vector<int> &sourceToProxy() const;
    // Same rows, new order: one layout change; persistent indexes follow.
    void reorder(std::vector<int> order);
    // Any new set and order, in at most four steps (reorder, one removal, one
    // insertion, reorder), so the cost does not depend on how the rows are spread.
    void show(std::vector<int> order);

    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();
    void onModelAboutToBeReset();
    void onModelReset();

    const PendingQueueModel *m_queue = nullptr;
    QList<QMetaObject::Connection> m_connections;
    SortMode m_mode = SortMode::Deadline;
    QString m_tenant;
    QString m_agent;
    QString m_tool;
    std::vector<int> m_proxyToSource;
    mutable std::vector<int> m_sourceToProxy; // -1: filtered out
    mutable bool m_sourceToProxyDirty = true;
    std::vector<Key> m_keys; // per source row
    bool m_removing = false;
    QModelIndexList m_layoutProxy; // persistent indexes across a source layout change
    QList<QPersistentModelIndex> m_layoutSource;
};

} // namespace countersign::models
