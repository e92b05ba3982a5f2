#include "broker/PolicyDomains.h"

#include "core/DomainName.h"

namespace countersign::broker {

// One implementation for the broker's policy and the console's review flags.
QString PolicyDomains::normalize(const QString &domain)
{
    return core::DomainName::normalize(domain);
}

QString PolicyDomains::extract(const QString &value)
{
    return core::DomainName::extract(value);
}

bool PolicyDomains::covers(const QStringList &domains, const QString &domain)
{
    return core::DomainName::covers(domains, domain);
}

} // namespace countersign::broker
