#include "core/EvidenceBundle.h"

#include "core/ActionDigest.h"
#include "core/CanonicalJson.h"
#include "core/EvidenceBundleGuide.h"
#include "core/EvidenceBundleLayout.h"
#include "core/EvidenceBundleVerifier.h"
#include "core/Identifiers.h"
#include "core/JsonReader.h"
#include "core/Jws.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace countersign::core {

namespace {

using L = EvidenceBundleLayout;

class BundleFiles
{
public:
    explicit BundleFiles(QString root)
        : m_root(std::move(root))
    { }

    bool put(const QString &relative, const QByteArray &data, QString *error)
    {
        const QString path = m_root + QLatin1Char('/') + relative;
        if (!QDir().mkpath(QFileInfo(path).path())) {
            *error = QStringLiteral("cannot create the directory of %1").arg(path);
            return false;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    }

    // NAME.jws and what openssl needs to check it by hand: the signing input,
    // the raw 64-byte signature and the decoded (canonical) payload.
    bool putSigned(const QString &base, const QByteArray &jws, QString *error)
    {
        const JwsResult decoded = Jws::decode(jws);
        if (!decoded.ok()) {
            *error = QStringLiteral("%1: not a JWS (%2)").arg(base, decoded.message);
            return false;
        }
        return put(base + QStringLiteral(".jws"), jws, error)
            && put(base + QStringLiteral(".signing-input"), decoded.signingInput, error)
            && put(base + QStringLiteral(".sig"), decoded.signature, error)
            && put(base + QStringLiteral(".payload.json"), decoded.payload, error);
    }

private:
    QString m_root;
};

} // namespace

QString EvidenceBundle::formatName()
{
    return QStringLiteral("countersign-evidence-bundle/1");
}

EvidenceBundle::Span EvidenceBundle::span(const Contents &contents)
{
    Span span;
    QSet<QString> ids;
    for (const QJsonObject &action : contents.actions)
        ids.insert(action.value(QStringLiteral("id")).toString());
    QSet<QString> seen;
    qint64 lastWanted = 0;
    for (const AuditEntry &entry : contents.entries) {
        if (!entry.actionId.isEmpty() && ids.contains(entry.actionId)) {
            seen.insert(entry.actionId);
            span.first = span.first == 0 ? entry.seq : std::min(span.first, entry.seq);
            lastWanted = std::max(lastWanted, entry.seq);
        }
    }
    for (const QJsonObject &action : contents.actions) {
        const QString id = action.value(QStringLiteral("id")).toString();
        if (!seen.contains(id)) {
            span.problem = QStringLiteral("no audit entry of action %1 is among the entries given (its entries are "
                                          "listed by audit_for_action)")
                               .arg(id);
            return span;
        }
    }
    if (contents.fromSeq > 0)
        span.first = span.first == 0 ? contents.fromSeq : std::min(span.first, contents.fromSeq);
    if (contents.toSeq > 0)
        lastWanted = std::max(lastWanted, contents.toSeq);
    if (span.first == 0 && !contents.entries.isEmpty())
        span.first = contents.entries.first().seq;
    if (lastWanted == 0 && !contents.entries.isEmpty())
        lastWanted = contents.entries.last().seq;
    if (span.first == 0 || lastWanted == 0) {
        span.problem = QStringLiteral("there are no audit entries to put in the bundle");
        return span;
    }
    QList<qint64> cps;
    for (const Checkpoint &cp : contents.checkpoints)
        cps.append(cp.seq);
    std::sort(cps.begin(), cps.end());
    for (const qint64 seq : std::as_const(cps)) {
        if (seq >= lastWanted) {
            span.last = seq;
            break;
        }
    }
    if (span.last == 0) {
        span.next = lastWanted;
        span.problem = QStringLiteral("audit seq %1 is not covered by a signed checkpoint yet; the broker signs one "
                                      "every few seconds: fetch the range again")
                           .arg(lastWanted);
        return span;
    }
    QSet<qint64> have;
    for (const AuditEntry &entry : contents.entries)
        have.insert(entry.seq);
    for (qint64 seq = span.first; seq <= span.last; ++seq) {
        if (!have.contains(seq)) {
            span.next = seq;
            span.problem = QStringLiteral("audit entry %1 is missing: the bundle needs every entry from seq %2 to "
                                          "seq %3")
                               .arg(seq)
                               .arg(span.first)
                               .arg(span.last);
            return span;
        }
    }
    span.ok = true;
    return span;
}

bool EvidenceBundle::write(const QString &directory, const Contents &contents, QString *error)
{
    QString scratch;
    error = error ? error : &scratch;
    const QDir dir(directory);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        *error = QStringLiteral("%1 exists and is not empty").arg(directory);
        return false;
    }
    if (contents.brokerKey.isNull()) {
        *error = QStringLiteral("the broker's public key is required");
        return false;
    }

