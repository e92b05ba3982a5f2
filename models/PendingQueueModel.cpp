#include "models/PendingQueueModel.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"
#include "models/CellText.h"

#include <QFont>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>

namespace countersign::models {

namespace {

// Queue cells are one line; a value this long is abnormal, and laying out
// megabytes on every repaint would freeze the queue. The marker says so.
constexpr qsizetype kCellLimit = 500;

QString cell(const QString &untrusted)
{
    return core::UntrustedText::truncate(core::UntrustedText::singleLine(untrusted), kCellLimit);
}

QString status(const QJsonObject &message, const QJsonObject &action)
{
    const QString s = message.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("status")).toString();
    return s.isEmpty() ? action.value(QStringLiteral("status")).toString() : s;
}

int countApprovals(const QJsonArray &decisions)
{
    QSet<QString> approvers;
    for (const QJsonValue &d : decisions) {
        const QJsonObject o = d.toObject();
        if (o.value(QStringLiteral("verdict")).toString() == QStringLiteral("approve"))
            approvers.insert(o.value(QStringLiteral("approver")).toString());
    }
    return int(approvers.size());
}

} // namespace

PendingQueueModel::PendingQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &PendingQueueModel::tick);
}

PendingQueueModel::~PendingQueueModel() = default;

void PendingQueueModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    tick();
}

QDateTime PendingQueueModel::now() const
{
    return m_clock();
}

