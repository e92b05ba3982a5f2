#include "models/AuthorityChainModel.h"

#include "core/Action.h"

#include <QFont>

namespace countersign::models {

AuthorityChainModel::AuthorityChainModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_result = core::AuthorityChainCheck::Result();
}

void AuthorityChainModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    refresh();
}

void AuthorityChainModel::setAction(const core::Action &action)
{
    setChain(action.authorityChain, action.tool.name);
}

void AuthorityChainModel::setChain(const QList<core::AuthorityLink> &chain, const QString &toolName)
{
    beginResetModel();
    m_chain = chain;
    m_toolName = toolName;
    m_result = core::AuthorityChainCheck::check(m_chain, m_toolName, m_clock());
    endResetModel();
    Q_EMIT chainFlagsChanged();
}

void AuthorityChainModel::clear()
{
    beginResetModel();
    m_chain.clear();
    m_toolName.clear();
    // An empty pane is not an empty chain: no action, no flags.
    m_result = core::AuthorityChainCheck::Result();
    endResetModel();
    Q_EMIT chainFlagsChanged();
}

void AuthorityChainModel::refresh()
{
    if (m_chain.isEmpty() && m_toolName.isEmpty())
        return;
    core::AuthorityChainCheck::Result next = core::AuthorityChainCheck::check(m_chain, m_toolName, m_clock());
    const bool linksChanged = next.linkFlags != m_result.linkFlags;
    const bool chainChanged = next.chainFlags != m_result.chainFlags;
    m_result = std::move(next);
    if (linksChanged && !m_chain.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    if (chainChanged)
        Q_EMIT chainFlagsChanged();
}

QStringList AuthorityChainModel::chainFlags() const
{
    return CellText::messages(m_result.chainFlags);
}

QStringList AuthorityChainModel::chainFlagIds() const
{
    return CellText::ids(m_result.chainFlags);
}

const core::AuthorityLink *AuthorityChainModel::link(int row) const
{
    return row >= 0 && row < m_chain.size() ? &m_chain.at(row) : nullptr;
}

int AuthorityChainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chain.size());
}

int AuthorityChainModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuthorityChainModel::kindText(const QString &kind) const
{
    if (kind == QStringLiteral("user"))
        return tr("user");
    if (kind == QStringLiteral("agent"))
        return tr("agent");
    if (kind == QStringLiteral("service"))
        return tr("service");
    if (kind == QStringLiteral("tool"))
        return tr("tool");
    return CellText::cell(kind);
}

CellText::Value AuthorityChainModel::value(int row, int column) const
{
    const core::AuthorityLink &l = m_chain.at(row);
    const QString notGiven = tr("not given");
    auto orNotGiven = [&notGiven](const QString &text) {
        return text.isEmpty() ? CellText::safe(notGiven) : CellText::untrusted(text);
    };
    switch (column) {
    case KindColumn:
        return CellText::safe(kindText(l.kind));
    case SubjectColumn:
        return orNotGiven(l.subject);
    case IssuerColumn:
        return orNotGiven(l.issuer);
    case DelegatedByColumn:
        if (l.delegatedBy.isEmpty())
            return CellText::safe(row == 0 ? tr("(origin of the chain)") : notGiven);
        return CellText::untrusted(l.delegatedBy);
    case ScopesColumn:
        return l.scopes.isEmpty() ? CellText::safe(tr("none"))
                                  : CellText::untrusted(l.scopes.join(QStringLiteral(", ")));
    case IssuedColumn:
        return CellText::time(l.issuedAt, notGiven);
    case ExpiresColumn:
        return CellText::time(l.expiresAt, tr("no expiry given"));
    case AuthMethodColumn:
        return orNotGiven(l.authMethod);
    case CredentialColumn:
        return orNotGiven(l.credential);
    case FlagsColumn: {
        const QStringList messages = m_result.linkMessages(row);
        return CellText::safe(messages.isEmpty() ? QString() : messages.join(u' '));
    }
    default:
        return {};
    }
}

QVariant AuthorityChainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool flagged = !m_result.linkFlags.value(row).isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        return CellText::cell(value(row, index.column()));
    case Qt::ToolTipRole: {
        QStringList lines = CellText::hover(value(row, index.column()));
        if (index.column() != FlagsColumn)
            lines.append(m_result.linkMessages(row));
        return CellText::tooltip(headerData(index.column(), Qt::Horizontal).toString(), lines);
    }
    case Qt::FontRole:
        if (flagged && index.column() == FlagsColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case FlagsRole:
        return m_result.linkMessages(row);
    case FlagIdsRole:
        return m_result.linkIds(row);
    case FlaggedRole:
        return flagged;
    case FullTextRole:
        return CellText::full(value(row, index.column()));
    case TruncatedRole: {
        bool truncated = false;
        CellText::cell(value(row, index.column()), &truncated);
        return truncated;
    }
    case KindRole:
        return m_chain.at(row).kind;
    case ScopesRole:
        return m_chain.at(row).scopes;
    default:
        return {};
    }
}

QVariant AuthorityChainModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0 && section < rowCount())
        return section + 1; // the position in the chain
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case SubjectColumn:
        return tr("Subject");
    case IssuerColumn:
        return tr("Issuer");
    case DelegatedByColumn:
        return tr("Delegated by");
    case ScopesColumn:
        return tr("Scopes");
    case IssuedColumn:
        return tr("Issued");
    case ExpiresColumn:
        return tr("Expires");
    case AuthMethodColumn:
        return tr("Auth method");
    case CredentialColumn:
        return tr("Credential");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

} // namespace countersign::models
