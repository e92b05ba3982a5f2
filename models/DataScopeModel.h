#pragma once

#include "core/DataScope.h"
#include "core/ReviewFlag.h"
#include "models/CellText.h"

#include <QAbstractTableModel>

namespace countersign::core {
class Action;
}

namespace countersign::models {

// The data-scopes pane: what the action reads or changes. Restricted and
// confidential data, and writes, deletes, sends and executes, stand out:
// EmphasisRole is true, the Notes column says why in words (from
// core::ReviewChecks::dataScope), and the row is bold.
class DataScopeModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ResourceColumn,
        AccessColumn,
        ClassificationColumn,
        NotesColumn,
        FieldsColumn,
        RecordsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        EmphasisRole = Qt::UserRole + 1, // bool
        FlagsRole, // QStringList: the reasons, one sentence each
        FlagIdsRole, // QStringList: restricted, confidential, write, delete, send, execute
        FullTextRole, // QString: the complete formatted cell text
        TruncatedRole, // bool
        AccessRole, // raw QString
        ClassificationRole, // raw QString
    };
    Q_ENUM(Role)

    explicit DataScopeModel(QObject *parent = nullptr);

    void setAction(const core::Action &action);
    void setScopes(const QList<core::DataScope> &scopes);
    void clear();
    const core::DataScope *scope(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CellText::Value value(int row, int column) const;

    QList<core::DataScope> m_scopes;
    QList<core::ReviewFlags> m_flags;
};

} // namespace countersign::models
