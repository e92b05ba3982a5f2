#include "core/EvidenceBundleReport.h"

namespace countersign::core {

QString EvidenceBundleReport::summary() const
{
    QStringList out;
    out.append(ok ? QStringLiteral("VERIFIED: %1 action(s), %2 decision(s), audit seq %3 to %4 under %5 signed "
                                   "checkpoint(s)")
                        .arg(actions)
                        .arg(decisions)
                        .arg(firstSeq)
                        .arg(lastSeq)
                        .arg(checkpoints)
                  : QStringLiteral("FAILED: ") + failure);
    for (const QString &line : lines)
        out.append(QStringLiteral("  ok: ") + line);
    if (ok && !brokerKeyTrusted)
        out.append(QStringLiteral("WARNING: the broker key was taken from the bundle itself; compare %1 with the "
                                  "broker's published key, or pass it with --broker-key")
                       .arg(brokerKeyId));
    return out.join(QLatin1Char('\n'));
}

} // namespace countersign::core
