#include "core/ReviewChecks.h"

#include "core/InjectionCheck.h"
#include "core/JsonReader.h"
#include "core/TextCheck.h"
#include "core/UntrustedText.h"

#include <QRegularExpression>

namespace countersign::core {

bool ReviewChecks::isUntrustedTrust(const QString &trust)
{
    // Anything not explicitly verified or internal is untrusted, including a
    // value the vocabulary does not know.
    return trust != QStringLiteral("verified") && trust != QStringLiteral("internal");
}

QString ReviewChecks::trustName(const QString &trust)
{
    if (trust == QStringLiteral("verified"))
        return tr("verified");
    if (trust == QStringLiteral("internal"))
        return tr("internal");
    if (trust == QStringLiteral("user_generated"))
        return tr("user-generated");
    if (trust == QStringLiteral("external"))
        return tr("external");
    if (trust == QStringLiteral("unknown"))
        return tr("unknown");
    return UntrustedText::singleLine(trust);
}

bool ReviewChecks::looksUserGenerated(const QString &source)
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "customer|user[ _-]?(message|generated|submitted|content)|portal|forum|public|external|untrusted"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(source).hasMatch();
}

ReviewFlags ReviewChecks::dataScope(const DataScope &scope)
{
    ReviewFlags flags;
    if (scope.classification == QStringLiteral("restricted"))
        flags.append({QStringLiteral("restricted"), tr("Restricted data: the most sensitive classification.")});
    else if (scope.classification == QStringLiteral("confidential"))
        flags.append({QStringLiteral("confidential"), tr("Confidential data.")});
    if (scope.access == QStringLiteral("write"))
        flags.append({QStringLiteral("write"), tr("Changes this data (write).")});
    else if (scope.access == QStringLiteral("delete"))
        flags.append({QStringLiteral("delete"), tr("Deletes this data.")});
    else if (scope.access == QStringLiteral("send"))
        flags.append({QStringLiteral("send"), tr("Sends this data to a recipient.")});
    else if (scope.access == QStringLiteral("execute"))
        flags.append({QStringLiteral("execute"), tr("Runs code or commands against this resource (execute).")});
    return flags;
}

ReviewFlags ReviewChecks::evidence(const Evidence &item)
{
    ReviewFlags flags;
    if (isUntrustedTrust(item.trust)) {
        flags.append({QStringLiteral("untrusted"),
                      tr("Untrusted source (%1): whoever can write this content can steer the agent; check it "
                         "before relying on it.")
                          .arg(trustName(item.trust))});
    }
    if (item.sha256.isEmpty()) {
        flags.append({QStringLiteral("no_hash"),
                      tr("No SHA-256 given: nothing ties this content to what was actually retrieved.")});
    }
    if (item.sourceAuthority.trimmed().isEmpty()) {
        flags.append({QStringLiteral("no_source_authority"),
                      tr("No source authority: nobody is named as controlling this content.")});
    }
    if (item.content.isEmpty() && item.excerpt.isEmpty()) {
        flags.append(
            {QStringLiteral("no_content"),
             tr("Neither content nor an excerpt was provided: what the agent relied on cannot be read here.")});
    }
    // What the content says and how it could hide it, for every source: even
    // verified content can quote an attacker.
    const QString text = item.content.isEmpty() ? item.excerpt : item.content;
    flags.append(InjectionCheck::check(text));
    flags.append(InjectionCheck::check(item.title));
    flags.append(TextCheck::check(text));
    return flags;
}

ReviewFlags ReviewChecks::memory(const MemoryItem &item, const QDateTime &now)
{
    ReviewFlags flags;
    const bool noSource = !item.source || item.source->trimmed().isEmpty();
    if (noSource) {
        flags.append({QStringLiteral("no_source"),
                      tr("No source: nothing says where this memory came from, so it cannot be checked. Memory "
                         "creates identity drift: an unchecked memory can quietly change what the agent believes.")});
    }
    if (item.expiresAt.isValid() && item.expiresAt <= now) {
        flags.append({QStringLiteral("expired"),
                      tr("Expired at %1: the agent relied on memory that should no longer be used.")
                          .arg(JsonReader::formatTimestamp(item.expiresAt))});
    }
    if (!noSource && looksUserGenerated(*item.source)) {
        flags.append({QStringLiteral("user_generated"),
                      tr("Written from user-generated content (%1): anyone who wrote that content may have planted "
                         "this memory. Memory creates identity drift: what an outsider wrote now speaks with the "
                         "agent's own voice.")
                          .arg(UntrustedText::singleLine(*item.source))});
    }
    if (!item.writtenAt.isValid()) {
        flags.append({QStringLiteral("no_date"), tr("No written_at: the age of this memory is unknown.")});
    } else if (item.writtenAt.daysTo(now) > kStaleMemoryDays) {
        flags.append({QStringLiteral("stale"),
                      tr("Written %n days ago (%1): older than %2 days, it may no longer be true.", nullptr,
                         int(item.writtenAt.daysTo(now)))
                          .arg(JsonReader::formatTimestamp(item.writtenAt))
                          .arg(kStaleMemoryDays)});
    }
    flags.append(InjectionCheck::check(item.text));
    flags.append(TextCheck::check(item.text));
    return flags;
}

} // namespace countersign::core
