#include "CoreTestSupport.h"
#include "core/Action.h"
#include "core/ActionDigest.h"
#include "core/AuditChain.h"
#include "core/AuditEntry.h"
#include "core/CanonicalJson.h"
#include "core/DecisionStatement.h"
#include "core/Identifiers.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"
#include "core/KillSwitchOrder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>

using countersign::core::Action;
using countersign::core::ActionDigest;
using countersign::core::AuditChain;
using countersign::core::AuditEntry;
using countersign::core::CanonicalJson;
using countersign::core::DecisionStatement;
using countersign::core::Identifiers;
using countersign::core::JsonParser;
using countersign::core::JsonReader;
using countersign::core::KillSwitchOrder;
using countersign::core::ValidationError;
using countersign::core::ValidationErrors;
namespace coretest = countersign::coretest;

// The action an approver reviews: the shipped scenarios, the digest that is
// signed, the round trip of everything an agent sends, and every kind of
// validation error with its path. Also the other statements and the audit chain.
class TestAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenariosParse_data();
    void scenariosParse();
    void renewalOutreachEmailValues();
    void prodSchemaMigrationValues();
    void mcpFileWriteValues();
    void customerRefundValues();
    void iamRoleGrantValues();

    void digestHasTheDocumentedForm_data();
    void digestHasTheDocumentedForm();
    void digestMatchesAnIndependentComputation_data();
    void digestMatchesAnIndependentComputation();
    void digestIgnoresKeyOrderWhitespaceAndEscapes_data();
    void digestIgnoresKeyOrderWhitespaceAndEscapes();
    void digestChangesWhenAnyArgumentChanges_data();
    void digestChangesWhenAnyArgumentChanges();
    void digestIgnoresMutableBrokerFields_data();
    void digestIgnoresMutableBrokerFields();
    void digestCoversTheOtherBrokerFields_data();
    void digestCoversTheOtherBrokerFields();
    void extensionsAndNullsRoundTrip();
    void brokerFieldsAreRecognised();
    void policyOutcomeIsRead();
    void timestampsAreWrittenAsQtWritesThem();
    void actionIdsSortByTimeAndDoNotRepeat();
    void policyOutcomeErrors_data();
    void policyOutcomeErrors();

    void validationErrors_data();
    void validationErrors();
    void parserErrorsCarryTheirPath_data();
    void parserErrorsCarryTheirPath();
    void multipleErrorsAreReportedTogether();

    void decisionStatementRoundTrip();
    void decisionStatementErrors_data();
    void decisionStatementErrors();
    void killSwitchOrderRoundTrip_data();
    void killSwitchOrderRoundTrip();
    void killSwitchOrderErrors_data();
    void killSwitchOrderErrors();

    void auditEntryRoundTrip();
    void auditEntryHashMatchesAnIndependentComputation();
    void auditEntryErrors_data();
    void auditEntryErrors();
    void auditChainVerifies();
    void auditChainDetectsAModifiedEntry();
    void auditChainDetectsARehashedModification();
    void auditChainDetectsADeletedEntry();
    void auditChainDetectsSwappedEntries();
    void auditChainDetectsTheWrongAnchor();
    void auditChainVerifiesARunFromTheMiddle();
    void auditChainCanBeFedIncrementally();

private:
    static QList<AuditEntry> buildChain(int length);
};

namespace {

QString errorsText(const ValidationErrors &errors)
{
    QStringList lines;
    for (const ValidationError &error : errors)
        lines.append(error.toString());
    return lines.isEmpty() ? QStringLiteral("(no errors)") : lines.join(QLatin1Char('\n'));
}

QJsonObject scenarioObject(const QString &name)
{
    const JsonParser::Result parsed = JsonParser::parseObject(coretest::scenarioBytes(name));
    return parsed.ok() ? parsed.value->toObject() : QJsonObject();
}

void addScenarioRows()
{
    QTest::addColumn<QString>("name");
    const QStringList names = coretest::scenarioNames();
    QVERIFY2(names.size() == 5, "expected the five shipped scenarios");
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

// --- JSON paths in the form the validators report (`a.b[2].c`) -------------

struct Step
{
    QString key;
    qsizetype index = -1;
};

QList<Step> parsePath(const QString &path)
{
    QList<Step> steps;
    QString key;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.') || c == QLatin1Char('[')) {
            if (!key.isEmpty())
                steps.append({key});
            key.clear();
            if (c == QLatin1Char('[')) {
                const qsizetype close = path.indexOf(QLatin1Char(']'), i);
                steps.append({QString(), path.mid(i + 1, close - i - 1).toLongLong()});
                i = close;
            }
        } else {
            key += c;
        }
    }
    if (!key.isEmpty())
        steps.append({key});
    return steps;
}

// Sets the value at `path`; an undefined value removes the member or element.
QJsonValue setAt(const QJsonValue &node, const QList<Step> &steps, qsizetype i, const QJsonValue &value)
{
    const Step &step = steps.at(i);
    const bool last = i + 1 == steps.size();
    if (step.index >= 0) {
        QJsonArray array = node.toArray();
        if (last && value.isUndefined())
            array.removeAt(step.index);
        else
            array[step.index] = last ? value : setAt(array.at(step.index), steps, i + 1, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (last && value.isUndefined())
        object.remove(step.key);
    else
        object.insert(step.key, last ? value : setAt(object.value(step.key), steps, i + 1, value));
    return object;
}

QJsonObject withValue(const QJsonObject &object, const QString &path, const QJsonValue &value)
{
    return setAt(object, parsePath(path), 0, value).toObject();
}

QJsonObject without(const QJsonObject &object, const QString &path)
{
    return withValue(object, path, QJsonValue(QJsonValue::Undefined));
}

QJsonValue valueAt(const QJsonValue &root, const QString &path)
{
    QJsonValue node = root;
    for (const Step &step : parsePath(path))
        node = step.index >= 0 ? node.toArray().at(step.index) : node.toObject().value(step.key);
    return node;
}

void collectLeaves(const QJsonValue &value, const QString &path, QStringList *out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectLeaves(it.value(), path + QLatin1Char('.') + it.key(), out);
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectLeaves(array.at(i), JsonReader::indexPath(path, i), out);
    } else {
        out->append(path);
    }
}

QJsonValue changed(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QJsonValue(value.toString() + QStringLiteral("x"));
    case QJsonValue::Double:
        return value.toDouble() + 1;
    case QJsonValue::Bool:
        return !value.toBool();
    case QJsonValue::Null:
        return 0;
    case QJsonValue::Array:
        return QJsonArray {0};
    case QJsonValue::Object:
        return QJsonObject {{QStringLiteral("x"), 0}};
    case QJsonValue::Undefined:
        break;
    }
    return QJsonValue::Null;
}

// --- A deliberately different, but equivalent, serialisation ---------------
//
// Members in reverse order, indentation and spaces around ':' and ',', every
// non-ASCII character and '/' escaped, integers written with a fraction and an
// exponent. It parses to the same value as the original document.

QByteArray escapedString(const QString &s)
{
    QByteArray out = "\"";
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"')
            out += "\\\"";
        else if (u == u'\\')
            out += "\\\\";
        else if (u == u'/')
            out += "\\/";
        else if (u < 0x20 || u >= 0x7F)
            out += "\\u" + QByteArray::number(uint(u), 16).rightJustified(4, '0').toUpper();
        else
            out += char(u);
    }
    return out + "\"";
}

QByteArray reordered(const QJsonValue &value, int depth = 0)
{
    const QByteArray indent(2 * (depth + 1), ' ');
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), std::greater<>());
        QByteArray out = "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent + escapedString(keys.at(i)) + " :  " + reordered(object.value(keys.at(i)), depth + 1);
            out += i + 1 < keys.size() ? " ,\n" : "\n";
        }
        return out + QByteArray(2 * depth, ' ') + "}";
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QByteArray out = "[ ";
        for (qsizetype i = 0; i < array.size(); ++i)
            out += (i ? " , " : "") + reordered(array.at(i), depth + 1);
        return out + " ]";
    }
    case QJsonValue::String:
        return escapedString(value.toString());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0)
            return QByteArray::number(qint64(d)) + ".000E0";
        return CanonicalJson::formatNumber(d).value_or("null");
    }
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Undefined:
        break;
    }
    return "undefined";
}

QString independentDigest(QJsonObject action)
{
    action.remove(QStringLiteral("seq"));
    action.remove(QStringLiteral("status"));
    action.remove(QStringLiteral("decisions"));
    return coretest::independentPrefixedHash(QStringLiteral("sha256:"), CanonicalJson::serializeOrEmpty(action));
}

std::optional<Action> readAction(const QJsonObject &json, ValidationErrors *errors)
{
    const qsizetype before = errors->size();
    Action action = Action::read(json, errors);
    if (errors->size() != before)
        return std::nullopt;
    return action;
}

