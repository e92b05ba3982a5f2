#pragma once

#include "core/AuditEntry.h"
#include "core/Ed25519PublicKey.h"
#include "core/EvidenceBundleReport.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace countersign::core {

// Checks one evidence bundle directory (EvidenceBundle::verify): the broker
// key, the hash chain over the included audit entries, the broker's
// checkpoint signatures and that they cover every entry, and for each action
// its digest, every decision JWS against its approver's key and the action,
// and that the audit log records the submission, each decision and the status.
// Stops at the first failure.
class EvidenceBundleVerifier
{
public:
    EvidenceBundleVerifier(QString directory, std::optional<Ed25519PublicKey> trustedBrokerKey);
    EvidenceBundleReport run();

private:
    bool fail(const QString &path, const QString &problem);
    std::optional<QByteArray> read(const QString &relative);
    std::optional<QJsonObject> readObject(const QString &relative);
    bool checkSignedFiles(const QString &base, const QByteArray &jws);
    bool checkManifest();
    bool checkBrokerKey();
    bool checkChain();
    bool checkCheckpoints();
    bool checkApproverKeys();
    bool checkActions();
    bool checkAction(const QString &id);

    QString m_directory;
    std::optional<Ed25519PublicKey> m_trusted;
    Ed25519PublicKey m_brokerKey;
    QJsonObject m_manifest;
    QList<AuditEntry> m_entries;
    QHash<qint64, QString> m_hashes;
    QHash<QString, Ed25519PublicKey> m_approverKeys;
    QHash<QString, QString> m_approverNames;
    EvidenceBundleReport m_report;
};

} // namespace countersign::core
