#include "core/ActionRisk.h"

#include "core/ReviewChecks.h"
#include "core/UntrustedText.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace countersign::core {

namespace {

constexpr int kListLimit = 8;

// Every string in a JSON value, object keys included (a key can carry an
// address too). Iterative: argument documents can be deep.
QStringList collectStrings(const QJsonValue &root)
{
    QStringList out;
    QList<QJsonValue> stack {root};
    while (!stack.isEmpty()) {
        const QJsonValue v = stack.takeLast();
        if (v.isString()) {
            out.append(v.toString());
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (const QJsonValue &item : a)
                stack.append(item);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                out.append(it.key());
                stack.append(it.value());
            }
        }
    }
    return out;
}

// Invisible characters must not make a foreign domain compare equal to (or
// different from) an own one, so they are dropped before comparing.
QString withoutHidden(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t cp = text.at(i).unicode();
        qsizetype width = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (!UntrustedText::isHidden(cp) || cp == u'\u27E6' || cp == u'\u27E7')
            out.append(QStringView(text).mid(i, width));
        i += width - 1;
    }
    return out;
}

const QRegularExpression &emailPattern()
{
    static const QRegularExpression re(
        QStringLiteral("([\\p{L}\\p{N}\\p{Cf}._%+\\-]+)@((?:[\\p{L}\\p{N}\\p{Cf}\\-]+\\.)+[\\p{L}\\p{N}\\p{Cf}\\-]+)"),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &urlPattern()
{
    static const QRegularExpression re(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.\\-]*)://(?:[^/\\s?#@]*@)?(\\[[^\\]\\s/]*\\]|[^/\\s?#:\\[\\]]+)"));
    return re;
}

QString normaliseDomain(QString domain)
{
    domain = domain.trimmed().toLower();
    while (domain.startsWith(u'@') || domain.startsWith(u'.'))
        domain.remove(0, 1);
    while (domain.endsWith(u'.'))
        domain.chop(1);
    return domain;
}

QString formattedList(const QStringList &values)
{
    QStringList shown;
    for (qsizetype i = 0; i < values.size() && i < kListLimit; ++i)
        shown.append(QChar(u'“') + UntrustedText::singleLine(values.at(i)) + QChar(u'”'));
    QString text = shown.join(QStringLiteral(", "));
    if (values.size() > kListLimit)
        text += ActionRisk::tr(" and %n more", nullptr, int(values.size() - kListLimit));
    return text;
}

} // namespace

QString ActionRisk::id(Kind kind)
{
    switch (kind) {
    case Kind::Irreversible:
        return QStringLiteral("irreversible");
    case Kind::Destructive:
        return QStringLiteral("destructive");
    case Kind::ExternalRecipients:
        return QStringLiteral("external_recipients");
    case Kind::RestrictedData:
        return QStringLiteral("restricted_data");
    case Kind::UntrustedEvidence:
        return QStringLiteral("untrusted_evidence");
    case Kind::StaleMemory:
        return QStringLiteral("stale_memory");
    }
    return {};
}

void ActionRisk::add(Kind kind, const QString &label, const QString &explanation, int weight)
{
    m_badges.append({kind, id(kind), label, explanation, weight});
}

QStringList ActionRisk::ids() const
{
    QStringList out;
    for (const Badge &b : m_badges)
        out.append(b.id);
    return out;
}

bool ActionRisk::has(Kind kind) const
{
    return badge(kind) != nullptr;
}

bool ActionRisk::has(const QString &badgeId) const
{
    return std::any_of(m_badges.cbegin(), m_badges.cend(), [&](const Badge &b) { return b.id == badgeId; });
}

const ActionRisk::Badge *ActionRisk::badge(Kind kind) const
{
    for (const Badge &b : m_badges) {
        if (b.kind == kind)
            return &b;
    }
    return nullptr;
}

int ActionRisk::score() const
{
    int total = 0;
    for (const Badge &b : m_badges)
        total += b.weight;
    return total;
}

