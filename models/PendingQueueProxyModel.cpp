#include "models/PendingQueueProxyModel.h"

#include "models/PendingQueueModel.h"

#include <algorithm>
#include <limits>

namespace countersign::models {

PendingQueueProxyModel::PendingQueueProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

PendingQueueProxyModel::~PendingQueueProxyModel() = default;

void PendingQueueProxyModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_queue = qobject_cast<PendingQueueModel *>(source);
    QAbstractProxyModel::setSourceModel(source);
    if (m_queue) {
        using M = QAbstractItemModel;
        m_connections = {
            connect(m_queue, &M::rowsAboutToBeInserted, this, &PendingQueueProxyModel::onRowsAboutToBeInserted),
            connect(m_queue, &M::rowsInserted, this, &PendingQueueProxyModel::onRowsInserted),
            connect(m_queue, &M::rowsAboutToBeRemoved, this, &PendingQueueProxyModel::onRowsAboutToBeRemoved),
            connect(m_queue, &M::rowsRemoved, this, &PendingQueueProxyModel::onRowsRemoved),
            connect(m_queue, &M::dataChanged, this, &PendingQueueProxyModel::onDataChanged),
            connect(m_queue, &M::layoutAboutToBeChanged, this, &PendingQueueProxyModel::onLayoutAboutToBeChanged),
            connect(m_queue, &M::layoutChanged, this, &PendingQueueProxyModel::onLayoutChanged),
            connect(m_queue, &M::modelAboutToBeReset, this, &PendingQueueProxyModel::onModelAboutToBeReset),
            connect(m_queue, &M::modelReset, this, &PendingQueueProxyModel::onModelReset),
            connect(m_queue, &M::headerDataChanged, this, &PendingQueueProxyModel::headerDataChanged),
            connect(m_queue, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        m_queue = nullptr;
                        m_keys.clear();
                        m_proxyToSource.clear();
                        rebuildSourceToProxy();
                        endResetModel();
                    }),
        };
    }
    m_keys.clear();
    const int rows = m_queue ? m_queue->rowCount() : 0;
    for (int row = 0; row < rows; ++row)
        m_keys.push_back(keyOf(row));
    m_proxyToSource = visibleInOrder();
    rebuildSourceToProxy();
    endResetModel();
}

PendingQueueProxyModel::Key PendingQueueProxyModel::keyOf(int sourceRow) const
{
    Key k;
    const QueueRow *r = m_queue ? m_queue->queueRow(sourceRow) : nullptr;
    if (!r)
        return k;
    k.deadlineMs = r->deadlineMs;
    k.firstSeq = r->firstSeq;
    k.riskScore = r->riskScore;
    k.accepted = (m_tenant.isEmpty() || r->tenant == m_tenant) && (m_agent.isEmpty() || r->agent == m_agent)
        && (m_tool.isEmpty() || r->tool == m_tool);
    return k;
}

bool PendingQueueProxyModel::lessThan(int a, int b) const
{
    const Key &x = m_keys[size_t(a)];
    const Key &y = m_keys[size_t(b)];
    const auto byArrival = [&] { return x.firstSeq != y.firstSeq ? x.firstSeq < y.firstSeq : a < b; };
    // No deadline is QueueRow::kNoDeadline, after every real one.
    const auto byDeadline = [&] { return x.deadlineMs != y.deadlineMs ? x.deadlineMs < y.deadlineMs : byArrival(); };
    switch (m_mode) {
    case SortMode::Deadline:
        return byDeadline();
    case SortMode::Risk:
        return x.riskScore != y.riskScore ? x.riskScore > y.riskScore : byDeadline();
    case SortMode::Arrival:
        return byArrival();
    }
    return a < b;
}

std::vector<int> PendingQueueProxyModel::visibleInOrder() const
{
    std::vector<int> order;
    order.reserve(m_keys.size());
    for (size_t row = 0; row < m_keys.size(); ++row) {
        if (m_keys[row].accepted)
            order.push_back(int(row));
    }
    std::sort(order.begin(), order.end(), [this](int a, int b) { return lessThan(a, b); });
    return order;
}

void PendingQueueProxyModel::rebuildSourceToProxy()
{
    m_sourceToProxyDirty = true;
}

const std::vector<int> &PendingQueueProxyModel::sourceToProxy() const
{
    if (m_sourceToProxyDirty) {
        m_sourceToProxy.assign(m_keys.size(), -1);
        for (size_t p = 0; p < m_proxyToSource.size(); ++p)
            m_sourceToProxy[size_t(m_proxyToSource[p])] = int(p);
        m_sourceToProxyDirty = false;
    }
    return m_sourceToProxy;
}

