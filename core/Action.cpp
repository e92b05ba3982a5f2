#include "core/Action.h"

#include "core/ActionDigest.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"
#include "core/Vocabulary.h"

namespace countersign::core {

const QStringList &Action::brokerFields()
{
    static const QStringList fields {QStringLiteral("id"),           QStringLiteral("seq"),
                                     QStringLiteral("submitted_at"), QStringLiteral("expires_at"),
                                     QStringLiteral("status"),       QStringLiteral("policy"),
                                     QStringLiteral("decisions")};
    return fields;
}

const QStringList &Action::mutableBrokerFields()
{
    static const QStringList fields {QStringLiteral("seq"), QStringLiteral("status"), QStringLiteral("decisions")};
    return fields;
}

Action Action::read(const QJsonObject &json, ValidationErrors *errors)
{
    JsonReader r(json, QString(), errors);
    Action out;
    out.m_json = json;
    out.tenant = r.string(QStringLiteral("tenant"));
    out.request = Request::read(r.object(QStringLiteral("request")), QStringLiteral("request"), errors);
    out.agent = AgentInfo::read(r.object(QStringLiteral("agent")), QStringLiteral("agent"), errors);
    out.tool = ToolInfo::read(r.object(QStringLiteral("tool")), QStringLiteral("tool"), errors);
    out.arguments = r.object(QStringLiteral("arguments"));
    out.dataScopes = r.objects<DataScope>(QStringLiteral("data_scopes"));
    out.authorityChain = r.objects<AuthorityLink>(QStringLiteral("authority_chain"));
    out.evidence = r.objects<Evidence>(QStringLiteral("evidence"), JsonReader::Optional);
    out.memory = r.objects<MemoryItem>(QStringLiteral("memory"), JsonReader::Optional);
    if (r.has(QStringLiteral("trace")))
        out.trace = TraceContext::read(r.object(QStringLiteral("trace")), QStringLiteral("trace"), errors);
    else
        r.object(QStringLiteral("trace"), JsonReader::Optional);

    out.id = r.string(QStringLiteral("id"), JsonReader::Optional);
    out.seq = r.integer(QStringLiteral("seq"), JsonReader::Optional, 1);
    out.submittedAt = r.timestamp(QStringLiteral("submitted_at"), JsonReader::Optional);
    out.expiresAt = r.timestamp(QStringLiteral("expires_at"), JsonReader::Optional);
    out.status = r.oneOf(QStringLiteral("status"), vocabulary::status(), JsonReader::Optional);
    if (r.has(QStringLiteral("policy")))
        out.policy = PolicyOutcome::read(r.object(QStringLiteral("policy")), QStringLiteral("policy"), errors);
    out.decisions = r.array(QStringLiteral("decisions"), JsonReader::Optional);
    out.extensions = r.finish();
    return out;
}

std::optional<Action> Action::parse(QByteArrayView text, ValidationErrors *errors, const JsonLimits &limits)
{
    const auto parsed = JsonParser::parseObject(text, limits);
    if (!parsed.ok()) {
        errors->append(parsed.error);
        return std::nullopt;
    }
    const qsizetype before = errors->size();
    Action action = read(parsed.value->toObject(), errors);
    if (errors->size() != before)
        return std::nullopt;
    return action;
}

QString Action::digest() const
{
    return ActionDigest::compute(m_json);
}

bool Action::hasBrokerFields() const
{
    for (const QString &field : brokerFields()) {
        if (m_json.contains(field))
            return true;
    }
    return false;
}

} // namespace countersign::core