QStringList ActionRisk::ownDomains(const Action &action, const QStringList &tenantDomains)
{
    QStringList out;
    auto addDomain = [&out](const QString &domain) {
        const QString d = normaliseDomain(domain);
        if (!d.isEmpty() && !out.contains(d))
            out.append(d);
    };
    if (!tenantDomains.isEmpty()) {
        for (const QString &d : tenantDomains)
            addDomain(d);
        return out;
    }
    // Unknown tenant domains: only the requesting human's own mail domain is
    // trusted. Anything else is external, because being wrong that way only
    // costs the approver a second look.
    auto addFromEmail = [&addDomain](const QString &address) {
        const QString cleaned = withoutHidden(address);
        const QRegularExpressionMatch m = emailPattern().match(cleaned);
        if (m.hasMatch() && m.capturedStart() == 0 && m.capturedEnd() == cleaned.size())
            addDomain(m.captured(2));
    };
    addFromEmail(action.request.user);
    for (const AuthorityLink &link : action.authorityChain) {
        if (link.kind == QStringLiteral("user"))
            addFromEmail(link.subject);
    }
    return out;
}

bool ActionRisk::isOwnDomain(const QString &domain, const QStringList &own)
{
    const QString d = normaliseDomain(domain);
    if (d.isEmpty())
        return false;
    return std::any_of(own.cbegin(), own.cend(),
                       [&d](const QString &o) { return d == o || d.endsWith(QChar(u'.') + o); });
}

bool ActionRisk::isInternalHost(const QString &hostText)
{
    QString host = normaliseDomain(hostText);
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        const QString v6 = host.mid(1, host.size() - 2);
        return v6 == QStringLiteral("::1") || v6.startsWith(QStringLiteral("fc")) || v6.startsWith(QStringLiteral("fd"))
            || v6.startsWith(QStringLiteral("fe80:"));
    }
    // A single-label name only resolves through the local search domains.
    if (!host.contains(u'.'))
        return !host.isEmpty();
    static const QStringList privateSuffixes {QStringLiteral(".internal"),  QStringLiteral(".local"),
                                              QStringLiteral(".localhost"), QStringLiteral(".localdomain"),
                                              QStringLiteral(".lan"),       QStringLiteral(".home.arpa"),
                                              QStringLiteral(".corp"),      QStringLiteral(".intranet")};
    for (const QString &suffix : privateSuffixes) {
        if (host.endsWith(suffix))
            return true;
    }
    const QStringList parts = host.split(u'.');
    if (parts.size() == 4) {
        int octet[4];
        for (int i = 0; i < 4; ++i) {
            bool ok = false;
            octet[i] = parts.at(i).toInt(&ok);
            if (!ok || octet[i] < 0 || octet[i] > 255)
                return false;
        }
        return octet[0] == 10 || octet[0] == 127 || (octet[0] == 192 && octet[1] == 168)
            || (octet[0] == 172 && octet[1] >= 16 && octet[1] <= 31) || (octet[0] == 169 && octet[1] == 254);
    }
    return false;
}

void ActionRisk::checkExternal(const Action &action, const QStringList &tenantDomains)
{
    const QStringList own = ownDomains(action, tenantDomains);
    QStringList external;
    QStringList unknown;
    // Matching runs on the raw text (the patterns admit format characters
    // inside an address), so what is listed is what the agent sent, hidden
    // characters included; they are dropped only to compare domains.
    auto consider = [&](const QString &shown, const QString &domain) {
        if (!isOwnDomain(withoutHidden(domain), own) && !external.contains(shown))
            external.append(shown);
    };
    auto scan = [&](const QString &raw, bool isSendScope) {
        const QString &text = raw;
        bool found = false;
        for (auto it = emailPattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            consider(m.captured(0), m.captured(2));
            found = true;
        }
        for (auto it = urlPattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString host = m.captured(2);
            found = true;
            if (!isInternalHost(withoutHidden(host)))
                consider(m.captured(0), host);
            else if (isSendScope && !host.contains(u'.') && !host.startsWith(u'[') && !unknown.contains(raw))
                unknown.append(raw); // e.g. `chat://general`: where it goes cannot be told
        }
        if (isSendScope && !found && !unknown.contains(raw))
            unknown.append(raw);
    };

    for (const QString &s : collectStrings(action.arguments))
        scan(s, false);
    for (const DataScope &scope : action.dataScopes) {
        if (scope.access == QStringLiteral("send"))
            scan(scope.resource, true);
    }
    m_external = external;
    for (const QString &u : unknown) {
        if (!m_external.contains(u))
            m_external.append(u);
    }
    if (external.isEmpty() && unknown.isEmpty())
        return;

    QStringList sentences;
    if (!external.isEmpty()) {
        if (!tenantDomains.isEmpty()) {
            sentences.append(tr("Reaches addresses outside the tenant's domains (%1): %2.")
                                 .arg(formattedList(own), formattedList(external)));
        } else if (!own.isEmpty()) {
            sentences.append(tr("Reaches addresses outside the requesting user's domain (%1): %2.")
                                 .arg(formattedList(own), formattedList(external)));
        } else {
            sentences.append(tr("Reaches these addresses, and no tenant domain is known, so all count as external: %1.")
                                 .arg(formattedList(external)));
        }
    }
    if (!unknown.isEmpty()) {
        sentences.append(tr("Sends data to destinations whose domain cannot be told: %1.").arg(formattedList(unknown)));
    }
    add(Kind::ExternalRecipients, tr("External recipients"), sentences.join(u' '), 25);
}

