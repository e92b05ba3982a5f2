#include "core/ValidationError.h"

namespace countersign::core {

QString ValidationError::toString() const
{
    return (path.isEmpty() ? QStringLiteral("$") : path) + QStringLiteral(": ") + message;
}

} // namespace countersign::core
