#pragma once

#include "core/DecisionCheck.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace countersign::storage {
class HistoryStore;
}

namespace countersign::models {

// The Decisions pane of a resolved action: every decision statement with its
// approver, verdict, reason and time, its signature checked locally against
// the approver's public key and its digest against the displayed action.
class DecisionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ApproverColumn,
        KeyColumn,
        VerdictColumn,
        ReasonColumn,
        TimeColumn,
        SignatureColumn,
        DigestColumn,
        ColumnCount
    };

    explicit DecisionsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setChecks(const QList<core::DecisionCheck> &checks);
    const QList<core::DecisionCheck> &checks() const { return m_checks; }

    // The approver keys the cached audit log enrolled (and revoked).
    static QHash<QString, core::DecisionCheck::Key> keysFrom(const storage::HistoryStore &store);
    // Checks every decision of `action` (the action JSON as displayed).
    static QList<core::DecisionCheck> checkAll(const QJsonObject &action,
                                               const QHash<QString, core::DecisionCheck::Key> &keys);
    static QString signatureText(const core::DecisionCheck &check);
    static QString digestText(const core::DecisionCheck &check);

private:
    QList<core::DecisionCheck> m_checks;
};

} // namespace countersign::models
