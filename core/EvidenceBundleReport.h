#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace countersign::core {

// What EvidenceBundle::verify() found. `ok` only when every check passed;
// otherwise `failure` names the first thing that failed, as "PATH: what".
struct EvidenceBundleReport
{
    bool ok = false;
    QString failure;
    QStringList lines; // one line per group of checks that passed, in order

    int actions = 0;
    int decisions = 0;
    qint64 entries = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    int checkpoints = 0;
    qint64 lastCheckpointSeq = 0;
    QString lastCheckpointAt;
    QString brokerKeyId; // the key the checkpoints were verified against
    // True when that key was given by the caller (pinned), not read from the bundle.
    bool brokerKeyTrusted = false;
    // With a trusted key: whether the bundle's keys/broker.pub is that key.
    std::optional<bool> bundleKeyMatchesTrusted;

    // Several lines: the result, then `lines`, then a warning when the broker
    // key was only the bundle's own copy.
    QString summary() const;
};

} // namespace countersign::core
