#include "models/PendingQueueModel.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"
#include "models/CellText.h"
#include "net/BrokerConnection.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
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
    // Rare (settings): every row's risk is computed again from its action.
    for (auto &r : m_entries) {
        Entry full;
        materialise(*r, &full);
        const QueueRow before = *r;
        fillRow(*r, full.raw, full.action, r->riskAt);
        release(before);
    }
    for (const auto &e : m_cache) { // refreshed in place: pointers to them stay valid
        if (const QueueRow *r = queueRow(rowOf(e->id)))
            materialise(*r, e.get());
    }
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

const QueueRow *PendingQueueModel::queueRow(int row) const
{
    return row >= 0 && row < rowCount() ? m_entries[size_t(row)].get() : nullptr;
}

QString PendingQueueModel::actionId(int row) const
{
    const QueueRow *r = queueRow(row);
    return r ? r->id : QString();
}

qsizetype PendingQueueModel::retainedIdCount() const
{
    qsizetype cachedOnly = 0;
    for (const auto &e : m_cache)
        cachedOnly += m_rowById.contains(e->id) ? 0 : 1;
    return m_rowById.size() + cachedOnly;
}

void PendingQueueModel::materialise(const QueueRow &row, Entry *into) const
{
    // The bytes were checked to parse back to the received object when stored.
    into->raw = row.bytes.isEmpty() ? row.object : QJsonDocument::fromJson(row.bytes).object();
    core::ValidationErrors errors;
    into->action = core::Action::read(into->raw, &errors); // it validated when it arrived
    into->id = row.id;
    into->seq = row.seq;
    into->firstSeq = row.firstSeq;
    into->announcedDigest = row.announcedDigest;
    into->arrivedAt = row.arrivedAt;
    into->deadline = row.deadline;
    into->approvals = row.approvals;
    into->quorum = row.quorum;
    into->risk = core::ActionRisk(into->action, m_tenantDomains.value(into->action.tenant), row.riskAt);
}

PendingQueueModel::Entry *PendingQueueModel::cachedEntry(const QString &id) const
{
    const QueueRow *r = queueRow(rowOf(id));
    if (!r)
        return nullptr;
    auto it = std::find_if(m_cache.begin(), m_cache.end(), [&id](const auto &e) { return e->id == id; });
    if (it == m_cache.end()) {
        if (m_cache.size() >= size_t(kEntryCache))
            m_cache.pop_back();
        m_cache.insert(m_cache.begin(), std::make_unique<Entry>());
        materialise(*r, m_cache.front().get());
    } else {
        if ((*it)->seq != r->seq)
            materialise(*r, it->get()); // updated since: refreshed in place
        std::rotate(m_cache.begin(), it, it + 1);
    }
    return m_cache.front().get();
}

void PendingQueueModel::dropCached(const QString &id)
{
    m_cache.erase(std::remove_if(m_cache.begin(), m_cache.end(), [&id](const auto &e) { return e->id == id; }),
                  m_cache.end());
}

const PendingQueueModel::Entry *PendingQueueModel::entry(int row) const
{
    const QueueRow *r = queueRow(row);
    return r ? cachedEntry(r->id) : nullptr;
}

const PendingQueueModel::Entry *PendingQueueModel::entry(const QString &id) const
{
    return cachedEntry(id);
}

void PendingQueueModel::reindex() const
{
    for (size_t i = size_t(m_indexValidBelow); i < m_entries.size(); ++i)
        m_rowById[m_entries[i]->id] = int(i);
    m_indexValidBelow = int(m_entries.size());
}

int PendingQueueModel::rowOf(const QString &id) const
{
    auto it = m_rowById.constFind(id);
    if (it == m_rowById.cend())
        return -1;
    if (*it < m_indexValidBelow)
        return *it;
    reindex();
    return m_rowById.value(id, -1);
}

