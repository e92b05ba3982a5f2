#include "models/EvidenceModel.h"

#include "core/Action.h"
#include "core/ReviewChecks.h"

#include <QFont>

namespace countersign::models {

EvidenceModel::EvidenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EvidenceModel::setAction(const core::Action &action)
{
    setEvidence(action.evidence);
}

void EvidenceModel::setEvidence(const QList<core::Evidence> &evidence)
{
    beginResetModel();
    m_items = evidence;
    m_flags.clear();
    for (const core::Evidence &e : m_items)
        m_flags.append(core::ReviewChecks::evidence(e));
    endResetModel();
}

void EvidenceModel::clear()
{
    setEvidence({});
}

const core::Evidence *EvidenceModel::evidence(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

QString EvidenceModel::contentText(int row) const
{
    const core::Evidence *e = evidence(row);
    if (!e)
        return {};
    return CellText::full(e->content.isEmpty() ? e->excerpt : e->content);
}

int EvidenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int EvidenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

CellText::Value EvidenceModel::value(int row, int column) const
{
    const core::Evidence &e = m_items.at(row);
    const QString notGiven = tr("not given");
    auto orNotGiven = [&notGiven](const QString &text) {
        return text.isEmpty() ? CellText::safe(notGiven) : CellText::untrusted(text);
    };
    switch (column) {
    case IdColumn:
        return CellText::untrusted(e.id);
    case KindColumn:
        return CellText::untrusted(e.kind);
    case TitleColumn:
        return orNotGiven(e.title);
    case UriColumn:
        return orNotGiven(e.uri);
    case SourceAuthorityColumn:
        return orNotGiven(e.sourceAuthority);
    case TrustColumn: {
        const QString name = core::ReviewChecks::trustName(e.trust);
        return CellText::safe(core::ReviewChecks::isUntrustedTrust(e.trust) ? tr("%1 (untrusted)").arg(name) : name);
    }
    case RetrievedColumn:
        return CellText::time(e.retrievedAt, notGiven);
    case Sha256Column:
        return orNotGiven(e.sha256);
    case UsedForColumn:
        return orNotGiven(e.usedFor);
    case ContentColumn:
        if (!e.content.isEmpty())
            return CellText::untrusted(e.content);
        if (!e.excerpt.isEmpty())
            return CellText::untrusted(e.excerpt); // prefixed with "Excerpt:" in data()
        return CellText::safe(tr("none given"));
    case FlagsColumn:
        return CellText::safe(CellText::messages(m_flags.at(row)).join(u' '));
    default:
        return {};
    }
}

QString EvidenceModel::prefix(int row, int column) const
{
    const core::Evidence &e = m_items.at(row);
    // Say when only an excerpt stands in for the content the agent saw.
    return column == ContentColumn && e.content.isEmpty() && !e.excerpt.isEmpty() ? tr("Excerpt: ") : QString();
}

QVariant EvidenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const core::Evidence &e = m_items.at(row);
    const core::ReviewFlags &flags = m_flags.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return QString(prefix(row, index.column()) + CellText::cell(value(row, index.column())));
    case Qt::ToolTipRole: {
        QStringList lines;
        if (index.column() != ContentColumn)
            lines.append(CellText::hover(value(row, index.column())));
        if (index.column() != FlagsColumn)
            lines.append(CellText::messages(flags));
        return CellText::tooltip(headerData(index.column(), Qt::Horizontal).toString(), lines);
    }
    case Qt::FontRole:
        if (!flags.isEmpty() && (index.column() == FlagsColumn || index.column() == TrustColumn)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case UntrustedRole:
        return core::ReviewChecks::isUntrustedTrust(e.trust);
    case FlagsRole:
        return CellText::messages(flags);
    case FlagIdsRole:
        return CellText::ids(flags);
    case FlaggedRole:
        return !flags.isEmpty();
    case FullTextRole:
        return QString(prefix(row, index.column()) + CellText::full(value(row, index.column())));
    case TruncatedRole: {
        bool truncated = false;
        CellText::cell(value(row, index.column()), &truncated);
        return truncated;
    }
    case ContentRole:
        return contentText(row);
    case ContentIsExcerptRole:
        return e.content.isEmpty() && !e.excerpt.isEmpty();
    case TrustRole:
        return e.trust;
    default:
        return {};
    }
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case KindColumn:
        return tr("Kind");
    case TitleColumn:
        return tr("Title");
    case UriColumn:
        return tr("URI");
    case SourceAuthorityColumn:
        return tr("Source authority");
    case TrustColumn:
        return tr("Trust");
    case RetrievedColumn:
        return tr("Retrieved");
    case Sha256Column:
        return tr("SHA-256");
    case UsedForColumn:
        return tr("Used for");
    case ContentColumn:
        return tr("Content");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

} // namespace countersign::models