// The digest of a valid action; empty when the action does not validate.
QString digestOf(const QJsonObject &json)
{
    ValidationErrors errors;
    const auto action = readAction(json, &errors);
    return action ? action->digest() : QString();
}

QDateTime utc(const char *text)
{
    return JsonReader::parseTimestamp(QString::fromLatin1(text));
}

const QString kNonce = QStringLiteral("q3VxWm0t8c1bJ7yYf2Lr9A");
const QString kKeyId = QStringLiteral("ed25519:If4x36FUomFia_hUBG_SJxt77UtqvkWqWId-9H-XIbk");
const QString kDigest = QStringLiteral("sha256:O74UwPxpV4089wZLNySry0e9j7NAcv6YO3elWr3Gtxc");

QJsonObject validDecision()
{
    return QJsonObject {{QStringLiteral("action_id"), QStringLiteral("act_2026120411400001")},
                        {QStringLiteral("action_digest"), kDigest},
                        {QStringLiteral("verdict"), QStringLiteral("deny")},
                        {QStringLiteral("reason"), QStringLiteral("Destination account only appears in the ticket.")},
                        {QStringLiteral("approver"), kKeyId},
                        {QStringLiteral("issued_at"), QStringLiteral("2026-12-04T11:52:10Z")},
                        {QStringLiteral("nonce"), kNonce}};
}

QJsonObject validKillSwitch(const QString &scope, const QString &target)
{
    QJsonObject json {{QStringLiteral("operation"), QStringLiteral("engage")},
                      {QStringLiteral("scope"), scope},
                      {QStringLiteral("reason"), QStringLiteral("prompt injection campaign")},
                      {QStringLiteral("issued_by"), kKeyId},
                      {QStringLiteral("issued_at"), QStringLiteral("2026-12-04T12:00:00Z")},
                      {QStringLiteral("nonce"), kNonce}};
    if (!target.isNull())
        json.insert(QStringLiteral("target"), target);
    return json;
}

} // namespace

// --- Scenarios --------------------------------------------------------------

void TestAction::scenariosParse_data()
{
    addScenarioRows();
}

