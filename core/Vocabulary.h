#pragma once

#include <QStringList>

// The closed sets of values the design fixes (DESIGN.md, "The action").
namespace countersign::core::vocabulary {

inline const QStringList &access()
{
    static const QStringList v {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("delete"),
                                QStringLiteral("send"), QStringLiteral("execute")};
    return v;
}

inline const QStringList &classification()
{
    static const QStringList v {QStringLiteral("public"), QStringLiteral("internal"), QStringLiteral("confidential"),
                                QStringLiteral("restricted")};
    return v;
}

inline const QStringList &trust()
{
    static const QStringList v {QStringLiteral("verified"), QStringLiteral("internal"),
                                QStringLiteral("user_generated"), QStringLiteral("external"),
                                QStringLiteral("unknown")};
    return v;
}

inline const QStringList &evidenceKind()
{
    static const QStringList v {QStringLiteral("retrieval"), QStringLiteral("tool_result"), QStringLiteral("web"),
                                QStringLiteral("file")};
    return v;
}

inline const QStringList &linkKind()
{
    static const QStringList v {QStringLiteral("user"), QStringLiteral("agent"), QStringLiteral("service"),
                                QStringLiteral("tool")};
    return v;
}

inline const QStringList &status()
{
    static const QStringList v {QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("denied"),
                                QStringLiteral("expired"), QStringLiteral("killed"),   QStringLiteral("executed"),
                                QStringLiteral("failed")};
    return v;
}

inline const QStringList &verdict()
{
    static const QStringList v {QStringLiteral("approve"), QStringLiteral("deny")};
    return v;
}

inline const QStringList &killSwitchScope()
{
    static const QStringList v {QStringLiteral("global"), QStringLiteral("tenant"), QStringLiteral("user"),
                                QStringLiteral("agent"), QStringLiteral("tool")};
    return v;
}

inline const QStringList &killSwitchOperation()
{
    static const QStringList v {QStringLiteral("engage"), QStringLiteral("release"), QStringLiteral("drill")};
    return v;
}

inline const QStringList &policyDecision()
{
    static const QStringList v {QStringLiteral("allow"), QStringLiteral("deny"), QStringLiteral("approve")};
    return v;
}

} // namespace countersign::core::vocabulary
