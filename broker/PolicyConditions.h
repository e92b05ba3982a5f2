#pragma once

#include "broker/PolicyGlob.h"
#include "broker/PolicyPredicate.h"
#include "broker/PolicyReader.h"
#include "broker/PolicyTenant.h"
#include "core/Action.h"

#include <QList>
#include <QPair>

#include <optional>

namespace countersign::broker {

// A rule's `match` (or one `unless`) table. Every condition given must hold
// (AND); a condition given as a list holds when any item does (OR). An empty
// table holds for every action.
//
//   tenant, agent, tool, user  glob(s) on tenant, agent.id, tool.name, request.user (case-insensitive)
//   annotations                { destructive = true, ... }: each named hint must be declared with that value
//   data_scope                 { classification = [...], access = [...], resource = "glob" }:
//                              some single data scope satisfies every sub-condition given
//   arguments                  [ predicates ] on the action's arguments, all must hold
class PolicyConditions
{
public:
    static PolicyConditions read(const QJsonObject &json, const QString &path, PolicyReader &reader);

    bool isEmpty() const;
    // Whether every condition holds. `why` gets, when they all do, what each
    // matched; otherwise the first condition that did not hold and why.
    bool evaluate(const core::Action &action, const PolicyTenant &tenant, QString *why) const;

private:
    struct Identity
    {
        QString name; // tenant, agent, tool, user
        QList<PolicyGlob> globs;
    };
    struct DataScopeCondition
    {
        QStringList classifications;
        QStringList access;
        QList<PolicyGlob> resources;
    };

    static std::optional<bool> annotation(const core::Action &action, const QString &name);

    QList<Identity> m_identities;
    QList<QPair<QString, bool>> m_annotations;
    std::optional<DataScopeCondition> m_dataScope;
    QList<PolicyPredicate> m_arguments;
};

} // namespace countersign::broker
