#include "broker/Metrics.h"

namespace countersign::broker {

namespace {
constexpr double kBuckets[] = {1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600};

void counterFamily(QByteArray &out, const char *name, const char *help, const char *label,
                   const QMap<QString, quint64> &values)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n";
    for (auto it = values.begin(); it != values.end(); ++it)
        out += QByteArray(name) + '{' + label + "=\"" + it.key().toUtf8() + "\"} " + QByteArray::number(it.value())
            + '\n';
}

void gauge(QByteArray &out, const char *name, const char *help, qint64 value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " gauge\n" + name + ' '
        + QByteArray::number(value) + '\n';
}
} // namespace

void Metrics::observeDecisionLatency(double seconds)
{
    ++m_latencyCount;
    m_latencySum += seconds;
    for (int i = 0; i < m_latencyBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++m_latencyBuckets[i];
    }
}

void Metrics::observeBatch(int requests, bool committed, qint64 commitNanoseconds)
{
    m_commitSeconds += double(commitNanoseconds) / 1e9;
    ++m_batches;
    m_batchedRequests += quint64(requests);
    if (!committed)
        ++m_failedBatches;
    m_largestBatch = std::max(m_largestBatch, requests);
}

QByteArray Metrics::render(qint64 pending, qint64 auditHead, qint64 lastCheckpoint, qint64 changeSeq) const
{
    QByteArray out;
    counterFamily(out, "countersign_actions_total", "Actions answered, by outcome.", "outcome", m_actionsByOutcome);
    counterFamily(out, "countersign_decisions_total", "Signed decisions received, by result code.", "code",
                  m_decisionsByCode);
    counterFamily(out, "countersign_refusals_total", "Agent requests refused, by code.", "code", m_refusalsByCode);
    gauge(out, "countersign_pending_actions", "Actions waiting for a human decision.", pending);
    out += "# HELP countersign_decision_latency_seconds Time from submission to a human resolution.\n"
           "# TYPE countersign_decision_latency_seconds histogram\n";
    for (int i = 0; i < m_latencyBuckets.size(); ++i)
        out += "countersign_decision_latency_seconds_bucket{le=\"" + QByteArray::number(kBuckets[i]) + "\"} "
            + QByteArray::number(m_latencyBuckets[i]) + '\n';
    out += "countersign_decision_latency_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m_latencyCount) + '\n';
    out += "countersign_decision_latency_seconds_sum " + QByteArray::number(m_latencySum, 'f', 3) + '\n';
    out += "countersign_decision_latency_seconds_count " + QByteArray::number(m_latencyCount) + '\n';
    gauge(out, "countersign_console_sessions", "Logged-in console WebSocket sessions.", m_consoleSessions);
    gauge(out, "countersign_audit_head_seq", "Sequence number of the newest audit entry.", auditHead);
    gauge(out, "countersign_audit_checkpoint_seq", "Sequence number of the newest signed checkpoint.", lastCheckpoint);
    gauge(out, "countersign_change_seq", "Sequence number of the newest action change.", changeSeq);
    counterFamily(
        out, "countersign_commit_batches_total", "Group-commit transactions, by result.", "result",
        {{QStringLiteral("committed"), m_batches - m_failedBatches}, {QStringLiteral("failed"), m_failedBatches}});
    counterFamily(out, "countersign_commit_requests_total",
                  "Requests (submissions, decisions) answered by group-commit transactions.", "path",
                  {{QStringLiteral("all"), m_batchedRequests}});
    gauge(out, "countersign_commit_largest_batch", "Most requests one transaction has answered.", m_largestBatch);
    out += "# HELP countersign_commit_seconds_total Time from COMMIT until each group-commit transaction was on disk.\n"
           "# TYPE countersign_commit_seconds_total counter\ncountersign_commit_seconds_total "
        + QByteArray::number(m_commitSeconds, 'f', 3) + '\n';
    return out;
}

} // namespace countersign::broker
