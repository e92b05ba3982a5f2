#pragma once

#include <QJsonObject>
#include <QString>

namespace countersign::core {

// The action digest of DESIGN.md: `sha256:` + base64url(SHA-256(JCS(action
// without the broker-mutable fields seq, status and decisions))).
class ActionDigest
{
public:
    static QString compute(const QJsonObject &action);
    static QByteArray canonicalBytes(const QJsonObject &action);
    // The digest of bytes that already are canonicalBytes() of an action.
    static QString ofCanonicalBytes(QByteArrayView canonical);
};

} // namespace countersign::core
