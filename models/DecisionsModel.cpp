#include "models/DecisionsModel.h"

#include "core/JsonReader.h"
#include "models/CellText.h"
#include "storage/HistoryStore.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>

namespace countersign::models {

DecisionsModel::DecisionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int DecisionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checks.size());
}

int DecisionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DecisionsModel::signatureText(const core::DecisionCheck &c)
{
    using S = core::DecisionCheck::Signature;
    switch (c.signature) {
    case S::Valid:
        return tr("valid");
    case S::Invalid:
        return tr("INVALID: %1").arg(c.signatureProblem);
    case S::KeyUnknown:
        return tr("key unknown: cannot be checked");
    case S::KeyRevokedSince:
        return tr("valid, but the key was revoked since (%1)").arg(core::JsonReader::formatTimestamp(c.revokedAt));
    }
    return {};
}

QString DecisionsModel::digestText(const core::DecisionCheck &c)
{
    if (!c.actionIdMatches)
        return tr("MISMATCH: the statement is about another action");
    if (c.digestMatches)
        return tr("matches the displayed action");
    return tr("MISMATCH: signed %1, displayed action is %2").arg(c.signedDigest, c.displayedDigest);
}

QVariant DecisionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::DecisionCheck &c = m_checks.at(index.row());
    if (role == Qt::ForegroundRole && (index.column() == SignatureColumn || index.column() == DigestColumn)) {
        const bool good = index.column() == SignatureColumn ? c.signature == core::DecisionCheck::Signature::Valid
                                                            : c.digestMatches && c.actionIdMatches;
        return good ? QVariant() : QVariant(QBrush(QColor(0xb0, 0x00, 0x20)));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ApproverColumn:
        return c.approverName.isEmpty() ? tr("(unknown approver)") : CellText::cell(c.approverName);
    case KeyColumn:
        return CellText::cell(c.approverKeyId);
    case VerdictColumn:
        return CellText::cell(c.verdict);
    case ReasonColumn:
        return role == Qt::ToolTipRole ? CellText::full(c.reason) : CellText::cell(c.reason);
    case TimeColumn:
        return CellText::timestamp(c.issuedAt, tr("(no time)"));
    case SignatureColumn:
        return signatureText(c);
    case DigestColumn:
        return digestText(c);
    default:
        return {};
    }
}

QVariant DecisionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ApproverColumn:
        return tr("Approver");
    case KeyColumn:
        return tr("Key id");
    case VerdictColumn:
        return tr("Verdict");
    case ReasonColumn:
        return tr("Reason");
    case TimeColumn:
        return tr("Signed at");
    case SignatureColumn:
        return tr("Signature");
    case DigestColumn:
        return tr("Digest");
    default:
        return {};
    }
}

void DecisionsModel::setChecks(const QList<core::DecisionCheck> &checks)
{
    beginResetModel();
    m_checks = checks;
    endResetModel();
}

QHash<QString, core::DecisionCheck::Key> DecisionsModel::keysFrom(const storage::HistoryStore &store)
{
    QHash<QString, core::DecisionCheck::Key> keys;
    const auto cached = store.approverKeys();
    for (const storage::HistoryStore::ApproverKey &k : cached) {
        core::DecisionCheck::Key key;
        key.keyId = k.keyId;
        key.name = k.name;
        key.publicKey = core::Ed25519PublicKey::fromBase64Url(k.publicKey.toLatin1());
        // A key whose bytes do not hash to its id is no key for that id.
        if (key.publicKey && key.publicKey->keyId() != k.keyId)
            key.publicKey.reset();
        key.revokedAt = core::JsonReader::parseTimestamp(k.revokedAt);
        keys.insert(k.keyId, key);
    }
    return keys;
}

QList<core::DecisionCheck> DecisionsModel::checkAll(const QJsonObject &action,
                                                    const QHash<QString, core::DecisionCheck::Key> &keys)
{
    QList<core::DecisionCheck> out;
    for (const QJsonValue &d : action.value(QStringLiteral("decisions")).toArray())
        out.append(
            core::DecisionCheck::check(d.toObject().value(QStringLiteral("jws")).toString().toLatin1(), action, keys));
    return out;
}

} // namespace countersign::models
