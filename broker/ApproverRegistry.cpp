#include "broker/ApproverRegistry.h"

#include "core/JsonReader.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace countersign::broker {

namespace {

QString joinList(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList splitList(const QString &json)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        out.append(value.toString());
    return out;
}

ApproverRegistry::Approver fromRow(const QSqlQuery &query)
{
    ApproverRegistry::Approver a;
    a.keyId = query.value(0).toString();
    a.name = query.value(1).toString();
    a.identity = query.value(2).toString();
    a.publicKey = core::Ed25519PublicKey::fromBase64Url(query.value(3).toString().toLatin1())
                      .value_or(core::Ed25519PublicKey());
    a.roles = splitList(query.value(4).toString());
    a.tenants = splitList(query.value(5).toString());
    a.enrolledAt = core::JsonReader::parseTimestamp(query.value(6).toString());
    a.revokedAt = core::JsonReader::parseTimestamp(query.value(7).toString());
    return a;
}

const QString kColumns
    = QStringLiteral("key_id, name, identity, public_key, roles, tenants, enrolled_at, revoked_at FROM approvers");

} // namespace

bool ApproverRegistry::Approver::hasAnyRole(const QStringList &wanted) const
{
    for (const QString &role : wanted) {
        if (roles.contains(role))
            return true;
    }
    return false;
}

bool ApproverRegistry::Approver::coversTenant(const QString &tenant) const
{
    return tenants.contains(QStringLiteral("*")) || tenants.contains(tenant);
}

QJsonObject ApproverRegistry::Approver::toJson() const
{
    QJsonObject json {{QStringLiteral("key_id"), keyId},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("identity"), identity},
                      {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64Url())},
                      {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                      {QStringLiteral("tenants"), QJsonArray::fromStringList(tenants)},
                      {QStringLiteral("enrolled_at"), core::JsonReader::formatTimestamp(enrolledAt)}};
    if (revokedAt.isValid())
        json.insert(QStringLiteral("revoked_at"), core::JsonReader::formatTimestamp(revokedAt));
    return json;
}

const QStringList &ApproverRegistry::builtInRoles()
{
    static const QStringList roles {QStringLiteral("approver"), QStringLiteral("reviewer"), QStringLiteral("oncall"),
                                    QStringLiteral("admin")};
    return roles;
}

ApproverRegistry::ApproverRegistry(storage::Database &database)
    : m_database(database)
{ }

std::optional<ApproverRegistry::Approver> ApproverRegistry::add(const QString &name, const QString &identity,
                                                                const core::Ed25519PublicKey &key,
                                                                const QStringList &roles, const QStringList &tenants,
                                                                QString *error)
{
    if (name.trimmed().isEmpty() || roles.isEmpty() || tenants.isEmpty() || key.isNull()) {
        *error = QStringLiteral("an approver needs a name, at least one role, at least one tenant and a public key");
        return std::nullopt;
    }
    if (find(key.keyId())) {
        *error = QStringLiteral("key %1 is already enrolled (revoked keys cannot be re-enrolled)").arg(key.keyId());
        return std::nullopt;
    }
    Approver a;
    a.keyId = key.keyId();
    a.name = name.trimmed();
    a.identity = identity.isEmpty() ? a.name : identity;
    a.publicKey = key;
    a.roles = roles;
    a.tenants = tenants;
    a.enrolledAt = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO approvers (key_id, name, identity, public_key, roles, tenants, "
                                 "enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(a.keyId);
    query.addBindValue(a.name);
    query.addBindValue(a.identity);
    query.addBindValue(QString::fromLatin1(key.toBase64Url()));
    query.addBindValue(joinList(roles));
    query.addBindValue(joinList(tenants));
    query.addBindValue(core::JsonReader::formatTimestamp(a.enrolledAt));
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    m_database.invalidate(); // no cached copy may outlive the change
    return a;
}

std::optional<ApproverRegistry::Approver> ApproverRegistry::revoke(const QString &keyIdOrName, QString *error)
{
    QList<Approver> matches;
    for (const Approver &a : list()) {
        if (a.isActive() && (a.keyId == keyIdOrName || a.name == keyIdOrName))
            matches.append(a);
    }
    if (matches.isEmpty()) {
        *error = QStringLiteral("no active approver with key id or name '%1'").arg(keyIdOrName);
        return std::nullopt;
    }
    if (matches.size() > 1) {
        *error = QStringLiteral("'%1' names %2 approvers; revoke by key id").arg(keyIdOrName).arg(matches.size());
        return std::nullopt;
    }
    Approver a = matches.first();
    a.revokedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE approvers SET revoked_at = ? WHERE key_id = ?"));
    query.addBindValue(core::JsonReader::formatTimestamp(a.revokedAt));
    query.addBindValue(a.keyId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    m_database.invalidate(); // no cached copy may outlive the change
    return a;
}

std::optional<ApproverRegistry::Approver> ApproverRegistry::find(const QString &keyId) const
{
    // A key revoked by the CLI in another process must fail its very next message.
    m_database.checkExternalChanges();
    if (m_cachedGeneration != m_database.generation()) {
        m_byKeyId.clear();
        m_cachedGeneration = m_database.generation();
    }
    const auto cached = m_byKeyId.constFind(keyId);
    if (cached != m_byKeyId.constEnd())
        return *cached;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" WHERE key_id = ?"));
    query.addBindValue(keyId);
    if (!query.exec() || !query.next())
        return std::nullopt; // unknown keys are not remembered
    const Approver approver = fromRow(query);
    if (m_byKeyId.size() >= 10000)
        m_byKeyId.clear();
    m_byKeyId.insert(keyId, approver);
    return approver;
}

QList<ApproverRegistry::Approver> ApproverRegistry::list() const
{
    QList<Approver> out;
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" ORDER BY enrolled_at, key_id"))) {
        while (query.next())
            out.append(fromRow(query));
    }
    return out;
}

} // namespace countersign::broker
