#pragma once

#include <QStringList>

namespace countersign::core {

// Domain names as policy and review compare them: lower-case ASCII
// (IDNA/punycode) form without a trailing dot, so `ACME.Example.` and
// `acme.example` are the same domain and a Cyrillic look-alike is not. A listed
// domain covers itself and every subdomain (`mail.acme.example` is in
// `acme.example`; `evilacme.example` is not). The broker's policy and the
// console's "external domain" flag use this one implementation.
class DomainName
{
public:
    // The normalised form of a domain name, or an empty string if it is not one.
    static QString normalize(const QString &domain);
    // The domain of an email address (`a@b`, `Name <a@b>`, `mailto:a@b`), a URL
    // (its host, whatever userinfo precedes it) or a bare host name (with an
    // optional port and path). Empty when no domain can be read from it.
    static QString extract(const QString &value);
    // Whether `domain` (normalised) is one of `domains` (normalised) or below one.
    static bool covers(const QStringList &domains, const QString &domain);
    // The Unicode form of a normalised (ACE) domain, for showing beside it.
    static QString toUnicode(const QString &ace);
};

} // namespace countersign::core
