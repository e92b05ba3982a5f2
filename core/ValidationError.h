#pragma once

#include <QList>
#include <QString>

namespace countersign::core {

// One problem found in a document, located by its JSON path
// (e.g. `authority_chain[2].expires_at`). An empty path means the document root.
struct ValidationError
{
    QString path;
    QString message;

    QString toString() const;
    bool operator==(const ValidationError &) const = default;
};

using ValidationErrors = QList<ValidationError>;

} // namespace countersign::core
