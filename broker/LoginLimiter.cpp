#include "broker/LoginLimiter.h"

namespace countersign::broker {

bool LoginLimiter::allow(const QString &peer, const QDateTime &now)
{
    QList<QDateTime> &attempts = m_attempts[peer];
    const QDateTime windowStart = now.addSecs(-60);
    attempts.removeIf([&](const QDateTime &t) { return t < windowStart; });
    if (attempts.size() >= m_limit)
        return false;
    attempts.append(now);
    if (m_attempts.size() > 10000) { // never let the table itself become the attack
        for (auto it = m_attempts.begin(); it != m_attempts.end();) {
            if (it.value().isEmpty() || it.value().last() < windowStart)
                it = m_attempts.erase(it);
            else
                ++it;
        }
    }
    return true;
}

} // namespace countersign::broker