void PendingQueueModel::setTenantDomains(const QHash<QString, QStringList> &domainsByTenant)
{
    m_tenantDomains = domainsByTenant;
    const QDateTime t = now();
    for (auto &e : m_entries)
        e->risk = core::ActionRisk(e->action, m_tenantDomains.value(e->action.tenant), t);
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PendingQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int PendingQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const PendingQueueModel::Entry *PendingQueueModel::entry(int row) const
{
    return row >= 0 && row < rowCount() ? m_entries.at(size_t(row)).get() : nullptr;
}

const PendingQueueModel::Entry *PendingQueueModel::entry(const QString &id) const
{
    return entry(rowOf(id));
}

int PendingQueueModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

namespace {
// True when the value became, or stopped being, present.
bool adjust(QMap<QString, int> &counts, const QString &value, int delta)
{
    int &n = counts[value];
    n += delta;
    if (n <= 0) {
        counts.remove(value);
        return true;
    }
    return n == 1 && delta > 0;
}
} // namespace

void PendingQueueModel::countIn(const Entry &e)
{
    const bool a = adjust(m_tenantCount, e.action.tenant, +1);
    const bool b = adjust(m_agentCount, e.action.agent.id, +1);
    const bool c = adjust(m_toolCount, e.action.tool.name, +1);
    m_distinctChanged = m_distinctChanged || a || b || c;
}

void PendingQueueModel::countOut(const Entry &e)
{
    const bool a = adjust(m_tenantCount, e.action.tenant, -1);
    const bool b = adjust(m_agentCount, e.action.agent.id, -1);
    const bool c = adjust(m_toolCount, e.action.tool.name, -1);
    m_distinctChanged = m_distinctChanged || a || b || c;
}

qint64 PendingQueueModel::secondsLeft(const Entry &e) const
{
    if (!e.deadline.isValid())
        return -1;
    const qint64 ms = now().msecsTo(e.deadline);
    return ms <= 0 ? 0 : ms / 1000; // rounded down: never show more time than there is
}

bool PendingQueueModel::isUrgent(const Entry &e) const
{
    if (!e.deadline.isValid())
        return false;
    const qint64 left = secondsLeft(e);
    if (left < kUrgentSeconds)
        return true;
    const QDateTime start = e.action.submittedAt.isValid() ? e.action.submittedAt : e.arrivedAt;
    const qint64 window = start.secsTo(e.deadline);
    return window > 0 && double(left) < kUrgentFraction * double(window);
}

QString PendingQueueModel::countdownText(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    // Digits in the console's locale (QLocale), without group separators.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const auto twoDigits
        = [&locale](qint64 v) -> QString { return (v < 10 ? locale.zeroDigit() : QString()) + locale.toString(v); };
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(locale.toString(h), twoDigits(m), twoDigits(s));
    return QStringLiteral("%1:%2").arg(locale.toString(m), twoDigits(s));
}

QString PendingQueueModel::tooltip(const Entry &e, int column) const
{
    using core::UntrustedText;
    // The first line is always the model's own heading: Qt decides whether a
    // tooltip is rich text from its first line only, so agent text that looks
    // like markup further down is shown as characters.
    const core::Action &a = e.action;
    switch (column) {
    case ToolColumn:
        return tr("Tool") + u'\n' + cell(a.tool.name) + u'\n' + tr("Server: ") + cell(a.tool.server);
    case AgentColumn:
        return tr("Agent") + u'\n' + cell(a.agent.id) + u'\n' + tr("Name: ") + cell(a.agent.displayName) + u'\n'
            + tr("Owner: ") + cell(a.agent.owner) + u'\n' + tr("Model: ") + cell(a.agent.model);
    case UserColumn:
        return tr("Requested by") + u'\n' + cell(a.request.user);
    case TenantColumn:
        return tr("Tenant") + u'\n' + cell(a.tenant);
    case RiskColumn: {
        QString text = tr("Risk");
        if (e.risk.badges().isEmpty())
            text += u'\n' + tr("No risk badges.");
        for (const core::ActionRisk::Badge &b : e.risk.badges())
            text += u'\n' + b.label + QStringLiteral(": ") + b.explanation;
        return text;
    }
    case ApprovalsColumn:
        return tr("Approvals") + u'\n' + tr("%1 of %2 required approvals so far.").arg(e.approvals).arg(e.quorum);
    case DeadlineColumn:
        if (!e.deadline.isValid())
            return tr("Deadline") + u'\n' + tr("This action has no deadline.");
        // The approver's own clock first, then the UTC time the broker enforces.
        return tr("Deadline") + u'\n' + CellText::localTime(e.deadline) + u'\n' + QStringLiteral("UTC ")
            + core::JsonReader::formatTimestamp(e.deadline)
            + (e.deadline <= now() ? u'\n'
                       + tr("Expired: it can no longer be decided; waiting for the broker to "
                            "resolve it.")
                                   : QString());
    default:
        return {};
    }
}

QVariant PendingQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = *m_entries.at(size_t(index.row()));
    const core::Action &a = e.action;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ToolColumn:
            return cell(a.tool.name);
        case AgentColumn:
            return cell(a.agent.id);
        case UserColumn:
            return cell(a.request.user);
        case TenantColumn:
            return cell(a.tenant);
        case RiskColumn: {
            QStringList labels;
            for (const core::ActionRisk::Badge &b : e.risk.badges())
                labels.append(b.label);
            return labels.isEmpty() ? tr("none") : labels.join(QStringLiteral(", "));
        }
        case ApprovalsColumn:
            return QStringLiteral("%1/%2").arg(e.approvals).arg(e.quorum);
        case DeadlineColumn: {
            const qint64 left = secondsLeft(e);
            if (left < 0)
                return tr("no deadline");
            if (e.deadline <= now())
                return tr("expired");
            return countdownText(left);
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tooltip(e, index.column());
    case Qt::FontRole:
        if (index.column() == DeadlineColumn && isUrgent(e)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ActionIdRole:
        return e.id;
    case DeadlineRole:
        return e.deadline;
    case SecondsLeftRole:
        return int(std::min<qint64>(secondsLeft(e), std::numeric_limits<int>::max()));
    case UrgentRole:
        return isUrgent(e);
    case ExpiredRole:
        return e.deadline.isValid() && e.deadline <= now();
    case RiskScoreRole:
        return e.risk.score();
    case ArrivalRole:
        return e.firstSeq;
    case BadgesRole:
        return e.risk.ids();
    case TenantRole:
        return a.tenant;
    case AgentRole:
        return a.agent.id;
    case ToolRole:
        return a.tool.name;
    case RequesterRole:
        return a.request.user;
    case SeqRole:
        return e.seq;
    default:
        return {};
    }
}

QVariant PendingQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ToolColumn:
            return tr("Tool");
        case AgentColumn:
            return tr("Agent");
        case UserColumn:
            return tr("User");
        case TenantColumn:
            return tr("Tenant");
        case RiskColumn:
            return tr("Risk");
        case ApprovalsColumn:
            return tr("Approvals");
        case DeadlineColumn:
            return tr("Deadline");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ToolColumn:
            return tr("The tool the agent wants to call");
        case AgentColumn:
            return tr("The agent that proposes the action");
        case UserColumn:
            return tr("The person whose request the agent is acting on");
        case TenantColumn:
            return tr("The organisation the action runs in");
        case RiskColumn:
            return tr("Risk badges; hover a row for the reasons");
        case ApprovalsColumn:
            return tr("Approvals so far / approvals required");
        case DeadlineColumn:
            return tr("Time left to decide; after it the action is expired (denied)");
        default:
            return {};
        }
    }
    return {};
}

