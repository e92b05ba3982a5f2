#pragma once

#include "core/Evidence.h"
#include "core/ReviewFlag.h"
#include "models/CellText.h"

#include <QAbstractTableModel>

namespace countersign::core {
class Action;
}

namespace countersign::models {

// The evidence pane: the sources the agent relied on, with their provenance
// and content. Sources whose trust is user_generated, external or unknown are
// marked untrusted (UntrustedRole, and in words in the Flags column), as are
// evidence items with no SHA-256, no source authority or no content
// (core::ReviewChecks::evidence).
class EvidenceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        TrustColumn,
        FlagsColumn,
        SourceAuthorityColumn,
        UriColumn,
        UsedForColumn,
        RetrievedColumn,
        Sha256Column,
        IdColumn,
        KindColumn,
        ContentColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        UntrustedRole = Qt::UserRole + 1, // bool
        FlagsRole, // QStringList, one sentence each
        FlagIdsRole, // QStringList: untrusted, no_hash, no_source_authority, no_content
        FlaggedRole, // bool
        FullTextRole, // QString: the complete formatted cell text
        TruncatedRole, // bool
        ContentRole, // QString: the whole content (or excerpt), formatted, line breaks kept
        ContentIsExcerptRole, // bool: only an excerpt was given
        TrustRole, // raw QString
    };
    Q_ENUM(Role)

    explicit EvidenceModel(QObject *parent = nullptr);

    void setAction(const core::Action &action);
    void setEvidence(const QList<core::Evidence> &evidence);
    void clear();
    const core::Evidence *evidence(int row) const;
    // The formatted content of one item, for the pane's text view.
    QString contentText(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CellText::Value value(int row, int column) const;
    QString prefix(int row, int column) const;

    QList<core::Evidence> m_items;
    QList<core::ReviewFlags> m_flags;
};

} // namespace countersign::models
