#pragma once

#include "core/JsonReader.h"

#include <QDateTime>
#include <QJsonObject>

namespace countersign::core {

// What an approver signs (DESIGN.md, "Decision statement"). Signed as a JWS
// with typ `countersign.decision`; the payload is this object in JCS form.
struct DecisionStatement
{
    QString actionId;
    QString actionDigest;
    QString verdict; // approve, deny
    QString reason;
    QString approver; // key id
    QDateTime issuedAt;
    QString nonce;
    QJsonObject extensions;

    static DecisionStatement read(const QJsonObject &json, ValidationErrors *errors);
    QJsonObject toJson() const;
};

} // namespace countersign::core
