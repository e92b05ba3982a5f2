#include "core/ActionReview.h"

#include "core/ActionRisk.h"
#include "core/DomainName.h"
#include "core/IntentCheck.h"
#include "core/JsonReader.h"
#include "core/ReviewChecks.h"
#include "core/TextCheck.h"
#include "core/UntrustedText.h"

#include <QJsonArray>

namespace countersign::core {

namespace {

constexpr int kMaxDepth = 64;

void capped(ReviewFlags *flags, int limit)
{
    if (flags->size() <= limit)
        return;
    const int more = int(flags->size() - limit);
    flags->resize(limit);
    flags->append({QStringLiteral("more_flags"),
                   ActionReview::tr("… and %n more flag(s) of the same kinds; the content itself is shown in full.",
                                    nullptr, more),
                   {},
                   {}});
}

struct ArgumentWalker
{
    const IdentifierCheck::Context &context;
    ReviewFlags *flags;
    int *hidden;

    void string(const QString &text, const QString &where)
    {
        if (flags->size() > ActionReview::kMaxFlagsPerPane)
            return;
        const ReviewFlags t = TextCheck::check(text, where);
        for (const ReviewFlag &f : t) {
            if (f.id == QStringLiteral("hidden_characters"))
                *hidden += UntrustedText::format(text).hiddenCount;
        }
        flags->append(t);
        flags->append(IdentifierCheck::check(text, context, where));
    }

    void walk(const QJsonValue &value, const QString &path, int depth)
    {
        if (depth > kMaxDepth || flags->size() > ActionReview::kMaxFlagsPerPane)
            return;
        if (value.isObject()) {
            const QJsonObject o = value.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
                // A key can carry hidden characters too (`to⟦U+200B⟧`), and is shown.
                const ReviewFlags keyFlags = TextCheck::check(it.key(), UntrustedText::singleLine(child));
                for (const ReviewFlag &f : keyFlags) {
                    if (f.id == QStringLiteral("hidden_characters"))
                        *hidden += UntrustedText::format(it.key()).hiddenCount;
                }
                flags->append(keyFlags);
                walk(it.value(), child, depth + 1);
            }
        } else if (value.isArray()) {
            const QJsonArray a = value.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                walk(a.at(i), JsonReader::indexPath(path, i), depth + 1);
        } else if (value.isString()) {
            string(value.toString(), UntrustedText::singleLine(path));
        }
    }
};

} // namespace

IdentifierCheck::Context ActionReview::context(const Action &action)
{
    IdentifierCheck::Context c;
    c.tenant = action.tenant;
    auto normalised = [](const QStringList &in) {
        QStringList out;
        for (const QString &d : in) {
            const QString n = DomainName::normalize(d);
            if (!n.isEmpty() && !out.contains(n))
                out.append(n);
        }
        return out;
    };
    if (action.policy && (action.policy->tenantDomains || action.policy->allowedDomains)) {
        c.domainsKnown = true;
        c.tenantDomains = normalised(action.policy->tenantDomains.value_or(QStringList()));
        c.allowedDomains = normalised(action.policy->allowedDomains.value_or(QStringList()));
    } else {
        // Not sent: only the requesting user's own mail domain is trusted (as the
        // queue's risk badges do). Wrong that way costs only a second look.
        c.tenantDomains = normalised(ActionRisk::ownDomains(action, {}));
    }
    // What a look-alike would imitate: the tenant's and partners' domains and
    // the user's own address.
    c.references = c.tenantDomains + c.allowedDomains;
    if (!action.request.user.isEmpty())
        c.references.append(action.request.user);
    return c;
}

ActionReview::ActionReview(const Action &action, const QDateTime &now)
    : m_context(context(action))
{
    // The request: the user address is what a look-alike imitates, so it is
    // not checked against itself; hidden characters and blank runs are.
    m_request.append(TextCheck::check(action.request.user, tr("user")));
    m_request.append(TextCheck::check(action.request.text, tr("request")));
    IdentifierCheck::Context requestContext = m_context;
    requestContext.references.removeAll(action.request.user);
    for (const ReviewFlag &f : IdentifierCheck::check(action.request.user, requestContext, tr("user"))) {
        if (f.id != QStringLiteral("external_domain"))
            m_request.append(f);
    }

    ArgumentWalker walker {m_context, &m_arguments, &m_argumentsHidden};
    walker.walk(QJsonValue(action.arguments), QString(), 0);
    m_arguments.append(IntentCheck::check(action));
    capped(&m_arguments, kMaxFlagsPerPane);

    for (const DataScope &s : action.dataScopes) {
        const QString where = UntrustedText::singleLine(s.resource);
        ReviewFlags f = ReviewChecks::dataScope(s);
        f.append(TextCheck::check(s.resource, where));
        f.append(IdentifierCheck::check(s.resource, m_context, where));
        capped(&f, kMaxFlagsPerPane);
        m_scopes.append(f);
    }
    for (const Evidence &e : action.evidence) {
        const QString where = UntrustedText::singleLine(e.id);
        ReviewFlags f = ReviewChecks::evidence(e);
        f.append(TextCheck::check(e.uri, where));
        f.append(IdentifierCheck::check(e.uri, m_context, where));
        for (ReviewFlag &flag : f) {
            if (flag.where.isEmpty())
                flag.where = where;
        }
        capped(&f, kMaxFlagsPerPane);
        m_evidence.append(f);
    }
    for (const MemoryItem &m : action.memory) {
        ReviewFlags f = ReviewChecks::memory(m, now);
        for (ReviewFlag &flag : f) {
            if (flag.where.isEmpty())
                flag.where = UntrustedText::singleLine(m.id);
        }
        capped(&f, kMaxFlagsPerPane);
        m_memory.append(f);
    }
}

} // namespace countersign::core
