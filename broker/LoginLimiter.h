#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace countersign::broker {

// Counts console login attempts per peer address in a sliding minute.
class LoginLimiter
{
public:
    explicit LoginLimiter(int attemptsPerMinute)
        : m_limit(attemptsPerMinute)
    { }

    // Records an attempt; false when the peer is over its budget.
    bool allow(const QString &peer, const QDateTime &now);

private:
    int m_limit;
    QHash<QString, QList<QDateTime>> m_attempts;
};

} // namespace countersign::broker
