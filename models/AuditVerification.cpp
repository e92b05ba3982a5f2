#include "models/AuditVerification.h"

#include "storage/HistoryStore.h"

#include <QTimer>

namespace countersign::models {

namespace {
std::unique_ptr<core::AuditVerifier> makeVerifier(const storage::HistoryStore &store, const core::Ed25519PublicKey &key,
                                                  qint64 from, qint64 to, QString *error)
{
    QString previous = core::AuditEntry::genesisHash();
    if (from > 1) {
        const QList<QJsonObject> before = store.auditEntries(from - 1, from - 1, 1);
        if (before.isEmpty()) {
            *error = QObject::tr("entry %1, before the range, is not in the cache").arg(from - 1);
            return nullptr;
        }
        previous = before.first().value(QStringLiteral("hash")).toString();
    }
    auto verifier = std::make_unique<core::AuditVerifier>(key, previous, from);
    for (const storage::HistoryStore::Checkpoint &cp : store.checkpoints(from, to))
        verifier->addCheckpoint({cp.seq, cp.jws});
    return verifier;
}
} // namespace

AuditVerification::AuditVerification(const storage::HistoryStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

AuditVerification::~AuditVerification() = default;

const core::AuditVerifier::Result &AuditVerification::result() const
{
    return m_final;
}

bool AuditVerification::start(const core::Ed25519PublicKey &brokerKey, qint64 from, qint64 to, QString *error)
{
    if (m_running) {
        if (error)
            *error = tr("a verification is already running");
        return false;
    }
    m_from = std::max<qint64>(1, from);
    m_to = to > 0 ? std::min(to, m_store->auditHead()) : m_store->auditHead();
    QString why;
    m_verifier = makeVerifier(*m_store, brokerKey, m_from, m_to, &why);
    if (!m_verifier) {
        if (error)
            *error = why;
        return false;
    }
    m_next = m_from;
    m_running = true;
    m_cancelled = false;
    m_summary.clear();
    QTimer::singleShot(0, this, &AuditVerification::step);
    return true;
}

void AuditVerification::cancel()
{
    if (m_running)
        m_cancelled = true;
}

void AuditVerification::step()
{
    if (m_cancelled) {
        done();
        return;
    }
    const QList<QJsonObject> chunk = m_store->auditEntries(m_next, m_to, kChunk);
    for (const QJsonObject &e : chunk) {
        if (!m_verifier->addEntry(e))
            break;
    }
    if (!m_verifier->result().ok || chunk.size() < kChunk) {
        m_next = m_to + 1;
        Q_EMIT progress(total(), total());
        done();
        return;
    }
    m_next = chunk.last().value(QStringLiteral("seq")).toInteger() + 1;
    Q_EMIT progress(m_next - m_from, total());
    QTimer::singleShot(0, this, &AuditVerification::step);
}

void AuditVerification::done()
{
    m_running = false;
    m_final = m_verifier->finish();
    if (m_cancelled) {
        m_summary = tr("Verification cancelled after entry %1; nothing is proven beyond what was checked.")
                        .arg(m_final.lastSeq);
        Q_EMIT finished(false, m_summary);
        return;
    }
    m_summary = m_final.summary();
    Q_EMIT finished(m_final.ok, m_summary);
}

core::AuditVerifier::Result AuditVerification::verifyNow(const storage::HistoryStore &store,
                                                         const core::Ed25519PublicKey &key, qint64 from, qint64 to)
{
    QString error;
    const qint64 last = to > 0 ? std::min(to, store.auditHead()) : store.auditHead();
    auto verifier = makeVerifier(store, key, std::max<qint64>(1, from), last, &error);
    if (!verifier) {
        core::AuditVerifier::Result r;
        r.ok = false;
        r.firstBadSeq = from - 1;
        r.problem = error;
        return r;
    }
    for (qint64 next = std::max<qint64>(1, from); next <= last;) {
        const QList<QJsonObject> chunk = store.auditEntries(next, last, kChunk);
        bool ok = true;
        for (const QJsonObject &e : chunk) {
            if (!(ok = verifier->addEntry(e)))
                break;
        }
        if (!ok || chunk.isEmpty())
            break;
        next = chunk.last().value(QStringLiteral("seq")).toInteger() + 1;
    }
    return verifier->finish();
}

} // namespace countersign::models
