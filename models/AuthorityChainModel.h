#pragma once

#include "core/AuthorityChainCheck.h"
#include "core/AuthorityLink.h"
#include "models/CellText.h"

#include <QAbstractTableModel>

#include <functional>

namespace countersign::models {

// The authority-chain pane: one row per link, user → agent → service → tool,
// with the problems core::AuthorityChainCheck finds said in words in the Flags
// column (and FlagsRole), and the problems of the chain as a whole in
// chainFlags(). Expiry depends on the time: refresh() re-checks against the
// clock, so a link that lapses while the approver looks at it gets flagged.
class AuthorityChainModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    enum Column {
        KindColumn,
        SubjectColumn,
        ScopesColumn,
        FlagsColumn,
        DelegatedByColumn,
        IssuerColumn,
        IssuedColumn,
        ExpiresColumn,
        AuthMethodColumn,
        CredentialColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        FlagsRole = Qt::UserRole + 1, // QStringList: this link's problems, one sentence each
        FlagIdsRole, // QStringList: escalation, expired, not_yet_valid, invalid_validity, broken_delegation
        FlaggedRole, // bool
        FullTextRole, // QString
        TruncatedRole, // bool
        KindRole, // raw QString
        ScopesRole, // raw QStringList
    };
    Q_ENUM(Role)

    explicit AuthorityChainModel(QObject *parent = nullptr);

    void setClock(Clock clock);
    void setAction(const core::Action &action);
    void setChain(const QList<core::AuthorityLink> &chain, const QString &toolName);
    void clear();
    // Re-checks against the clock; emits dataChanged for the Flags column and
    // chainFlagsChanged when anything changed.
    void refresh();

    // Problems of the chain as a whole (missing user, wrong final tool, empty), one sentence each.
    QStringList chainFlags() const;
    QStringList chainFlagIds() const;
    const core::AuthorityChainCheck::Result &result() const { return m_result; }
    const core::AuthorityLink *link(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void chainFlagsChanged();

private:
    CellText::Value value(int row, int column) const;
    QString kindText(const QString &kind) const;

    QList<core::AuthorityLink> m_chain;
    QString m_toolName;
    core::AuthorityChainCheck::Result m_result;
    Clock m_clock;
};

} // namespace countersign::models
