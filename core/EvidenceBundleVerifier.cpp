#include "core/EvidenceBundleVerifier.h"

#include "core/ActionDigest.h"
#include "core/AuditChain.h"
#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/DecisionStatement.h"
#include "core/EvidenceBundle.h"
#include "core/EvidenceBundleLayout.h"
#include "core/Identifiers.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/Sha256.h"
#include "core/StatementType.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>

namespace countersign::core {

namespace {

using L = EvidenceBundleLayout;

// An audit span longer than this is refused rather than read into memory.
constexpr qint64 kMaxEntries = 2'000'000;

QString statementHash(QByteArrayView jws)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(Base64Url::encode(Sha256::hash(jws)));
}

// The numbers of the NAME.jws files in `dir`.
QList<qint64> jwsNumbers(const QString &dir)
{
    QList<qint64> out;
    const QStringList names = QDir(dir).entryList({QStringLiteral("*.jws")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        bool ok = false;
        const qint64 n = name.chopped(4).toLongLong(&ok);
        out.append(ok ? n : -1);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

EvidenceBundleVerifier::EvidenceBundleVerifier(QString directory, std::optional<Ed25519PublicKey> trustedBrokerKey)
    : m_directory(std::move(directory))
    , m_trusted(std::move(trustedBrokerKey))
{ }

bool EvidenceBundleVerifier::fail(const QString &path, const QString &problem)
{
    m_report.ok = false;
    m_report.failure = path.isEmpty() ? problem : path + QStringLiteral(": ") + problem;
    return false;
}

std::optional<QByteArray> EvidenceBundleVerifier::read(const QString &relative)
{
    QFile file(m_directory + QLatin1Char('/') + relative);
    if (!file.exists()) {
        fail(relative, QStringLiteral("missing"));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        fail(relative, QStringLiteral("cannot be read (%1)").arg(file.errorString()));
        return std::nullopt;
    }
    const qsizetype limit = JsonLimits().maxBytes;
    QByteArray data = file.read(limit + 1);
    if (data.size() > limit) {
        fail(relative, QStringLiteral("larger than %1 bytes").arg(limit));
        return std::nullopt;
    }
    return data;
}

std::optional<QJsonObject> EvidenceBundleVerifier::readObject(const QString &relative)
{
    const auto data = read(relative);
    if (!data)
        return std::nullopt;
    const auto parsed = JsonParser::parseObject(*data);
    if (!parsed.ok()) {
        fail(relative, QStringLiteral("not valid JSON (%1)").arg(parsed.error.toString()));
        return std::nullopt;
    }
    return parsed.value->toObject();
}

bool EvidenceBundleVerifier::checkSignedFiles(const QString &base, const QByteArray &jws)
{
    // The files for checking by hand must be exactly the parts of the JWS.
    const JwsResult decoded = Jws::decode(jws);
    const struct
    {
        const char *suffix;
        QByteArray expected;
    } parts[]
        = {{".signing-input", decoded.signingInput}, {".sig", decoded.signature}, {".payload.json", decoded.payload}};
    for (const auto &part : parts) {
        const QString path = base + QString::fromLatin1(part.suffix);
        const auto data = read(path);
        if (!data)
            return false;
        if (*data != part.expected)
            return fail(path, QStringLiteral("does not match %1.jws").arg(base.section(QLatin1Char('/'), -1)));
    }
    return true;
}

EvidenceBundleReport EvidenceBundleVerifier::run()
{
    m_report = {};
    if (!QDir(m_directory).exists()) {
        fail(m_directory, QStringLiteral("no such directory"));
        return m_report;
    }
    if (checkManifest() && checkBrokerKey() && checkChain() && checkCheckpoints() && checkApproverKeys()
        && checkActions())
        m_report.ok = true;
    return m_report;
}

bool EvidenceBundleVerifier::checkManifest()
{
    const auto manifest = readObject(L::manifest());
    if (!manifest)
        return false;
    m_manifest = *manifest;
    if (m_manifest.value(QStringLiteral("format")).toString() != EvidenceBundle::formatName())
        return fail(L::manifest(), QStringLiteral("format is not %1").arg(EvidenceBundle::formatName()));
    return true;
}

bool EvidenceBundleVerifier::checkBrokerKey()
{
    const auto pem = read(L::brokerKey());
    if (!pem)
        return false;
    QString error;
    const auto own = Ed25519PublicKey::fromPem(*pem, &error);
    if (!own)
        return fail(L::brokerKey(), QStringLiteral("not an Ed25519 public key (%1)").arg(error));
    if (m_trusted) {
        m_report.bundleKeyMatchesTrusted = *own == *m_trusted;
        m_report.brokerKeyTrusted = true;
        if (!*m_report.bundleKeyMatchesTrusted)
            return fail(L::brokerKey(),
                        QStringLiteral("is %1, not the trusted broker key %2").arg(own->keyId(), m_trusted->keyId()));
    }
    m_brokerKey = m_trusted.value_or(*own);
    m_report.brokerKeyId = m_brokerKey.keyId();
    const QString listed
        = m_manifest.value(QStringLiteral("broker_key")).toObject().value(QStringLiteral("key_id")).toString();
    if (listed != m_brokerKey.keyId())
        return fail(L::manifest(),
                    QStringLiteral("names broker key %1, but keys/broker.pub is %2").arg(listed, m_brokerKey.keyId()));
    m_report.lines.append(
        m_trusted
            ? QStringLiteral("broker key %1: pinned by the caller; the bundle's copy matches").arg(m_brokerKey.keyId())
            : QStringLiteral("broker key %1: taken from the bundle (not independently "
                             "trusted)")
                  .arg(m_brokerKey.keyId()));
    return true;
}

bool EvidenceBundleVerifier::checkChain()
{
    const QJsonObject audit = m_manifest.value(QStringLiteral("audit")).toObject();
    const qint64 first = audit.value(QStringLiteral("first_seq")).toInteger();
    const qint64 last = audit.value(QStringLiteral("last_seq")).toInteger();
    if (first < 1 || last < first || last - first >= kMaxEntries)
        return fail(L::manifest(), QStringLiteral("audit.first_seq/last_seq are not a usable range"));
    const auto previousText = read(L::previousHash());
    if (!previousText)
        return false;
    const QString previous = QString::fromLatin1(previousText->trimmed());
    if (!Identifiers::isDigest(previous))
        return fail(L::previousHash(), QStringLiteral("not a sha256: hash"));
    if (first == 1 && previous != AuditEntry::genesisHash())
        return fail(L::previousHash(), QStringLiteral("seq 1 must chain to the genesis hash"));
    const qint64 files = QDir(m_directory + QLatin1Char('/') + L::entriesDir())
                             .entryList({QStringLiteral("*.json")}, QDir::Files)
                             .size();
    if (files != last - first + 1)
        return fail(
            L::entriesDir(),
            QStringLiteral("holds %1 entries, but the manifest lists seq %2 to %3").arg(files).arg(first).arg(last));
    AuditChain chain(previous, first);
    for (qint64 seq = first; seq <= last; ++seq) {
        const auto object = readObject(L::entry(seq));
        if (!object)
            return false;
        ValidationErrors errors;
        const AuditEntry entry = AuditEntry::read(*object, &errors);
        if (!errors.isEmpty())
            return fail(L::entry(seq), QStringLiteral("not an audit entry (%1)").arg(errors.first().toString()));
        if (!chain.add(entry)) {
            const qint64 bad = chain.result().firstBadSeq;
            return fail(L::entry(bad == entry.seq ? seq : bad),
                        QStringLiteral("seq %1: %2").arg(bad).arg(chain.result().problem));
        }
        QJsonObject hashed = entry.toJson();
        hashed.remove(QStringLiteral("hash"));
        const auto hashedBytes = read(L::hashed(seq));
        if (!hashedBytes)
            return false;
        if (*hashedBytes != CanonicalJson::serializeOrEmpty(hashed))
            return fail(L::hashed(seq),
                        QStringLiteral("is not the canonical form of %1 without its hash")
                            .arg(L::entry(seq).section(QLatin1Char('/'), -1)));
        m_hashes.insert(seq, entry.hash);
        m_entries.append(entry);
    }
    m_report.entries = chain.result().count;
    m_report.firstSeq = first;
    m_report.lastSeq = last;
    m_report.lines.append(
        QStringLiteral("audit chain: %1 entries, seq %2 to %3, each hash recomputed and linked to the one before")
            .arg(m_report.entries)
            .arg(first)
            .arg(last));
    return true;
}

bool EvidenceBundleVerifier::checkCheckpoints()
{
    const QList<qint64> seqs = jwsNumbers(m_directory + QLatin1Char('/') + L::checkpointsDir());
    if (seqs.isEmpty())
        return fail(L::checkpointsDir(), QStringLiteral("no signed checkpoint covers the entries"));
    for (const qint64 seq : seqs) {
        const QString base = L::checkpoint(seq);
        if (seq < m_report.firstSeq || seq > m_report.lastSeq)
            return fail(base + QStringLiteral(".jws"), QStringLiteral("is outside the audit span of the bundle"));
        const auto jws = read(base + QStringLiteral(".jws"));
        if (!jws)
            return false;
        const JwsResult result = Jws::verifyStatement(*jws, m_brokerKey, statement_type::checkpoint());
        if (!result.ok())
            return fail(base + QStringLiteral(".jws"),
                        QStringLiteral("does not verify with the broker key %1 (%2: %3)")
                            .arg(m_brokerKey.keyId(), JwsResult::errorName(result.error), result.message));
        if (result.statement.value(QStringLiteral("seq")).toInteger() != seq)
            return fail(
                base + QStringLiteral(".jws"),
                QStringLiteral("is signed for seq %1").arg(result.statement.value(QStringLiteral("seq")).toInteger()));
        const QString head = result.statement.value(QStringLiteral("head_hash")).toString();
        if (head != m_hashes.value(seq))
            return fail(base + QStringLiteral(".jws"),
                        QStringLiteral("the broker signed head hash %1 for seq %2, but the bundle's entries chain to "
                                       "%3: entries up to seq %2 were altered")
                            .arg(head)
                            .arg(seq)
                            .arg(m_hashes.value(seq)));
        if (!checkSignedFiles(base, *jws))
            return false;
        ++m_report.checkpoints;
        m_report.lastCheckpointSeq = seq;
        m_report.lastCheckpointAt = result.statement.value(QStringLiteral("issued_at")).toString();
    }
    if (m_report.lastCheckpointSeq != m_report.lastSeq)
        return fail(L::checkpointsDir(),
                    QStringLiteral("entries %1 to %2 are not covered by a signed checkpoint")
                        .arg(m_report.lastCheckpointSeq + 1)
                        .arg(m_report.lastSeq));
    m_report.lines.append(QStringLiteral("checkpoints: %1 signed by the broker, the last at seq %2 (%3) covers "
                                         "every entry")
                              .arg(m_report.checkpoints)
                              .arg(m_report.lastCheckpointSeq)
                              .arg(m_report.lastCheckpointAt));
    return true;
}

bool EvidenceBundleVerifier::checkApproverKeys()
{
    for (const QJsonValue &value : m_manifest.value(QStringLiteral("approver_keys")).toArray()) {
        const QJsonObject listed = value.toObject();
        const QString keyId = listed.value(QStringLiteral("key_id")).toString();
        if (!Identifiers::isKeyId(keyId))
            return fail(L::manifest(), QStringLiteral("an approver key id is malformed"));
        const QString path = L::approverKey(keyId);
        const auto pem = read(path);
        if (!pem)
            return false;
        QString error;
        const auto key = Ed25519PublicKey::fromPem(*pem, &error);
        if (!key)
            return fail(path, QStringLiteral("not an Ed25519 public key (%1)").arg(error));
        if (key->keyId() != keyId)
            return fail(path, QStringLiteral("holds key %1, not %2").arg(key->keyId(), keyId));
        m_approverKeys.insert(keyId, *key);
        m_approverNames.insert(keyId, listed.value(QStringLiteral("name")).toString());
    }
    return true;
}

bool EvidenceBundleVerifier::checkActions()
{
    QStringList listed;
    for (const QJsonValue &value : m_manifest.value(QStringLiteral("actions")).toArray())
        listed.append(value.toObject().value(QStringLiteral("id")).toString());
    const QStringList present
        = QDir(m_directory + QLatin1Char('/') + L::actionsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : present) {
        if (!listed.contains(id))
            return fail(L::actionDir(id), QStringLiteral("is not listed in manifest.json"));
    }
    for (const QString &id : std::as_const(listed)) {
        if (!L::isSafeActionId(id))
            return fail(L::manifest(), QStringLiteral("an action id is malformed"));
        if (!checkAction(id))
            return false;
    }
    m_report.actions = int(listed.size());
    m_report.lines.append(QStringLiteral("actions: %1, with %2 signed decisions, each verified against its "
                                         "approver's key and the action's digest and recorded in the audit log")
                              .arg(m_report.actions)
                              .arg(m_report.decisions));
    return true;
}

bool EvidenceBundleVerifier::checkAction(const QString &id)
{
    const QString actionPath = L::actionJson(id);
    const auto object = readObject(actionPath);
    if (!object)
        return false;
    const QJsonObject action = *object;
    if (action.value(QStringLiteral("id")).toString() != id)
        return fail(actionPath, QStringLiteral("is the action %1").arg(action.value(QStringLiteral("id")).toString()));
    const QString digest = ActionDigest::compute(action);
    // What the broker's log, under its checkpoint signatures, says about the action.
    const AuditEntry *submitted = nullptr;
    const AuditEntry *statusEntry = nullptr;
    QString loggedStatus = QStringLiteral("pending");
    QHash<QString, const AuditEntry *> accepted; // statement_sha256 -> entry
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        if (entry.actionId != id)
            continue;
        if (entry.event == QStringLiteral("submitted") && !submitted)
            submitted = &entry;
        else if (entry.event == QStringLiteral("decision_accepted"))
            accepted.insert(entry.data.value(QStringLiteral("statement_sha256")).toString(), &entry);
        else if (entry.event == QStringLiteral("resolved")) {
            loggedStatus = entry.data.value(QStringLiteral("status")).toString();
            statusEntry = &entry;
        } else if (entry.event == QStringLiteral("executed") || entry.event == QStringLiteral("failed")) {
            loggedStatus = entry.event;
            statusEntry = &entry;
        }
    }
    if (!submitted)
        return fail(actionPath, QStringLiteral("the audit span holds no `submitted` entry for this action"));
    // Retention replaces the content of old actions; the decisions and the log
    // still name the original digest, which the submission entry records.
    const bool purged = action.contains(QStringLiteral("x-purged"));
    const QString loggedDigest = submitted->data.value(QStringLiteral("digest")).toString();
    if (!purged && loggedDigest != digest)
        return fail(actionPath,
                    QStringLiteral("its digest is %1, but the broker recorded %2 at submission (seq %3): "
                                   "the action was altered")
                        .arg(digest, loggedDigest)
                        .arg(submitted->seq));
    const QString signedDigest = purged ? loggedDigest : digest;
    const auto digestInput = read(L::digestInput(id));
    if (!digestInput)
        return false;
    if (*digestInput != ActionDigest::canonicalBytes(action))
        return fail(L::digestInput(id), QStringLiteral("is not action.json without seq, status and decisions"));

    const QString status = action.value(QStringLiteral("status")).toString();
    if (status != loggedStatus)
        return fail(actionPath,
                    QStringLiteral("status is '%1', but the audit log records '%2'%3")
                        .arg(status, loggedStatus,
                             statusEntry ? QStringLiteral(" (seq %1)").arg(statusEntry->seq) : QString()));

    const QJsonArray decisions = action.value(QStringLiteral("decisions")).toArray();
    const QString decisionsDir = L::actionDir(id) + QStringLiteral("/decisions");
    const QList<qint64> numbers = jwsNumbers(m_directory + QLatin1Char('/') + decisionsDir);
    if (numbers.size() != decisions.size())
        return fail(
            decisionsDir,
            QStringLiteral("holds %1 decisions, but action.json has %2").arg(numbers.size()).arg(decisions.size()));
    QSet<QString> carried;
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        const QString base = L::decision(id, int(i + 1));
        const QString jwsPath = base + QStringLiteral(".jws");
        const auto jws = read(jwsPath);
        if (!jws)
            return false;
        const QJsonObject listed = decisions.at(i).toObject();
        if (listed.value(QStringLiteral("jws")).toString().toLatin1() != *jws)
            return fail(jwsPath, QStringLiteral("differs from decision %1 in action.json").arg(i + 1));
        const QString kid = Jws::decode(*jws).kid;
        const auto key = m_approverKeys.constFind(kid);
        if (key == m_approverKeys.constEnd())
            return fail(jwsPath,
                        QStringLiteral("is signed by %1, whose public key is not in keys/approvers")
                            .arg(kid.isEmpty() ? QStringLiteral("an unnamed key") : kid));
        const QString who = m_approverNames.value(kid).isEmpty()
            ? kid
            : QStringLiteral("%1 (%2)").arg(kid, m_approverNames.value(kid));
        const JwsResult result = Jws::verifyStatement(*jws, *key, statement_type::decision());
        if (!result.ok())
            return fail(jwsPath,
                        QStringLiteral("does not verify with the key of %1 (%2: %3)")
                            .arg(who, JwsResult::errorName(result.error), result.message));
        ValidationErrors errors;
        const DecisionStatement statement = DecisionStatement::read(result.statement, &errors);
        if (!errors.isEmpty())
            return fail(jwsPath,
                        QStringLiteral("is not a valid decision statement (%1)").arg(errors.first().toString()));
        if (statement.actionId != id)
            return fail(jwsPath, QStringLiteral("is a decision on %1, not on this action").arg(statement.actionId));
        if (statement.approver != kid)
            return fail(jwsPath, QStringLiteral("names approver %1 but is signed by %2").arg(statement.approver, kid));
        if (statement.actionDigest != signedDigest)
            return fail(jwsPath,
                        QStringLiteral("signs digest %1, but the action's digest is %2")
                            .arg(statement.actionDigest, signedDigest));
        if (listed.value(QStringLiteral("verdict")).toString() != statement.verdict
            || listed.value(QStringLiteral("reason")).toString() != statement.reason
            || listed.value(QStringLiteral("approver")).toString() != statement.approver)
            return fail(
                actionPath,
                QStringLiteral("decision %1 (verdict, reason or approver) is not what %2 signed").arg(i + 1).arg(who));
        if (!checkSignedFiles(base, *jws))
            return false;
        const QString hash = statementHash(*jws);
        if (!accepted.contains(hash))
            return fail(
                jwsPath,
                QStringLiteral("no decision_accepted entry in the audit span records it (sha256 %1)").arg(hash));
        carried.insert(hash);
        ++m_report.decisions;
    }
    for (auto it = accepted.cbegin(); it != accepted.cend(); ++it) {
        if (!carried.contains(it.key()))
            return fail(actionPath,
                        QStringLiteral("the audit log records a decision by %1 (seq %2) that the bundle "
                                       "does not carry")
                            .arg(it.value()->data.value(QStringLiteral("approver")).toString())
                            .arg(it.value()->seq));
    }
    return true;
}

} // namespace countersign::core
