#include "models/MemoryModel.h"

#include "core/Action.h"
#include "core/ReviewChecks.h"

#include <QFont>

namespace countersign::models {

MemoryModel::MemoryModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

void MemoryModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    refresh();
}

void MemoryModel::setAction(const core::Action &action)
{
    setItems(action.memory);
}

QList<core::ReviewFlags> MemoryModel::check() const
{
    QList<core::ReviewFlags> out;
    const QDateTime now = m_clock();
    for (const core::MemoryItem &m : m_items)
        out.append(core::ReviewChecks::memory(m, now));
    return out;
}

void MemoryModel::setItems(const QList<core::MemoryItem> &items)
{
    beginResetModel();
    m_items = items;
    m_flags = check();
    endResetModel();
}

void MemoryModel::clear()
{
    setItems({});
}

void MemoryModel::refresh()
{
    QList<core::ReviewFlags> next = check();
    if (next == m_flags)
        return;
    m_flags = std::move(next);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const core::MemoryItem *MemoryModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int MemoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int MemoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

CellText::Value MemoryModel::value(int row, int column) const
{
    const core::MemoryItem &m = m_items.at(row);
    const QString notGiven = tr("not given");
    switch (column) {
    case IdColumn:
        return CellText::untrusted(m.id);
    case TextColumn:
        return CellText::untrusted(m.text);
    case WrittenByColumn:
        return m.writtenBy.isEmpty() ? CellText::safe(notGiven) : CellText::untrusted(m.writtenBy);
    case WrittenAtColumn:
        return CellText::time(m.writtenAt, notGiven);
    case SourceColumn:
        return m.source && !m.source->isEmpty() ? CellText::untrusted(*m.source) : CellText::safe(tr("none given"));
    case ExpiresColumn:
        return CellText::time(m.expiresAt, tr("never"));
    case FlagsColumn:
        return CellText::safe(CellText::messages(m_flags.at(row)).join(u' '));
    default:
        return {};
    }
}

QVariant MemoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const core::ReviewFlags &flags = m_flags.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return CellText::cell(value(row, index.column()));
    case Qt::ToolTipRole: {
        QStringList lines = CellText::hover(value(row, index.column()));
        if (index.column() != FlagsColumn)
            lines.append(CellText::messages(flags));
        return CellText::tooltip(headerData(index.column(), Qt::Horizontal).toString(), lines);
    }
    case Qt::FontRole:
        if (!flags.isEmpty() && index.column() == FlagsColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case FlagsRole:
        return CellText::messages(flags);
    case FlagIdsRole:
        return CellText::ids(flags);
    case FlaggedRole:
        return !flags.isEmpty();
    case FullTextRole:
        return CellText::full(value(row, index.column()));
    case TruncatedRole: {
        bool truncated = false;
        CellText::cell(value(row, index.column()), &truncated);
        return truncated;
    }
    default:
        return {};
    }
}

QVariant MemoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TextColumn:
        return tr("Memory");
    case WrittenByColumn:
        return tr("Written by");
    case WrittenAtColumn:
        return tr("Written at");
    case SourceColumn:
        return tr("Source");
    case ExpiresColumn:
        return tr("Expires");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

} // namespace countersign::models
