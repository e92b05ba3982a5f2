#include "core/ReviewTranscript.h"

#include "core/ActionReview.h"
#include "core/AuthorityChainCheck.h"
#include "core/JsonReader.h"
#include "core/UntrustedText.h"

#include <QJsonArray>

namespace countersign::core {

namespace {

constexpr int kMaxDepth = 64;

// One value, whole: the first line after the label, every further line
// indented behind a bar, so no line of agent text starts at the margin.
QString field(const QString &label, const QString &value, const QString &indent = QStringLiteral("  "))
{
    const QString shown = UntrustedText::display(value);
    const QStringList lines = shown.split(u'\n');
    QString out = indent + label + QStringLiteral(": ") + lines.first() + u'\n';
    for (qsizetype i = 1; i < lines.size(); ++i)
        out += indent + QStringLiteral("  │ ") + lines.at(i) + u'\n';
    return out;
}

QString flagLines(const ReviewFlags &flags, const QString &indent = QStringLiteral("  "))
{
    QString out;
    for (const ReviewFlag &f : flags) {
        out += indent + QStringLiteral("⚑ [") + f.id + QStringLiteral("] ");
        if (!f.where.isEmpty())
            out += f.where + QStringLiteral(": ");
        out += f.message + u'\n';
    }
    return out;
}

QString timestamp(const QDateTime &t)
{
    return t.isValid() ? JsonReader::formatTimestamp(t) : ReviewTranscript::tr("not given");
}

void leaves(const QJsonValue &value, const QString &path, int depth, QString *out)
{
    if (depth > kMaxDepth) {
        *out += field(UntrustedText::singleLine(path),
                      ReviewTranscript::tr("(nested deeper than %1 levels: not shown)").arg(kMaxDepth));
        return;
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.isEmpty())
            *out += field(UntrustedText::singleLine(path), QStringLiteral("{}"));
        for (auto it = o.begin(); it != o.end(); ++it)
            leaves(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), depth + 1, out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.isEmpty())
            *out += field(UntrustedText::singleLine(path), QStringLiteral("[]"));
        for (qsizetype i = 0; i < a.size(); ++i)
            leaves(a.at(i), JsonReader::indexPath(path, i), depth + 1, out);
    } else {
        QString text;
        if (value.isString())
            text = QStringLiteral("\"") + value.toString() + QStringLiteral("\"");
        else if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 17);
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            text = QStringLiteral("null");
        *out += field(UntrustedText::singleLine(path), text);
    }
}

QString heading(const QString &title)
{
    return u'\n' + QStringLiteral("== ") + title + QStringLiteral(" ==\n");
}

} // namespace

