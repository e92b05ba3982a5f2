#pragma once

#include "broker/PolicyConditions.h"
#include "broker/PolicyDecision.h"
#include "broker/PolicyReader.h"
#include "broker/PolicyTenant.h"
#include "core/Action.h"

#include <QList>

namespace countersign::broker {

// One `[[rules]]` entry: an id, the conditions under which it applies (`match`,
// minus any `unless`), and the outcome it gives.
class PolicyRule
{
public:
    static constexpr qint64 kDefaultDeadlineSeconds = 15 * 60;
    static constexpr qint64 kMinDeadlineSeconds = 60;
    static constexpr qint64 kMaxDeadlineSeconds = 30 * 86400;
    static constexpr int kMaxQuorum = 100;

    // Problems go to `reader`; the rule is only meaningful when none were added.
    // `minDeadlineSeconds` is the shortest `deadline` accepted (countersignd.conf
    // [limits] min_approval_deadline_seconds; kMinDeadlineSeconds by default).
    static PolicyRule read(const QJsonObject &json, const QString &path, int line, PolicyReader &reader,
                           qint64 minDeadlineSeconds = kMinDeadlineSeconds);

    QString id() const { return m_id; }
    QString description() const { return m_description; }
    QString path() const { return m_path; } // rules[N]
    int line() const { return m_line; }
    QString action() const { return m_outcome.decision; }
    // Matches every action: an empty `match` and no `unless`.
    bool isCatchAll() const { return m_match.isEmpty() && m_unless.isEmpty(); }

    // Whether the rule applies to `action`; `why` says what matched, or what did not.
    bool applies(const core::Action &action, const PolicyTenant &tenant, QString *why) const;
    // The outcome this rule gives (without explanation).
    PolicyDecision outcome() const { return m_outcome; }

private:
    QString m_id;
    QString m_description;
    QString m_path;
    int m_line = 0;
    PolicyConditions m_match;
    QList<PolicyConditions> m_unless;
    PolicyDecision m_outcome;
};

} // namespace countersign::broker
