#include "core/IdentifierCheck.h"

#include "core/ActionRisk.h"
#include "core/DomainName.h"
#include "core/UntrustedText.h"

#include <QRegularExpression>

#include <memory>
#include <mutex>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

namespace countersign::core {

namespace {

struct SpoofCloser
{
    void operator()(USpoofChecker *checker) const { uspoof_close(checker); }
};

// One checker, configured once; ICU documents a configured checker as safe to
// use from several threads for checks and skeletons.
const USpoofChecker *spoofChecker()
{
    static std::unique_ptr<USpoofChecker, SpoofCloser> checker;
    static std::once_flag once;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker *c = uspoof_open(&status);
        if (U_FAILURE(status))
            return;
        uspoof_setChecks(c, USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS, &status);
        uspoof_setRestrictionLevel(c, USPOOF_HIGHLY_RESTRICTIVE);
        if (U_FAILURE(status)) {
            uspoof_close(c);
            return;
        }
        checker.reset(c);
    });
    return checker.get();
}

const UChar *uchars(const QString &s)
{
    return reinterpret_cast<const UChar *>(s.utf16());
}

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 0x7E)
            return false;
    }
    return true;
}

constexpr qsizetype kMaxIdentifier = 2048; // longer tokens are text, not identifiers
constexpr int kMaxIdentifiersPerValue = 200; // a 5 000-line body stays fast

} // namespace

QString IdentifierCheck::skeleton(const QString &text)
{
    const USpoofChecker *checker = spoofChecker();
    if (!checker || text.isEmpty() || text.size() > kMaxIdentifier)
        return text;
    UErrorCode status = U_ZERO_ERROR;
    QString out(text.size() * 2 + 8, Qt::Uninitialized);
    int32_t n = uspoof_getSkeleton(checker, 0, uchars(text), int32_t(text.size()),
                                   reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        out.resize(n);
        n = uspoof_getSkeleton(checker, 0, uchars(text), int32_t(text.size()), reinterpret_cast<UChar *>(out.data()),
                               int32_t(out.size()), &status);
    }
    if (U_FAILURE(status))
        return text;
    out.resize(n);
    return out;
}

QStringList IdentifierCheck::scripts(const QString &text)
{
    QStringList names;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t cp = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(UChar32(cp), &status);
        if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN)
            continue;
        const QString name = QString::fromLatin1(uscript_getName(script));
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

bool IdentifierCheck::isMixedScript(const QString &label)
{
    const USpoofChecker *checker = spoofChecker();
    if (!checker || label.isEmpty() || label.size() > kMaxIdentifier)
        return false;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t result = uspoof_check2(checker, uchars(label), int32_t(label.size()), nullptr, &status);
    if (U_FAILURE(status))
        return scripts(label).size() > 1;
    return (result & (USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS)) != 0;
}

QString IdentifierCheck::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Email:
        return tr("email address");
    case Kind::Url:
        return tr("URL");
    case Kind::Domain:
        return tr("domain");
    case Kind::Path:
        return tr("file path");
    case Kind::Account:
        return tr("account number");
    }
    return {};
}

QList<IdentifierCheck::Identifier> IdentifierCheck::find(const QString &value)
{
    QList<Identifier> out;
    auto add = [&out](Identifier id) {
        for (const Identifier &e : out) {
            if (e.text == id.text)
                return;
        }
        if (out.size() < kMaxIdentifiersPerValue)
            out.append(std::move(id));
    };
    // IBAN-like: two letters, two digits, then groups, spaces allowed (as people write them).
    static const QRegularExpression iban(
        QStringLiteral("(?<![\\p{L}\\p{N}])\\p{L}{2}\\p{N}{2}(?: ?[\\p{L}\\p{N}]{4}){2,7}(?: "
                       "?[\\p{L}\\p{N}]{1,4})?(?![\\p{L}\\p{N}])"));
    for (auto it = iban.globalMatch(value); it.hasNext() && out.size() < kMaxIdentifiersPerValue;) {
        const QString t = it.next().captured();
        if (t.size() >= 15)
            add({t, Kind::Account, {}});
    }
    static const QRegularExpression space(QStringLiteral("[\\s\\x{2028}\\x{2029}]+"));
    static const QRegularExpression trim(QStringLiteral("^[<(\\[\"'“‘«,;:]+|[>)\\]\"'”’»,;:.!?]+$"));
    static const QRegularExpression domainLike(
        QStringLiteral("^([\\p{L}\\p{N}\\p{M}_-]+\\.)+[\\p{L}\\p{M}][\\p{L}\\p{N}\\p{M}-]+\\.?$"));
    static const QRegularExpression accountLike(QStringLiteral("^\\p{N}{8,34}$"));
    const QStringList words = value.split(space, Qt::SkipEmptyParts);
    for (QString w : words) {
        if (out.size() >= kMaxIdentifiersPerValue)
            break;
        if (w.size() > kMaxIdentifier)
            continue;
        w.remove(trim);
        if (w.isEmpty())
            continue;
        if (w.startsWith(QStringLiteral("mailto:"), Qt::CaseInsensitive)
            || (w.contains(u'@') && !w.contains(QStringLiteral("://")))) {
            const QString d = DomainName::extract(w);
            if (!d.isEmpty() || w.contains(u'@'))
                add({w, Kind::Email, d});
        } else if (w.contains(QStringLiteral("://"))) {
            add({w, Kind::Url, DomainName::extract(w)});
        } else if (w.startsWith(u'/') || w.startsWith(QStringLiteral("~/")) || w.startsWith(QStringLiteral("./"))
                   || w.startsWith(QStringLiteral("../")) || w.contains(u'\\')) {
            add({w, Kind::Path, {}});
        } else if (domainLike.match(w).hasMatch()) {
            // `price-book.pdf` reads like a domain too; only names whose last
            // label is not a common file extension count.
            static const QRegularExpression fileExt(
                QStringLiteral("\\.(pdf|docx?|xlsx?|csv|txt|json|sql|py|cpp|h|js|ts|png|jpe?g|gif|zip|gz|tar|md|html?|"
                               "xml|yaml|yml|toml|log)$"),
                QRegularExpression::CaseInsensitiveOption);
            if (fileExt.match(w).hasMatch())
                add({w, Kind::Path, {}});
            else
                add({w, Kind::Domain, DomainName::normalize(w)});
        } else if (accountLike.match(w).hasMatch()) {
            add({w, Kind::Account, {}});
        }
    }
    return out;
}

