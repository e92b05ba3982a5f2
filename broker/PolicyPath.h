#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace countersign::broker {

// A path into an action's `arguments`: members as `name` / `.name` or
// `["any key"]`, array elements as `[3]`, and `[*]` for every element.
// E.g. `policy.Statement[*].Action[*]`, `to[*]`, `["x-header"].value`.
//
// `[*]` applied to something that is not an array yields that value itself:
// agents (and tools) accept both `"to": "a@b"` and `"to": ["a@b"]`, and IAM
// accepts a Statement object as well as an array of them, so a rule must not be
// sidestepped by choosing the other shape.
class PolicyPath
{
public:
    static constexpr int kMaxSteps = 32;

    static std::optional<PolicyPath> parse(const QString &text, QString *error);

    // Every value the path reaches from `root` (none when a member or index is absent).
    QList<QJsonValue> resolve(const QJsonValue &root) const;
    QString text() const { return m_text; }

private:
    struct Step
    {
        enum Kind { Member, Index, Wildcard };
        Kind kind = Member;
        QString name;
        qsizetype index = 0;
    };

    QString m_text;
    QList<Step> m_steps;
};

} // namespace countersign::broker