void PendingQueueProxyModel::reorder(std::vector<int> order)
{
    if (order == m_proxyToSource)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sources;
    sources.reserve(size_t(from.size()));
    for (const QModelIndex &i : from)
        sources.push_back(m_proxyToSource[size_t(i.row())]);
    m_proxyToSource = std::move(order);
    rebuildSourceToProxy();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int p = sourceToProxy()[size_t(sources[size_t(i)])];
        to.append(p >= 0 ? index(p, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void PendingQueueProxyModel::show(std::vector<int> order)
{
    std::vector<char> wanted(m_keys.size(), 0);
    for (int s : order)
        wanted[size_t(s)] = 1;
    std::vector<int> kept;
    std::vector<int> gone;
    for (int s : m_proxyToSource)
        (wanted[size_t(s)] ? kept : gone).push_back(s);
    if (!gone.empty()) {
        // The rows that go, moved behind the rows that stay, leave in one removal.
        std::vector<int> staged = kept;
        staged.insert(staged.end(), gone.begin(), gone.end());
        reorder(std::move(staged));
        beginRemoveRows(QModelIndex(), int(kept.size()), int(m_proxyToSource.size()) - 1);
        m_proxyToSource.resize(kept.size());
        rebuildSourceToProxy();
        endRemoveRows();
    }
    std::vector<int> added;
    const std::vector<int> &shown = sourceToProxy();
    for (int s : order) {
        if (shown[size_t(s)] < 0)
            added.push_back(s);
    }
    if (!added.empty()) {
        // The rows that come arrive together at the end, then take their places.
        const int at = int(m_proxyToSource.size());
        beginInsertRows(QModelIndex(), at, at + int(added.size()) - 1);
        m_proxyToSource.insert(m_proxyToSource.end(), added.begin(), added.end());
        rebuildSourceToProxy();
        endInsertRows();
    }
    reorder(std::move(order));
}

void PendingQueueProxyModel::setSortMode(SortMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    reorder(visibleInOrder());
}

void PendingQueueProxyModel::refilter()
{
    for (size_t row = 0; row < m_keys.size(); ++row)
        m_keys[row] = keyOf(int(row));
    show(visibleInOrder());
}

void PendingQueueProxyModel::setFilter(QString *field, const QString &value)
{
    if (*field == value)
        return;
    *field = value;
    refilter();
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
    refilter();
}

QModelIndex PendingQueueProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex PendingQueueProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex PendingQueueProxyModel::sibling(int row, int column, const QModelIndex &index) const
{
    return index.isValid() ? this->index(row, column) : QModelIndex();
}

int PendingQueueProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int PendingQueueProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_queue ? 0 : m_queue->columnCount();
}

bool PendingQueueProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QVariant PendingQueueProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_queue)
        return {};
    if (orientation == Qt::Horizontal)
        return m_queue->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return m_queue->headerData(m_proxyToSource[size_t(section)], orientation, role);
}

QModelIndex PendingQueueProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_queue || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return m_queue->index(m_proxyToSource[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex PendingQueueProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_queue || !sourceIndex.isValid() || sourceIndex.model() != m_queue
        || size_t(sourceIndex.row()) >= m_sourceToProxy.size())
        return {};
    const int p = sourceToProxy()[size_t(sourceIndex.row())];
    return p < 0 ? QModelIndex() : index(p, sourceIndex.column());
}

void PendingQueueProxyModel::onRowsAboutToBeInserted(const QModelIndex &, int, int)
{
    // Nothing is shown until the rows exist (onRowsInserted).
}

void PendingQueueProxyModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    if (first < int(m_keys.size())) { // the queue appends; anything else shifts the rows after
        for (int &s : m_proxyToSource) {
            if (s >= first)
                s += count;
        }
    }
    std::vector<Key> keys;
    for (int row = first; row <= last; ++row)
        keys.push_back(keyOf(row));
    m_keys.insert(m_keys.begin() + first, keys.begin(), keys.end());
    rebuildSourceToProxy();
    if (count > 1) {
        show(visibleInOrder());
        return;
    }
    if (!m_keys[size_t(first)].accepted)
        return;
    // One row (what the queue does per message): its place by binary search.
    const auto pos = std::lower_bound(m_proxyToSource.begin(), m_proxyToSource.end(), first,
                                      [this](int a, int b) { return lessThan(a, b); });
    const int at = int(pos - m_proxyToSource.begin());
    beginInsertRows(QModelIndex(), at, at);
    m_proxyToSource.insert(pos, first);
    rebuildSourceToProxy(); // lazily, on the next mapFromSource
    endInsertRows();
}

void PendingQueueProxyModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    m_removing = false;
    if (parent.isValid())
        return;
    std::vector<int> gone;
    const std::vector<int> &shown = sourceToProxy();
    for (int s = first; s <= last; ++s) {
        if (shown[size_t(s)] >= 0)
            gone.push_back(shown[size_t(s)]);
    }
    if (gone.empty())
        return;
    std::sort(gone.begin(), gone.end());
    if (gone.back() - gone.front() + 1 != int(gone.size())) {
        // Spread over the proxy: move them together to the end first.
        std::vector<int> order;
        order.reserve(m_proxyToSource.size());
        for (int s : m_proxyToSource) {
            if (s < first || s > last)
                order.push_back(s);
        }
        for (int p : gone)
            order.push_back(m_proxyToSource[size_t(p)]);
        reorder(std::move(order));
        const int size = int(m_proxyToSource.size());
        beginRemoveRows(QModelIndex(), size - int(gone.size()), size - 1);
    } else {
        beginRemoveRows(QModelIndex(), gone.front(), gone.back());
    }
    m_removing = true;
}

void PendingQueueProxyModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    std::vector<int> order;
    order.reserve(m_proxyToSource.size());
    for (int s : m_proxyToSource) {
        if (s < first)
            order.push_back(s);
        else if (s > last)
            order.push_back(s - count);
    }
    m_proxyToSource = std::move(order);
    m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    rebuildSourceToProxy();
    if (m_removing) {
        m_removing = false;
        endRemoveRows();
    }
}

void PendingQueueProxyModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                           const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const int top = topLeft.row();
    const int bottom = bottomRight.row();
    // The countdown tick names its roles, none of which moves a row; an update
    // of an action names none, and then its keys are checked.
    static const QList<int> keyRoles {PendingQueueModel::DeadlineRole, PendingQueueModel::RiskScoreRole,
                                      PendingQueueModel::ArrivalRole,  PendingQueueModel::TenantRole,
                                      PendingQueueModel::AgentRole,    PendingQueueModel::ToolRole};
    const bool mayMove = roles.isEmpty()
        || std::any_of(roles.cbegin(), roles.cend(), [](int role) { return keyRoles.contains(role); });
    if (mayMove) {
        bool moved = false;
        for (int s = top; s <= bottom; ++s) {
            const Key k = keyOf(s);
            Key &held = m_keys[size_t(s)];
            if (k.deadlineMs != held.deadlineMs || k.firstSeq != held.firstSeq || k.riskScore != held.riskScore
                || k.accepted != held.accepted) {
                held = k;
                moved = true;
            }
        }
        if (moved)
            show(visibleInOrder());
    }
    int lo = std::numeric_limits<int>::max();
    int hi = -1;
    const std::vector<int> &shown = sourceToProxy();
    for (int s = top; s <= bottom; ++s) {
        const int p = shown[size_t(s)];
        if (p >= 0) {
            lo = std::min(lo, p);
            hi = std::max(hi, p);
        }
    }
    if (hi >= 0)
        Q_EMIT dataChanged(index(lo, topLeft.column()), index(hi, bottomRight.column()), roles);
}

void PendingQueueProxyModel::onLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxy = persistentIndexList();
    m_layoutSource.clear();
    for (const QModelIndex &i : std::as_const(m_layoutProxy))
        m_layoutSource.append(QPersistentModelIndex(mapToSource(i)));
}

void PendingQueueProxyModel::onLayoutChanged()
{
    m_keys.clear();
    const int rows = m_queue ? m_queue->rowCount() : 0;
    for (int row = 0; row < rows; ++row)
        m_keys.push_back(keyOf(row));
    m_proxyToSource = visibleInOrder();
    rebuildSourceToProxy();
    QModelIndexList to;
    for (const QPersistentModelIndex &s : std::as_const(m_layoutSource))
        to.append(mapFromSource(s));
    changePersistentIndexList(m_layoutProxy, to);
    m_layoutProxy.clear();
    m_layoutSource.clear();
    Q_EMIT layoutChanged();
}

void PendingQueueProxyModel::onModelAboutToBeReset()
{
    beginResetModel();
}

void PendingQueueProxyModel::onModelReset()
{
    m_keys.clear();
    const int rows = m_queue ? m_queue->rowCount() : 0;
    for (int row = 0; row < rows; ++row)
        m_keys.push_back(keyOf(row));
    m_proxyToSource = visibleInOrder();
    rebuildSourceToProxy();
    endResetModel();
}

} // namespace countersign::models