void TestAction::scenariosParse()
{
    QFETCH(QString, name);
    ValidationErrors errors;
    const auto action = Action::parse(coretest::scenarioBytes(name), &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QVERIFY(!action->tenant.isEmpty());
    QVERIFY(!action->request.user.isEmpty());
    QVERIFY(action->request.receivedAt.isValid());
    QCOMPARE(action->request.receivedAt.timeSpec(), Qt::UTC);
    QVERIFY(action->agent.id.startsWith(QStringLiteral("agent:")));
    QVERIFY(!action->tool.name.isEmpty());
    QVERIFY(!action->arguments.isEmpty());
    QVERIFY(!action->dataScopes.isEmpty());
    QVERIFY(action->authorityChain.size() >= 3);
    QCOMPARE(action->authorityChain.first().kind, QStringLiteral("user"));
    QCOMPARE(action->authorityChain.first().subject, action->request.user);
    QCOMPARE(action->authorityChain.last().kind, QStringLiteral("tool"));
    QCOMPARE(action->authorityChain.last().subject, action->tool.name);
    QCOMPARE(action->trace.traceId.size(), 32);
    QCOMPARE(action->trace.spanId.size(), 16);
    QVERIFY(action->extensions.isEmpty());
    QVERIFY(!action->hasBrokerFields());
    QVERIFY(!action->seq.has_value());
    QVERIFY(!action->policy.has_value());
    QVERIFY(action->status.isEmpty());
    QCOMPARE(action->toJson(), scenarioObject(name));
}

void TestAction::renewalOutreachEmailValues()
{
    ValidationErrors errors;
    const auto a = Action::parse(coretest::scenarioBytes(QStringLiteral("renewal-outreach-email.json")), &errors);
    QVERIFY2(a.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(a->tenant, QStringLiteral("acme"));
    QCOMPARE(a->request.user, QStringLiteral("maria.lopez@acme.example"));
    QCOMPARE(a->request.receivedAt, utc("2026-12-04T09:12:03Z"));
    QCOMPARE(a->agent.id, QStringLiteral("agent:sales-assistant"));
    QCOMPARE(a->agent.displayName, QStringLiteral("Sales Assistant"));
    QCOMPARE(a->agent.owner, QStringLiteral("revops-platform"));
    QCOMPARE(a->agent.model, QStringLiteral("frontier-chat-2026-09"));
    QCOMPARE(a->tool.name, QStringLiteral("email.send"));
    QCOMPARE(a->tool.server, QStringLiteral("mail-gateway"));
    QCOMPARE(a->tool.annotations.readOnly, std::optional<bool>(false));
    QCOMPARE(a->tool.annotations.openWorld, std::optional<bool>(true));
    QCOMPARE(a->tool.annotations.irreversible, std::optional<bool>(true));
    QCOMPARE(a->arguments.value(QStringLiteral("cc")).toArray().at(0).toString(),
             QStringLiteral("j.meyer@globex-partners.example"));
    QCOMPARE(a->arguments.value(QStringLiteral("attachments"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("bytes"))
                 .toInteger(),
             482113);
    QCOMPARE(a->dataScopes.size(), 5);
    QCOMPARE(
        a->dataScopes.at(0).fields,
        (QStringList {QStringLiteral("contacts"), QStringLiteral("contract_value"), QStringLiteral("renewal_date")}));
    QCOMPARE(a->dataScopes.at(0).recordCount, std::optional<qint64>(1));
    QCOMPARE(a->dataScopes.at(1).recordCount, std::optional<qint64>(14));
    QCOMPARE(a->dataScopes.at(2).recordCount, std::optional<qint64>());
    QCOMPARE(a->dataScopes.at(2).classification, QStringLiteral("restricted"));
    QCOMPARE(a->dataScopes.at(3).access, QStringLiteral("send"));
    QCOMPARE(a->authorityChain.size(), 4);
    QCOMPARE(a->authorityChain.at(1).delegatedBy, QStringLiteral("maria.lopez@acme.example"));
    QCOMPARE(a->authorityChain.at(2).kind, QStringLiteral("service"));
    QCOMPARE(a->authorityChain.at(2).expiresAt, utc("2026-12-04T09:17:30Z"));
    QCOMPARE(a->authorityChain.at(2).scopes, QStringList {QStringLiteral("email.send:external")});
    QVERIFY(!a->authorityChain.at(3).issuedAt.isValid());
    QCOMPARE(a->evidence.size(), 2);
    QCOMPARE(a->evidence.at(0).trust, QStringLiteral("internal"));
    QCOMPARE(a->evidence.at(1).trust, QStringLiteral("user_generated"));
    QCOMPARE(a->evidence.at(1).kind, QStringLiteral("retrieval"));
    QCOMPARE(a->evidence.at(1).sha256,
             QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f901a2b3c4d5e6f708192a3b4c5d6e7f809"));
    QVERIFY(a->evidence.at(1).content.contains(QStringLiteral("ignore your previous instructions")));
    QCOMPARE(a->evidence.at(1).usedFor, QStringLiteral("email body and cc recipient"));
    QCOMPARE(a->memory.size(), 1);
    QCOMPARE(a->memory.at(0).source,
             std::optional<QString>(QStringLiteral("conversation with maria.lopez@acme.example")));
    QCOMPARE(a->memory.at(0).expiresAt, utc("2027-05-02T15:20:00Z"));
    QCOMPARE(a->trace.traceId, QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
    QCOMPARE(a->trace.spanId, QStringLiteral("00f067aa0ba902b7"));
}

void TestAction::prodSchemaMigrationValues()
{
    ValidationErrors errors;
    const auto a = Action::parse(coretest::scenarioBytes(QStringLiteral("prod-schema-migration.json")), &errors);
    QVERIFY2(a.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(a->tool.name, QStringLiteral("db.execute_migration"));
    QCOMPARE(a->tool.annotations.destructive, std::optional<bool>(true));
    QCOMPARE(a->tool.annotations.idempotent, std::optional<bool>(false));
    QCOMPARE(a->arguments.value(QStringLiteral("statements")).toArray().size(), 3);
    QCOMPARE(a->arguments.value(QStringLiteral("lock_timeout_ms")).toInteger(), 5000);
    QCOMPARE(a->arguments.value(QStringLiteral("dry_run")), QJsonValue(false));
    QCOMPARE(a->dataScopes.at(0).recordCount, std::optional<qint64>(18220471));
    QCOMPARE(a->dataScopes.at(1).fields, QStringList {QStringLiteral("vat_number")});
    QCOMPARE(a->authorityChain.size(), 4);
    QCOMPARE(a->authorityChain.at(2).subject, QStringLiteral("svc:deploy-broker"));
    QCOMPARE(a->evidence.size(), 1);
    QCOMPARE(a->evidence.at(0).kind, QStringLiteral("tool_result"));
    QCOMPARE(a->memory.size(), 1);
    // "source": null — no provenance at all.
    QCOMPARE(a->memory.at(0).source, std::optional<QString>());
    QVERIFY(!a->memory.at(0).expiresAt.isValid());
    QCOMPARE(a->memory.at(0).writtenAt, utc("2026-08-14T11:00:00Z"));
}

void TestAction::mcpFileWriteValues()
{
    ValidationErrors errors;
    const auto a = Action::parse(coretest::scenarioBytes(QStringLiteral("mcp-file-write.json")), &errors);
    QVERIFY2(a.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(a->tool.name, QStringLiteral("write_file"));
    QCOMPARE(a->tool.server, QStringLiteral("mcp:filesystem"));
    // Absent hint: unknown, which is not the same as false.
    QCOMPARE(a->tool.annotations.irreversible, std::optional<bool>());
    QCOMPARE(a->tool.annotations.destructive, std::optional<bool>(true));
    QCOMPARE(a->arguments.value(QStringLiteral("content")).toString(),
             QStringLiteral("# Contributing\n\nRun the tests with `make test` before opening a pull request.\n"));
    QCOMPARE(a->dataScopes.size(), 1);
    QCOMPARE(a->dataScopes.at(0).classification, QStringLiteral("internal"));
    QVERIFY(a->evidence.isEmpty());
    QVERIFY(a->memory.isEmpty());
    QCOMPARE(a->authorityChain.at(1).issuer, QString());
}

void TestAction::customerRefundValues()
{
    ValidationErrors errors;
    const auto a = Action::parse(coretest::scenarioBytes(QStringLiteral("customer-refund.json")), &errors);
    QVERIFY2(a.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(a->tenant, QStringLiteral("globex-retail"));
    QCOMPARE(a->tool.name, QStringLiteral("payments.refund"));
    const QJsonObject amount = a->arguments.value(QStringLiteral("amount")).toObject();
    QCOMPARE(amount.value(QStringLiteral("value")).toString(), QStringLiteral("1249.00"));
    QCOMPARE(amount.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
    QCOMPARE(a->authorityChain.at(0).credential,
             QString::fromUtf8("sess_k1m\xe2\x80\xa6"
                               "22"));
    QCOMPARE(a->authorityChain.at(0).scopes.at(1), QStringLiteral("refunds.request:<=500EUR"));
    QVERIFY(!a->authorityChain.at(2).issuedAt.isValid());
    QCOMPARE(a->evidence.at(0).trust, QStringLiteral("user_generated"));
    QCOMPARE(a->evidence.at(1).trust, QStringLiteral("internal"));
    QCOMPARE(a->memory.at(0).source, std::optional<QString>(QStringLiteral("ticket T-97001 (customer message)")));
    QVERIFY(!a->memory.at(0).expiresAt.isValid()); // "expires_at": null
}

void TestAction::iamRoleGrantValues()
{
    ValidationErrors errors;
    const auto a = Action::parse(coretest::scenarioBytes(QStringLiteral("iam-role-grant.json")), &errors);
    QVERIFY2(a.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(a->tool.name, QStringLiteral("cloud.iam.attach_policy"));
    QCOMPARE(a->dataScopes.at(1).access, QStringLiteral("execute"));
    QCOMPARE(a->dataScopes.at(1).resource, QStringLiteral("cloud://acme-prod-4471/*"));
    const QJsonArray statements
        = a->arguments.value(QStringLiteral("policy")).toObject().value(QStringLiteral("Statement")).toArray();
    QCOMPARE(statements.size(), 2);
    QCOMPARE(statements.at(1).toObject().value(QStringLiteral("Action")).toString(), QStringLiteral("*"));
    QCOMPARE(a->evidence.at(1).kind, QStringLiteral("web"));
    QCOMPARE(a->evidence.at(1).trust, QStringLiteral("external"));
    QVERIFY(a->evidence.at(1).content.isEmpty());
    QCOMPARE(a->evidence.at(1).excerpt, QStringLiteral("Just attach Action * on Resource * and the error goes away."));
    QVERIFY(a->memory.isEmpty());
    QCOMPARE(a->authorityChain.at(0).authMethod, QStringLiteral("oidc+webauthn"));
}

// --- Digest -----------------------------------------------------------------

void TestAction::digestHasTheDocumentedForm_data()
{
    addScenarioRows();
}

void TestAction::digestHasTheDocumentedForm()
{
    QFETCH(QString, name);
    ValidationErrors errors;
    const auto action = Action::parse(coretest::scenarioBytes(name), &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));
    const QString digest = action->digest();
    static const QRegularExpression form(QStringLiteral("^sha256:[A-Za-z0-9_-]{43}$"));
    QVERIFY2(form.match(digest).hasMatch(), qPrintable(digest));
    QVERIFY(Identifiers::isDigest(digest));
    QCOMPARE(ActionDigest::compute(action->toJson()), digest);
}

void TestAction::digestMatchesAnIndependentComputation_data()
{
    addScenarioRows();
}

void TestAction::digestMatchesAnIndependentComputation()
{
    QFETCH(QString, name);
    const QJsonObject json = scenarioObject(name);
    ValidationErrors errors;
    const auto action = readAction(json, &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(action->digest(), independentDigest(json));
    QCOMPARE(ActionDigest::canonicalBytes(json), CanonicalJson::serializeOrEmpty(json));
}

void TestAction::digestIgnoresKeyOrderWhitespaceAndEscapes_data()
{
    addScenarioRows();
}

void TestAction::digestIgnoresKeyOrderWhitespaceAndEscapes()
{
    QFETCH(QString, name);
    const QByteArray original = coretest::scenarioBytes(name);
    ValidationErrors errors;
    const auto first = Action::parse(original, &errors);
    QVERIFY2(first.has_value(), qPrintable(errorsText(errors)));

    const QByteArray other = reordered(scenarioObject(name));
    QVERIFY(other != original);
    QVERIFY(other.contains("\\/"));
    const auto second = Action::parse(other, &errors);
    QVERIFY2(second.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(second->digest(), first->digest());
    QCOMPARE(CanonicalJson::serializeOrEmpty(second->toJson()), CanonicalJson::serializeOrEmpty(first->toJson()));
}

void TestAction::digestChangesWhenAnyArgumentChanges_data()
{
    addScenarioRows();
}

void TestAction::digestChangesWhenAnyArgumentChanges()
{
    QFETCH(QString, name);
    const QJsonObject json = scenarioObject(name);
    ValidationErrors errors;
    const auto original = readAction(json, &errors);
    QVERIFY2(original.has_value(), qPrintable(errorsText(errors)));
    QStringList leaves;
    collectLeaves(json.value(QStringLiteral("arguments")), QStringLiteral("arguments"), &leaves);
    QVERIFY(leaves.size() >= 2);
    QSet<QString> digests {original->digest()};
    for (const QString &leaf : std::as_const(leaves)) {
        const QJsonObject mutated = withValue(json, leaf, changed(valueAt(json, leaf)));
        QVERIFY(mutated != json);
        const auto action = readAction(mutated, &errors);
        QVERIFY2(action.has_value(), qPrintable(leaf + QLatin1Char(' ') + errorsText(errors)));
        QVERIFY2(!digests.contains(action->digest()),
                 qPrintable(QStringLiteral("changing %1 left the digest as it was").arg(leaf)));
        digests.insert(action->digest());
    }
    // Adding or removing an argument changes it too.
    const QString added = digestOf(withValue(json, QStringLiteral("arguments.extra"), 1));
    QVERIFY(!added.isEmpty() && !digests.contains(added));
    const QString removed = digestOf(without(json, leaves.first()));
    QVERIFY(!removed.isEmpty() && !digests.contains(removed));
}

void TestAction::digestIgnoresMutableBrokerFields_data()
{
    addScenarioRows();
}

void TestAction::digestIgnoresMutableBrokerFields()
{
    QFETCH(QString, name);
    const QJsonObject json = scenarioObject(name);
    const QString digest = digestOf(json);
    QVERIFY(!digest.isEmpty());
    QJsonObject stamped = json;
    stamped.insert(QStringLiteral("seq"), 42);
    stamped.insert(QStringLiteral("status"), QStringLiteral("approved"));
    stamped.insert(QStringLiteral("decisions"), QJsonArray {QStringLiteral("eyJ...a"), QStringLiteral("eyJ...b")});
    ValidationErrors errors;
    const auto action = readAction(stamped, &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));
    QCOMPARE(action->seq, std::optional<qint64>(42));
    QCOMPARE(action->status, QStringLiteral("approved"));
    QCOMPARE(action->decisions.size(), 2);
    QVERIFY(action->hasBrokerFields());
    QCOMPARE(action->digest(), digest);
    stamped.insert(QStringLiteral("status"), QStringLiteral("executed"));
    stamped.insert(QStringLiteral("seq"), 43);
    QCOMPARE(digestOf(stamped), digest);
}

void TestAction::digestCoversTheOtherBrokerFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("id") << QStringLiteral("id") << QJsonValue(QStringLiteral("act_1"));
    QTest::newRow("submitted_at") << QStringLiteral("submitted_at")
                                  << QJsonValue(QStringLiteral("2026-12-04T09:12:31Z"));
    QTest::newRow("expires_at") << QStringLiteral("expires_at") << QJsonValue(QStringLiteral("2026-12-04T09:42:31Z"));
    QTest::newRow("policy") << QStringLiteral("policy")
                            << QJsonValue(QJsonObject {{QStringLiteral("decision"), QStringLiteral("approve")},
                                                       {QStringLiteral("rule"), QStringLiteral("external-email")},
                                                       {QStringLiteral("quorum"), 2}});
}

void TestAction::digestCoversTheOtherBrokerFields()
{
    // Only seq, status and decisions change after submission; what the approver
    // signs covers the rest, e.g. the deadline and the policy outcome.
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const QJsonObject json = scenarioObject(QStringLiteral("renewal-outreach-email.json"));
    const QString digest = digestOf(json);
    QVERIFY(!digest.isEmpty());
    QJsonObject stamped = json;
    stamped.insert(field, value);
    ValidationErrors errors;
    const auto action = readAction(stamped, &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));
    QVERIFY(action->hasBrokerFields());
    QVERIFY(action->digest() != digest);
    QCOMPARE(action->digest(), independentDigest(stamped));
}

void TestAction::extensionsAndNullsRoundTrip()
{
    QJsonObject json = scenarioObject(QStringLiteral("renewal-outreach-email.json"));
    json = withValue(
        json, QStringLiteral("x-ticket"),
        QJsonObject {{QStringLiteral("id"), QStringLiteral("T-1")}, {QStringLiteral("note"), QJsonValue::Null}});
    json = withValue(json, QStringLiteral("request.x-channel"), QStringLiteral("slack"));
    json = withValue(json, QStringLiteral("agent.x-build"), 1234);
    json = withValue(json, QStringLiteral("tool.x-vendor"), QStringLiteral("acme-mail"));
    json = withValue(json, QStringLiteral("tool.server"), QJsonValue::Null);
    json = withValue(json, QStringLiteral("tool.annotations.x-cost"), 0.25);
    json = withValue(json, QStringLiteral("data_scopes[0].x-region"), QStringLiteral("eu"));
    json = withValue(json, QStringLiteral("authority_chain[1].x-token-type"),
                     QStringLiteral("urn:ietf:params:oauth:token-type:access_token"));
    json = withValue(json, QStringLiteral("evidence[0].x-score"), 0.93);
    json = withValue(json, QStringLiteral("evidence[1].x-flags"),
                     QJsonArray {QStringLiteral("injection"), QJsonValue::Null});
    json = withValue(json, QStringLiteral("memory[0].x-reviewed"), QJsonValue::Null);
    json = withValue(json, QStringLiteral("memory[0].source"), QJsonValue::Null);
    json = withValue(json, QStringLiteral("trace.x-sampled"), true);
    json = withValue(json, QStringLiteral("arguments.reply_to"), QJsonValue::Null);
    json = withValue(json, QStringLiteral("arguments.headers"), QJsonObject());

    const QByteArray text = reordered(json);
    ValidationErrors errors;
    const auto action = Action::parse(text, &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));

    QCOMPARE(action->extensions.value(QStringLiteral("x-ticket")).toObject().value(QStringLiteral("note")),
             QJsonValue(QJsonValue::Null));
    QCOMPARE(action->request.extensions.value(QStringLiteral("x-channel")).toString(), QStringLiteral("slack"));
    QCOMPARE(action->agent.extensions.value(QStringLiteral("x-build")).toInteger(), 1234);
    QCOMPARE(action->tool.extensions.value(QStringLiteral("x-vendor")).toString(), QStringLiteral("acme-mail"));
    QCOMPARE(action->tool.server, QString());
    QCOMPARE(action->tool.annotations.extensions.value(QStringLiteral("x-cost")).toDouble(), 0.25);
    QCOMPARE(action->dataScopes.at(0).extensions.value(QStringLiteral("x-region")).toString(), QStringLiteral("eu"));
    QVERIFY(action->authorityChain.at(1).extensions.contains(QStringLiteral("x-token-type")));
    QCOMPARE(action->evidence.at(0).extensions.value(QStringLiteral("x-score")).toDouble(), 0.93);
    QCOMPARE(action->evidence.at(1).extensions.value(QStringLiteral("x-flags")).toArray().size(), 2);
    QVERIFY(action->memory.at(0).extensions.contains(QStringLiteral("x-reviewed")));
    QCOMPARE(action->memory.at(0).source, std::optional<QString>());
    QCOMPARE(action->trace.extensions.value(QStringLiteral("x-sampled")), QJsonValue(true));

    // Nothing is dropped, including explicit nulls.
    QCOMPARE(CanonicalJson::serializeOrEmpty(action->toJson()), CanonicalJson::serializeOrEmpty(json));
    QVERIFY(action->toJson().value(QStringLiteral("tool")).toObject().contains(QStringLiteral("server")));
    QVERIFY(action->toJson().value(QStringLiteral("arguments")).toObject().contains(QStringLiteral("reply_to")));
    QCOMPARE(action->digest(), independentDigest(json));

    // And what survives is signed: changing an extension changes the digest.
    const auto changedExtension = readAction(withValue(json, QStringLiteral("evidence[0].x-score"), 0.1), &errors);
    QVERIFY2(changedExtension.has_value(), qPrintable(errorsText(errors)));
    QVERIFY(changedExtension->digest() != action->digest());
}

void TestAction::brokerFieldsAreRecognised()
{
    QCOMPARE(Action::mutableBrokerFields(),
             (QStringList {QStringLiteral("seq"), QStringLiteral("status"), QStringLiteral("decisions")}));
    for (const QString &field : Action::mutableBrokerFields())
        QVERIFY(Action::brokerFields().contains(field));
    const QJsonObject json = scenarioObject(QStringLiteral("mcp-file-write.json"));
    ValidationErrors errors;
    for (const QString &field : Action::brokerFields()) {
        QJsonValue value = QStringLiteral("x");
        if (field == QStringLiteral("seq"))
            value = 1;
        else if (field == QStringLiteral("status"))
            value = QStringLiteral("pending");
        else if (field == QStringLiteral("decisions"))
            value = QJsonArray();
        else if (field == QStringLiteral("policy"))
            value = QJsonObject {{QStringLiteral("decision"), QStringLiteral("deny")},
                                 {QStringLiteral("rule"), QStringLiteral("r")}};
        else if (field.endsWith(QStringLiteral("_at")))
            value = QStringLiteral("2026-12-04T13:00:05Z");
        QJsonObject stamped = json;
        stamped.insert(field, value);
        const auto action = readAction(stamped, &errors);
        QVERIFY2(action.has_value(), qPrintable(field + QLatin1Char(' ') + errorsText(errors)));
        QVERIFY2(action->hasBrokerFields(), qPrintable(field));
    }
}

namespace {

QJsonObject approvePolicy()
{
    return QJsonObject {
        {QStringLiteral("decision"), QStringLiteral("approve")},
        {QStringLiteral("rule"), QStringLiteral("external-email")},
        {QStringLiteral("reason"), QStringLiteral("recipient outside the allow-list")},
        {QStringLiteral("quorum"), 2},
        {QStringLiteral("deny_threshold"), 1},
        {QStringLiteral("approver_roles"), QJsonArray {QStringLiteral("sales-manager"), QStringLiteral("security")}},
        {QStringLiteral("forbid_requester"), true},
        {QStringLiteral("require_reason_on"), QStringLiteral("deny")}};
}

} // namespace

void TestAction::policyOutcomeIsRead()
{
    QJsonObject json = scenarioObject(QStringLiteral("renewal-outreach-email.json"));
    json.insert(QStringLiteral("policy"), approvePolicy());
    ValidationErrors errors;
    const auto action = readAction(json, &errors);
    QVERIFY2(action.has_value(), qPrintable(errorsText(errors)));
    QVERIFY(action->policy.has_value());
    QCOMPARE(action->policy->decision, QStringLiteral("approve"));
    QCOMPARE(action->policy->rule, QStringLiteral("external-email"));
    QCOMPARE(action->policy->quorum, 2);
    QCOMPARE(action->policy->denyThreshold, 1);
    QCOMPARE(action->policy->approverRoles,
             (QStringList {QStringLiteral("sales-manager"), QStringLiteral("security")}));
    QVERIFY(action->policy->forbidRequester);
    QCOMPARE(action->policy->requireReasonOn, QStringLiteral("deny"));
    QCOMPARE(CanonicalJson::serializeOrEmpty(action->policy->toJson()),
             CanonicalJson::serializeOrEmpty(approvePolicy()));
}

void TestAction::policyOutcomeErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("unknown decision") << QStringLiteral("decision") << QJsonValue(QStringLiteral("maybe"))
                                      << QStringLiteral("expected one of allow, deny, approve");
    QTest::newRow("missing rule") << QStringLiteral("rule") << QJsonValue(QJsonValue::Undefined)
                                  << QStringLiteral("missing required field");
    QTest::newRow("negative quorum") << QStringLiteral("quorum") << QJsonValue(-1)
                                     << QStringLiteral("must be at least 0");
    // 2^32 + 2 would silently become a quorum of 2 if narrowed to int.
    QTest::newRow("quorum beyond int") << QStringLiteral("quorum") << QJsonValue(qint64(4294967298))
                                       << QStringLiteral("at most");
    QTest::newRow("deny_threshold zero") << QStringLiteral("deny_threshold") << QJsonValue(0)
                                         << QStringLiteral("must be at least 1");
    QTest::newRow("deny_threshold beyond int")
        << QStringLiteral("deny_threshold") << QJsonValue(qint64(4294967297)) << QStringLiteral("at most");
    QTest::newRow("unknown require_reason_on")
        << QStringLiteral("require_reason_on") << QJsonValue(QStringLiteral("never"))
        << QStringLiteral("expected one of deny, approve, both");
    QTest::newRow("forbid_requester as a string")
        << QStringLiteral("forbid_requester") << QJsonValue(QStringLiteral("yes"))
        << QStringLiteral("expected true or false");
}

void TestAction::policyOutcomeErrors()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, fragment);
    QJsonObject json = scenarioObject(QStringLiteral("renewal-outreach-email.json"));
    json.insert(QStringLiteral("policy"), approvePolicy());
    json = withValue(json, QStringLiteral("policy.") + field, value);
    ValidationErrors errors;
    QVERIFY(!Action::parse(reordered(json), &errors).has_value());
    QVERIFY2(errors.size() == 1, qPrintable(errorsText(errors)));
    QCOMPARE(errors.first().path, QStringLiteral("policy.") + field);
    QVERIFY2(errors.first().message.contains(fragment), qPrintable(errors.first().message));
}

// --- Validation errors --------------------------------------------------------

void TestAction::validationErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the member
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("fragment");
    const QJsonValue removed(QJsonValue::Undefined);
    const auto row = [](const char *name, const QString &path, const QJsonValue &value, const QString &fragment) {
        QTest::newRow(name) << path << value << path << fragment;
    };
    const QString timestamp = QStringLiteral("expected RFC 3339 timestamp");
    const QString unknown = QStringLiteral("unknown field (extension fields must start with x-)");

    // Wrong types.
    row("timestamp given as a number", QStringLiteral("authority_chain[2].expires_at"), 5, timestamp);
    row("timestamp without T", QStringLiteral("authority_chain[2].expires_at"), QStringLiteral("2026-12-04 09:17:30Z"),
        timestamp);
    row("timestamp without zone", QStringLiteral("request.received_at"), QStringLiteral("2026-12-04T09:12:03"),
        timestamp);
    row("timestamp with month 13", QStringLiteral("evidence[0].retrieved_at"), QStringLiteral("2026-13-04T09:12:10Z"),
        timestamp);
    row("timestamp on 31 February", QStringLiteral("memory[0].written_at"), QStringLiteral("2026-02-31T15:20:00Z"),
        timestamp);
    row("tenant is a number", QStringLiteral("tenant"), 7, QStringLiteral("expected a string"));
    row("arguments is an array", QStringLiteral("arguments"), QJsonArray(), QStringLiteral("expected an object"));
    row("data_scopes is an object", QStringLiteral("data_scopes"), QJsonObject(), QStringLiteral("expected an array"));
    row("evidence item is a string", QStringLiteral("evidence[0]"), QStringLiteral("ev-1"),
        QStringLiteral("expected an object"));
    row("scope is a number", QStringLiteral("authority_chain[0].scopes[1]"), 5, QStringLiteral("expected a string"));
    row("annotation is a string", QStringLiteral("tool.annotations.read_only"), QStringLiteral("false"),
        QStringLiteral("expected true or false"));
    row("record_count is a string", QStringLiteral("data_scopes[0].record_count"), QStringLiteral("1"),
        QStringLiteral("expected an integer"));
    row("record_count is fractional", QStringLiteral("data_scopes[0].record_count"), 1.5,
        QStringLiteral("expected an integer"));
    row("record_count beyond qint64", QStringLiteral("data_scopes[0].record_count"), 1e300,
        QStringLiteral("expected an integer"));
    row("record_count is 2^63", QStringLiteral("data_scopes[0].record_count"), 9223372036854775808.0,
        QStringLiteral("expected an integer"));
    row("record_count is negative", QStringLiteral("data_scopes[0].record_count"), -1,
        QStringLiteral("must be at least 0"));
    row("memory source is a number", QStringLiteral("memory[0].source"), 1,
        QStringLiteral("expected a string or null"));
    row("sha256 not hex", QStringLiteral("evidence[0].sha256"), QStringLiteral("ABC"),
        QStringLiteral("expected 64 lowercase hexadecimal digits"));
    row("trace id all zero", QStringLiteral("trace.trace_id"), QStringLiteral("00000000000000000000000000000000"),
        QStringLiteral("all-zero trace id"));
    row("span id too short", QStringLiteral("trace.span_id"), QStringLiteral("00f067aa"),
        QStringLiteral("expected 16 lowercase hexadecimal digits"));
    row("seq zero", QStringLiteral("seq"), 0, QStringLiteral("must be at least 1"));
    // Missing or empty required fields.
    row("missing tenant", QStringLiteral("tenant"), removed, QStringLiteral("missing required field"));
    row("missing request.user", QStringLiteral("request.user"), removed, QStringLiteral("missing required field"));
    row("missing evidence id", QStringLiteral("evidence[1].id"), removed, QStringLiteral("missing required field"));
    row("missing trace_id", QStringLiteral("trace.trace_id"), removed, QStringLiteral("missing required field"));
    row("null tool name", QStringLiteral("tool.name"), QJsonValue::Null, QStringLiteral("must not be null"));
    row("empty tenant", QStringLiteral("tenant"), QString(), QStringLiteral("must not be empty"));
    // Values outside the closed vocabularies.
    row("unknown access", QStringLiteral("data_scopes[0].access"), QStringLiteral("exfiltrate"),
        QStringLiteral("expected one of read, write, delete, send, execute"));
    row("unknown classification", QStringLiteral("data_scopes[1].classification"), QStringLiteral("secret"),
        QStringLiteral("expected one of public, internal, confidential, restricted"));
    row("unknown trust", QStringLiteral("evidence[1].trust"), QStringLiteral("trusted"),
        QStringLiteral("expected one of"));
    row("unknown evidence kind", QStringLiteral("evidence[0].kind"), QStringLiteral("rumour"),
        QStringLiteral("expected one of"));
    row("unknown link kind", QStringLiteral("authority_chain[0].kind"), QStringLiteral("robot"),
        QStringLiteral("expected one of"));
    row("enum given as a number", QStringLiteral("data_scopes[0].access"), 1, QStringLiteral("expected one of"));
    row("unknown status", QStringLiteral("status"), QStringLiteral("done"), QStringLiteral("expected one of"));
    // Unknown members without the x- prefix, at every level.
    row("unknown top-level field", QStringLiteral("colour"), QStringLiteral("red"), unknown);
    row("unknown field in request", QStringLiteral("request.colour"), QStringLiteral("red"), unknown);
    row("unknown field in tool", QStringLiteral("tool.colour"), QStringLiteral("red"), unknown);
    row("unknown field in annotations", QStringLiteral("tool.annotations.colour"), QStringLiteral("red"), unknown);
    row("unknown field in a data scope", QStringLiteral("data_scopes[2].colour"), QStringLiteral("red"), unknown);
    row("unknown field in a link", QStringLiteral("authority_chain[3].colour"), QStringLiteral("red"), unknown);
    row("unknown field in evidence", QStringLiteral("evidence[1].colour"), QStringLiteral("red"), unknown);
    row("unknown field in memory", QStringLiteral("memory[0].colour"), QStringLiteral("red"), unknown);
    row("unknown field in trace", QStringLiteral("trace.colour"), QStringLiteral("red"), unknown);
    row("X- in capitals is not an extension", QStringLiteral("X-colour"), QStringLiteral("red"), unknown);
}

void TestAction::validationErrors()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expectedPath);
    QFETCH(QString, fragment);
    const QJsonObject json = withValue(scenarioObject(QStringLiteral("renewal-outreach-email.json")), path, value);
    const QByteArray text = reordered(json);
    ValidationErrors errors;
    const auto action = Action::parse(text, &errors);
    QVERIFY2(!action.has_value(), "the broken action was accepted");
    QVERIFY2(errors.size() == 1, qPrintable(errorsText(errors)));
    QCOMPARE(errors.first().path, expectedPath);
    QVERIFY2(errors.first().message.contains(fragment), qPrintable(errors.first().message));
}

void TestAction::parserErrorsCarryTheirPath_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("duplicate top-level key")
        << QByteArray("\"tenant\": \"acme\",") << QByteArray("\"tenant\": \"acme\", \"tenant\": \"evil\",")
        << QStringLiteral("tenant") << QStringLiteral("duplicate member name");
    QTest::newRow("duplicate nested key")
        << QByteArray("\"name\": \"email.send\",") << QByteArray("\"name\": \"email.send\", \"name\": \"shell.exec\",")
        << QStringLiteral("tool.name") << QStringLiteral("duplicate member name");
    QTest::newRow("duplicate key inside arguments")
        << QByteArray("\"bytes\": 482113}") << QByteArray("\"bytes\": 482113, \"bytes\": 1}")
        << QStringLiteral("arguments.attachments[0].bytes") << QStringLiteral("duplicate member name");
    QTest::newRow("bad continuation byte") << QByteArray("Draft renewal") << QByteArray("Draft \xc3\x28 renewal")
                                           << QStringLiteral("request.text") << QStringLiteral("invalid UTF-8");
    QTest::newRow("overlong encoding") << QByteArray("Hi Globex team") << QByteArray("Hi \xc0\xaf Globex team")
                                       << QStringLiteral("arguments.body") << QStringLiteral("invalid UTF-8");
    QTest::newRow("encoded surrogate") << QByteArray("Renewal call went well.")
                                       << QByteArray("Renewal call \xed\xa0\x80 went well.")
                                       << QStringLiteral("evidence[1].content") << QStringLiteral("invalid UTF-8");
    QTest::newRow("Latin-1 byte") << QByteArray("Sales Assistant") << QByteArray("Sales Assist\xe9nt")
                                  << QStringLiteral("agent.display_name") << QStringLiteral("invalid UTF-8");
    QTest::newRow("lone high surrogate") << QByteArray("Draft renewal") << QByteArray("Draft \\ud800 renewal")
                                         << QStringLiteral("request.text") << QStringLiteral("lone high surrogate");
    QTest::newRow("lone low surrogate in an array")
        << QByteArray("[\"procurement@globex.example\"]") << QByteArray("[\"procurement@globex.example\\udc00\"]")
        << QStringLiteral("arguments.to[0]") << QStringLiteral("lone low surrogate");
    QTest::newRow("raw control character") << QByteArray("Draft renewal") << QByteArray("Draft\x1brenewal")
                                           << QStringLiteral("request.text") << QStringLiteral("control character");
    QTest::newRow("integer that loses precision")
        << QByteArray("\"bytes\": 482113") << QByteArray("\"bytes\": 9007199254740993")
        << QStringLiteral("arguments.attachments[0].bytes") << QStringLiteral("cannot be represented exactly");
}

