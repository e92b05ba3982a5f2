#pragma once

#include <QJsonObject>
#include <QString>

namespace countersign::core {

// The VERIFY.md of an evidence bundle, generated from its manifest: how to
// check everything with countersignctl, and the exact openssl + sha256sum
// commands for every key, decision, checkpoint and the hash chain. Each
// command block is a subshell that stops at, and exits non-zero on, the first
// failed check; `<!-- block: NAME -->` before it lets tests find and run it.
class EvidenceBundleGuide
{
public:
    static QString text(const QJsonObject &manifest);
};

} // namespace countersign::core
