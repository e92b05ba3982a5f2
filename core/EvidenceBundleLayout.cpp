#include "core/EvidenceBundleLayout.h"

namespace countersign::core {

QString EvidenceBundleLayout::approverKey(const QString &keyId)
{
    QString name = keyId;
    name.replace(QLatin1Char(':'), QLatin1Char('-'));
    return approverKeysDir() + QLatin1Char('/') + name + QStringLiteral(".pub");
}

QString EvidenceBundleLayout::actionDir(const QString &actionId)
{
    return actionsDir() + QLatin1Char('/') + actionId;
}

QString EvidenceBundleLayout::actionJson(const QString &actionId)
{
    return actionDir(actionId) + QStringLiteral("/action.json");
}

QString EvidenceBundleLayout::digestInput(const QString &actionId)
{
    return actionDir(actionId) + QStringLiteral("/digest-input.json");
}

QString EvidenceBundleLayout::decision(const QString &actionId, int number)
{
    return actionDir(actionId) + QStringLiteral("/decisions/") + QString::number(number);
}

QString EvidenceBundleLayout::paddedSeq(qint64 seq)
{
    return QStringLiteral("%1").arg(seq, 10, 10, QLatin1Char('0'));
}

QString EvidenceBundleLayout::entry(qint64 seq)
{
    return entriesDir() + QLatin1Char('/') + paddedSeq(seq) + QStringLiteral(".json");
}

QString EvidenceBundleLayout::hashed(qint64 seq)
{
    return hashedDir() + QLatin1Char('/') + paddedSeq(seq) + QStringLiteral(".json");
}

QString EvidenceBundleLayout::checkpoint(qint64 seq)
{
    return checkpointsDir() + QLatin1Char('/') + paddedSeq(seq);
}

bool EvidenceBundleLayout::isSafeActionId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace countersign::core