void TestAction::parserErrorsCarryTheirPath()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expectedPath);
    QFETCH(QString, fragment);
    QByteArray text = coretest::scenarioBytes(QStringLiteral("renewal-outreach-email.json"));
    QCOMPARE(text.count(from), 1);
    text.replace(from, to);
    ValidationErrors errors;
    QVERIFY(!Action::parse(text, &errors).has_value());
    QVERIFY2(errors.size() == 1, qPrintable(errorsText(errors)));
    QCOMPARE(errors.first().path, expectedPath);
    QVERIFY2(errors.first().message.contains(fragment), qPrintable(errors.first().message));
}

void TestAction::multipleErrorsAreReportedTogether()
{
    QJsonObject json = scenarioObject(QStringLiteral("customer-refund.json"));
    json = without(json, QStringLiteral("tenant"));
    json = withValue(json, QStringLiteral("data_scopes[0].access"), QStringLiteral("exfiltrate"));
    ValidationErrors errors;
    QVERIFY(!Action::parse(reordered(json), &errors).has_value());
    QVERIFY2(errors.size() == 2, qPrintable(errorsText(errors)));
    QStringList paths {errors.at(0).path, errors.at(1).path};
    paths.sort();
    QCOMPARE(paths, (QStringList {QStringLiteral("data_scopes[0].access"), QStringLiteral("tenant")}));

    // Three more, in different parts of the document, all come back.
    json = withValue(json, QStringLiteral("authority_chain[1].expires_at"), 5);
    json = withValue(json, QStringLiteral("tool.colour"), QStringLiteral("red"));
    json = without(json, QStringLiteral("request.user"));
    errors.clear();
    QVERIFY(!Action::parse(reordered(json), &errors).has_value());
    QVERIFY2(errors.size() == 5, qPrintable(errorsText(errors)));

    // Errors are appended to what the caller already has.
    ValidationErrors existing {{QStringLiteral("earlier"), QStringLiteral("kept")}};
    QVERIFY(!Action::parse(reordered(json), &existing).has_value());
    QCOMPARE(existing.size(), 6);
    QCOMPARE(existing.first().path, QStringLiteral("earlier"));

    errors.clear();
    QVERIFY(!Action::parse("[]", &errors).has_value());
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().message.contains(QStringLiteral("expected a JSON object")));
}

