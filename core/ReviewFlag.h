#pragma once

#include <QList>
#include <QString>

namespace countersign::core {

// One thing an approver should notice, said in words. `id` is stable (tests,
// filters, icons); `message` is a whole sentence in which every value taken
// from the action has already been through UntrustedText, so it is safe to
// show as plain text as it is.
struct ReviewFlag
{
    QString id;
    QString message;

    bool operator==(const ReviewFlag &) const = default;
};

using ReviewFlags = QList<ReviewFlag>;

} // namespace countersign::core