QHash<int, QByteArray> PendingQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ActionIdRole, "actionId");
    names.insert(DeadlineRole, "deadline");
    names.insert(SecondsLeftRole, "secondsLeft");
    names.insert(UrgentRole, "urgent");
    names.insert(ExpiredRole, "expired");
    names.insert(RiskScoreRole, "riskScore");
    names.insert(ArrivalRole, "arrival");
    names.insert(BadgesRole, "badges");
    names.insert(TenantRole, "tenant");
    names.insert(AgentRole, "agent");
    names.insert(ToolRole, "tool");
    names.insert(RequesterRole, "requester");
    names.insert(SeqRole, "seq");
    return names;
}

QStringList PendingQueueModel::distinct(const std::function<QString(const Entry &)> &value) const
{
    QStringList out;
    for (const auto &e : m_entries) {
        const QString v = value(*e);
        if (!out.contains(v))
            out.append(v);
    }
    out.sort();
    return out;
}

QStringList PendingQueueModel::tenants() const
{
    return m_tenantCount.keys();
}

QStringList PendingQueueModel::agents() const
{
    return m_agentCount.keys();
}

QStringList PendingQueueModel::tools() const
{
    return m_toolCount.keys();
}

QStringList PendingQueueModel::users() const
{
    return distinct([](const Entry &e) { return e.action.request.user; });
}

void PendingQueueModel::rememberSeq(const QString &id, qint64 seq)
{
    m_seqById.insert(id, seq);
}

void PendingQueueModel::applyMessage(const QJsonObject &message)
{
    if (message.value(QStringLiteral("type")).toString() != QStringLiteral("action"))
        return; // other message types are not the queue's business
    const QJsonObject json = message.value(QStringLiteral("action")).toObject();
    const QString id = json.value(QStringLiteral("id")).toString();
    qint64 seq = message.value(QStringLiteral("seq")).toInteger(0);
    if (seq <= 0)
        seq = json.value(QStringLiteral("seq")).toInteger(0);
    if (id.isEmpty() || seq <= 0) {
        Q_EMIT invalidAction(
            id, {id.isEmpty() ? tr("the message carries no action id") : tr("the message carries no sequence number")});
        return;
    }
    m_lastSeq = std::max(m_lastSeq, seq);
    if (const auto held = m_seqById.constFind(id); held != m_seqById.cend() && seq <= *held)
        return; // a replay, or older than what is shown
    rememberSeq(id, seq);

    m_distinctChanged = false;
    auto announceDistinct = [this] {
        if (m_distinctChanged)
            Q_EMIT distinctValuesChanged();
        m_distinctChanged = false;
    };

    const int row = rowOf(id);
    const QString state = status(message, json);
    if (state != QStringLiteral("pending")) {
        if (row >= 0) {
            eraseRow(row);
            Q_EMIT actionResolved(id, state.isEmpty() ? tr("unknown") : state);
            announceDistinct();
        }
        return;
    }

    core::ValidationErrors errors;
    core::Action action = core::Action::read(json, &errors);
    if (!errors.isEmpty()) {
        // An action that cannot be validated cannot be reviewed, and an older
        // valid version of it must not stay on screen to be signed instead.
        if (row >= 0) {
            eraseRow(row);
            announceDistinct();
        }
        QStringList text;
        for (const core::ValidationError &e : errors)
            text.append(e.toString());
        Q_EMIT invalidAction(id, text);
        return;
    }

    Entry next;
    next.id = id;
    next.seq = seq;
    next.firstSeq = seq;
    next.raw = json;
    next.announcedDigest = message.value(QStringLiteral("digest")).toString();
    next.arrivedAt = now();
    next.deadline = action.expiresAt;
    next.approvals = countApprovals(action.decisions);
    next.quorum = action.policy ? action.policy->quorum : 0;
    next.risk = core::ActionRisk(action, m_tenantDomains.value(action.tenant), next.arrivedAt);
    next.action = std::move(action);

    if (row >= 0) {
        Entry &held = *m_entries.at(size_t(row));
        next.firstSeq = held.firstSeq;
        next.arrivedAt = held.arrivedAt;
        if (held.action.tenant != next.action.tenant || held.action.agent.id != next.action.agent.id
            || held.action.tool.name != next.action.tool.name) {
            const QStringList before[3] = {tenants(), agents(), tools()};
            countOut(held);
            countIn(next);
            m_distinctChanged = before[0] != tenants() || before[1] != agents() || before[2] != tools();
        }
        held = std::move(next);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        Q_EMIT actionUpdated(id);
    } else {
        const int at = rowCount();
        beginInsertRows(QModelIndex(), at, at);
        countIn(next);
        m_rowById.insert(id, at);
        m_entries.push_back(std::make_unique<Entry>(std::move(next)));
        endInsertRows();
        Q_EMIT actionAdded(id);
    }
    announceDistinct();
    updateTimer();
}

