#pragma once

#include <QSortFilterProxyModel>

namespace countersign::models {

// Sorting and filtering of the pending queue (a PendingQueueModel source).
// Sort modes: Deadline (soonest first; rows without a deadline last), Risk
// (highest score first, then deadline), Arrival (oldest first). Ties fall back
// to arrival, so the order is total and stable. Filters compare the raw
// tenant, agent id and tool name exactly; an empty filter shows all.
class PendingQueueProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class SortMode { Deadline, Risk, Arrival };
    Q_ENUM(SortMode)

    explicit PendingQueueProxyModel(QObject *parent = nullptr);

    void setSortMode(SortMode mode);
    SortMode sortMode() const { return m_mode; }

    void setTenantFilter(const QString &tenant);
    void setAgentFilter(const QString &agent);
    void setToolFilter(const QString &tool);
    void clearFilters();
    QString tenantFilter() const { return m_tenant; }
    QString agentFilter() const { return m_agent; }
    QString toolFilter() const { return m_tool; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void setFilter(QString *field, const QString &value);

    SortMode m_mode = SortMode::Deadline;
    QString m_tenant;
    QString m_agent;
    QString m_tool;
};

} // namespace countersign::models
