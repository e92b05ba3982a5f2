#include "broker/TokenRegistry.h"

#include "broker/PolicyGlob.h"
#include "core/Base64Url.h"
#include "core/JsonReader.h"
#include "core/Sha256.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace countersign::broker {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

TokenRegistry::AgentToken fromRow(const QSqlQuery &query)
{
    TokenRegistry::AgentToken t;
    t.id = query.value(0).toString();
    t.tenant = query.value(1).toString();
    t.agentId = query.value(2).toString();
    const QJsonArray tools = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array();
    for (const QJsonValue &tool : tools)
        t.tools.append(tool.toString());
    t.createdAt = core::JsonReader::parseTimestamp(query.value(4).toString());
    t.expiresAt = core::JsonReader::parseTimestamp(query.value(5).toString());
    t.revokedAt = core::JsonReader::parseTimestamp(query.value(6).toString());
    // Compared like policy globs: without regard to case (see allowsTool).
    auto compiled = std::make_shared<QList<PolicyGlob>>();
    for (const QString &tool : std::as_const(t.tools)) {
        QString ignored;
        if (auto glob = PolicyGlob::compile(tool, Qt::CaseInsensitive, &ignored))
            compiled->append(*glob);
    }
    t.compiledTools = std::move(compiled);
    return t;
}

const QString kColumns
    = QStringLiteral("SELECT id, tenant, agent_id, tools, created_at, expires_at, revoked_at FROM tokens");

} // namespace

bool TokenRegistry::AgentToken::allowsTool(const QString &tool) const
{
    if (compiledTools && compiledTools->size() == tools.size()) {
        for (const PolicyGlob &glob : *compiledTools) {
            if (glob.matches(tool))
                return true;
        }
        return false;
    }
    for (const QString &glob : tools) {
        // Compared like policy globs: without regard to case, so a token's scope
        // and the rules that govern it agree on what a tool name means.
        QString ignored;
        const auto compiled = PolicyGlob::compile(glob, Qt::CaseInsensitive, &ignored);
        if (compiled && compiled->matches(tool))
            return true;
    }
    return false;
}

QJsonObject TokenRegistry::AgentToken::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id},
                      {QStringLiteral("tenant"), tenant},
                      {QStringLiteral("agent"), agentId},
                      {QStringLiteral("tools"), QJsonArray::fromStringList(tools)},
                      {QStringLiteral("created_at"), core::JsonReader::formatTimestamp(createdAt)}};
    if (expiresAt.isValid())
        json.insert(QStringLiteral("expires_at"), core::JsonReader::formatTimestamp(expiresAt));
    if (revokedAt.isValid())
        json.insert(QStringLiteral("revoked_at"), core::JsonReader::formatTimestamp(revokedAt));
    return json;
}

TokenRegistry::TokenRegistry(storage::Database &database)
    : m_database(database)
{ }

QString TokenRegistry::hashOf(QByteArrayView secret)
{
    return QString::fromLatin1(core::Sha256::hex(secret));
}

std::optional<TokenRegistry::AgentToken> TokenRegistry::create(const QString &tenant, const QString &agentId,
                                                               const QStringList &tools, qint64 ttlSeconds,
                                                               QString *secret, QString *error)
{
    if (tenant.isEmpty() || agentId.isEmpty() || tools.isEmpty()) {
        *error = QStringLiteral("a token needs a tenant, an agent id and at least one tool glob");
        return std::nullopt;
    }
    for (const QString &tool : tools) {
        QString problem;
        if (!PolicyGlob::compile(tool, Qt::CaseInsensitive, &problem)) {
            *error = QStringLiteral("invalid tool glob '%1': %2").arg(tool, problem);
            return std::nullopt;
        }
    }
    AgentToken t;
    t.id = QStringLiteral("tok_") + QString::fromLatin1(core::Base64Url::encode(randomBytes(12)));
    t.tenant = tenant;
    t.agentId = agentId;
    t.tools = tools;
    t.createdAt = QDateTime::currentDateTimeUtc();
    if (ttlSeconds > 0)
        t.expiresAt = t.createdAt.addSecs(ttlSeconds);
    *secret = QStringLiteral("cst_") + QString::fromLatin1(core::Base64Url::encode(randomBytes(32)));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO tokens (id, hash, tenant, agent_id, tools, created_at, expires_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(t.id);
    query.addBindValue(hashOf(secret->toLatin1()));
    query.addBindValue(tenant);
    query.addBindValue(agentId);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tools)).toJson(QJsonDocument::Compact)));
    query.addBindValue(core::JsonReader::formatTimestamp(t.createdAt));
    query.addBindValue(t.expiresAt.isValid() ? QVariant(core::JsonReader::formatTimestamp(t.expiresAt)) : QVariant());
    if (!query.exec()) {
        *error = query.lastError().text();
        secret->clear();
        return std::nullopt;
    }
    m_database.invalidate();
    return t;
}

std::optional<TokenRegistry::AgentToken> TokenRegistry::revoke(const QString &id, QString *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(kColumns + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        *error = QStringLiteral("no token with id '%1'").arg(id);
        return std::nullopt;
    }
    AgentToken t = fromRow(query);
    if (t.isRevoked()) {
        *error = QStringLiteral("token %1 is already revoked").arg(id);
        return std::nullopt;
    }
    t.revokedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ? WHERE id = ?"));
    update.addBindValue(core::JsonReader::formatTimestamp(t.revokedAt));
    update.addBindValue(id);
    if (!update.exec()) {
        *error = update.lastError().text();
        return std::nullopt;
    }
    // Revocation takes effect at once: no cached copy may outlive it.
    m_database.invalidate();
    return t;
}

std::optional<TokenRegistry::AgentToken> TokenRegistry::findBySecret(QByteArrayView secret) const
{
    if (secret.isEmpty() || secret.size() > 256)
        return std::nullopt;
    // A token revoked by `countersignd token revoke` in another process must
    // stop working on its next request: that commit changes the generation.
    m_database.checkExternalChanges();
    if (m_cachedGeneration != m_database.generation()) {
        m_byHash.clear();
        m_cachedGeneration = m_database.generation();
    }
    // Looked up by the hash, as the database does: nothing compares secrets.
    const QString hash = hashOf(secret);
    const auto cached = m_byHash.constFind(hash);
    if (cached != m_byHash.constEnd())
        return *cached;
    QSqlQuery query(m_database.connection());
    query.prepare(kColumns + QStringLiteral(" WHERE hash = ?"));
    query.addBindValue(hash);
    if (!query.exec() || !query.next())
        return std::nullopt; // unknown secrets are not remembered: they cost the sender a query, not us memory
    AgentToken token = fromRow(query);
    if (m_byHash.size() >= 10000)
        m_byHash.clear();
    m_byHash.insert(hash, token);
    return token;
}

QList<TokenRegistry::AgentToken> TokenRegistry::list() const
{
    QList<AgentToken> out;
    QSqlQuery query(m_database.connection());
    if (query.exec(kColumns + QStringLiteral(" ORDER BY created_at, id"))) {
        while (query.next())
            out.append(fromRow(query));
    }
    return out;
}

} // namespace countersign::broker