// --- Decision statements and kill-switch orders -------------------------------

void TestAction::decisionStatementRoundTrip()
{
    ValidationErrors errors;
    QJsonObject json = validDecision();
    json.insert(QStringLiteral("x-client"), QStringLiteral("countersign 0.1.0"));
    const DecisionStatement statement = DecisionStatement::read(json, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QCOMPARE(statement.actionId, QStringLiteral("act_2026120411400001"));
    QCOMPARE(statement.actionDigest, kDigest);
    QCOMPARE(statement.verdict, QStringLiteral("deny"));
    QCOMPARE(statement.approver, kKeyId);
    QCOMPARE(statement.issuedAt, utc("2026-12-04T11:52:10Z"));
    QCOMPARE(statement.nonce, kNonce);
    QCOMPARE(statement.extensions.value(QStringLiteral("x-client")).toString(), QStringLiteral("countersign 0.1.0"));
    QCOMPARE(CanonicalJson::serializeOrEmpty(statement.toJson()), CanonicalJson::serializeOrEmpty(json));

    // Reason is optional on read.
    errors.clear();
    const DecisionStatement noReason
        = DecisionStatement::read(without(validDecision(), QStringLiteral("reason")), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QVERIFY(noReason.reason.isEmpty());
    // Milliseconds survive.
    errors.clear();
    const DecisionStatement precise = DecisionStatement::read(
        withValue(validDecision(), QStringLiteral("issued_at"), QStringLiteral("2026-12-04T11:52:10.250Z")), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QCOMPARE(precise.toJson().value(QStringLiteral("issued_at")).toString(),
             QStringLiteral("2026-12-04T11:52:10.250Z"));
}

void TestAction::decisionStatementErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("fragment");
    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("missing action_id") << QStringLiteral("action_id") << removed
                                       << QStringLiteral("missing required field");
    QTest::newRow("missing nonce") << QStringLiteral("nonce") << removed << QStringLiteral("missing required field");
    QTest::newRow("digest without prefix")
        << QStringLiteral("action_digest") << QJsonValue(QStringLiteral("O74UwPxpV4089wZLNySry0e9j7NAcv6YO3elWr3Gtxc"))
        << QStringLiteral("expected sha256:");
    QTest::newRow("digest too short") << QStringLiteral("action_digest") << QJsonValue(QStringLiteral("sha256:O74U"))
                                      << QStringLiteral("expected sha256:");
    QTest::newRow("digest with non-canonical base64url")
        << QStringLiteral("action_digest")
        << QJsonValue(QStringLiteral("sha256:O74UwPxpV4089wZLNySry0e9j7NAcv6YO3elWr3Gtxd"))
        << QStringLiteral("expected sha256:");
    QTest::newRow("hex digest") << QStringLiteral("action_digest")
                                << QJsonValue(QStringLiteral("sha256:3bbe14c0fc6957…"))
                                << QStringLiteral("expected sha256:");
    QTest::newRow("unknown verdict") << QStringLiteral("verdict") << QJsonValue(QStringLiteral("maybe"))
                                     << QStringLiteral("expected one of approve, deny");
    QTest::newRow("verdict in capitals") << QStringLiteral("verdict") << QJsonValue(QStringLiteral("APPROVE"))
                                         << QStringLiteral("expected one of approve, deny");
    QTest::newRow("approver is a name") << QStringLiteral("approver")
                                        << QJsonValue(QStringLiteral("alice@acme.example"))
                                        << QStringLiteral("expected a key id");
    QTest::newRow("nonce too short") << QStringLiteral("nonce") << QJsonValue(QStringLiteral("abc"))
                                     << QStringLiteral("expected at least 22 base64url characters");
    QTest::newRow("nonce not base64url") << QStringLiteral("nonce")
                                         << QJsonValue(QStringLiteral("q3VxWm0t8c1bJ7yYf2Lr9A+/"))
                                         << QStringLiteral("expected at least 22 base64url characters");
    QTest::newRow("issued_at not a timestamp") << QStringLiteral("issued_at") << QJsonValue(QStringLiteral("yesterday"))
                                               << QStringLiteral("expected RFC 3339 timestamp");
    QTest::newRow("unknown field") << QStringLiteral("comment") << QJsonValue(QStringLiteral("lgtm"))
                                   << QStringLiteral("unknown field");
}

void TestAction::decisionStatementErrors()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, fragment);
    ValidationErrors errors;
    DecisionStatement::read(withValue(validDecision(), path, value), &errors);
    QVERIFY2(errors.size() == 1, qPrintable(errorsText(errors)));
    QCOMPARE(errors.first().path, path);
    QVERIFY2(errors.first().message.contains(fragment), qPrintable(errors.first().message));
}

