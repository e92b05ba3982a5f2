#pragma once

#include <QStringList>

namespace countersign::broker {

// A tenant's `[tenants.NAME]` table: the domains it owns and the partner domains
// it trusts. Anything else is external. Domains are stored normalised
// (PolicyDomains::normalize).
struct PolicyTenant
{
    QStringList domains;
    QStringList allowedDomains;
};

} // namespace countersign::broker