    // Everything is checked before the first byte is written.
    QHash<QString, ApproverKey> keysById;
    for (const ApproverKey &key : contents.approverKeys)
        keysById.insert(key.key.keyId(), key);
    QList<QJsonObject> actions;
    QSet<QString> actionIds;
    QSet<QString> usedKeys;
    for (const QJsonObject &action : contents.actions) {
        const QString id = action.value(QStringLiteral("id")).toString();
        if (!L::isSafeActionId(id)) {
            *error = QStringLiteral("an action has no usable id (%1)").arg(id.left(64));
            return false;
        }
        if (actionIds.contains(id))
            continue;
        actionIds.insert(id);
        if (!CanonicalJson::serialize(action)) {
            *error = QStringLiteral("action %1 cannot be written as canonical JSON").arg(id);
            return false;
        }
        const QJsonArray decisions = action.value(QStringLiteral("decisions")).toArray();
        for (qsizetype i = 0; i < decisions.size(); ++i) {
            const QByteArray jws = decisions.at(i).toObject().value(QStringLiteral("jws")).toString().toLatin1();
            const JwsResult decoded = Jws::decode(jws);
            if (!decoded.ok()) {
                *error = QStringLiteral("decision %1 of action %2 has no valid JWS (%3)")
                             .arg(i + 1)
                             .arg(id, decoded.message);
                return false;
            }
            if (!keysById.contains(decoded.kid)) {
                *error = QStringLiteral("decision %1 of action %2 is signed by %3, which is not among the approver "
                                        "keys given")
                             .arg(i + 1)
                             .arg(id, decoded.kid);
                return false;
            }
            usedKeys.insert(decoded.kid);
        }
        actions.append(action);
    }
    const Span span = EvidenceBundle::span(contents);
    if (!span.ok) {
        *error = span.problem;
        return false;
    }
    QList<AuditEntry> entries;
    for (const AuditEntry &entry : contents.entries) {
        if (entry.seq >= span.first && entry.seq <= span.last && (entries.isEmpty() || entries.last().seq < entry.seq))
            entries.append(entry);
    }
    QList<Checkpoint> checkpoints;
    for (const Checkpoint &cp : contents.checkpoints) {
        if (cp.seq >= span.first && cp.seq <= span.last
            && std::none_of(checkpoints.cbegin(), checkpoints.cend(),
                            [&](const Checkpoint &c) { return c.seq == cp.seq; }))
            checkpoints.append(cp);
    }
    std::sort(checkpoints.begin(), checkpoints.end(),
              [](const Checkpoint &a, const Checkpoint &b) { return a.seq < b.seq; });

    BundleFiles files(directory);
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }

    // Keys.
    if (!files.put(L::brokerKey(), contents.brokerKey.toPem(), error))
        return false;
    QJsonArray approverKeys;
    QStringList sortedKeys(usedKeys.cbegin(), usedKeys.cend());
    sortedKeys.sort();
    for (const QString &keyId : std::as_const(sortedKeys)) {
        const ApproverKey &key = keysById[keyId];
        if (!files.put(L::approverKey(keyId), key.key.toPem(), error))
            return false;
        approverKeys.append(QJsonObject {{QStringLiteral("key_id"), keyId},
                                         {QStringLiteral("name"), key.name},
                                         {QStringLiteral("file"), L::approverKey(keyId)}});
    }

    // Actions and their decisions.
    QJsonArray actionList;
    for (const QJsonObject &action : std::as_const(actions)) {
        const QString id = action.value(QStringLiteral("id")).toString();
        if (!files.put(L::actionJson(id), CanonicalJson::serializeOrEmpty(action), error)
            || !files.put(L::digestInput(id), ActionDigest::canonicalBytes(action), error))
            return false;
        QJsonArray decisionList;
        const QJsonArray decisions = action.value(QStringLiteral("decisions")).toArray();
        for (qsizetype i = 0; i < decisions.size(); ++i) {
            const QJsonObject d = decisions.at(i).toObject();
            const QByteArray jws = d.value(QStringLiteral("jws")).toString().toLatin1();
            const QString base = L::decision(id, int(i + 1));
            if (!files.putSigned(base, jws, error))
                return false;
            const QString kid = Jws::decode(jws).kid;
            decisionList.append(QJsonObject {{QStringLiteral("file"), base},
                                             {QStringLiteral("approver"), kid},
                                             {QStringLiteral("approver_key"), L::approverKey(kid)},
                                             {QStringLiteral("verdict"), d.value(QStringLiteral("verdict"))}});
        }
        actionList.append(QJsonObject {
            {QStringLiteral("id"), id},
            {QStringLiteral("status"), action.value(QStringLiteral("status"))},
            {QStringLiteral("tenant"), action.value(QStringLiteral("tenant"))},
            {QStringLiteral("tool"), action.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name"))},
            {QStringLiteral("digest"), ActionDigest::compute(action)},
            {QStringLiteral("dir"), L::actionDir(id)},
            {QStringLiteral("purged"), action.contains(QStringLiteral("x-purged"))},
            {QStringLiteral("decisions"), decisionList}});
    }

    // The audit span: each entry as the broker reports it, and the exact bytes its hash covers.
    const QString previous = entries.first().prevHash;
    if (!files.put(L::previousHash(), previous.toLatin1() + '\n', error))
        return false;
    for (const AuditEntry &entry : std::as_const(entries)) {
        QJsonObject hashed = entry.toJson();
        hashed.remove(QStringLiteral("hash"));
        if (!files.put(L::entry(entry.seq), CanonicalJson::serializeOrEmpty(entry.toJson()), error)
            || !files.put(L::hashed(entry.seq), CanonicalJson::serializeOrEmpty(hashed), error))
            return false;
    }
    QJsonArray checkpointSeqs;
    for (const Checkpoint &cp : std::as_const(checkpoints)) {
        if (!files.putSigned(L::checkpoint(cp.seq), cp.jws, error))
            return false;
        checkpointSeqs.append(cp.seq);
    }

    const QJsonObject manifest {
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("created_at"), JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("created_by"), contents.createdBy},
        {QStringLiteral("selection"), contents.selection},
        {QStringLiteral("broker_key"),
         QJsonObject {{QStringLiteral("key_id"), contents.brokerKey.keyId()},
                      {QStringLiteral("file"), L::brokerKey()}}},
        {QStringLiteral("approver_keys"), approverKeys},
        {QStringLiteral("actions"), actionList},
        {QStringLiteral("audit"),
         QJsonObject {{QStringLiteral("first_seq"), span.first},
                      {QStringLiteral("last_seq"), span.last},
                      {QStringLiteral("previous_hash"), previous},
                      {QStringLiteral("checkpoints"), checkpointSeqs}}}};
    return files.put(L::manifest(), QJsonDocument(manifest).toJson(QJsonDocument::Indented), error)
        && files.put(L::guide(), EvidenceBundleGuide::text(manifest).toUtf8(), error);
}

