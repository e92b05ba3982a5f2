#pragma once

#include "core/AgentInfo.h"
#include "core/AuthorityLink.h"
#include "core/DataScope.h"
#include "core/Evidence.h"
#include "core/JsonLimits.h"
#include "core/MemoryItem.h"
#include "core/PolicyOutcome.h"
#include "core/Request.h"
#include "core/ToolInfo.h"
#include "core/TraceContext.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace countersign::core {

// An agent action as an approver reviews it (DESIGN.md, "The action").
//
// The typed members are a validated view. The document itself is kept as it
// was read, so serialising and digesting an Action never drops anything:
// extension members (`x-*`), explicit nulls and unknown-but-allowed content
// inside `arguments` all survive a round trip.
class Action
{
public:
    QString tenant;
    Request request;
    AgentInfo agent;
    ToolInfo tool;
    QJsonObject arguments;
    QList<DataScope> dataScopes;
    QList<AuthorityLink> authorityChain;
    QList<Evidence> evidence;
    QList<MemoryItem> memory;
    TraceContext trace;
    QJsonObject extensions;

    // Broker fields: absent in what an agent submits.
    QString id;
    std::optional<qint64> seq;
    QDateTime submittedAt;
    QDateTime expiresAt;
    QString status;
    std::optional<PolicyOutcome> policy;
    QJsonArray decisions;

    static Action read(const QJsonObject &json, ValidationErrors *errors);
    static std::optional<Action> parse(QByteArrayView text, ValidationErrors *errors, const JsonLimits &limits = {});

    QJsonObject toJson() const { return m_json; }
    // `sha256:` + base64url(SHA-256(JCS(action without seq, status, decisions))).
    QString digest() const;
    bool hasBrokerFields() const;

    static const QStringList &brokerFields();
    static const QStringList &mutableBrokerFields();

private:
    QJsonObject m_json;
};

} // namespace countersign::core
