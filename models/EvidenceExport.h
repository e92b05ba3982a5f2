#pragma once

#include "core/Ed25519PublicKey.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace countersign::storage {
class HistoryStore;
}

namespace countersign::models {

// Writes actions from the history cache as an evidence bundle
// (core::EvidenceBundle, docs/evidence-bundle.md): the actions with their
// decision JWS, the cached audit entries and checkpoints covering them, the
// approvers' keys (from the audit log's enrolments) and the pinned broker
// key; then verifies what it wrote against that key.
class EvidenceExport
{
    Q_DECLARE_TR_FUNCTIONS(countersign::models::EvidenceExport)

public:
    static bool write(const storage::HistoryStore &store, const QStringList &actionIds,
                      const core::Ed25519PublicKey &brokerKey, const QString &createdBy, const QString &selection,
                      const QString &directory, QString *message);
};

} // namespace countersign::models
