#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace countersign::core {

// One thing an approver should notice, said in words. `id` is stable (tests,
// filters, icons); `message` is a whole sentence in which every value taken
// from the action has already been through UntrustedText, so it is safe to
// show as plain text as it is.
struct ReviewFlag
{
    ReviewFlag() = default;
    ReviewFlag(QString id_, QString message_, QString where_ = {}, QString span_ = {})
        : id(std::move(id_))
        , message(std::move(message_))
        , where(std::move(where_))
        , span(std::move(span_))
    { }

    QString id;
    QString message;
    // What the flag is about, when not the whole item: a JSON path such as
    // `cc[0]`, or an item id. Already safe to show (formatted).
    QString where;
    // The part of the formatted text the flag points at (a matched
    // instruction, an identifier), so a view can highlight it; may be empty.
    QString span;

    bool operator==(const ReviewFlag &) const = default;
};

using ReviewFlags = QList<ReviewFlag>;

} // namespace countersign::core