QString ReviewTranscript::render(const Action &action, const QDateTime &now)
{
    const ActionReview review(action, now);
    const auto u = [](const QString &s) { return UntrustedText::singleLine(s); };
    QString out;
    out += tr("Countersign review transcript") + u'\n';
    out += tr("Every value from the action is shown whole, as plain text; ⟦…⟧ marks an invisible or reordering "
              "character; ⚑ marks a flag; │ continues a multi-line value.")
        + u'\n';
    out += field(tr("Action"), action.id.isEmpty() ? tr("(not submitted)") : action.id, QString());
    out += field(tr("Digest"), action.digest(), QString());
    out += field(tr("Tenant"), action.tenant, QString());
    out += field(tr("Tool"), action.tool.name + QStringLiteral(" @ ") + action.tool.server, QString());
    out += field(tr("Agent"), action.agent.id + QStringLiteral(" (") + action.agent.displayName + QStringLiteral(")"),
                 QString());
    if (action.policy && !action.policy->rule.isEmpty())
        out += field(tr("Policy"), action.policy->rule + QStringLiteral(": ") + action.policy->reason, QString());
    out += field(tr("Deadline"), timestamp(action.expiresAt), QString());
    const IdentifierCheck::Context &c = review.identifierContext();
    out += field(tr("Domains"),
                 (c.domainsKnown ? tr("from the policy: own %1; allowed %2")
                                 : tr("not sent by the broker: only the requesting user's domain (%1) is trusted%2"))
                     .arg(c.tenantDomains.isEmpty() ? tr("none") : c.tenantDomains.join(QStringLiteral(", ")),
                          c.domainsKnown
                              ? (c.allowedDomains.isEmpty() ? tr("none") : c.allowedDomains.join(QStringLiteral(", ")))
                              : QString()),
                 QString());

    out += heading(tr("Request"));
    out += field(tr("user"), action.request.user);
    out += field(tr("asked"), action.request.text);
    out += field(tr("received"), timestamp(action.request.receivedAt));
    out += flagLines(review.request());

    out += heading(tr("Tool arguments"));
    leaves(QJsonValue(action.arguments), QString(), 0, &out);
    out += flagLines(review.arguments());

    out += heading(tr("Data scopes"));
    for (qsizetype i = 0; i < action.dataScopes.size(); ++i) {
        const DataScope &s = action.dataScopes.at(i);
        out += QStringLiteral("  #%1 ").arg(i + 1) + u(s.resource) + u'\n';
        out += field(tr("access"), s.access, QStringLiteral("    "));
        out += field(tr("classification"), s.classification, QStringLiteral("    "));
        if (!s.fields.isEmpty())
            out += field(tr("fields"), s.fields.join(QStringLiteral(", ")), QStringLiteral("    "));
        if (s.recordCount)
            out += field(tr("records"), QString::number(*s.recordCount), QStringLiteral("    "));
        out += flagLines(review.dataScopes().value(i), QStringLiteral("    "));
    }

    out += heading(tr("Authority chain"));
    const AuthorityChainCheck::Result chain = AuthorityChainCheck::check(action, now);
    out += flagLines(chain.chainFlags);
    for (qsizetype i = 0; i < action.authorityChain.size(); ++i) {
        const AuthorityLink &l = action.authorityChain.at(i);
        out += QStringLiteral("  #%1 ").arg(i + 1) + u(l.kind) + u' ' + u(l.subject) + u'\n';
        if (!l.delegatedBy.isEmpty())
            out += field(tr("delegated by"), l.delegatedBy, QStringLiteral("    "));
        if (!l.issuer.isEmpty())
            out += field(tr("issuer"), l.issuer, QStringLiteral("    "));
        out += field(tr("scopes"), l.scopes.join(QStringLiteral(", ")), QStringLiteral("    "));
        out += field(tr("valid"), timestamp(l.issuedAt) + QStringLiteral(" – ") + timestamp(l.expiresAt),
                     QStringLiteral("    "));
        out += flagLines(chain.linkFlags.value(i), QStringLiteral("    "));
    }

    out += heading(tr("Evidence"));
    for (qsizetype i = 0; i < action.evidence.size(); ++i) {
        const Evidence &e = action.evidence.at(i);
        out += QStringLiteral("  #%1 ").arg(i + 1) + u(e.id) + QStringLiteral(" “") + u(e.title)
            + QStringLiteral("”\n");
        out += field(tr("trust"), e.trust, QStringLiteral("    "));
        out += field(tr("source authority"), e.sourceAuthority, QStringLiteral("    "));
        out += field(tr("uri"), e.uri, QStringLiteral("    "));
        out += field(tr("retrieved"), timestamp(e.retrievedAt), QStringLiteral("    "));
        out += field(tr("sha256"), e.sha256.isEmpty() ? tr("not given") : e.sha256, QStringLiteral("    "));
        out += field(tr("used for"), e.usedFor, QStringLiteral("    "));
        if (!e.content.isEmpty())
            out += field(tr("content"), e.content, QStringLiteral("    "));
        else
            out += field(tr("excerpt"), e.excerpt, QStringLiteral("    "));
        out += flagLines(review.evidence().value(i), QStringLiteral("    "));
    }

    out += heading(tr("Memory"));
    for (qsizetype i = 0; i < action.memory.size(); ++i) {
        const MemoryItem &m = action.memory.at(i);
        out += QStringLiteral("  #%1 ").arg(i + 1) + u(m.id) + u'\n';
        out += field(tr("text"), m.text, QStringLiteral("    "));
        out += field(tr("source"), m.source ? *m.source : tr("not given"), QStringLiteral("    "));
        out += field(tr("written"), m.writtenBy + QStringLiteral(", ") + timestamp(m.writtenAt),
                     QStringLiteral("    "));
        out += field(tr("expires"), m.expiresAt.isValid() ? timestamp(m.expiresAt) : tr("never"),
                     QStringLiteral("    "));
        out += flagLines(review.memory().value(i), QStringLiteral("    "));
    }
    return out;
}

} // namespace countersign::core