void TestAction::killSwitchOrderRoundTrip_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("target");
    QTest::newRow("global") << QStringLiteral("global") << QString();
    QTest::newRow("tenant") << QStringLiteral("tenant") << QStringLiteral("acme");
    QTest::newRow("user") << QStringLiteral("user") << QStringLiteral("maria.lopez@acme.example");
    QTest::newRow("agent") << QStringLiteral("agent") << QStringLiteral("agent:sales-assistant");
    QTest::newRow("tool") << QStringLiteral("tool") << QStringLiteral("email.send");
}

void TestAction::killSwitchOrderRoundTrip()
{
    QFETCH(QString, scope);
    QFETCH(QString, target);
    const QJsonObject json = validKillSwitch(scope, target);
    ValidationErrors errors;
    const KillSwitchOrder order = KillSwitchOrder::read(json, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QCOMPARE(order.operation, QStringLiteral("engage"));
    QCOMPARE(order.scope, scope);
    QCOMPARE(order.target, target);
    QCOMPARE(order.issuedBy, kKeyId);
    QCOMPARE(order.issuedAt, utc("2026-12-04T12:00:00Z"));
    QCOMPARE(CanonicalJson::serializeOrEmpty(order.toJson()), CanonicalJson::serializeOrEmpty(json));
    QCOMPARE(order.toJson().contains(QStringLiteral("target")), !target.isEmpty());
}

void TestAction::killSwitchOrderErrors_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("global with a target")
        << validKillSwitch(QStringLiteral("global"), QStringLiteral("acme")) << QStringLiteral("target")
        << QStringLiteral("a global kill switch has no target");
    QTest::newRow("tenant without a target") << validKillSwitch(QStringLiteral("tenant"), QString())
                                             << QStringLiteral("target") << QStringLiteral("missing required field");
    QTest::newRow("tool with an empty target") << validKillSwitch(QStringLiteral("tool"), QStringLiteral(""))
                                               << QStringLiteral("target") << QStringLiteral("must not be empty");
    QTest::newRow("missing reason") << without(validKillSwitch(QStringLiteral("global"), QString()),
                                               QStringLiteral("reason"))
                                    << QStringLiteral("reason") << QStringLiteral("missing required field");
    QTest::newRow("unknown scope") << validKillSwitch(QStringLiteral("planet"), QStringLiteral("earth"))
                                   << QStringLiteral("scope")
                                   << QStringLiteral("expected one of global, tenant, user, agent, tool");
    QTest::newRow("unknown operation") << withValue(validKillSwitch(QStringLiteral("global"), QString()),
                                                    QStringLiteral("operation"), QStringLiteral("pause"))
                                       << QStringLiteral("operation")
                                       << QStringLiteral("expected one of engage, release");
    QTest::newRow("issued_by is a name") << withValue(validKillSwitch(QStringLiteral("global"), QString()),
                                                      QStringLiteral("issued_by"), QStringLiteral("oncall"))
                                         << QStringLiteral("issued_by") << QStringLiteral("expected a key id");
    QTest::newRow("missing nonce") << without(validKillSwitch(QStringLiteral("global"), QString()),
                                              QStringLiteral("nonce"))
                                   << QStringLiteral("nonce") << QStringLiteral("missing required field");
}

