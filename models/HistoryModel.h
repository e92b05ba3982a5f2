#pragma once

#include "storage/HistoryStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace countersign::models {

// The history list over the SQLite cache, windowed: it holds the row count
// and a few pages of display columns (never the full messages, never all
// rows), so a million cached actions open, scroll and filter at once. Sorting
// and filtering are SQL over indexed columns.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        TenantColumn,
        AgentColumn,
        UserColumn,
        ToolColumn,
        OutcomeColumn,
        ApproversColumn,
        RuleColumn,
        ColumnCount
    };
    enum Role { ActionIdRole = Qt::UserRole + 1 };
    static constexpr int kPageSize = 256;
    static constexpr int kMaxPages = 8;

    explicit HistoryModel(storage::HistoryStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const storage::HistoryStore::Filter &filter);
    storage::HistoryStore::Filter filter() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }
    // Re-reads the count after the cache changed (a sync stored a page).
    void refresh();

    QString actionIdAt(int row) const;
    int rowOfAction(const QString &actionId) const;
    QStringList matchingIds(qint64 limit) const;
    // Pages read from SQLite so far (tests and benchmarks watch it stay small).
    int cachedPages() const { return m_pages.size(); }

private:
    const storage::HistoryStore::Row *rowAt(int row) const;
    storage::HistoryStore::Column storeColumn() const;
    QString cell(const storage::HistoryStore::Row &r, int column) const;

    storage::HistoryStore *m_store;
    storage::HistoryStore::Filter m_filter;
    int m_sortColumn = TimeColumn;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    int m_count = 0;
    mutable QHash<int, QList<storage::HistoryStore::Row>> m_pages;
    mutable QList<int> m_recent; // least recently used page first
};

} // namespace countersign::models
