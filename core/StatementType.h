#pragma once

#include <QString>

// The JWS `typ` of every signed statement Countersign exchanges.
namespace countersign::core::statement_type {

inline QString decision()
{
    return QStringLiteral("countersign.decision");
}
inline QString killSwitch()
{
    return QStringLiteral("countersign.killswitch");
}
inline QString checkpoint()
{
    return QStringLiteral("countersign.checkpoint");
}
inline QString login()
{
    return QStringLiteral("countersign.login");
}

} // namespace countersign::core::statement_type
