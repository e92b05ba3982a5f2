#include "broker/AuditEntryText.h"

#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/Sha256.h"

#include <QJsonValue>

namespace countersign::broker {

bool AuditEntryText::appendString(QByteArray &out, const QString &value)
{
    // Printable ASCII other than '"' and '\' is its own JCS form; anything
    // else goes through the canonical serialiser.
    bool plain = true;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += '"';
        out += value.toLatin1();
        out += '"';
        return true;
    }
    const auto escaped = core::CanonicalJson::serialize(QJsonValue(value));
    if (!escaped)
        return false;
    out += *escaped;
    return true;
}

std::optional<QByteArray> AuditEntryText::hashInput(qint64 seq, const QString &at, const QString &event,
                                                    const QString &actionId, const QByteArray &canonicalData,
                                                    const QString &prevHash)
{
    // Past 2^53 a seq is no longer an exact JSON number; leave that to the generic path.
    if (seq < 0 || seq > (qint64(1) << 53))
        return std::nullopt;
    // Members in UTF-16 code unit order: action_id, at, data, event, prev_hash, seq.
    QByteArray out;
    out.reserve(160 + canonicalData.size() + actionId.size() + event.size());
    out += '{';
    if (!actionId.isEmpty()) {
        out += "\"action_id\":";
        if (!appendString(out, actionId))
            return std::nullopt;
        out += ',';
    }
    out += "\"at\":";
    if (!appendString(out, at))
        return std::nullopt;
    out += ",\"data\":";
    out += canonicalData;
    out += ",\"event\":";
    if (!appendString(out, event))
        return std::nullopt;
    out += ",\"prev_hash\":";
    if (!appendString(out, prevHash))
        return std::nullopt;
    out += ",\"seq\":";
    out += QByteArray::number(seq);
    out += '}';
    return out;
}

QString AuditEntryText::hashOf(const QByteArray &input)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(core::Base64Url::encode(core::Sha256::hash(input)));
}

} // namespace countersign::broker
