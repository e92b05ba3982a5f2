#include "models/TimelineModel.h"

#include "models/CellText.h"

namespace countersign::models {

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const TimelineEvent &e = m_events.at(index.row());
    switch (index.column()) {
    case TimeColumn:
        return CellText::timestamp(e.at, tr("(no time)"));
    case SeqColumn:
        return e.seq > 0 ? QVariant(e.seq) : QVariant(tr("–"));
    case EventColumn:
        return e.event;
    case DetailsColumn:
        return e.text; // already made inert by IncidentTimeline
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeqColumn:
        return tr("Audit seq");
    case EventColumn:
        return tr("Event");
    case DetailsColumn:
        return tr("What happened");
    default:
        return {};
    }
}

void TimelineModel::setEvents(const QList<TimelineEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

QString TimelineModel::text() const
{
    QStringList lines;
    for (const TimelineEvent &e : m_events)
        lines.append(CellText::timestamp(e.at, tr("(no time)")) + QLatin1Char(' ') + e.event + QStringLiteral(": ")
                     + e.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace countersign::models
