#include "models/KillSwitchModel.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"
#include "models/CellText.h"

namespace countersign::models {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

KillSwitchModel::KillSwitchModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int KillSwitchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_switches.size());
}

int KillSwitchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const KillSwitchModel::Switch *KillSwitchModel::at(int row) const
{
    return row >= 0 && row < int(m_switches.size()) ? &m_switches.at(size_t(row)) : nullptr;
}

QVariant KillSwitchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Switch &s = m_switches.at(size_t(index.row()));
    switch (role) {
    case SwitchIdRole:
        return s.id;
    case ScopeRole:
        return s.scope;
    case TargetRole:
        return s.target;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ScopeColumn:
        return core::UntrustedText::singleLine(s.scope);
    case TargetColumn:
        return s.target.isEmpty() ? tr("(everything)") : CellText::cell(s.target);
    case EngagedByColumn:
        return CellText::cell(s.engagedBy);
    case EngagedAtColumn:
        return CellText::timestamp(s.engagedAt, tr("unknown"));
    case ReasonColumn:
        return role == Qt::ToolTipRole ? CellText::full(s.reason) : CellText::cell(s.reason);
    case KilledColumn:
        return QString::number(s.killedCount);
    case RefusedColumn:
        return s.refusedCount < 0 ? tr("not reported") : QString::number(s.refusedCount);
    case AgentsColumn:
        if (!s.agentsKnown)
            return tr("not reported");
        return s.agents.isEmpty() ? tr("none") : CellText::cell(s.agents.join(QStringLiteral(", ")));
    default:
        return {};
    }
}

QVariant KillSwitchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ScopeColumn:
        return tr("Scope");
    case TargetColumn:
        return tr("Target");
    case EngagedByColumn:
        return tr("Engaged by");
    case EngagedAtColumn:
        return tr("Engaged at (UTC)");
    case ReasonColumn:
        return tr("Reason");
    case KilledColumn:
        return tr("Pending killed");
    case RefusedColumn:
        return tr("Refused since");
    case AgentsColumn:
        return tr("Agents affected");
    default:
        return {};
    }
}

KillSwitchModel::Switch KillSwitchModel::parse(const QJsonObject &json)
{
    Switch s;
    s.id = str(json, "id");
    s.scope = str(json, "scope");
    s.target = str(json, "target");
    s.engagedBy = str(json, "engaged_by");
    s.engagedAt = core::JsonReader::parseTimestamp(str(json, "engaged_at"));
    s.reason = str(json, "reason");
    s.killedCount = json.value(QStringLiteral("killed_count")).toInt();
    if (json.contains(QStringLiteral("refused_count")))
        s.refusedCount = json.value(QStringLiteral("refused_count")).toInt();
    if (json.value(QStringLiteral("agents")).isArray()) {
        s.agentsKnown = true;
        for (const QJsonValue &a : json.value(QStringLiteral("agents")).toArray())
            s.agents.append(a.isObject() ? a.toObject().value(QStringLiteral("id")).toString() : a.toString());
    }
    return s;
}

int KillSwitchModel::find(const Switch &s) const
{
    for (size_t i = 0; i < m_switches.size(); ++i) {
        const Switch &o = m_switches.at(i);
        if ((!s.id.isEmpty() && o.id == s.id)
            || (o.scope == s.scope && o.target.compare(s.target, Qt::CaseInsensitive) == 0))
            return int(i);
    }
    return -1;
}

int KillSwitchModel::rowOf(const QString &scope, const QString &target) const
{
    Switch s;
    s.scope = scope;
    s.target = target;
    return find(s);
}

void KillSwitchModel::upsert(const Switch &s)
{
    const int row = find(s);
    if (row >= 0) {
        m_switches[size_t(row)] = s;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int end = int(m_switches.size());
    beginInsertRows({}, end, end);
    m_switches.push_back(s);
    endInsertRows();
}

void KillSwitchModel::setActive(const QJsonArray &active)
{
    beginResetModel();
    m_switches.clear();
    for (const QJsonValue &v : active) {
        const Switch s = parse(v.toObject());
        if (find(s) < 0)
            m_switches.push_back(s);
    }
    endResetModel();
}

void KillSwitchModel::applyEvent(const QJsonObject &event)
{
    const QString operation = str(event, "operation");
    const Switch s = parse(event);
    if (operation == QStringLiteral("engage") && event.value(QStringLiteral("active")).toBool(true)) {
        upsert(s);
    } else if (operation == QStringLiteral("release")) {
        const int row = find(s);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_switches.erase(m_switches.begin() + row);
            endRemoveRows();
        }
    } else {
        return;
    }
    m_history.append(historyLine(event));
    Q_EMIT historyChanged();
}

void KillSwitchModel::setHistory(const QJsonArray &history)
{
    // The broker's history holds switch records: each is an engage event and,
    // once released, a release event too. Lines start with the UTC time, so
    // sorting them orders the events.
    m_history.clear();
    for (const QJsonValue &v : history) {
        QJsonObject record = v.toObject();
        if (record.contains(QStringLiteral("operation"))) {
            m_history.append(historyLine(record));
            continue;
        }
        record.insert(QStringLiteral("operation"), QStringLiteral("engage"));
        m_history.append(historyLine(record));
        if (record.contains(QStringLiteral("released_at"))) {
            record.insert(QStringLiteral("operation"), QStringLiteral("release"));
            m_history.append(historyLine(record));
        }
    }
    m_history.sort();
    Q_EMIT historyChanged();
}

void KillSwitchModel::clear()
{
    beginResetModel();
    m_switches.clear();
    endResetModel();
}

QString KillSwitchModel::historyLine(const QJsonObject &event)
{
    const Switch s = parse(event);
    QString operation = str(event, "operation");
    if (operation.isEmpty())
        operation
            = event.value(QStringLiteral("active")).toBool() ? QStringLiteral("engage") : QStringLiteral("release");
    QString when = str(event, "at");
    if (when.isEmpty())
        when = operation == QStringLiteral("release") && event.contains(QStringLiteral("released_at"))
            ? str(event, "released_at")
            : str(event, "engaged_at");
    const QString by = operation == QStringLiteral("release") && event.contains(QStringLiteral("released_by"))
        ? str(event, "released_by")
        : s.engagedBy;
    const QString target = s.target.isEmpty() ? tr("everything") : s.target;
    return tr("%1  %2 %3 %4 by %5: %6")
        .arg(core::UntrustedText::singleLine(when), core::UntrustedText::singleLine(operation),
             core::UntrustedText::singleLine(s.scope), core::UntrustedText::singleLine(target),
             core::UntrustedText::singleLine(by),
             core::UntrustedText::singleLine(operation == QStringLiteral("release")
                                                     && event.contains(QStringLiteral("release_reason"))
                                                 ? str(event, "release_reason")
                                                 : s.reason));
}

} // namespace countersign::models
