#include "models/EvidenceExport.h"

#include "core/EvidenceBundle.h"
#include "core/EvidenceBundleReport.h"
#include "storage/HistoryStore.h"

#include <QJsonArray>

namespace countersign::models {

bool EvidenceExport::write(const storage::HistoryStore &store, const QStringList &actionIds,
                           const core::Ed25519PublicKey &brokerKey, const QString &createdBy, const QString &selection,
                           const QString &directory, QString *message)
{
    if (actionIds.isEmpty()) {
        *message = tr("no actions to export");
        return false;
    }
    core::EvidenceBundle::Contents contents;
    contents.brokerKey = brokerKey;
    contents.createdBy = createdBy;
    contents.selection = selection;
    qint64 first = 0;
    for (const QString &id : actionIds) {
        const auto m = store.message(id);
        if (!m) {
            *message = tr("action %1 is not in the local cache").arg(id);
            return false;
        }
        contents.actions.append(m->value(QStringLiteral("action")).toObject());
        const QList<QJsonObject> entries = store.auditForAction(id);
        if (entries.isEmpty()) {
            *message = tr("the cached audit log has no entries for %1 yet; sync and try again").arg(id);
            return false;
        }
        const qint64 seq = entries.first().value(QStringLiteral("seq")).toInteger();
        first = first == 0 ? seq : std::min(first, seq);
    }
    // The cached run from the first entry of any action to the newest; the
    // writer keeps only the span up to the checkpoint covering the last one.
    QJsonArray entries;
    for (qint64 next = first;;) {
        const QList<QJsonObject> chunk = store.auditEntries(next, 0, 5000);
        for (const QJsonObject &e : chunk)
            entries.append(e);
        if (chunk.size() < 5000)
            break;
        next = chunk.last().value(QStringLiteral("seq")).toInteger() + 1;
    }
    QJsonArray checkpoints;
    for (const storage::HistoryStore::Checkpoint &cp : store.checkpoints(first, 0))
        checkpoints.append(QJsonObject {{QStringLiteral("seq"), cp.seq}, {QStringLiteral("jws"), cp.jws}});
    QString error;
    if (!core::EvidenceBundle::addAuditMessage(
            &contents, QJsonObject {{QStringLiteral("entries"), entries}, {QStringLiteral("checkpoints"), checkpoints}},
            &error)) {
        *message = error;
        return false;
    }
    QList<core::AuditEntry> enrolments;
    for (const QJsonObject &e : store.auditEvents({QStringLiteral("approver_enrolled")})) {
        core::ValidationErrors errors;
        enrolments.append(core::AuditEntry::read(e, &errors));
    }
    contents.approverKeys = core::EvidenceBundle::approverKeysFromAudit(enrolments);
    const core::EvidenceBundle::Span span = core::EvidenceBundle::span(contents);
    if (!span.ok) {
        *message = span.last == 0 ? tr("no signed checkpoint covers these actions yet; wait for the broker's next "
                                       "checkpoint, sync, and export again (%1)")
                                        .arg(span.problem)
                                  : span.problem;
        return false;
    }
    if (!core::EvidenceBundle::write(directory, contents, &error)) {
        *message = error;
        return false;
    }
    core::EvidenceBundle::VerifyOptions options;
    options.trustedBrokerKey = brokerKey;
    const core::EvidenceBundleReport report = core::EvidenceBundle::verify(directory, options);
    *message = report.summary();
    return report.ok;
}

} // namespace countersign::models
