#pragma once

#include "core/MemoryItem.h"
#include "core/ReviewFlag.h"
#include "models/CellText.h"

#include <QAbstractTableModel>

#include <functional>

namespace countersign::core {
class Action;
}

namespace countersign::models {

// The agent-memory list: each item with its provenance and expiry, and the
// flags of core::ReviewChecks::memory in words: no source, expired, written
// from user-generated content, older than 90 days, no date. Expiry and age
// depend on the time: refresh() re-checks against the clock.
class MemoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    enum Column {
        TextColumn,
        FlagsColumn,
        SourceColumn,
        WrittenByColumn,
        WrittenAtColumn,
        ExpiresColumn,
        IdColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        FlagsRole = Qt::UserRole + 1, // QStringList, one sentence each
        FlagIdsRole, // QStringList: no_source, expired, user_generated, stale, no_date
        FlaggedRole, // bool
        FullTextRole, // QString
        TruncatedRole, // bool
    };
    Q_ENUM(Role)

    explicit MemoryModel(QObject *parent = nullptr);

    void setClock(Clock clock);
    void setAction(const core::Action &action);
    void setItems(const QList<core::MemoryItem> &items);
    void clear();
    void refresh();
    const core::MemoryItem *item(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CellText::Value value(int row, int column) const;
    QList<core::ReviewFlags> check() const;

    QList<core::MemoryItem> m_items;
    QList<core::ReviewFlags> m_flags;
    Clock m_clock;
};

} // namespace countersign::models
