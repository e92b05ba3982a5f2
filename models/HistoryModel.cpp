#include "models/HistoryModel.h"

#include "models/CellText.h"

namespace countersign::models {

HistoryModel::HistoryModel(storage::HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_count = int(std::min<qint64>(m_store->count(m_filter), std::numeric_limits<int>::max()));
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

storage::HistoryStore::Column HistoryModel::storeColumn() const
{
    using C = storage::HistoryStore::Column;
    static const C map[] = {C::Time, C::Tenant, C::Agent, C::User, C::Tool, C::Outcome, C::Approvers, C::Rule};
    return map[std::clamp(m_sortColumn, 0, int(ColumnCount) - 1)];
}

const storage::HistoryStore::Row *HistoryModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() >= kMaxPages) {
            m_pages.remove(m_recent.takeFirst());
        }
        it = m_pages.insert(page, m_store->rows(m_filter, storeColumn(), m_order, qint64(page) * kPageSize, kPageSize));
        m_recent.append(page);
    } else if (m_recent.last() != page) {
        m_recent.removeOne(page);
        m_recent.append(page);
    }
    const int offset = row % kPageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QString HistoryModel::cell(const storage::HistoryStore::Row &r, int column) const
{
    switch (column) {
    case TimeColumn:
        return r.submittedAt;
    case TenantColumn:
        return CellText::cell(r.tenant);
    case AgentColumn:
        return CellText::cell(r.agent);
    case UserColumn:
        return CellText::cell(r.user);
    case ToolColumn:
        return CellText::cell(r.tool);
    case OutcomeColumn:
        return r.outcome;
    case ApproversColumn:
        return CellText::cell(r.approvers);
    case RuleColumn:
        return CellText::cell(r.rule);
    default:
        return {};
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::HistoryStore::Row *r = rowAt(index.row());
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cell(*r, index.column());
    case ActionIdRole:
        return r->id;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Submitted");
    case TenantColumn:
        return tr("Tenant");
    case AgentColumn:
        return tr("Agent");
    case UserColumn:
        return tr("User");
    case ToolColumn:
        return tr("Tool");
    case OutcomeColumn:
        return tr("Outcome");
    case ApproversColumn:
        return tr("Approvers");
    case RuleColumn:
        return tr("Rule");
    default:
        return {};
    }
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const QModelIndex &i : before)
        ids.append(actionIdAt(i.row()));
    m_sortColumn = column;
    m_order = order;
    m_pages.clear();
    m_recent.clear();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOfAction(ids.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void HistoryModel::setFilter(const storage::HistoryStore::Filter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_pages.clear();
    m_recent.clear();
    m_count = int(std::min<qint64>(m_store->count(m_filter), std::numeric_limits<int>::max()));
    endResetModel();
}

void HistoryModel::refresh()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_count = int(std::min<qint64>(m_store->count(m_filter), std::numeric_limits<int>::max()));
    endResetModel();
}

QString HistoryModel::actionIdAt(int row) const
{
    const storage::HistoryStore::Row *r = rowAt(row);
    return r ? r->id : QString();
}

int HistoryModel::rowOfAction(const QString &actionId) const
{
    if (actionId.isEmpty())
        return -1;
    const qint64 row = m_store->indexOf(actionId, m_filter, storeColumn(), m_order);
    return row >= 0 && row < m_count ? int(row) : -1;
}

QStringList HistoryModel::matchingIds(qint64 limit) const
{
    return m_store->ids(m_filter, storeColumn(), m_order, limit);
}

} // namespace countersign::models