ReviewFlags IdentifierCheck::check(const QString &value, const Context &context, const QString &where)
{
    ReviewFlags flags;
    if (value.isEmpty())
        return flags;
    QStringList referenceSkeletons;
    for (const QString &r : context.references)
        referenceSkeletons.append(skeleton(r.toLower()));
    const QList<Identifier> ids = find(value);
    for (const Identifier &id : ids) {
        const QString shown = UntrustedText::singleLine(id.text);
        const QString what = kindName(id.kind);
        // Mixed scripts inside one label: `pаypal` with a Cyrillic а.
        static const QRegularExpression separators(QStringLiteral("[.@/:\\\\?#=&_+-]"));
        QStringList mixed;
        for (const QString &label : id.text.split(separators, Qt::SkipEmptyParts)) {
            if (!isAscii(label) && isMixedScript(label))
                mixed.append(label);
        }
        if (!mixed.isEmpty()) {
            flags.append({QStringLiteral("mixed_script"),
                          tr("The %1 %2 mixes scripts (%3) in “%4”: a look-alike letter may stand in for a Latin one.")
                              .arg(what, shown, scripts(mixed.join(QString())).join(QStringLiteral(", ")),
                                   UntrustedText::singleLine(mixed.join(QStringLiteral("”, “")))),
                          where, shown});
        }
        // Confusable: its skeleton is plain ASCII (it imitates an ASCII name),
        // or it equals the skeleton of a trusted identifier it is not.
        const QString lower = id.text.toLower();
        const QString sk = skeleton(lower);
        bool confusable = false;
        for (qsizetype i = 0; i < referenceSkeletons.size(); ++i) {
            const QString &ref = context.references.at(i);
            if (lower != ref.toLower()
                && (sk == referenceSkeletons.at(i) || sk.endsWith(u'.' + referenceSkeletons.at(i)))
                && !lower.endsWith(u'.' + ref.toLower())) {
                flags.append({QStringLiteral("confusable"),
                              tr("The %1 %2 looks like %3 but is a different string (Unicode TR39 confusable).")
                                  .arg(what, shown, UntrustedText::singleLine(ref)),
                              where, shown});
                confusable = true;
                break;
            }
        }
        if (!confusable && !isAscii(id.text) && isAscii(sk) && sk != lower) {
            // How it reads: each non-ASCII letter replaced by the ASCII letter its
            // skeleton is (the whole skeleton would also fold m into rn).
            QString reading;
            for (QChar c : lower) {
                const QString one = c.unicode() > 0x7E ? skeleton(QString(c)) : QString(c);
                reading += isAscii(one) && one.size() == 1 ? one : QString(c);
            }
            flags.append({QStringLiteral("confusable"),
                          tr("The %1 %2 is drawn with non-Latin look-alike characters: it reads as “%3” but is not "
                             "that string (Unicode TR39 confusable).")
                              .arg(what, shown, UntrustedText::singleLine(reading)),
                          where, shown});
        }
        if (id.domain.isEmpty())
            continue;
        const QString unicode = DomainName::toUnicode(id.domain);
        if (id.domain.contains(QStringLiteral("xn--"))) {
            flags.append({QStringLiteral("idn"),
                          tr("Internationalised domain: %1 is %2 in punycode, the form mail and DNS really use.")
                              .arg(UntrustedText::singleLine(unicode), id.domain),
                          where, shown});
        }
        // Single-label and private-use names (`crm://acme/…`, `db.internal`)
        // cannot be reached from outside, so they are not "external".
        if (!id.domain.contains(u'.') || ActionRisk::isInternalHost(id.domain))
            continue;
        if (!DomainName::covers(context.tenantDomains, id.domain)
            && !DomainName::covers(context.allowedDomains, id.domain)) {
            QString why;
            if (!context.domainsKnown)
                why = tr("the tenant's own and allowed domains were not sent with this action, so every domain counts "
                         "as external");
            else
                why = tr("not one of tenant %1's domains (%2) nor in the policy's allow-list (%3)")
                          .arg(UntrustedText::singleLine(context.tenant),
                               context.tenantDomains.isEmpty() ? tr("none")
                                                               : context.tenantDomains.join(QStringLiteral(", ")),
                               context.allowedDomains.isEmpty() ? tr("none")
                                                                : context.allowedDomains.join(QStringLiteral(", ")));
            flags.append({QStringLiteral("external_domain"),
                          tr("External domain %1 (in the %2 %3): %4.").arg(id.domain, what, shown, why), where, shown});
        }
    }
    return flags;
}

} // namespace countersign::core
