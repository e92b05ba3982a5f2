#include "core/AuthorityChainCheck.h"

#include "core/JsonReader.h"
#include "core/UntrustedText.h"

#include <algorithm>

namespace countersign::core {

namespace {

QString quoted(const QString &untrusted)
{
    return QChar(u'“') + UntrustedText::singleLine(untrusted) + QChar(u'”');
}

QString baseOf(const QString &scope)
{
    const qsizetype colon = scope.indexOf(u':');
    return colon < 0 ? scope : scope.left(colon);
}

QString kindName(const QString &kind)
{
    if (kind == QStringLiteral("user"))
        return AuthorityChainCheck::tr("user");
    if (kind == QStringLiteral("agent"))
        return AuthorityChainCheck::tr("agent");
    if (kind == QStringLiteral("service"))
        return AuthorityChainCheck::tr("service");
    if (kind == QStringLiteral("tool"))
        return AuthorityChainCheck::tr("tool");
    return quoted(kind);
}

} // namespace

bool AuthorityChainCheck::covers(const QString &held, const QString &wanted)
{
    if (held.isEmpty() || wanted.isEmpty())
        return false;
    if (held == wanted || held == QStringLiteral("*"))
        return true;
    // `refunds.request` grants `refunds.request:<=500EUR`, never the reverse.
    if (wanted.startsWith(held + u':'))
        return true;
    if (held.endsWith(QStringLiteral(".*")))
        return wanted.startsWith(held.left(held.size() - 1));
    return false;
}

bool AuthorityChainCheck::covers(const QStringList &held, const QString &wanted)
{
    return std::any_of(held.cbegin(), held.cend(), [&wanted](const QString &h) { return covers(h, wanted); });
}

bool AuthorityChainCheck::Result::isClean() const
{
    return chainFlags.isEmpty()
        && std::all_of(linkFlags.cbegin(), linkFlags.cend(), [](const ReviewFlags &f) { return f.isEmpty(); });
}

bool AuthorityChainCheck::Result::hasFlag(const QString &id) const
{
    auto matches = [&id](const ReviewFlag &f) { return f.id == id; };
    if (std::any_of(chainFlags.cbegin(), chainFlags.cend(), matches))
        return true;
    return std::any_of(linkFlags.cbegin(), linkFlags.cend(), [&matches](const ReviewFlags &flags) {
        return std::any_of(flags.cbegin(), flags.cend(), matches);
    });
}

QStringList AuthorityChainCheck::Result::chainMessages() const
{
    QStringList out;
    for (const ReviewFlag &f : chainFlags)
        out.append(f.message);
    return out;
}

QStringList AuthorityChainCheck::Result::linkMessages(qsizetype link) const
{
    QStringList out;
    if (link >= 0 && link < linkFlags.size()) {
        for (const ReviewFlag &f : linkFlags.at(link))
            out.append(f.message);
    }
    return out;
}

QStringList AuthorityChainCheck::Result::linkIds(qsizetype link) const
{
    QStringList out;
    if (link >= 0 && link < linkFlags.size()) {
        for (const ReviewFlag &f : linkFlags.at(link))
            out.append(f.id);
    }
    return out;
}

AuthorityChainCheck::Result AuthorityChainCheck::check(const Action &action, const QDateTime &now)
{
    return check(action.authorityChain, action.tool.name, now);
}

AuthorityChainCheck::Result AuthorityChainCheck::check(const QList<AuthorityLink> &chain, const QString &toolName,
                                                       const QDateTime &now)
{
    Result result;
    result.linkFlags.resize(chain.size());

    for (qsizetype i = 0; i < chain.size(); ++i) {
        const AuthorityLink &link = chain.at(i);
        ReviewFlags &flags = result.linkFlags[i];

        if (i > 0) {
            const AuthorityLink &from = chain.at(i - 1);
            if (link.delegatedBy.isEmpty()) {
                flags.append(
                    {QStringLiteral("broken_delegation"),
                     tr("Does not say who delegated it; the link before it is %1.").arg(quoted(from.subject))});
            } else if (link.delegatedBy != from.subject) {
                flags.append({QStringLiteral("broken_delegation"),
                              tr("Says it was delegated by %1, but the link before it is %2: the chain is broken.")
                                  .arg(quoted(link.delegatedBy), quoted(from.subject))});
            }
            for (const QString &scope : link.scopes) {
                if (covers(from.scopes, scope))
                    continue;
                // Name the narrower scope it came from, when there is one: a
                // dropped limit is the easiest escalation to overlook.
                QString narrower;
                for (const QString &held : from.scopes) {
                    if (baseOf(held) == baseOf(scope)) {
                        narrower = held;
                        break;
                    }
                }
                if (!narrower.isEmpty()) {
                    flags.append({QStringLiteral("escalation"),
                                  tr("Escalation: holds %1, broader than %2 held by %3 (the link it was delegated "
                                     "from); a dropped or changed limit widens the authority.")
                                      .arg(quoted(scope), quoted(narrower), quoted(from.subject))});
                } else {
                    flags.append({QStringLiteral("escalation"),
                                  tr("Escalation: holds %1, which %2 (the link it was delegated from) does not hold.")
                                      .arg(quoted(scope), quoted(from.subject))});
                }
            }
        }

        if (link.expiresAt.isValid() && link.expiresAt <= now) {
            flags.append(
                {QStringLiteral("expired"),
                 tr("Expired at %1: this authority has lapsed.").arg(JsonReader::formatTimestamp(link.expiresAt))});
        }
        if (link.issuedAt.isValid() && now.secsTo(link.issuedAt) > kClockSkewSeconds) {
            flags.append({QStringLiteral("not_yet_valid"),
                          tr("Not valid yet: issued at %1, which is in the future by this computer's clock.")
                              .arg(JsonReader::formatTimestamp(link.issuedAt))});
        }
        if (link.issuedAt.isValid() && link.expiresAt.isValid() && link.expiresAt < link.issuedAt) {
            flags.append(
                {QStringLiteral("invalid_validity"),
                 tr("Expires (%1) before it was issued (%2): the credential's validity makes no sense.")
                     .arg(JsonReader::formatTimestamp(link.expiresAt), JsonReader::formatTimestamp(link.issuedAt))});
        }
    }

    if (chain.isEmpty()) {
        result.chainFlags.append({QStringLiteral("empty_chain"),
                                  tr("The authority chain is empty: nothing shows who authorised this action.")});
        result.chainFlags.append({QStringLiteral("missing_user"),
                                  tr("No user link: no human is named as the source "
                                     "of this authority.")});
        result.chainFlags.append({QStringLiteral("wrong_final_tool"),
                                  tr("The chain does not reach the tool being called (%1).").arg(quoted(toolName))});
        return result;
    }

    const AuthorityLink &first = chain.first();
    if (first.kind != QStringLiteral("user")) {
        result.chainFlags.append({QStringLiteral("missing_user"),
                                  tr("Missing user link: the chain starts at %1 %2, so no human is named as the "
                                     "source of this authority.")
                                      .arg(kindName(first.kind), quoted(first.subject))});
    }
    const AuthorityLink &last = chain.last();
    if (last.kind != QStringLiteral("tool")) {
        result.chainFlags.append({QStringLiteral("wrong_final_tool"),
                                  tr("The chain ends at %1 %2, not at a tool: it does not reach the tool being "
                                     "called (%3).")
                                      .arg(kindName(last.kind), quoted(last.subject), quoted(toolName))});
    } else if (last.subject != toolName) {
        result.chainFlags.append(
            {QStringLiteral("wrong_final_tool"),
             tr("The chain ends at tool %1, but the action calls %2.").arg(quoted(last.subject), quoted(toolName))});
    }
    return result;
}

} // namespace countersign::core