void TestAction::killSwitchOrderErrors()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);
    ValidationErrors errors;
    KillSwitchOrder::read(json, &errors);
    QVERIFY2(errors.size() == 1, qPrintable(errorsText(errors)));
    QCOMPARE(errors.first().path, path);
    QVERIFY2(errors.first().message.contains(fragment), qPrintable(errors.first().message));
}

// --- Audit entries and the hash chain ----------------------------------------

QList<AuditEntry> TestAction::buildChain(int length)
{
    static const char *const events[] = {"submitted", "policy_decided", "decision_accepted", "resolved", "executed"};
    QList<AuditEntry> chain;
    QString previous = AuditEntry::genesisHash();
    for (int i = 0; i < length; ++i) {
        AuditEntry entry;
        entry.seq = i + 1;
        entry.at = utc("2026-12-04T11:40:00Z").addSecs(i * 7);
        entry.event = QString::fromLatin1(events[i % 5]);
        entry.actionId = QStringLiteral("act_2026120411400001");
        entry.data = QJsonObject {{QStringLiteral("step"), i},
                                  {QStringLiteral("note"), QStringLiteral("entry %1").arg(i + 1)}};
        entry.prevHash = previous;
        entry.hash = entry.computeHash();
        previous = entry.hash;
        chain.append(entry);
    }
    return chain;
}

void TestAction::auditEntryRoundTrip()
{
    const QList<AuditEntry> chain = buildChain(5);
    for (const AuditEntry &entry : chain) {
        ValidationErrors errors;
        const AuditEntry read = AuditEntry::read(entry.toJson(), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
        QCOMPARE(read.seq, entry.seq);
        QCOMPARE(read.at, entry.at);
        QCOMPARE(read.event, entry.event);
        QCOMPARE(read.actionId, entry.actionId);
        QCOMPARE(read.data, entry.data);
        QCOMPARE(read.prevHash, entry.prevHash);
        QCOMPARE(read.hash, entry.hash);
        QCOMPARE(read.computeHash(), entry.hash);
        QCOMPARE(CanonicalJson::serializeOrEmpty(read.toJson()), CanonicalJson::serializeOrEmpty(entry.toJson()));
    }
    // An entry without an action (e.g. a kill switch) keeps its extensions.
    QJsonObject json {{QStringLiteral("seq"), 9},
                      {QStringLiteral("at"), QStringLiteral("2026-12-04T12:00:00Z")},
                      {QStringLiteral("event"), QStringLiteral("kill_switch_engaged")},
                      {QStringLiteral("data"), QJsonObject {{QStringLiteral("scope"), QStringLiteral("global")}}},
                      {QStringLiteral("prev_hash"), AuditEntry::genesisHash()},
                      {QStringLiteral("hash"), AuditEntry::genesisHash()},
                      {QStringLiteral("x-node"), QStringLiteral("broker-1")}};
    ValidationErrors errors;
    const AuditEntry read = AuditEntry::read(json, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errorsText(errors)));
    QVERIFY(read.actionId.isEmpty());
    QCOMPARE(CanonicalJson::serializeOrEmpty(read.toJson()), CanonicalJson::serializeOrEmpty(json));
    QCOMPARE(AuditEntry::genesisHash(), QStringLiteral("sha256:") + QString(43, QLatin1Char('A')));
}

void TestAction::auditEntryHashMatchesAnIndependentComputation()
{
    for (const AuditEntry &entry : buildChain(3)) {
        QJsonObject json = entry.toJson();
        QVERIFY(json.contains(QStringLiteral("hash")));
        json.remove(QStringLiteral("hash"));
        QCOMPARE(entry.hash,
                 coretest::independentPrefixedHash(QStringLiteral("sha256:"), CanonicalJson::serializeOrEmpty(json)));
        QVERIFY(Identifiers::isDigest(entry.hash));
    }
}

void TestAction::auditEntryErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("seq zero") << QStringLiteral("seq") << QJsonValue(0) << QStringLiteral("must be at least 1");
    QTest::newRow("seq fractional") << QStringLiteral("seq") << QJsonValue(1.5)
                                    << QStringLiteral("expected an integer");
    QTest::newRow("bad prev_hash") << QStringLiteral("prev_hash") << QJsonValue(QStringLiteral("sha1:abc"))
                                   << QStringLiteral("expected sha256:");
    QTest::newRow("bad hash") << QStringLiteral("hash") << QJsonValue(QStringLiteral("sha256:"))
                              << QStringLiteral("expected sha256:");
    QTest::newRow("missing event") << QStringLiteral("event") << QJsonValue(QJsonValue::Undefined)
                                   << QStringLiteral("missing required field");
    QTest::newRow("data not an object") << QStringLiteral("data") << QJsonValue(QJsonArray())
                                        << QStringLiteral("expected an object");
}

void TestAction::auditEntryErrors()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, fragment);
    ValidationErrors errors;
    AuditEntry::read(withValue(buildChain(1).first().toJson(), path, value), &errors);
    QVERIFY2(errors.size() == 1, qPrintable(errorsText(errors)));
    QCOMPARE(errors.first().path, path);
    QVERIFY2(errors.first().message.contains(fragment), qPrintable(errors.first().message));
}