ActionRisk::ActionRisk(const Action &action, const QStringList &tenantDomains, const QDateTime &now)
{
    if (action.tool.annotations.irreversible.value_or(false)) {
        add(Kind::Irreversible, tr("Irreversible"),
            tr("The tool declares that what it does cannot be undone: once approved, it stays done."), 30);
    }
    if (action.tool.annotations.destructive.value_or(false)) {
        add(Kind::Destructive, tr("Destructive"),
            tr("The tool declares that it may delete or overwrite data or resources."), 25);
    }

    checkExternal(action, tenantDomains);

    QStringList restricted;
    QStringList sensitive;
    for (const DataScope &scope : action.dataScopes) {
        const QString entry = scope.resource + QStringLiteral(" (") + scope.access + u')';
        if (scope.classification == QStringLiteral("restricted"))
            restricted.append(entry);
        else if (scope.classification == QStringLiteral("confidential")
                 && (scope.access == QStringLiteral("write") || scope.access == QStringLiteral("delete")
                     || scope.access == QStringLiteral("send")))
            sensitive.append(entry);
    }
    if (!restricted.isEmpty() || !sensitive.isEmpty()) {
        QStringList sentences;
        if (!restricted.isEmpty())
            sentences.append(tr("Touches restricted data: %1.").arg(formattedList(restricted)));
        if (!sensitive.isEmpty())
            sentences.append(tr("Changes or sends confidential data: %1.").arg(formattedList(sensitive)));
        add(Kind::RestrictedData, restricted.isEmpty() ? tr("Sensitive data") : tr("Restricted data"),
            sentences.join(u' '), restricted.isEmpty() ? 10 : 20);
    }

    QStringList untrusted;
    for (const Evidence &e : action.evidence) {
        if (ReviewChecks::isUntrustedTrust(e.trust)) {
            const QString name = e.title.isEmpty() ? e.id : e.title;
            untrusted.append(tr("%1 (%2)").arg(QChar(u'“') + UntrustedText::singleLine(name) + QChar(u'”'),
                                               ReviewChecks::trustName(e.trust)));
        }
    }
    if (!untrusted.isEmpty()) {
        add(Kind::UntrustedEvidence, tr("Untrusted evidence"),
            tr("Relies on sources that people outside your control can write: %1. Instructions planted there may "
               "have steered the agent.")
                .arg(untrusted.join(QStringLiteral(", "))),
            15);
    }

    QStringList memoryNotes;
    for (const MemoryItem &m : action.memory) {
        const ReviewFlags flags = ReviewChecks::memory(m, now);
        if (flags.isEmpty())
            continue;
        QStringList words;
        for (const ReviewFlag &f : flags) {
            if (f.id == QStringLiteral("no_source"))
                words.append(tr("no source"));
            else if (f.id == QStringLiteral("expired"))
                words.append(tr("expired"));
            else if (f.id == QStringLiteral("user_generated"))
                words.append(tr("written from user-generated content"));
            else if (f.id == QStringLiteral("stale"))
                words.append(tr("older than %n days", nullptr, ReviewChecks::kStaleMemoryDays));
            else if (f.id == QStringLiteral("no_date"))
                words.append(tr("age unknown"));
        }
        memoryNotes.append(tr("%1: %2").arg(UntrustedText::singleLine(m.id), words.join(QStringLiteral(", "))));
    }
    if (!memoryNotes.isEmpty()) {
        add(Kind::StaleMemory, tr("Stale or unsourced memory"),
            tr("Relies on agent memory that may be stale or planted (%1).").arg(memoryNotes.join(QStringLiteral("; "))),
            10);
    }
}

} // namespace countersign::core
