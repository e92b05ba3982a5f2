#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace countersign::broker {

// The RFC 8785 bytes an audit entry's hash covers (core::AuditEntry::computeHash:
// the entry's JSON without `hash`, no extensions), written directly instead of
// through a QJsonObject: a kill switch appends one entry per killed action.
// The output is byte-identical to the generic path (tests/broker TestAudit).
class AuditEntryText
{
public:
    // `canonicalData` must be the canonical JSON of the entry's data object.
    // std::nullopt when a string cannot be represented (an unpaired surrogate):
    // the caller then takes the generic path, which refuses it the same way.
    static std::optional<QByteArray> hashInput(qint64 seq, const QString &at, const QString &event,
                                               const QString &actionId, const QByteArray &canonicalData,
                                               const QString &prevHash);
    // "sha256:" + base64url(SHA-256(input)), as computeHash() forms it.
    static QString hashOf(const QByteArray &input);

private:
    static bool appendString(QByteArray &out, const QString &value);
};

} // namespace countersign::broker
