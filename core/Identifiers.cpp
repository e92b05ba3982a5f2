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

QString Identifiers::newNonce()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(Base64Url::encode(bytes));
}

} // namespace countersign::core
