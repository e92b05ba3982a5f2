#pragma once

#include "core/Action.h"
#include "core/AuthorityLink.h"
#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QDateTime>

namespace countersign::core {

// Checks the chain of authority from the human to the tool, link by link, and
// says in words what is wrong with it:
//
//  per link  `escalation`         holds a scope the link it was delegated from does not hold
//            `expired`            expires_at is not after `now`
//            `not_yet_valid`      issued_at is more than kClockSkewSeconds after `now`
//            `invalid_validity`   expires_at is before issued_at
//            `broken_delegation`  delegated_by is not the previous link's subject (or is missing)
//  chain     `empty_chain`        no links at all
//            `missing_user`       the first link is not a user
//            `wrong_final_tool`   the last link is not a tool, or not the tool the action calls
//
// Scopes are compared as strings. `a.b:qualifier` is narrower than `a.b`
// (holding `a.b` grants it); `a.b` is broader than `a.b:qualifier`, so a link
// that drops or changes a qualifier escalates. `a.*` grants `a.b`, `*` grants
// everything. Nothing else is inferred: `cloud` does not grant `cloud.read`.
class AuthorityChainCheck
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::AuthorityChainCheck)

public:
    // Tolerated clock difference before a just-issued token counts as "in the
    // future". Expiry gets no tolerance: fail closed.
    static constexpr qint64 kClockSkewSeconds = 120;

    struct Result
    {
        ReviewFlags chainFlags;
        QList<ReviewFlags> linkFlags; // one entry per link, in chain order

        bool isClean() const;
        bool hasFlag(const QString &id) const; // on the chain or on any link
        QStringList chainMessages() const;
        QStringList linkMessages(qsizetype link) const;
        QStringList linkIds(qsizetype link) const;
    };

    static Result check(const QList<AuthorityLink> &chain, const QString &toolName, const QDateTime &now);
    static Result check(const Action &action, const QDateTime &now);

    // Whether holding `held` grants `wanted`.
    static bool covers(const QString &held, const QString &wanted);
    static bool covers(const QStringList &held, const QString &wanted);
};

} // namespace countersign::core