QString PendingQueueModel::intern(const QString &value)
{
    if (value.isEmpty())
        return QString();
    auto it = m_pool.find(value);
    if (it == m_pool.end())
        it = m_pool.insert(value, 0);
    ++*it;
    return it.key();
}

void PendingQueueModel::unintern(const QString &value)
{
    if (value.isEmpty())
        return;
    auto it = m_pool.find(value);
    if (it != m_pool.end() && --*it <= 0)
        m_pool.erase(it);
}

void PendingQueueModel::release(const QueueRow &row)
{
    unintern(row.tenant);
    unintern(row.agent);
    unintern(row.tool);
    unintern(row.user);
    unintern(row.riskText);
    unintern(row.riskDetails);
    unintern(row.toolServer);
    unintern(row.agentName);
    unintern(row.agentOwner);
    unintern(row.agentModel);
}

bool PendingQueueModel::fillRow(QueueRow &row, const QJsonObject &json, const core::Action &action, const QDateTime &at)
{
    // Compact bytes only when they give back exactly this object: what the
    // console shows and digests must be what it received.
    QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const bool exact = QJsonDocument::fromJson(bytes).object() == json;
    row.bytes = exact ? std::move(bytes) : QByteArray();
    row.object = exact ? QJsonObject() : json;
    row.deadline = action.expiresAt;
    row.deadlineMs = action.expiresAt.isValid() ? action.expiresAt.toMSecsSinceEpoch() : QueueRow::kNoDeadline;
    row.windowStart = action.submittedAt.isValid() ? action.submittedAt : row.arrivedAt;
    row.approvals = countApprovals(action.decisions);
    row.quorum = action.policy ? action.policy->quorum : 0;
    const core::ActionRisk risk(action, m_tenantDomains.value(action.tenant), at);
    row.riskAt = at;
    row.riskScore = risk.score();
    QStringList labels;
    QStringList details;
    for (const core::ActionRisk::Badge &b : risk.badges()) {
        labels.append(b.label);
        details.append(b.label + QStringLiteral(": ") + b.explanation);
    }
    row.riskText = intern(labels.join(QStringLiteral(", ")));
    row.riskDetails = intern(details.join(u'\n'));
    row.badgeIds = risk.ids();
    row.tenant = intern(action.tenant);
    row.agent = intern(action.agent.id);
    row.tool = intern(action.tool.name);
    row.user = intern(action.request.user);
    row.toolServer = intern(action.tool.server);
    row.agentName = intern(action.agent.displayName);
    row.agentOwner = intern(action.agent.owner);
    row.agentModel = intern(action.agent.model);
    return exact;
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

void PendingQueueModel::countIn(const QueueRow &r)
{
    const bool a = adjust(m_tenantCount, r.tenant, +1);
    const bool b = adjust(m_agentCount, r.agent, +1);
    const bool c = adjust(m_toolCount, r.tool, +1);
    m_distinctChanged = m_distinctChanged || a || b || c;
}

void PendingQueueModel::countOut(const QueueRow &r)
{
    const bool a = adjust(m_tenantCount, r.tenant, -1);
    const bool b = adjust(m_agentCount, r.agent, -1);
    const bool c = adjust(m_toolCount, r.tool, -1);
    m_distinctChanged = m_distinctChanged || a || b || c;
}

qint64 PendingQueueModel::secondsLeft(const QueueRow &e) const
{
    if (!e.deadline.isValid())
        return -1;
    const qint64 ms = now().msecsTo(e.deadline);
    return ms <= 0 ? 0 : ms / 1000; // rounded down: never show more time than there is
}

bool PendingQueueModel::isUrgent(const QueueRow &e) const
{
    if (!e.deadline.isValid())
        return false;
    const qint64 left = secondsLeft(e);
    if (left < kUrgentSeconds)
        return true;
    const qint64 window = e.windowStart.secsTo(e.deadline);
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

QString PendingQueueModel::tooltip(const QueueRow &row, int column) const
{
    using core::UntrustedText;
    // The first line is always the model's own heading: Qt decides whether a
    // tooltip is rich text from its first line only, so agent text that looks
    // like markup further down is shown as characters.
    const QueueRow &e = row;
    switch (column) {
    case ToolColumn:
        return tr("Tool") + u'\n' + cell(e.tool) + u'\n' + tr("Server: ") + cell(e.toolServer);
    case AgentColumn:
        return tr("Agent") + u'\n' + cell(e.agent) + u'\n' + tr("Name: ") + cell(e.agentName) + u'\n' + tr("Owner: ")
            + cell(e.agentOwner) + u'\n' + tr("Model: ") + cell(e.agentModel);
    case UserColumn:
        return tr("Requested by") + u'\n' + cell(e.user);
    case TenantColumn:
        return tr("Tenant") + u'\n' + cell(e.tenant);
    case RiskColumn:
        return tr("Risk") + u'\n' + (e.riskDetails.isEmpty() ? tr("No risk badges.") : e.riskDetails);
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
    const QueueRow &e = *m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ToolColumn:
            return cell(e.tool);
        case AgentColumn:
            return cell(e.agent);
        case UserColumn:
            return cell(e.user);
        case TenantColumn:
            return cell(e.tenant);
        case RiskColumn:
            return e.riskText.isEmpty() ? tr("none") : e.riskText;
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
        return e.riskScore;
    case ArrivalRole:
        return e.firstSeq;
    case BadgesRole:
        return e.badgeIds;
    case TenantRole:
        return e.tenant;
    case AgentRole:
        return e.agent;
    case ToolRole:
        return e.tool;
    case RequesterRole:
        return e.user;
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
    QSet<QString> seen;
    for (const auto &r : m_entries)
        seen.insert(r->user);
    QStringList out(seen.cbegin(), seen.cend());
    out.sort();
    return out;
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
    // The broker sends changes in ascending seq order; anything at or below the
    // cursor was already applied or is older than what was: a replay, never
    // news. This is what keeps a resolved action from coming back, for every
    // id, without remembering the ids.
    if (seq <= m_lastSeq)
        return;
    m_lastSeq = seq;

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
    const core::Action action = core::Action::read(json, &errors);
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

    const QDateTime t = now();
    auto next = std::make_unique<QueueRow>();
    next->id = id;
    next->seq = seq;
    next->firstSeq = seq;
    next->announcedDigest = message.value(QStringLiteral("digest")).toString();
    next->arrivedAt = t;

    if (row >= 0) {
        QueueRow &held = *m_entries[size_t(row)];
        next->firstSeq = held.firstSeq;
        next->arrivedAt = held.arrivedAt;
        fillRow(*next, json, action, t);
        if (held.tenant != next->tenant || held.agent != next->agent || held.tool != next->tool) {
            const QStringList before[3] = {tenants(), agents(), tools()};
            countOut(held);
            countIn(*next);
            m_distinctChanged = before[0] != tenants() || before[1] != agents() || before[2] != tools();
        }
        release(held);
        held = std::move(*next);
        // A cached entry is refreshed in place: pointers to it stay valid.
        for (const auto &e : m_cache) {
            if (e->id == id)
                materialise(held, e.get());
        }
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        Q_EMIT actionUpdated(id);
    } else {
        fillRow(*next, json, action, t);
        const int at = rowCount();
        beginInsertRows(QModelIndex(), at, at);
        countIn(*next);
        m_rowById.insert(id, at);
        if (m_indexValidBelow == at)
            ++m_indexValidBelow;
        m_entries.push_back(std::move(next));
        endInsertRows();
        Q_EMIT actionAdded(id);
    }
    announceDistinct();
    updateTimer();
}

void PendingQueueModel::eraseRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    const QueueRow &r = *m_entries[size_t(row)];
    countOut(r);
    release(r);
    m_rowById.remove(r.id);
    dropCached(r.id);
    m_entries.erase(m_entries.begin() + row);
    m_indexValidBelow = std::min(m_indexValidBelow, row); // the rows after it moved up
    endRemoveRows();
    updateTimer();
}

void PendingQueueModel::follow(const net::BrokerConnection *connection)
{
    connect(connection, &net::BrokerConnection::actionMessage, this, &PendingQueueModel::applyMessage);
    connect(connection, &net::BrokerConnection::actionsResolved, this, &PendingQueueModel::applyResolutions);
    connect(connection, &net::BrokerConnection::streamReset, this, &PendingQueueModel::clear);
}

void PendingQueueModel::applyResolutions(const QList<net::ResolvedAction> &items)
{
    QList<Resolution> resolutions;
    resolutions.reserve(items.size());
    for (const net::ResolvedAction &item : items)
        resolutions.append({item.id, item.seq, item.status});
    resolveBatch(resolutions);
}

void PendingQueueModel::removeRows(std::vector<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty())
        return;
    if (rows.size() == 1) {
        eraseRow(rows.front());
        return;
    }
    // Rows removed one by one would cost O(rows × queue) (every removal moves
    // the rows after it, in this model and in the proxy): instead one layout
    // change moves them to the end, keeping the others' order, and one
    // removal takes them all.
    const int n = rowCount();
    std::vector<char> doomed(size_t(n), 0);
    for (int r : rows)
        doomed[size_t(r)] = 1;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    std::vector<int> newRowOf(m_entries.size());
    int next = 0;
    for (int i = 0; i < n; ++i) {
        if (!doomed[size_t(i)])
            newRowOf[size_t(i)] = next++;
    }
    for (int r : rows)
        newRowOf[size_t(r)] = next++;
    std::vector<std::unique_ptr<QueueRow>> reordered(m_entries.size());
    for (int i = 0; i < n; ++i)
        reordered[size_t(newRowOf[size_t(i)])] = std::move(m_entries[size_t(i)]);
    m_entries = std::move(reordered);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from)
        to.append(index(newRowOf[size_t(i.row())], i.column()));
    changePersistentIndexList(from, to);
    m_indexValidBelow = std::min(m_indexValidBelow, rows.front());
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);

    const int first = n - int(rows.size());
    beginRemoveRows(QModelIndex(), first, n - 1);
    for (int i = first; i < n; ++i) {
        const QueueRow &r = *m_entries[size_t(i)];
        countOut(r);
        release(r);
        m_rowById.remove(r.id);
        dropCached(r.id);
    }
    m_entries.resize(size_t(first));
    m_indexValidBelow = std::min(m_indexValidBelow, first);
    endRemoveRows();
    updateTimer();
}

void PendingQueueModel::resolveBatch(const QList<Resolution> &resolutions)
{
    std::vector<int> rows;
    QList<std::pair<QString, QString>> resolved; // id, status
    QSet<QString> seen;
    for (const Resolution &r : resolutions) {
        if (r.id.isEmpty() || r.seq <= 0 || r.status.isEmpty() || r.status == QStringLiteral("pending"))
            continue;
        if (r.seq <= m_lastSeq)
            continue; // the same cursor rule as applyMessage
        m_lastSeq = r.seq;
        const int row = rowOf(r.id);
        if (row >= 0 && !seen.contains(r.id)) {
            seen.insert(r.id);
            rows.push_back(row);
            resolved.append({r.id, r.status});
        }
    }
    if (rows.empty())
        return;
    m_distinctChanged = false;
    removeRows(std::move(rows));
    for (const auto &[id, state] : std::as_const(resolved))
        Q_EMIT actionResolved(id, state);
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
    m_rowById.clear();
    m_indexValidBelow = 0;
    m_tenantCount.clear();
    m_agentCount.clear();
    m_toolCount.clear();
    m_pool.clear();
    m_cache.clear();
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
