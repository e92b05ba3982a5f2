#include "models/PendingQueueProxyModel.h"

#include "models/PendingQueueModel.h"

#include <QDateTime>

namespace countersign::models {

PendingQueueProxyModel::PendingQueueProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // Sorting is by roles, not by a column's text; column 0 is just the key
    // the proxy needs to keep the order up to date as rows arrive and change.
    sort(0, Qt::AscendingOrder);
}

void PendingQueueProxyModel::setSortMode(SortMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    invalidate();
    sort(0, Qt::AscendingOrder);
}

void PendingQueueProxyModel::setFilter(QString *field, const QString &value)
{
    if (*field == value)
        return;
    *field = value;
    invalidateFilter();
}

void PendingQueueProxyModel::setTenantFilter(const QString &tenant)
{
    setFilter(&m_tenant, tenant);
}

void PendingQueueProxyModel::setAgentFilter(const QString &agent)
{
    setFilter(&m_agent, agent);
}

void PendingQueueProxyModel::setToolFilter(const QString &tool)
{
    setFilter(&m_tool, tool);
}

void PendingQueueProxyModel::clearFilters()
{
    if (m_tenant.isEmpty() && m_agent.isEmpty() && m_tool.isEmpty())
        return;
    m_tenant.clear();
    m_agent.clear();
    m_tool.clear();
    invalidateFilter();
}

bool PendingQueueProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    auto matches = [&index](const QString &filter, int role) {
        return filter.isEmpty() || index.data(role).toString() == filter;
    };
    return matches(m_tenant, PendingQueueModel::TenantRole) && matches(m_agent, PendingQueueModel::AgentRole)
        && matches(m_tool, PendingQueueModel::ToolRole);
}

bool PendingQueueProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    auto arrival = [](const QModelIndex &i) { return i.data(PendingQueueModel::ArrivalRole).toLongLong(); };
    auto byArrival = [&] {
        const qint64 a = arrival(left);
        const qint64 b = arrival(right);
        return a != b ? a < b : left.row() < right.row();
    };
    auto byDeadline = [&] {
        const QDateTime a = left.data(PendingQueueModel::DeadlineRole).toDateTime();
        const QDateTime b = right.data(PendingQueueModel::DeadlineRole).toDateTime();
        if (a.isValid() != b.isValid())
            return a.isValid(); // a deadline comes before none
        if (a.isValid() && a != b)
            return a < b;
        return byArrival();
    };
    switch (m_mode) {
    case SortMode::Deadline:
        return byDeadline();
    case SortMode::Risk: {
        const int a = left.data(PendingQueueModel::RiskScoreRole).toInt();
        const int b = right.data(PendingQueueModel::RiskScoreRole).toInt();
        return a != b ? a > b : byDeadline();
    }
    case SortMode::Arrival:
        return byArrival();
    }
    return false;
}

} // namespace countersign::models
