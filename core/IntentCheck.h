#pragma once

#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace countersign::core {

class Action;

// Values in the tool arguments that the approver should be able to trace to
// what the user asked for: recipients, domains, URLs, amounts, account
// numbers and paths. Each one that appears neither in the user's request nor
// in trusted (verified or internal) evidence is flagged "not from the user's
// request", saying where it did come from — an untrusted evidence item or a
// memory item — or that it appears nowhere the agent showed.
class IntentCheck
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::IntentCheck)

public:
    enum class Kind { Recipient, Domain, Url, Amount, Account, Path };

    struct Value
    {
        QString path; // JSON path in arguments, e.g. `cc[0]`
        QString text; // the value as written
        Kind kind = Kind::Recipient;
    };

    // The traceable values in `arguments`, in document order (at most a few hundred).
    static QList<Value> values(const QJsonObject &arguments);
    // ids `not_from_request`.
    static ReviewFlags check(const Action &action);
    static QString kindName(Kind kind);

    // Whether `value` (of `kind`) occurs in `text`, comparing as people would:
    // addresses and domains without case, account numbers without spaces,
    // amounts by numeric value.
    static bool occursIn(const Value &value, const QString &text);
};

} // namespace countersign::core
