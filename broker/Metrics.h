#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace countersign::broker {

// Counters and histograms exported at GET /metrics in the Prometheus text format.
class Metrics
{
public:
    void countAction(const QString &outcome) { ++m_actionsByOutcome[outcome]; }
    void countDecision(const QString &code) { ++m_decisionsByCode[code]; }
    void countRefusal(const QString &code) { ++m_refusalsByCode[code]; }
    void observeDecisionLatency(double seconds);
    void setConsoleSessions(int sessions) { m_consoleSessions = sessions; }
    // One group-commit batch finished, answering `requests`.
    void observeBatch(int requests, bool committed, qint64 commitNanoseconds);

    QByteArray render(qint64 pending, qint64 auditHead, qint64 lastCheckpoint, qint64 changeSeq) const;

private:
    QMap<QString, quint64> m_actionsByOutcome;
    QMap<QString, quint64> m_decisionsByCode;
    QMap<QString, quint64> m_refusalsByCode;
    QList<quint64> m_latencyBuckets = QList<quint64>(10, 0);
    quint64 m_latencyCount = 0;
    double m_latencySum = 0;
    int m_consoleSessions = 0;
    quint64 m_batches = 0;
    quint64 m_batchedRequests = 0;
    quint64 m_failedBatches = 0;
    int m_largestBatch = 0;
    double m_commitSeconds = 0;
};

} // namespace countersign::broker
