#pragma once

#include "core/ValidationError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace countersign::core {

// One delegation step from the human to the tool (RFC 8693 token exchange).
struct AuthorityLink
{
    QString kind; // user, agent, service, tool
    QString subject;
    QString issuer;
    QString delegatedBy;
    QStringList scopes;
    QDateTime issuedAt; // invalid when not given
    QDateTime expiresAt; // invalid when not given
    QString credential; // token id or fingerprint, never the secret
    QString authMethod;
    QJsonObject extensions;

    static AuthorityLink read(const QJsonObject &json, const QString &path, ValidationErrors *errors);
};

} // namespace countersign::core
