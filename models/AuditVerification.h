#pragma once

#include "core/AuditVerifier.h"
#include "core/Ed25519PublicKey.h"

#include <QObject>

#include <memory>
#include <optional>

namespace countersign::storage {
class HistoryStore;
}

namespace countersign::models {

// "Verify audit log" over the cached audit entries, chunked on the event
// loop (a chunk per turn) so the window stays responsive and can cancel.
// The broker key is the one from the pinned connection profile.
class AuditVerification : public QObject
{
    Q_OBJECT

public:
    static constexpr int kChunk = 2000;

    explicit AuditVerification(const storage::HistoryStore *store, QObject *parent = nullptr);
    ~AuditVerification() override;

    // Verifies cached entries from..to (to 0: the newest cached). False when it cannot start.
    bool start(const core::Ed25519PublicKey &brokerKey, qint64 from = 1, qint64 to = 0, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    const core::AuditVerifier::Result &result() const;
    QString summary() const { return m_summary; }
    qint64 total() const { return m_to >= m_from ? m_to - m_from + 1 : 0; }

    // The whole run at once (tests, scripts).
    static core::AuditVerifier::Result verifyNow(const storage::HistoryStore &store, const core::Ed25519PublicKey &key,
                                                 qint64 from = 1, qint64 to = 0);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(bool ok, const QString &summary);

private:
    void step();
    void done();

    const storage::HistoryStore *m_store;
    std::unique_ptr<core::AuditVerifier> m_verifier;
    core::AuditVerifier::Result m_final;
    qint64 m_from = 1;
    qint64 m_to = 0;
    qint64 m_next = 1;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_summary;
};

} // namespace countersign::models
