#include "core/Identifiers.h"

#include "core/Base64Url.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace countersign::core {

namespace {
bool isPrefixedHash(const QString &text, const QString &prefix)
{
    if (!text.startsWith(prefix) || text.size() != prefix.size() + 43)
        return false;
    return Base64Url::decode(text.mid(prefix.size()).toLatin1()).has_value();
}
} // namespace

bool Identifiers::isKeyId(const QString &text)
{
    return isPrefixedHash(text, QStringLiteral("ed25519:"));
}

bool Identifiers::isDigest(const QString &text)
{
    return isPrefixedHash(text, QStringLiteral("sha256:"));
}

bool Identifiers::isNonce(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{22,128}$"));
    return pattern.match(text).hasMatch();
}

QString Identifiers::newActionId(qint64 msecsSinceEpoch)
{
    static constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QByteArray id("act_");
    id.reserve(4 + 26);
    const quint64 time = quint64(std::max<qint64>(0, msecsSinceEpoch)) & ((quint64(1) << 50) - 1);
    for (int shift = 45; shift >= 0; shift -= 5)
        id += kCrockford[(time >> shift) & 31];
    // 80 random bits, five at a time.
    quint32 random[3];
    QRandomGenerator::system()->fillRange(random, 3);
    const quint64 high = (quint64(random[0]) << 32 | random[1]) & ((quint64(1) << 60) - 1);
    const quint32 low = random[2] & ((quint32(1) << 20) - 1);
    for (int shift = 55; shift >= 0; shift -= 5)
        id += kCrockford[(high >> shift) & 31];
    for (int shift = 15; shift >= 0; shift -= 5)
        id += kCrockford[(low >> shift) & 31];
    return QString::fromLatin1(id);
}

QString Identifiers::newNonce()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(Base64Url::encode(bytes));
}

} // namespace countersign::core