void TestAction::auditChainVerifies()
{
    const QList<AuditEntry> chain = buildChain(5);
    const AuditChain::Result result = AuditChain::verify(chain, AuditEntry::genesisHash());
    QVERIFY2(result.ok, qPrintable(result.problem));
    QCOMPARE(result.verifiedThrough, qint64(5));
    QCOMPARE(result.firstBadSeq, qint64(0));
    QVERIFY(AuditChain::verify({}, AuditEntry::genesisHash()).ok);
}

void TestAction::auditChainDetectsAModifiedEntry()
{
    QList<AuditEntry> chain = buildChain(5);
    chain[2].data.insert(QStringLiteral("note"), QStringLiteral("rewritten"));
    const AuditChain::Result result = AuditChain::verify(chain, AuditEntry::genesisHash());
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, qint64(3));
    QCOMPARE(result.verifiedThrough, qint64(2));
    QVERIFY2(result.problem.contains(QStringLiteral("modified")), qPrintable(result.problem));

    // Any field counts, not only data.
    chain = buildChain(5);
    chain[3].event = QStringLiteral("resolved_differently");
    QCOMPARE(AuditChain::verify(chain, AuditEntry::genesisHash()).firstBadSeq, qint64(4));
    chain = buildChain(5);
    chain[0].at = chain[0].at.addSecs(1);
    QCOMPARE(AuditChain::verify(chain, AuditEntry::genesisHash()).firstBadSeq, qint64(1));
}

void TestAction::auditChainDetectsARehashedModification()
{
    // Rewriting an entry and its hash breaks the link to the next one.
    QList<AuditEntry> chain = buildChain(5);
    chain[2].data.insert(QStringLiteral("note"), QStringLiteral("rewritten"));
    chain[2].hash = chain[2].computeHash();
    const AuditChain::Result result = AuditChain::verify(chain, AuditEntry::genesisHash());
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, qint64(4));
    QVERIFY2(result.problem.contains(QStringLiteral("prev_hash")), qPrintable(result.problem));
}

void TestAction::auditChainDetectsADeletedEntry()
{
    QList<AuditEntry> chain = buildChain(5);
    chain.removeAt(2);
    const AuditChain::Result result = AuditChain::verify(chain, AuditEntry::genesisHash());
    QVERIFY(!result.ok);
    // Detected at the next entry (seq 4); the seq reported is the missing one.
    QCOMPARE(result.firstBadSeq, qint64(3));
    QCOMPARE(result.verifiedThrough, qint64(2));
    QVERIFY2(result.problem.contains(QStringLiteral("entry 3 is missing"))
                 && result.problem.contains(QStringLiteral("seq 4")),
             qPrintable(result.problem));

    // Renumbering after the deletion does not help: the hashes no longer link.
    chain[2].seq = 3;
    chain[3].seq = 4;
    QCOMPARE(AuditChain::verify(chain, AuditEntry::genesisHash()).firstBadSeq, qint64(3));
}

void TestAction::auditChainDetectsSwappedEntries()
{
    QList<AuditEntry> chain = buildChain(5);
    chain.swapItemsAt(1, 2);
    const AuditChain::Result result = AuditChain::verify(chain, AuditEntry::genesisHash());
    QVERIFY(!result.ok);
    QCOMPARE(result.verifiedThrough, qint64(1));
    QCOMPARE(result.firstBadSeq, qint64(2)); // seq 3 found where seq 2 belongs
    QVERIFY2(result.problem.contains(QStringLiteral("entry 2 is missing"))
                 && result.problem.contains(QStringLiteral("seq 3")),
             qPrintable(result.problem));

    // Swapping the contents but keeping the sequence numbers in place.
    chain = buildChain(5);
    std::swap(chain[1].data, chain[2].data);
    std::swap(chain[1].event, chain[2].event);
    const AuditChain::Result swappedContent = AuditChain::verify(chain, AuditEntry::genesisHash());
    QVERIFY(!swappedContent.ok);
    QCOMPARE(swappedContent.firstBadSeq, qint64(2));
}

void TestAction::auditChainDetectsTheWrongAnchor()
{
    const QList<AuditEntry> chain = buildChain(5);
    const AuditChain::Result result = AuditChain::verify(chain, chain.at(0).hash);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, qint64(1));
    QCOMPARE(result.verifiedThrough, qint64(0));
}

void TestAction::auditChainVerifiesARunFromTheMiddle()
{
    const QList<AuditEntry> chain = buildChain(5);
    const AuditChain::Result result = AuditChain::verify(chain.mid(2), chain.at(1).hash);
    QVERIFY2(result.ok, qPrintable(result.problem));
    QCOMPARE(result.verifiedThrough, qint64(5));
    QVERIFY(!AuditChain::verify(chain.mid(2), chain.at(0).hash).ok);
}

void TestAction::auditChainCanBeFedIncrementally()
{
    const QList<AuditEntry> chain = buildChain(5);
    AuditChain verifier(AuditEntry::genesisHash(), 1);
    for (const AuditEntry &entry : chain)
        QVERIFY2(verifier.add(entry), qPrintable(verifier.result().problem));
    QVERIFY(verifier.result().ok);
    QCOMPARE(verifier.result().count, qint64(5));
    QCOMPARE(verifier.result().verifiedThrough, qint64(5));
    QCOMPARE(verifier.headHash(), chain.last().hash);

    // A run must start at the seq asked for.
    AuditChain fromTwo(AuditEntry::genesisHash(), 2);
    QVERIFY(!fromTwo.add(chain.first()));
    QCOMPARE(fromTwo.result().firstBadSeq, qint64(2));

    // Once broken, it stays broken, and the head stays at the last good entry.
    AuditChain broken(AuditEntry::genesisHash());
    QVERIFY(broken.add(chain.at(0)));
    QVERIFY(!broken.add(chain.at(2)));
    QVERIFY(!broken.add(chain.at(1)));
    QCOMPARE(broken.result().firstBadSeq, qint64(2));
    QCOMPARE(broken.result().count, qint64(1));
    QCOMPARE(broken.headHash(), chain.at(0).hash);
}

void TestAction::timestampsAreWrittenAsQtWritesThem()
{
    // formatTimestamp writes years 1 to 9999 itself; it must give exactly the
    // text Qt's ISO format gives (what stored and signed timestamps were).
    const auto qtText = [](const QDateTime &time) {
        const QDateTime utc = time.toUTC();
        return utc.time().msec() != 0 ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
    };
    QList<qint64> times {0,
                         -1,
                         1,
                         999,
                         -86400000,
                         951782400000, // 2000-02-29
                         4107542399999, // 2100-02-28T23:59:59.999
                         -62135596800000, // 0001-01-01
                         253402300799999}; // 9999-12-31T23:59:59.999
    QRandomGenerator random(20261204);
    for (int i = 0; i < 20000; ++i)
        times.append(-62135596800000LL + qint64(random.bounded(253402300799999.0 + 62135596800000.0)));
    for (int i = 0; i < 2000; ++i) // whole seconds, where no fraction is written
        times.append(qint64(random.bounded(4102444800.0)) * 1000);
    for (const qint64 ms : std::as_const(times)) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        QCOMPARE(JsonReader::formatTimestamp(time), qtText(time));
    }
    // Another time spec, the same instant.
    const QDateTime offset = QDateTime::fromMSecsSinceEpoch(1796390530250, Qt::OffsetFromUTC, 3600);
    QCOMPARE(JsonReader::formatTimestamp(offset), QStringLiteral("2026-12-04T13:22:10.250Z"));
    QCOMPARE(JsonReader::formatTimestamp(QDateTime()), qtText(QDateTime()));
}

void TestAction::actionIdsSortByTimeAndDoNotRepeat()
{
    static const QRegularExpression ulid(QStringLiteral("^act_[0-9A-HJKMNP-TV-Z]{26}$"));
    // 2026-12-04T13:22:10.250Z is 1796390530250 ms: its first ten characters
    // are those milliseconds in Crockford base32 (50 bits).
    const QString known = Identifiers::newActionId(1796390530250);
    qint64 decoded = 0;
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    for (const QChar c : QStringView(known).mid(4, 10))
        decoded = decoded * 32 + alphabet.indexOf(c);
    QCOMPARE(decoded, qint64(1796390530250));

    QSet<QString> seen;
    QString lastOfPreviousMs; // the greatest id the previous millisecond could have had
    for (qint64 ms = 1796390530000; ms < 1796390530000 + 2000; ms += 7) {
        // Many ids in one millisecond: all different, all after the last millisecond's.
        QString id;
        for (int i = 0; i < 20; ++i) {
            id = Identifiers::newActionId(ms);
            QVERIFY2(ulid.match(id).hasMatch(), qPrintable(id));
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
            QVERIFY2(lastOfPreviousMs < id, qPrintable(lastOfPreviousMs + QStringLiteral(" / ") + id));
        }
        lastOfPreviousMs = QString(id.left(14) + QStringLiteral("ZZZZZZZZZZZZZZZZ"));
    }
}

QTEST_GUILESS_MAIN(TestAction)
#include "TestAction.moc"
