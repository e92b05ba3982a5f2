#include "broker/PolicyConditions.h"

#include "broker/PolicyText.h"
#include "core/Vocabulary.h"

#include <algorithm>

namespace countersign::broker {

namespace {

const QStringList &identityKeys()
{
    static const QStringList keys {QStringLiteral("tenant"), QStringLiteral("agent"), QStringLiteral("tool"),
                                   QStringLiteral("user")};
    return keys;
}

const QStringList &annotationNames()
{
    static const QStringList names {QStringLiteral("read_only"), QStringLiteral("destructive"),
                                    QStringLiteral("idempotent"), QStringLiteral("open_world"),
                                    QStringLiteral("irreversible")};
    return names;
}

QString identityValue(const core::Action &action, const QString &name)
{
    if (name == QStringLiteral("tenant"))
        return action.tenant;
    if (name == QStringLiteral("agent"))
        return action.agent.id;
    if (name == QStringLiteral("tool"))
        return action.tool.name;
    return action.request.user;
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

PolicyConditions PolicyConditions::read(const QJsonObject &json, const QString &path, PolicyReader &reader)
{
    PolicyConditions out;
    QStringList allowed = identityKeys();
    allowed << QStringLiteral("annotations") << QStringLiteral("data_scope") << QStringLiteral("arguments");
    reader.checkKeys(json, path, allowed);

    for (const QString &key : identityKeys()) {
        if (!json.contains(key))
            continue;
        const QString keyPath = PolicyReader::pathOf(path, key);
        const auto patterns = reader.stringList(json.value(key), keyPath);
        if (!patterns)
            continue;
        Identity identity;
        identity.name = key;
        const bool single = json.value(key).isString();
        for (qsizetype i = 0; i < patterns->size(); ++i) {
            QString error;
            // Case-insensitive so that a deny rule cannot be sidestepped by `Email.Send`.
            if (auto glob = PolicyGlob::compile(patterns->at(i), Qt::CaseInsensitive, &error))
                identity.globs.append(*glob);
            else
                reader.error(single ? keyPath : PolicyReader::indexPath(keyPath, i),
                             QStringLiteral("invalid glob: ") + error);
        }
        out.m_identities.append(identity);
    }

    if (json.contains(QStringLiteral("annotations"))) {
        const QString annotationsPath = PolicyReader::pathOf(path, QStringLiteral("annotations"));
        if (const auto table = reader.object(json.value(QStringLiteral("annotations")), annotationsPath)) {
            for (auto it = table->constBegin(); it != table->constEnd(); ++it) {
                const QString keyPath = PolicyReader::pathOf(annotationsPath, it.key());
                if (!annotationNames().contains(it.key()) && !it.key().startsWith(QStringLiteral("x-"))) {
                    reader.error(keyPath,
                                 QStringLiteral("unknown annotation (expected one of %1, or x-*)")
                                     .arg(annotationNames().join(QStringLiteral(", "))));
                    continue;
                }
                if (const auto value = reader.boolean(it.value(), keyPath))
                    out.m_annotations.append({it.key(), *value});
            }
        }
    }

    if (json.contains(QStringLiteral("data_scope"))) {
        const QString scopePath = PolicyReader::pathOf(path, QStringLiteral("data_scope"));
        if (const auto table = reader.object(json.value(QStringLiteral("data_scope")), scopePath)) {
            reader.checkKeys(*table, scopePath,
                             {QStringLiteral("classification"), QStringLiteral("access"), QStringLiteral("resource")});
            DataScopeCondition condition;
            const auto readVocabulary = [&](const QString &key, const QStringList &vocabulary, QStringList *target) {
                if (!table->contains(key))
                    return;
                const QString keyPath = PolicyReader::pathOf(scopePath, key);
                const auto values = reader.stringList(table->value(key), keyPath);
                if (!values)
                    return;
                for (qsizetype i = 0; i < values->size(); ++i) {
                    // A misspelt classification would never match; catch it here.
                    if (!vocabulary.contains(values->at(i)))
                        reader.error(table->value(key).isString() ? keyPath : PolicyReader::indexPath(keyPath, i),
                                     QStringLiteral("expected one of %1").arg(vocabulary.join(QStringLiteral(", "))));
                    else
                        target->append(values->at(i));
                }
            };
            readVocabulary(QStringLiteral("classification"), core::vocabulary::classification(),
                           &condition.classifications);
            readVocabulary(QStringLiteral("access"), core::vocabulary::access(), &condition.access);
            if (table->contains(QStringLiteral("resource"))) {
                const QString keyPath = PolicyReader::pathOf(scopePath, QStringLiteral("resource"));
                if (const auto patterns = reader.stringList(table->value(QStringLiteral("resource")), keyPath)) {
                    for (qsizetype i = 0; i < patterns->size(); ++i) {
                        QString error;
                        if (auto glob = PolicyGlob::compile(patterns->at(i), Qt::CaseSensitive, &error))
                            condition.resources.append(*glob);
                        else
                            reader.error(table->value(QStringLiteral("resource")).isString()
                                             ? keyPath
                                             : PolicyReader::indexPath(keyPath, i),
                                         QStringLiteral("invalid glob: ") + error);
                    }
                }
            }
            if (table->isEmpty())
                reader.error(scopePath, QStringLiteral("name at least one of classification, access, resource"));
            out.m_dataScope = condition;
        }
    }

    if (json.contains(QStringLiteral("arguments"))) {
        const QString argumentsPath = PolicyReader::pathOf(path, QStringLiteral("arguments"));
        const QJsonValue value = json.value(QStringLiteral("arguments"));
        if (!value.isArray()) {
            reader.error(argumentsPath, QStringLiteral("expected an array of predicate tables ([[...arguments]])"));
        } else {
            const QJsonArray items = value.toArray();
            if (items.isEmpty())
                reader.error(argumentsPath, QStringLiteral("must not be an empty array"));
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString itemPath = PolicyReader::indexPath(argumentsPath, i);
                if (const auto table = reader.object(items.at(i), itemPath))
                    out.m_arguments.append(PolicyPredicate::read(*table, itemPath, reader));
            }
        }
    }
    return out;
}

bool PolicyConditions::isEmpty() const
{
    return m_identities.isEmpty() && m_annotations.isEmpty() && !m_dataScope && m_arguments.isEmpty();
}

std::optional<bool> PolicyConditions::annotation(const core::Action &action, const QString &name)
{
    const core::ToolInfo::Annotations &a = action.tool.annotations;
    if (name == QStringLiteral("read_only"))
        return a.readOnly;
    if (name == QStringLiteral("destructive"))
        return a.destructive;
    if (name == QStringLiteral("idempotent"))
        return a.idempotent;
    if (name == QStringLiteral("open_world"))
        return a.openWorld;
    if (name == QStringLiteral("irreversible"))
        return a.irreversible;
    const QJsonValue extension = a.extensions.value(name);
    if (extension.isBool())
        return extension.toBool();
    return std::nullopt;
}

bool PolicyConditions::evaluate(const core::Action &action, const PolicyTenant &tenant, QString *why) const
{
    QStringList held;

    for (const Identity &identity : m_identities) {
        const QString value = identityValue(action, identity.name);
        const PolicyGlob *matched = nullptr;
        QStringList patterns;
        for (const PolicyGlob &glob : identity.globs) {
            patterns.append(glob.pattern());
            if (!matched && glob.matches(value))
                matched = &glob;
        }
        if (!matched) {
            *why = QStringLiteral("%1 %2 does not match %3")
                       .arg(identity.name, PolicyText::quote(value), PolicyText::patterns(patterns));
            return false;
        }
        held.append(QStringLiteral("%1 %2 matches %3")
                        .arg(identity.name, PolicyText::quote(value), PolicyText::patterns({matched->pattern()})));
    }

    for (const auto &[name, wanted] : m_annotations) {
        const std::optional<bool> actual = annotation(action, name);
        if (!actual) {
            // Absent is unknown, not false: it matches neither `true` nor `false`.
            *why = QStringLiteral("annotation %1 is not declared (rule wants %2)").arg(name, boolText(wanted));
            return false;
        }
        if (*actual != wanted) {
            *why = QStringLiteral("annotation %1 is %2 (rule wants %3)").arg(name, boolText(*actual), boolText(wanted));
            return false;
        }
        held.append(QStringLiteral("annotation %1 = %2").arg(name, boolText(wanted)));
    }

    if (m_dataScope) {
        QStringList wanted;
        if (!m_dataScope->classifications.isEmpty())
            wanted.append(QStringLiteral("classification in ") + PolicyText::patterns(m_dataScope->classifications));
        if (!m_dataScope->access.isEmpty())
            wanted.append(QStringLiteral("access in ") + PolicyText::patterns(m_dataScope->access));
        if (!m_dataScope->resources.isEmpty()) {
            QStringList patterns;
            for (const PolicyGlob &glob : m_dataScope->resources)
                patterns.append(glob.pattern());
            wanted.append(QStringLiteral("resource matching ") + PolicyText::patterns(patterns));
        }
        qsizetype found = -1;
        for (qsizetype i = 0; i < action.dataScopes.size() && found < 0; ++i) {
            const core::DataScope &scope = action.dataScopes.at(i);
            if (!m_dataScope->classifications.isEmpty() && !m_dataScope->classifications.contains(scope.classification))
                continue;
            if (!m_dataScope->access.isEmpty() && !m_dataScope->access.contains(scope.access))
                continue;
            if (!m_dataScope->resources.isEmpty()
                && std::none_of(m_dataScope->resources.cbegin(), m_dataScope->resources.cend(),
                                [&](const PolicyGlob &glob) { return glob.matches(scope.resource); }))
                continue;
            found = i;
        }
        const QString condition = wanted.join(QStringLiteral(" and "));
        if (found < 0) {
            *why = QStringLiteral("no data scope has %1 (%2 checked)").arg(condition).arg(action.dataScopes.size());
            return false;
        }
        const core::DataScope &scope = action.dataScopes.at(found);
        held.append(QStringLiteral("data_scopes[%1] %2 (%3, %4) has %5")
                        .arg(found)
                        .arg(PolicyText::quote(scope.resource), scope.access, scope.classification, condition));
    }

    for (const PolicyPredicate &predicate : m_arguments) {
        QString because;
        if (!predicate.evaluate(action.arguments, tenant, &because)) {
            *why = QStringLiteral("arguments: ") + because;
            return false;
        }
        held.append(QStringLiteral("arguments: ") + because);
    }

    *why = held.isEmpty() ? QStringLiteral("matches every action") : held.join(QStringLiteral("; "));
    return true;
}

} // namespace countersign::broker
