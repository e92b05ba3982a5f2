#pragma once

#include "core/DataScope.h"
#include "core/Evidence.h"
#include "core/MemoryItem.h"
#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QDateTime>

namespace countersign::core {

// The flags of the data-scope, evidence and memory panes, as pure logic, so
// the console's panes, its risk badges and a terminal transcript agree.
class ReviewChecks
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::ReviewChecks)

public:
    // Memory older than this (from written_at to now) counts as stale.
    static constexpr int kStaleMemoryDays = 90;

    // Why a data scope stands out: ids `restricted`, `confidential`, `write`,
    // `delete`, `send`, `execute`. Empty for public/internal reads.
    static ReviewFlags dataScope(const DataScope &scope);
    // ids `untrusted` (user_generated / external / unknown), `no_hash`,
    // `no_source_authority`, `no_content`, then `prompt_injection`
    // (InjectionCheck) and TextCheck's ids for the content.
    static ReviewFlags evidence(const Evidence &item);
    // ids `no_source`, `expired`, `user_generated`, `stale` (older than
    // kStaleMemoryDays), `no_date` (written_at missing, so its age is unknown),
    // then `prompt_injection` and TextCheck's ids for the text.
    static ReviewFlags memory(const MemoryItem &item, const QDateTime &now);

    static bool isUntrustedTrust(const QString &trust);
    // A deliberately simple reading of a memory item's `source`: it names a
    // customer, a user message, a portal, a forum, public or external content.
    static bool looksUserGenerated(const QString &source);
    static QString trustName(const QString &trust);
};

} // namespace countersign::core
