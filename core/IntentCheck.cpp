#include "core/IntentCheck.h"

#include "core/Action.h"
#include "core/IdentifierCheck.h"
#include "core/JsonReader.h"
#include "core/ReviewChecks.h"
#include "core/UntrustedText.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace countersign::core {

namespace {

constexpr int kMaxValues = 300;
constexpr int kMaxDepth = 64;

bool isAmountKey(const QString &key)
{
    static const QRegularExpression amount(
        QStringLiteral("amount|price|total|value|sum|fee|cost|quantity|limit|balance"),
        QRegularExpression::CaseInsensitiveOption);
    return amount.match(key).hasMatch();
}

std::optional<double> number(const QString &s)
{
    static const QRegularExpression numeric(QStringLiteral("^[-+]?[0-9][0-9,]*(\\.[0-9]+)?$"));
    const QString t = s.trimmed();
    if (!numeric.match(t).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double d = QString(t).remove(u',').toDouble(&ok);
    return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

void walk(const QJsonValue &value, const QString &path, const QString &key, int depth, QList<IntentCheck::Value> *out)
{
    using K = IntentCheck::Kind;
    if (out->size() >= kMaxValues || depth > kMaxDepth)
        return;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            walk(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), it.key(), depth + 1, out);
        return;
    }
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            walk(a.at(i), JsonReader::indexPath(path, i), key, depth + 1, out);
        return;
    }
    if (value.isDouble()) {
        if (isAmountKey(key))
            out->append({path, QString::number(value.toDouble(), 'g', 17), K::Amount});
        return;
    }
    if (!value.isString())
        return;
    const QString s = value.toString();
    if (isAmountKey(key) && number(s)) {
        out->append({path, s, K::Amount});
        return;
    }
    for (const IdentifierCheck::Identifier &id : IdentifierCheck::find(s)) {
        if (out->size() >= kMaxValues)
            return;
        K kind = K::Domain;
        switch (id.kind) {
        case IdentifierCheck::Kind::Email:
            kind = K::Recipient;
            break;
        case IdentifierCheck::Kind::Url:
            kind = K::Url;
            break;
        case IdentifierCheck::Kind::Domain:
            kind = K::Domain;
            break;
        case IdentifierCheck::Kind::Path:
            // A bare file name is not a path anyone asked for by name.
            if (!id.text.contains(u'/') && !id.text.contains(u'\\'))
                continue;
            kind = K::Path;
            break;
        case IdentifierCheck::Kind::Account:
            kind = K::Account;
            break;
        }
        out->append({path, id.text, kind});
    }
}

QString compact(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (!c.isSpace() && c != u'-')
            out.append(c.toLower());
    }
    return out;
}

} // namespace

QString IntentCheck::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Recipient:
        return tr("recipient");
    case Kind::Domain:
        return tr("domain");
    case Kind::Url:
        return tr("URL");
    case Kind::Amount:
        return tr("amount");
    case Kind::Account:
        return tr("account number");
    case Kind::Path:
        return tr("path");
    }
    return {};
}

QList<IntentCheck::Value> IntentCheck::values(const QJsonObject &arguments)
{
    QList<Value> out;
    walk(QJsonValue(arguments), QString(), QString(), 0, &out);
    return out;
}

bool IntentCheck::occursIn(const Value &value, const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (value.kind) {
    case Kind::Amount: {
        const auto wanted = number(value.text);
        if (!wanted)
            return text.contains(value.text);
        static const QRegularExpression numbers(QStringLiteral("[0-9][0-9,]*(\\.[0-9]+)?"));
        for (auto it = numbers.globalMatch(text); it.hasNext();) {
            const auto n = number(it.next().captured());
            if (n && std::abs(*n - *wanted) < 0.005)
                return true;
        }
        return false;
    }
    case Kind::Account:
        return compact(text).contains(compact(value.text));
    default:
        return text.contains(value.text, Qt::CaseInsensitive);
    }
}

ReviewFlags IntentCheck::check(const Action &action)
{
    ReviewFlags flags;
    const QString request = action.request.user + u'\n' + action.request.text;
    QStringList trusted;
    for (const Evidence &e : action.evidence) {
        if (!ReviewChecks::isUntrustedTrust(e.trust))
            trusted.append(e.uri + u'\n' + e.title + u'\n' + e.content + u'\n' + e.excerpt);
    }
    for (const Value &v : values(action.arguments)) {
        if (occursIn(v, request))
            continue;
        bool fromTrusted = false;
        for (const QString &t : trusted) {
            if (occursIn(v, t)) {
                fromTrusted = true;
                break;
            }
        }
        if (fromTrusted)
            continue;
        QStringList sources;
        for (const Evidence &e : action.evidence) {
            if (ReviewChecks::isUntrustedTrust(e.trust)
                && occursIn(v, e.uri + u'\n' + e.title + u'\n' + e.content + u'\n' + e.excerpt))
                sources.append(tr("evidence %1 “%2” (%3, untrusted)")
                                   .arg(UntrustedText::singleLine(e.id), UntrustedText::singleLine(e.title),
                                        ReviewChecks::trustName(e.trust)));
        }
        for (const MemoryItem &m : action.memory) {
            if (occursIn(v, m.text))
                sources.append(tr("memory %1").arg(UntrustedText::singleLine(m.id)));
        }
        const QString shown = UntrustedText::truncate(UntrustedText::singleLine(v.text), 300);
        const QString where = UntrustedText::singleLine(v.path);
        const QString origin = sources.isEmpty()
            ? tr("it appears nowhere in the request, the evidence or the memory the agent showed")
            : tr("it came from %1").arg(sources.join(tr("; ")));
        flags.append({QStringLiteral("not_from_request"),
                      tr("Not from the user's request: the %1 %2 in %3 is not in what the user asked for nor in "
                         "trusted evidence; %4.")
                          .arg(kindName(v.kind), shown, where, origin),
                      where, shown});
    }
    return flags;
}

} // namespace countersign::core
