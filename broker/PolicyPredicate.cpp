#include "broker/PolicyPredicate.h"

#include "broker/PolicyDomains.h"
#include "broker/PolicyText.h"

namespace countersign::broker {

namespace {

const QStringList &operatorNames()
{
    static const QStringList names {QStringLiteral("equals"),  QStringLiteral("in"),
                                    QStringLiteral("glob"),    QStringLiteral("regex"),
                                    QStringLiteral("exists"),  QStringLiteral("domain_not_in"),
                                    QStringLiteral("contains")};
    return names;
}

} // namespace

PolicyPredicate PolicyPredicate::read(const QJsonObject &json, const QString &path, PolicyReader &reader)
{
    PolicyPredicate out;
    QStringList allowed = operatorNames();
    allowed << QStringLiteral("path") << QStringLiteral("ignore_case");
    reader.checkKeys(json, path, allowed);

    const QString pathKey = PolicyReader::pathOf(path, QStringLiteral("path"));
    if (!json.contains(QStringLiteral("path"))) {
        reader.error(pathKey, QStringLiteral("missing required key"));
    } else if (const auto paths = reader.stringList(json.value(QStringLiteral("path")), pathKey)) {
        const bool single = json.value(QStringLiteral("path")).isString();
        for (qsizetype i = 0; i < paths->size(); ++i) {
            QString error;
            if (const auto parsed = PolicyPath::parse(paths->at(i), &error))
                out.m_paths.append(*parsed);
            else
                reader.error(single ? pathKey : PolicyReader::indexPath(pathKey, i),
                             QStringLiteral("invalid path: ") + error);
        }
    }

    QStringList present;
    for (const QString &name : operatorNames()) {
        if (json.contains(name))
            present.append(name);
    }
    if (present.size() != 1) {
        reader.error(path,
                     present.isEmpty()
                         ? QStringLiteral("expected exactly one of %1").arg(operatorNames().join(QStringLiteral(", ")))
                         : QStringLiteral("only one operator per predicate, found %1 (write one predicate each; "
                                          "predicates are ANDed)")
                               .arg(present.join(QStringLiteral(", "))));
        return out;
    }
    out.m_opName = present.first();
    out.m_op = Op(operatorNames().indexOf(out.m_opName));
    out.m_operand = json.value(out.m_opName);
    const QString opPath = PolicyReader::pathOf(path, out.m_opName);

    if (json.contains(QStringLiteral("ignore_case"))) {
        const QString icPath = PolicyReader::pathOf(path, QStringLiteral("ignore_case"));
        if (out.m_op == Op::Exists || out.m_op == Op::DomainNotIn)
            reader.error(icPath,
                         QStringLiteral("ignore_case applies only to equals, in, glob, regex and contains "
                                        "(domains are always compared without case)"));
        else
            out.m_ignoreCase = reader.boolean(json.value(QStringLiteral("ignore_case")), icPath).value_or(false);
    }
    const Qt::CaseSensitivity sensitivity = out.m_ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;

    switch (out.m_op) {
    case Op::Equals:
        break;
    case Op::In:
        if (!out.m_operand.isArray() || out.m_operand.toArray().isEmpty())
            reader.error(opPath, QStringLiteral("expected a non-empty array"));
        break;
    case Op::Glob:
        if (const auto pattern = reader.string(out.m_operand, opPath)) {
            QString error;
            out.m_glob = PolicyGlob::compile(*pattern, sensitivity, &error);
            if (!out.m_glob)
                reader.error(opPath, QStringLiteral("invalid glob: ") + error);
        }
        break;
    case Op::Regex:
        if (const auto pattern = reader.string(out.m_operand, opPath)) {
            // Length is the only guard against pathological patterns that can be
            // applied at load time; PCRE2's match limit bounds the rest.
            if (pattern->size() > kMaxRegexLength) {
                reader.error(opPath,
                             QStringLiteral("regular expression is longer than %1 characters").arg(kMaxRegexLength));
                break;
            }
            // Dot matches newlines too: agent values can contain them, and a deny
            // rule must not be sidestepped by one.
            QRegularExpression::PatternOptions options = QRegularExpression::DotMatchesEverythingOption;
            if (out.m_ignoreCase)
                options |= QRegularExpression::CaseInsensitiveOption;
            // Validated as written, so the error offset is one the operator can find.
            const QRegularExpression written(*pattern, options);
            if (!written.isValid()) {
                reader.error(opPath,
                             QStringLiteral("invalid regular expression: %1 at offset %2")
                                 .arg(written.errorString())
                                 .arg(written.patternErrorOffset()));
                break;
            }
            out.m_regex = QRegularExpression(QRegularExpression::anchoredPattern(*pattern), options);
            out.m_regex.optimize();
        }
        break;
    case Op::Exists:
        reader.boolean(out.m_operand, opPath);
        break;
    case Op::DomainNotIn:
        if (const auto domains = reader.stringList(out.m_operand, opPath)) {
            const bool single = out.m_operand.isString();
            for (qsizetype i = 0; i < domains->size(); ++i) {
                const QString &d = domains->at(i);
                if (d == tenantDomainsToken()) {
                    out.m_includeTenantDomains = true;
                } else if (d == allowedDomainsToken()) {
                    out.m_includeAllowedDomains = true;
                } else if (const QString normalized = PolicyDomains::normalize(d); !normalized.isEmpty()) {
                    out.m_domains.append(normalized);
                } else {
                    reader.error(single ? opPath : PolicyReader::indexPath(opPath, i),
                                 QStringLiteral("not a domain name (nor %1 or %2)")
                                     .arg(tenantDomainsToken(), allowedDomainsToken()));
                }
            }
        }
        break;
    case Op::Contains:
        if (!out.m_operand.isString() && !out.m_operand.isDouble() && !out.m_operand.isBool())
            reader.error(opPath, QStringLiteral("expected a string, number or boolean"));
        break;
    }
    return out;
}

bool PolicyPredicate::stringEquals(const QString &a, const QString &b) const
{
    return a.compare(b, m_ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
}

bool PolicyPredicate::jsonEquals(const QJsonValue &a, const QJsonValue &b) const
{
    if (a.isString() && b.isString())
        return stringEquals(a.toString(), b.toString());
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

bool PolicyPredicate::valueSatisfies(const QJsonValue &value, const QStringList &domains, QString *detail) const
{
    switch (m_op) {
    case Op::Equals:
        *detail = QStringLiteral("equals ") + PolicyText::value(m_operand);
        return jsonEquals(value, m_operand);
    case Op::In: {
        *detail = QStringLiteral("is in ") + PolicyText::value(m_operand);
        const QJsonArray options = m_operand.toArray();
        for (const QJsonValue &option : options) {
            if (jsonEquals(value, option))
                return true;
        }
        return false;
    }
    case Op::Glob:
        *detail = QStringLiteral("matches glob ") + PolicyText::quote(m_glob->pattern());
        return value.isString() && m_glob->matches(value.toString());
    case Op::Regex:
        *detail = QStringLiteral("matches regex ") + PolicyText::quote(m_operand.toString());
        return value.isString() && m_regex.match(value.toString()).hasMatch();
    case Op::Contains: {
        *detail = QStringLiteral("contains ") + PolicyText::value(m_operand);
        if (value.isString())
            return m_operand.isString()
                && value.toString().contains(m_operand.toString(),
                                             m_ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive);
        if (value.isArray()) {
            const QJsonArray items = value.toArray();
            for (const QJsonValue &item : items) {
                if (jsonEquals(item, m_operand))
                    return true;
            }
        }
        return false;
    }
    case Op::DomainNotIn: {
        // Fail closed: a value no domain can be read from (not a string, or not an
        // address) counts as outside the list.
        const QString domain = value.isString() ? PolicyDomains::extract(value.toString()) : QString();
        if (domain.isEmpty()) {
            *detail = QStringLiteral("no domain can be read from it, so it counts as outside ")
                + PolicyText::patterns(domains);
            return true;
        }
        const bool inside = PolicyDomains::covers(domains, domain);
        *detail
            = QStringLiteral("domain %1 is %2 %3")
                  .arg(domain, inside ? QStringLiteral("in") : QStringLiteral("not in"), PolicyText::patterns(domains));
        return !inside;
    }
    case Op::Exists:
        break;
    }
    return false;
}

bool PolicyPredicate::evaluate(const QJsonObject &arguments, const PolicyTenant &tenant, QString *why) const
{
    QList<QJsonValue> values;
    QStringList pathTexts;
    for (const PolicyPath &path : m_paths) {
        values += path.resolve(arguments);
        pathTexts.append(path.text());
    }
    const QString paths = pathTexts.join(QStringLiteral(", "));

    if (m_op == Op::Exists) {
        const bool wanted = m_operand.toBool();
        const bool present = !values.isEmpty();
        *why = paths + (present ? QStringLiteral(" is present") : QStringLiteral(" is absent"));
        return present == wanted;
    }
    if (values.isEmpty()) {
        *why = paths + QStringLiteral(" is absent");
        return false;
    }

    QStringList domains;
    if (m_op == Op::DomainNotIn) {
        if (m_includeTenantDomains)
            domains += tenant.domains;
        if (m_includeAllowedDomains)
            domains += tenant.allowedDomains;
        domains += m_domains;
    }
    QString detail;
    for (const QJsonValue &value : std::as_const(values)) {
        if (valueSatisfies(value, domains, &detail)) {
            *why = paths + QStringLiteral(" = ") + PolicyText::value(value) + QStringLiteral(": ") + detail;
            return true;
        }
    }
    if (m_op == Op::DomainNotIn)
        detail = QStringLiteral("has a domain outside ") + PolicyText::patterns(domains);
    *why = QStringLiteral("no value of %1 %2 (%3 checked)")
               .arg(paths, detail,
                    values.size() == 1 ? QStringLiteral("1 value") : QStringLiteral("%1 values").arg(values.size()));
    return false;
}

QString PolicyPredicate::describe() const
{
    QStringList pathTexts;
    for (const PolicyPath &path : m_paths)
        pathTexts.append(path.text());
    return pathTexts.join(QStringLiteral(", ")) + QLatin1Char(' ') + m_opName + QLatin1Char(' ')
        + PolicyText::value(m_operand);
}

} // namespace countersign::broker
