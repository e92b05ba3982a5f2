#include "core/DomainName.h"

#include <QRegularExpression>
#include <QUrl>

namespace countersign::core {

namespace {

QString emailDomain(const QString &address)
{
    // Exactly one `@` outside a quoted local part; anything more elaborate (source
    // routes, several @) is not read, so it counts as outside every list.
    qsizetype at = -1;
    if (address.startsWith(QLatin1Char('"'))) {
        const qsizetype close = address.indexOf(QLatin1Char('"'), 1);
        if (close < 0 || close + 1 >= address.size() || address.at(close + 1) != QLatin1Char('@'))
            return {};
        at = close + 1;
        if (address.indexOf(QLatin1Char('@'), at + 1) >= 0)
            return {};
    } else {
        at = address.indexOf(QLatin1Char('@'));
        if (at <= 0 || address.indexOf(QLatin1Char('@'), at + 1) >= 0)
            return {};
    }
    static const QRegularExpression space(QStringLiteral("\\s"));
    // Whitespace is only valid inside a quoted local part.
    if (address.mid(address.startsWith(QLatin1Char('"')) ? at : 0).contains(space))
        return {};
    return DomainName::normalize(address.mid(at + 1));
}

} // namespace

QString DomainName::normalize(const QString &domain)
{
    QString d = domain.trimmed();
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    if (d.isEmpty() || d.size() > 253)
        return {};
    const QString ace = QString::fromLatin1(QUrl::toAce(d.toLower())).toLower();
    if (ace.isEmpty() || ace.size() > 253)
        return {};
    static const QRegularExpression label(QStringLiteral("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$"));
    const QStringList labels = ace.split(QLatin1Char('.'));
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch())
            return {};
    }
    return ace;
}

QString DomainName::extract(const QString &value)
{
    QString s = value.trimmed();
    // `Display Name <address>`
    if (s.endsWith(QLatin1Char('>'))) {
        const qsizetype open = s.lastIndexOf(QLatin1Char('<'));
        if (open < 0)
            return {};
        s = s.mid(open + 1, s.size() - open - 2).trimmed();
    }
    if (s.startsWith(QStringLiteral("mailto:"), Qt::CaseInsensitive)) {
        s = s.mid(7);
        const qsizetype query = s.indexOf(QLatin1Char('?'));
        if (query >= 0)
            s.truncate(query);
        return emailDomain(QUrl::fromPercentEncoding(s.toUtf8()));
    }
    if (s.contains(QStringLiteral("://"))) {
        const QUrl url(s, QUrl::StrictMode);
        if (!url.isValid())
            return {};
        return normalize(url.host(QUrl::FullyDecoded));
    }
    if (s.contains(QLatin1Char('@')))
        return emailDomain(s);
    // A host name, perhaps with :port and /path.
    const qsizetype slash = s.indexOf(QLatin1Char('/'));
    if (slash >= 0)
        s.truncate(slash);
    static const QRegularExpression port(QStringLiteral(":[0-9]{1,5}$"));
    s.remove(port);
    return normalize(s);
}

bool DomainName::covers(const QStringList &domains, const QString &domain)
{
    if (domain.isEmpty())
        return false;
    for (const QString &listed : domains) {
        if (domain == listed
            || (domain.size() > listed.size() && domain.endsWith(listed)
                && domain.at(domain.size() - listed.size() - 1) == QLatin1Char('.')))
            return true;
    }
    return false;
}

QString DomainName::toUnicode(const QString &ace)
{
    // Qt only decodes the TLDs on its IDN list by default; the approver needs every one.
    return QUrl::fromAce(ace.toLatin1(), QUrl::IgnoreIDNWhitelist);
}

} // namespace countersign::core
