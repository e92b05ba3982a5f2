#pragma once

#include "core/ReviewFlag.h"

#include <QCoreApplication>
#include <QStringList>

namespace countersign::core {

// Identifiers people trust by their look — email addresses, domains, URLs,
// host names, file paths, IBAN-like account strings — checked with ICU's
// implementation of Unicode TR39 (uspoof): a label that mixes scripts, a
// string whose confusable skeleton is plain ASCII or equals the skeleton of a
// trusted identifier while the string differs, an internationalised domain
// (shown with its punycode form beside it), and a domain that is neither the
// tenant's own nor in the policy's allow-list (external).
class IdentifierCheck
{
    Q_DECLARE_TR_FUNCTIONS(countersign::core::IdentifierCheck)

public:
    struct Context
    {
        // Normalised (DomainName::normalize). When both lists are unknown
        // (domainsKnown false), every domain counts as external and the flag says why.
        QStringList tenantDomains;
        QStringList allowedDomains;
        bool domainsKnown = false;
        QString tenant;
        // Identifiers the approver already trusts (the user's own address, the
        // tenant's domains): a different string with the same skeleton is a look-alike.
        QStringList references;
    };

    enum class Kind { Email, Url, Domain, Path, Account };

    struct Identifier
    {
        QString text; // as found in the value
        Kind kind = Kind::Domain;
        QString domain; // normalised, for Email/Url/Domain; may be empty
    };

    // The identifiers in one string value, in order, without duplicates.
    static QList<Identifier> find(const QString &value);
    // Flags for every identifier in `value`; `where` is copied into each flag.
    // ids: `mixed_script`, `confusable`, `idn`, `external_domain`.
    static ReviewFlags check(const QString &value, const Context &context, const QString &where = {});

    // TR39 skeleton (uspoof_getSkeleton); the input unchanged if ICU fails.
    static QString skeleton(const QString &text);
    // The scripts of the letters in `text` (Common and Inherited left out), by
    // their Unicode names, in order of first appearance.
    static QStringList scripts(const QString &text);
    // Whether one label (no dots) fails the "highly restrictive" TR39 level.
    static bool isMixedScript(const QString &label);
    static QString kindName(Kind kind);
};

} // namespace countersign::core