void PendingQueueModel::eraseRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    countOut(*m_entries.at(size_t(row)));
    m_rowById.remove(m_entries.at(size_t(row))->id);
    m_entries.erase(m_entries.begin() + row);
    for (size_t i = size_t(row); i < m_entries.size(); ++i)
        m_rowById[m_entries[i]->id] = int(i);
    endRemoveRows();
    updateTimer();
}

void PendingQueueModel::applyResolutions(const QList<net::ResolvedAction> &items)
{
    // The same guard as applyMessage: a seq not newer than the one held for the id changes nothing.
    std::vector<int> rows;
    std::vector<qsizetype> resolved; // indexes into items, in their order
    for (const net::ResolvedAction &item : items) {
        if (item.id.isEmpty() || item.seq <= 0 || item.status.isEmpty() || item.status == QStringLiteral("pending"))
            continue;
        m_lastSeq = std::max(m_lastSeq, item.seq);
        if (const auto held = m_seqById.constFind(item.id); held != m_seqById.cend() && item.seq <= *held)
            continue;
        rememberSeq(item.id, item.seq);
        const int row = rowOf(item.id);
        if (row < 0)
            continue;
        rows.push_back(row);
        resolved.push_back(&item - items.constData());
    }
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<std::pair<int, int>> runs; // first, last row of each contiguous run
    for (const int row : rows) {
        if (!runs.empty() && runs.back().second + 1 == row)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    m_distinctChanged = false;
    // Each run is one beginRemoveRows, and the rows after it are renumbered
    // at once, so rowOf() is right whenever a view or slot asks. Many runs
    // (a kill scattered over a big queue) would renumber the tail once per
    // run: past a few times the queue's size in work, one reset is cheaper.
    qint64 work = 0;
    for (const auto &run : runs)
        work += qint64(m_entries.size()) - run.first;
    if (work > 8 * qint64(m_entries.size()) + 4096) {
        beginResetModel();
        std::vector<bool> gone(m_entries.size(), false);
        for (const int row : rows)
            gone[size_t(row)] = true;
        std::vector<std::unique_ptr<Entry>> kept;
        kept.reserve(m_entries.size() - rows.size());
        for (size_t i = 0; i < m_entries.size(); ++i) {
            if (gone[i])
                countOut(*m_entries[i]);
            else
                kept.push_back(std::move(m_entries[i]));
        }
        m_entries = std::move(kept);
        m_rowById.clear();
        for (size_t i = 0; i < m_entries.size(); ++i)
            m_rowById.insert(m_entries[i]->id, int(i));
        endResetModel();
    } else {
        for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
            beginRemoveRows(QModelIndex(), run->first, run->second);
            for (int row = run->first; row <= run->second; ++row) {
                countOut(*m_entries.at(size_t(row)));
                m_rowById.remove(m_entries.at(size_t(row))->id);
            }
            m_entries.erase(m_entries.begin() + run->first, m_entries.begin() + run->second + 1);
            for (size_t i = size_t(run->first); i < m_entries.size(); ++i)
                m_rowById[m_entries[i]->id] = int(i);
            endRemoveRows();
        }
    }
    updateTimer();
    for (const qsizetype i : resolved)
        Q_EMIT actionResolved(items.at(i).id, items.at(i).status);
    if (m_distinctChanged)
        Q_EMIT distinctValuesChanged();
    m_distinctChanged = false;
}

void PendingQueueModel::removeAction(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_distinctChanged = false;
    eraseRow(row);
    if (m_distinctChanged)
        Q_EMIT distinctValuesChanged();
    m_distinctChanged = false;
}

void PendingQueueModel::clear()
{
    const bool hadRows = !m_entries.empty();
    beginResetModel();
    m_entries.clear();
    m_seqById.clear();
    m_rowById.clear();
    m_tenantCount.clear();
    m_agentCount.clear();
    m_toolCount.clear();
    m_lastSeq = 0;
    endResetModel();
    updateTimer();
    if (hadRows)
        Q_EMIT distinctValuesChanged();
}

void PendingQueueModel::tick()
{
    if (m_entries.empty())
        return;
    Q_EMIT dataChanged(index(0, DeadlineColumn), index(rowCount() - 1, DeadlineColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::FontRole, SecondsLeftRole, UrgentRole, ExpiredRole});
}

void PendingQueueModel::updateTimer()
{
    // Only tick while there is something to count down.
    if (m_entries.empty())
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
}

} // namespace countersign::models
