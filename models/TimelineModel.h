#pragma once

#include "models/TimelineEvent.h"

#include <QAbstractTableModel>
#include <QList>

namespace countersign::models {

// The incident timeline of one action as a table: time, audit seq, event, what happened.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, SeqColumn, EventColumn, DetailsColumn, ColumnCount };

    explicit TimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEvents(const QList<TimelineEvent> &events);
    const QList<TimelineEvent> &events() const { return m_events; }
    // Every line as text, for tests, screen readers and the report.
    QString text() const;

private:
    QList<TimelineEvent> m_events;
};

} // namespace countersign::models