EvidenceBundleReport EvidenceBundle::verify(const QString &directory, const VerifyOptions &options)
{
    return EvidenceBundleVerifier(directory, options.trustedBrokerKey).run();
}

bool EvidenceBundle::addHistoryItems(Contents *contents, const QJsonArray &items, QString *error)
{
    for (const QJsonValue &item : items) {
        const QJsonObject action = item.toObject().value(QStringLiteral("action")).toObject();
        if (action.isEmpty()) {
            *error = QStringLiteral("a history item carries no action");
            return false;
        }
        contents->actions.append(action);
    }
    return true;
}

bool EvidenceBundle::addAuditMessage(Contents *contents, const QJsonObject &auditEntries, QString *error)
{
    QSet<qint64> have;
    for (const AuditEntry &entry : std::as_const(contents->entries))
        have.insert(entry.seq);
    bool sorted = true;
    for (const QJsonValue &value : auditEntries.value(QStringLiteral("entries")).toArray()) {
        ValidationErrors errors;
        const AuditEntry entry = AuditEntry::read(value.toObject(), &errors);
        if (!errors.isEmpty()) {
            *error = QStringLiteral("an audit entry is malformed: %1").arg(errors.first().toString());
            return false;
        }
        if (have.contains(entry.seq))
            continue;
        have.insert(entry.seq);
        sorted = sorted && (contents->entries.isEmpty() || contents->entries.last().seq < entry.seq);
        contents->entries.append(entry);
    }
    // Pages may arrive in any order, or fill gaps left by audit_for_action answers.
    if (!sorted)
        std::sort(contents->entries.begin(), contents->entries.end(),
                  [](const AuditEntry &a, const AuditEntry &b) { return a.seq < b.seq; });
    for (const QJsonValue &value : auditEntries.value(QStringLiteral("checkpoints")).toArray()) {
        const QJsonObject cp = value.toObject();
        const qint64 seq = cp.value(QStringLiteral("seq")).toInteger();
        const QByteArray jws = cp.value(QStringLiteral("jws")).toString().toLatin1();
        if (seq <= 0 || jws.isEmpty()) {
            *error = QStringLiteral("a checkpoint is malformed");
            return false;
        }
        if (std::none_of(contents->checkpoints.cbegin(), contents->checkpoints.cend(),
                         [&](const Checkpoint &c) { return c.seq == seq; }))
            contents->checkpoints.append({seq, jws});
    }
    return true;
}

QList<EvidenceBundle::ApproverKey> EvidenceBundle::approverKeysFromAudit(const QList<AuditEntry> &entries)
{
    QList<ApproverKey> keys;
    for (const AuditEntry &entry : entries) {
        if (entry.event != QStringLiteral("approver_enrolled"))
            continue;
        const auto key
            = Ed25519PublicKey::fromBase64Url(entry.data.value(QStringLiteral("public_key")).toString().toLatin1());
        if (key && key->keyId() == entry.data.value(QStringLiteral("key_id")).toString())
            keys.append({*key, entry.data.value(QStringLiteral("name")).toString()});
    }
    return keys;
}

} // namespace countersign::core
