#include "models/DataScopeModel.h"

#include "core/Action.h"
#include "core/ReviewChecks.h"
#include "models/CellText.h"

#include <QFont>
#include <QLocale>

namespace countersign::models {

DataScopeModel::DataScopeModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DataScopeModel::setAction(const core::Action &action)
{
    setScopes(action.dataScopes);
}

void DataScopeModel::setScopes(const QList<core::DataScope> &scopes)
{
    beginResetModel();
    m_scopes = scopes;
    m_flags.clear();
    for (const core::DataScope &s : m_scopes)
        m_flags.append(core::ReviewChecks::dataScope(s));
    endResetModel();
}

void DataScopeModel::clear()
{
    setScopes({});
}

const core::DataScope *DataScopeModel::scope(int row) const
{
    return row >= 0 && row < m_scopes.size() ? &m_scopes.at(row) : nullptr;
}

int DataScopeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scopes.size());
}

int DataScopeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

CellText::Value DataScopeModel::value(int row, int column) const
{
    const core::DataScope &s = m_scopes.at(row);
    switch (column) {
    case ResourceColumn:
        return CellText::untrusted(s.resource);
    case AccessColumn:
        return CellText::untrusted(s.access);
    case ClassificationColumn:
        return CellText::untrusted(s.classification);
    case FieldsColumn:
        return s.fields.isEmpty() ? CellText::safe(tr("not listed"))
                                  : CellText::untrusted(s.fields.join(QStringLiteral(", ")));
    case RecordsColumn:
        return CellText::safe(s.recordCount ? QLocale().toString(*s.recordCount) : tr("not stated"));
    case NotesColumn:
        return CellText::safe(CellText::messages(m_flags.at(row)).join(u' '));
    default:
        return {};
    }
}

QVariant DataScopeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const core::DataScope &s = m_scopes.at(row);
    const core::ReviewFlags &flags = m_flags.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return CellText::cell(value(row, index.column()));
    case Qt::ToolTipRole: {
        QStringList lines {CellText::cell(value(row, index.column()))};
        if (index.column() != NotesColumn)
            lines.append(CellText::messages(flags));
        return CellText::tooltip(headerData(index.column(), Qt::Horizontal).toString(), lines);
    }
    case Qt::FontRole:
        if (!flags.isEmpty()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case EmphasisRole:
        return !flags.isEmpty();
    case FlagsRole:
        return CellText::messages(flags);
    case FlagIdsRole:
        return CellText::ids(flags);
    case FullTextRole:
        return CellText::full(value(row, index.column()));
    case TruncatedRole: {
        bool truncated = false;
        CellText::cell(value(row, index.column()), &truncated);
        return truncated;
    }
    case AccessRole:
        return s.access;
    case ClassificationRole:
        return s.classification;
    default:
        return {};
    }
}

QVariant DataScopeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ResourceColumn:
        return tr("Resource");
    case AccessColumn:
        return tr("Access");
    case ClassificationColumn:
        return tr("Classification");
    case FieldsColumn:
        return tr("Fields");
    case RecordsColumn:
        return tr("Records");
    case NotesColumn:
        return tr("Why it stands out");
    default:
        return {};
    }
}

} // namespace countersign::models
