#include "broker/Policy.h"
#include "broker/PolicyDomains.h"
#include "broker/PolicyGlob.h"
#include "broker/PolicyPath.h"
#include "broker/PolicyText.h"
#include "broker/TomlDocument.h"
#include "core/Action.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using countersign::broker::Policy;
using countersign::broker::PolicyDecision;
using countersign::broker::PolicyDomains;
using countersign::broker::PolicyGlob;
using countersign::broker::PolicyPath;
using countersign::broker::PolicyText;
using countersign::broker::TomlDocument;
using countersign::core::Action;
using countersign::core::ValidationErrors;

namespace {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(COUNTERSIGN_SOURCE_DIR "/") + relative;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonObject scenario(const QString &name)
{
    const QByteArray bytes = readFile(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/") + name + QStringLiteral(".json"));
    return QJsonDocument::fromJson(bytes).object();
}

// Through Action::parse, so every crafted action is one the broker would accept.
Action toAction(const QJsonObject &json)
{
    ValidationErrors errors;
    const auto action = Action::parse(QJsonDocument(json).toJson(QJsonDocument::Compact), &errors);
    if (!action) {
        QStringList messages;
        for (const auto &e : errors)
            messages.append(e.toString());
        qFatal("test action rejected: %s", qPrintable(messages.join(QStringLiteral("; "))));
    }
    return *action;
}

// An ordinary scenario action with other arguments.
Action withArguments(const QJsonObject &arguments)
{
    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    json.insert(QStringLiteral("arguments"), arguments);
    return toAction(json);
}

QJsonObject parseJsonObject(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

Policy examplePolicy()
{
    QStringList errors;
    const auto policy = Policy::load(sourcePath(QStringLiteral("resources/policy/example-policy.toml")), &errors);
    if (!policy)
        qFatal("example policy does not load: %s", qPrintable(errors.join(QLatin1Char('\n'))));
    return *policy;
}

std::optional<Policy> parsePolicy(const QByteArray &text, QStringList *errors)
{
    return Policy::parse(text, QStringLiteral("policy.toml"), errors);
}

// A policy whose only rule, "probe", matches when the given predicate holds.
QByteArray probePolicy(const QByteArray &predicate)
{
    return QByteArrayLiteral("version = 1\n"
                             "[tenants.acme]\n"
                             "domains = [\"acme.example\"]\n"
                             "allowed_domains = [\"partner.example\"]\n"
                             "[[rules]]\n"
                             "id = \"probe\"\n"
                             "action = \"deny\"\n"
                             "match.arguments = [ ")
        + predicate + QByteArrayLiteral(" ]\n");
}

} // namespace

// The declarative policy engine: the shipped example against every scenario,
// each predicate operator, every class of load error with its line, TOML
// syntax errors, ordering, explanations and the file hash.
class TestPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examplePolicyLoads();
    void exampleScenarioOutcomes_data();
    void exampleScenarioOutcomes();
    void exampleReadOnlyVariantIsAllowed_data();
    void exampleReadOnlyVariantIsAllowed();
    void exampleReadOnlyWithSideEffectsIsDenied_data();
    void exampleReadOnlyWithSideEffectsIsDenied();
    void exampleUnknownToolIsDefaultDenied();
    void exampleIamWildcardIsDeniedInEveryShape_data();
    void exampleIamWildcardIsDeniedInEveryShape();
    void exampleEmailRecipients_data();
    void exampleEmailRecipients();
    void exampleTenantDomains();
    void predicateOperators_data();
    void predicateOperators();
    void predicateWithSeveralPathsPoolsValues();
    void domainExtraction_data();
    void domainExtraction();
    void loadErrors_data();
    void loadErrors();
    void tomlSyntaxErrorHasLineAndColumn();
    void errorsAreReportedInLineOrder();
    void firstMatchWins();
    void unlessVetoesARule();
    void absentAnnotationMatchesNeitherTrueNorFalse();
    void identityGlobsIgnoreCase();
    void explanationNamesTheMatchedRuleAndWhyEarlierRulesDidNot();
    void explanationEscapesHostileText();
    void defaultDenyExplains();
    void approveDefaults();
    void outcomeJson();
    void hashChangesWhenTheFileChanges();
    void loadReportsUnreadableFile();
    void tomlDocumentConvertsTypes();
    void tomlDocumentLinesAndLocate();
    void tomlNonAsciiOnlyInStringsAndComments();
    void tomlDocumentRejectsUnrepresentableNumbers_data();
    void tomlDocumentRejectsUnrepresentableNumbers();
    void tomlDocumentRefusesDeepNesting();
    void globSyntax_data();
    void globSyntax();
    void pathSyntax_data();
    void pathSyntax();
    void durations();
};

void TestPolicy::examplePolicyLoads()
{
    QStringList errors;
    const auto policy = Policy::load(sourcePath(QStringLiteral("resources/policy/example-policy.toml")), &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(errors.isEmpty());
    QCOMPARE(policy->rules().size(), 6);
    QCOMPARE(policy->tenants(), (QStringList {QStringLiteral("acme"), QStringLiteral("globex-retail")}));
}

void TestPolicy::exampleScenarioOutcomes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<int>("quorum");
    QTest::addColumn<qint64>("deadline");

    QTest::newRow("renewal-outreach-email") << QStringLiteral("renewal-outreach-email") << QStringLiteral("approve")
                                            << QStringLiteral("approve-external-email")
                                            << QStringList {QStringLiteral("sales-approver")} << 1 << qint64(3600);
    QTest::newRow("prod-schema-migration") << QStringLiteral("prod-schema-migration") << QStringLiteral("approve")
                                           << QStringLiteral("approve-production-migration")
                                           << QStringList {QStringLiteral("db-owner")} << 2 << qint64(1800);
    QTest::newRow("iam-role-grant") << QStringLiteral("iam-role-grant") << QStringLiteral("deny")
                                    << QStringLiteral("deny-iam-wildcard-action") << QStringList() << 0 << qint64(0);
    QTest::newRow("customer-refund") << QStringLiteral("customer-refund") << QStringLiteral("approve")
                                     << QStringLiteral("approve-refund-to-bank-account")
                                     << QStringList {QStringLiteral("payments-approver")} << 1 << qint64(3600);
    QTest::newRow("mcp-file-write") << QStringLiteral("mcp-file-write") << QStringLiteral("approve")
                                    << QStringLiteral("approve-destructive-file-write")
                                    << QStringList {QStringLiteral("approver")} << 1 << qint64(900);
}

void TestPolicy::exampleScenarioOutcomes()
{
    QFETCH(QString, name);
    QFETCH(QString, decision);
    QFETCH(QString, rule);
    QFETCH(QStringList, roles);
    QFETCH(int, quorum);
    QFETCH(qint64, deadline);

    const PolicyDecision d = examplePolicy().evaluate(toAction(scenario(name)));
    QCOMPARE(d.decision, decision);
    QCOMPARE(d.rule, rule);
    QCOMPARE(d.approverRoles, roles);
    QCOMPARE(d.quorum, quorum);
    QCOMPARE(d.deadlineSeconds, deadline);
    QVERIFY(!d.reason.isEmpty());
    if (d.isApprove()) {
        QCOMPARE(d.denyThreshold, 1);
        QVERIFY(d.forbidRequester);
    }
    QVERIFY(d.explanation.last().contains(rule));
    QVERIFY(d.explanation.last().contains(QStringLiteral("matched:")));
}

void TestPolicy::exampleReadOnlyVariantIsAllowed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("tool");
    for (const char *name :
         {"renewal-outreach-email", "prod-schema-migration", "iam-role-grant", "customer-refund", "mcp-file-write"})
        QTest::newRow(name) << QString::fromLatin1(name) << QStringLiteral("crm.lookup");
    QTest::newRow("read_file") << QStringLiteral("mcp-file-write") << QStringLiteral("read_file");
}

void TestPolicy::exampleReadOnlyVariantIsAllowed()
{
    QFETCH(QString, name);
    QFETCH(QString, tool);
    QJsonObject json = scenario(name);
    json.insert(QStringLiteral("tool"),
                QJsonObject {{QStringLiteral("name"), tool},
                             {QStringLiteral("annotations"),
                              QJsonObject {{QStringLiteral("read_only"), true},
                                           {QStringLiteral("destructive"), false},
                                           {QStringLiteral("open_world"), false}}}});
    json.insert(QStringLiteral("arguments"), QJsonObject {{QStringLiteral("id"), QStringLiteral("42")}});
    QJsonArray scopes = json.value(QStringLiteral("data_scopes")).toArray();
    for (qsizetype i = 0; i < scopes.size(); ++i) {
        QJsonObject scope = scopes.at(i).toObject();
        scope.insert(QStringLiteral("access"), QStringLiteral("read"));
        scopes.replace(i, scope);
    }
    json.insert(QStringLiteral("data_scopes"), scopes);

    const PolicyDecision d = examplePolicy().evaluate(toAction(json));
    QCOMPARE(d.decision, QStringLiteral("allow"));
    QCOMPARE(d.rule, QStringLiteral("allow-read-only"));
    QCOMPARE(d.toOutcome().quorum, 0);
}

void TestPolicy::exampleReadOnlyWithSideEffectsIsDenied_data()
{
    QTest::addColumn<QString>("access");
    QTest::addColumn<QJsonObject>("annotations");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QJsonObject>("arguments");

    const QJsonObject readOnly {{QStringLiteral("read_only"), true}};
    for (const char *access : {"write", "delete", "send", "execute"})
        QTest::newRow(access) << QString::fromLatin1(access) << readOnly << QStringLiteral("agent:sales-assistant")
                              << QJsonObject();
    QTest::newRow("read_only-and-destructive")
        << QStringLiteral("read")
        << QJsonObject {{QStringLiteral("read_only"), true}, {QStringLiteral("destructive"), true}}
        << QStringLiteral("agent:sales-assistant") << QJsonObject();
    QTest::newRow("open-world") << QStringLiteral(
        "read") << QJsonObject {{QStringLiteral("read_only"), true}, {QStringLiteral("open_world"), true}}
                                << QStringLiteral("agent:sales-assistant") << QJsonObject();
    QTest::newRow("read_only-absent") << QStringLiteral("read") << QJsonObject()
                                      << QStringLiteral("agent:sales-assistant") << QJsonObject();
    QTest::newRow("read_only-false") << QStringLiteral("read") << QJsonObject {{QStringLiteral("read_only"), false}}
                                     << QStringLiteral("agent:sales-assistant") << QJsonObject();
    QTest::newRow("unknown-agent") << QStringLiteral("read") << readOnly << QStringLiteral("agent:intruder")
                                   << QJsonObject();
}

void TestPolicy::exampleReadOnlyWithSideEffectsIsDenied()
{
    QFETCH(QString, access);
    QFETCH(QJsonObject, annotations);
    QFETCH(QString, agent);
    QFETCH(QJsonObject, arguments);

    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    json.insert(QStringLiteral("tool"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("crm.lookup")},
                             {QStringLiteral("annotations"), annotations}});
    QJsonObject agentJson = json.value(QStringLiteral("agent")).toObject();
    agentJson.insert(QStringLiteral("id"), agent);
    json.insert(QStringLiteral("agent"), agentJson);
    json.insert(QStringLiteral("arguments"), arguments);
    json.insert(QStringLiteral("data_scopes"),
                QJsonArray {QJsonObject {{QStringLiteral("resource"), QStringLiteral("crm://acme/accounts/globex")},
                                         {QStringLiteral("access"), access},
                                         {QStringLiteral("classification"), QStringLiteral("internal")}}});
    const PolicyDecision d = examplePolicy().evaluate(toAction(json));
    QCOMPARE(d.decision, QStringLiteral("deny"));
    QCOMPARE(d.rule, QStringLiteral("default-deny"));
}

void TestPolicy::exampleUnknownToolIsDefaultDenied()
{
    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("shell.exec")}});
    const PolicyDecision d = examplePolicy().evaluate(toAction(json));
    QCOMPARE(d.decision, QStringLiteral("deny"));
    QCOMPARE(d.rule, QStringLiteral("default-deny"));
    QCOMPARE(d.explanation.size(), 7); // six rules considered, then default-deny
    QVERIFY(d.explanation.last().startsWith(QStringLiteral("default-deny:")));
    QCOMPARE(d.toOutcome().toJson().value(QStringLiteral("rule")).toString(), QStringLiteral("default-deny"));
}

void TestPolicy::exampleIamWildcardIsDeniedInEveryShape_data()
{
    QTest::addColumn<QJsonObject>("policyDocument");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("rule");

    QTest::newRow("string-action") << parseJsonObject(R"({"Statement":[{"Effect":"Allow","Action":"*"}]})") << false
                                   << QStringLiteral("deny-iam-wildcard-action");
    QTest::newRow("array-action") << parseJsonObject(R"({"Statement":[{"Action":["s3:GetObject","*"]}]})") << false
                                  << QStringLiteral("deny-iam-wildcard-action");
    QTest::newRow("single-statement-object")
        << parseJsonObject(R"({"Statement":{"Action":"*"}})") << false << QStringLiteral("deny-iam-wildcard-action");
    QTest::newRow("claims-read-only") << parseJsonObject(R"({"Statement":[{"Action":"*"}]})") << true
                                      << QStringLiteral("deny-iam-wildcard-action");
    // No wildcard: still denied, because no rule lets an IAM change through.
    QTest::newRow("specific-actions") << parseJsonObject(R"({"Statement":[{"Action":["s3:GetObject"]}]})") << false
                                      << QStringLiteral("default-deny");
}

void TestPolicy::exampleIamWildcardIsDeniedInEveryShape()
{
    QFETCH(QJsonObject, policyDocument);
    QFETCH(bool, readOnly);
    QFETCH(QString, rule);

    QJsonObject json = scenario(QStringLiteral("iam-role-grant"));
    QJsonObject arguments = json.value(QStringLiteral("arguments")).toObject();
    arguments.insert(QStringLiteral("policy"), policyDocument);
    json.insert(QStringLiteral("arguments"), arguments);
    if (readOnly) {
        json.insert(QStringLiteral("tool"),
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("cloud.iam.attach_policy")},
                                 {QStringLiteral("annotations"), QJsonObject {{QStringLiteral("read_only"), true}}}});
        json.insert(QStringLiteral("data_scopes"), QJsonArray());
    }
    const PolicyDecision d = examplePolicy().evaluate(toAction(json));
    QCOMPARE(d.decision, QStringLiteral("deny"));
    QCOMPARE(d.rule, rule);
}

void TestPolicy::exampleEmailRecipients_data()
{
    QTest::addColumn<QJsonObject>("recipients");
    QTest::addColumn<QString>("rule");

    const QString external = QStringLiteral("approve-external-email");
    const QString denied = QStringLiteral("default-deny");
    QTest::newRow("internal-only") << parseJsonObject(R"({"to":["a@acme.example"],"cc":["b@acme.example"]})") << denied;
    QTest::newRow("internal-subdomain") << parseJsonObject(R"({"to":["a@eu.mail.acme.example"]})") << denied;
    QTest::newRow("internal-uppercase") << parseJsonObject(R"({"to":["Maria <MARIA@ACME.EXAMPLE>"]})") << denied;
    QTest::newRow("external-in-bcc") << parseJsonObject(R"({"to":["a@acme.example"],"bcc":["x@evil.example"]})")
                                     << external;
    QTest::newRow("lookalike-suffix") << parseJsonObject(R"({"to":["a@evilacme.example"]})") << external;
    QTest::newRow("tenant-as-subdomain") << parseJsonObject(R"({"to":["a@acme.example.evil.example"]})") << external;
    QTest::newRow("unreadable-recipient") << parseJsonObject(R"({"to":["not an address"]})") << external;
    QTest::newRow("object-recipient") << parseJsonObject(R"({"to":[{"address":"a@acme.example"}]})") << external;
    QTest::newRow("string-not-array") << parseJsonObject(R"({"to":"x@evil.example"})") << external;
    QTest::newRow("no-recipients") << parseJsonObject(R"({"subject":"hi"})") << denied;
}

void TestPolicy::exampleEmailRecipients()
{
    QFETCH(QJsonObject, recipients);
    QFETCH(QString, rule);
    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    json.insert(QStringLiteral("arguments"), recipients);
    QCOMPARE(examplePolicy().evaluate(toAction(json)).rule, rule);
}

void TestPolicy::exampleTenantDomains()
{
    const Policy policy = examplePolicy();
    QCOMPARE(policy.tenantDomains(QStringLiteral("acme")), QStringList {QStringLiteral("acme.example")});
    QCOMPARE(policy.tenantDomains(QStringLiteral("globex-retail")),
             QStringList {QStringLiteral("globex-retail.example")});
    QVERIFY(policy.allowedDomains(QStringLiteral("acme")).isEmpty());
    QVERIFY(policy.tenantDomains(QStringLiteral("initech")).isEmpty());

    QStringList errors;
    const auto partner = parsePolicy(probePolicy("{ path = \"to\", exists = true }"), &errors);
    QVERIFY2(partner, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(partner->allowedDomains(QStringLiteral("acme")), QStringList {QStringLiteral("partner.example")});
}

void TestPolicy::predicateOperators_data()
{
    QTest::addColumn<QByteArray>("predicate");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<bool>("matches");

    // equals
    QTest::newRow("equals-string") << QByteArray(R"({ path = "env", equals = "production" })")
                                   << QByteArray(R"({"env":"production"})") << true;
    QTest::newRow("equals-is-case-sensitive")
        << QByteArray(R"({ path = "env", equals = "production" })") << QByteArray(R"({"env":"Production"})") << false;
    QTest::newRow("equals-ignore-case") << QByteArray(R"({ path = "env", equals = "production", ignore_case = true })")
                                        << QByteArray(R"({"env":"PRODUCTION"})") << true;
    QTest::newRow("equals-integer-vs-float")
        << QByteArray(R"({ path = "n", equals = 5 })") << QByteArray(R"({"n":5.0})") << true;
    QTest::newRow("equals-number-not-string")
        << QByteArray(R"({ path = "n", equals = 5 })") << QByteArray(R"({"n":"5"})") << false;
    QTest::newRow("equals-bool") << QByteArray(R"({ path = "dry_run", equals = false })")
                                 << QByteArray(R"({"dry_run":false})") << true;
    QTest::newRow("equals-array") << QByteArray(R"({ path = "a", equals = [1, 2] })") << QByteArray(R"({"a":[1,2]})")
                                  << true;
    QTest::newRow("equals-nested") << QByteArray(R"({ path = "refund_to.method", equals = "bank_transfer" })")
                                   << QByteArray(R"({"refund_to":{"method":"bank_transfer"}})") << true;
    QTest::newRow("equals-absent") << QByteArray(R"({ path = "env", equals = "production" })") << QByteArray("{}")
                                   << false;
    QTest::newRow("equals-any-element") << QByteArray(R"({ path = "s[*].a", equals = "*" })")
                                        << QByteArray(R"({"s":[{"a":"x"},{"a":"*"}]})") << true;
    QTest::newRow("equals-index") << QByteArray(R"({ path = "s[1]", equals = "b" })")
                                  << QByteArray(R"({"s":["a","b"]})") << true;
    QTest::newRow("equals-index-out-of-range")
        << QByteArray(R"({ path = "s[5]", equals = "b" })") << QByteArray(R"({"s":["a","b"]})") << false;
    QTest::newRow("equals-quoted-member") << QByteArray(R"({ path = '["a.b"].c', equals = 1 })")
                                          << QByteArray(R"({"a.b":{"c":1},"a":{"b":{"c":2}}})") << true;
    // in
    QTest::newRow("in") << QByteArray(R"({ path = "env", in = ["prod", "production"] })")
                        << QByteArray(R"({"env":"prod"})") << true;
    QTest::newRow("in-miss") << QByteArray(R"({ path = "env", in = ["prod", "production"] })")
                             << QByteArray(R"({"env":"staging"})") << false;
    QTest::newRow("in-mixed-types") << QByteArray(R"({ path = "n", in = ["x", 3] })") << QByteArray(R"({"n":3})")
                                    << true;
    QTest::newRow("in-ignore-case") << QByteArray(R"({ path = "env", in = ["prod"], ignore_case = true })")
                                    << QByteArray(R"({"env":"PROD"})") << true;
    // glob
    QTest::newRow("glob") << QByteArray(R"({ path = "path", glob = "/srv/repos/*" })")
                          << QByteArray(R"({"path":"/srv/repos/billing/README.md"})") << true;
    QTest::newRow("glob-miss") << QByteArray(R"({ path = "path", glob = "/srv/repos/*" })")
                               << QByteArray(R"({"path":"/etc/passwd"})") << false;
    QTest::newRow("glob-is-case-sensitive")
        << QByteArray(R"({ path = "path", glob = "*.md" })") << QByteArray(R"({"path":"README.MD"})") << false;
    QTest::newRow("glob-ignore-case") << QByteArray(R"({ path = "path", glob = "*.md", ignore_case = true })")
                                      << QByteArray(R"({"path":"README.MD"})") << true;
    QTest::newRow("glob-not-a-string") << QByteArray(R"({ path = "n", glob = "*" })") << QByteArray(R"({"n":1})")
                                       << false;
    QTest::newRow("glob-class") << QByteArray(R"({ path = "v", glob = "v[0-9].?" })") << QByteArray(R"({"v":"v2.x"})")
                                << true;
    // regex
    QTest::newRow("regex") << QByteArray(R"({ path = "account", regex = "acme-prod-[0-9]+" })")
                           << QByteArray(R"({"account":"acme-prod-4471"})") << true;
    QTest::newRow("regex-is-anchored") << QByteArray(R"({ path = "account", regex = "prod" })")
                                       << QByteArray(R"({"account":"acme-prod-4471"})") << false;
    QTest::newRow("regex-dot-matches-newline") << QByteArray(R"({ path = "sql", regex = ".*DROP .*" })")
                                               << QByteArray(R"({"sql":"SELECT 1;\nDROP TABLE x;"})") << true;
    QTest::newRow("regex-ignore-case") << QByteArray(R"({ path = "sql", regex = ".*drop .*", ignore_case = true })")
                                       << QByteArray(R"({"sql":"ALTER TABLE t DROP COLUMN c"})") << true;
    // exists
    QTest::newRow("exists") << QByteArray(R"({ path = "refund_to.iban", exists = true })")
                            << QByteArray(R"({"refund_to":{"iban":"DE89"}})") << true;
    QTest::newRow("exists-null-counts") << QByteArray(R"({ path = "x", exists = true })") << QByteArray(R"({"x":null})")
                                        << true;
    QTest::newRow("exists-absent") << QByteArray(R"({ path = "refund_to.iban", exists = true })")
                                   << QByteArray(R"({"refund_to":{}})") << false;
    QTest::newRow("exists-false") << QByteArray(R"({ path = "refund_to.iban", exists = false })")
                                  << QByteArray(R"({"refund_to":{}})") << true;
    QTest::newRow("exists-false-present") << QByteArray(R"({ path = "refund_to.iban", exists = false })")
                                          << QByteArray(R"({"refund_to":{"iban":"x"}})") << false;
    // domain_not_in
    const QByteArray notTenant = R"({ path = "to[*]", domain_not_in = ["$tenant.domains"] })";
    QTest::newRow("domain-email-external") << notTenant << QByteArray(R"({"to":["a@globex.example"]})") << true;
    QTest::newRow("domain-email-internal") << notTenant << QByteArray(R"({"to":["a@acme.example"]})") << false;
    QTest::newRow("domain-any-external") << notTenant << QByteArray(R"({"to":["a@acme.example","b@globex.example"]})")
                                         << true;
    QTest::newRow("domain-url") << notTenant << QByteArray(R"({"to":["https://files.acme.example/x?y=1"]})") << false;
    QTest::newRow("domain-url-external") << notTenant << QByteArray(R"({"to":["https://evil.example/acme.example"]})")
                                         << true;
    QTest::newRow("domain-url-userinfo") << notTenant << QByteArray(R"({"to":["https://acme.example@evil.example/"]})")
                                         << true;
    QTest::newRow("domain-hostname") << notTenant << QByteArray(R"({"to":["acme.example"]})") << false;
    QTest::newRow("domain-hostname-port") << notTenant << QByteArray(R"({"to":["db.acme.example:5432"]})") << false;
    QTest::newRow("domain-subdomain") << notTenant << QByteArray(R"({"to":["x@mail.acme.example"]})") << false;
    QTest::newRow("domain-uppercase") << notTenant << QByteArray(R"({"to":["X@ACME.Example"]})") << false;
    QTest::newRow("domain-trailing-dot") << notTenant << QByteArray(R"({"to":["x@acme.example."]})") << false;
    QTest::newRow("domain-suffix-is-not-subdomain")
        << notTenant << QByteArray(R"({"to":["x@notacme.example"]})") << true;
    QTest::newRow("domain-cyrillic-lookalike") << notTenant
                                               << QByteArray("{\"to\":[\"x@\xd0\xb0"
                                                             "cme.example\"]}")
                                               << true;
    QTest::newRow("domain-two-ats") << notTenant << QByteArray(R"({"to":["x@evil.example@acme.example"]})") << true;
    QTest::newRow("domain-unreadable") << notTenant << QByteArray(R"({"to":["<>"]})") << true;
    QTest::newRow("domain-not-a-string") << notTenant << QByteArray(R"({"to":[7]})") << true;
    QTest::newRow("domain-absent") << notTenant << QByteArray(R"({})") << false;
    QTest::newRow("domain-partner-not-listed") << notTenant << QByteArray(R"({"to":["p@partner.example"]})") << true;
    QTest::newRow("domain-partner-listed")
        << QByteArray(R"({ path = "to[*]", domain_not_in = ["$tenant.domains", "$tenant.allowed_domains"] })")
        << QByteArray(R"({"to":["p@partner.example"]})") << false;
    QTest::newRow("domain-literal-list") << QByteArray(R"({ path = "url", domain_not_in = ["Example.ORG"] })")
                                         << QByteArray(R"({"url":"http://www.example.org/"})") << false;
    // contains
    QTest::newRow("contains-array") << QByteArray(R"({ path = "actions", contains = "*" })")
                                    << QByteArray(R"({"actions":["s3:GetObject","*"]})") << true;
    QTest::newRow("contains-array-exact-element")
        << QByteArray(R"({ path = "actions", contains = "*" })") << QByteArray(R"({"actions":["s3:*"]})") << false;
    QTest::newRow("contains-string") << QByteArray(R"({ path = "body", contains = "price list" })")
                                     << QByteArray(R"({"body":"here is our full internal price list"})") << true;
    QTest::newRow("contains-string-miss")
        << QByteArray(R"({ path = "body", contains = "price list" })") << QByteArray(R"({"body":"hello"})") << false;
    QTest::newRow("contains-ignore-case") << QByteArray(R"({ path = "body", contains = "PRICE", ignore_case = true })")
                                          << QByteArray(R"({"body":"price"})") << true;
    QTest::newRow("contains-number") << QByteArray(R"({ path = "ports", contains = 22 })")
                                     << QByteArray(R"({"ports":[80,22]})") << true;
    QTest::newRow("contains-object-never")
        << QByteArray(R"({ path = "o", contains = "a" })") << QByteArray(R"({"o":{"a":1}})") << false;
}

void TestPolicy::predicateOperators()
{
    QFETCH(QByteArray, predicate);
    QFETCH(QByteArray, arguments);
    QFETCH(bool, matches);

    QStringList errors;
    const auto policy = parsePolicy(probePolicy(predicate), &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));
    const QJsonObject args = QJsonDocument::fromJson(arguments).object();
    QVERIFY(!args.isEmpty() || arguments == "{}");
    const PolicyDecision d = policy->evaluate(withArguments(args));
    QCOMPARE(d.rule, matches ? QStringLiteral("probe") : QStringLiteral("default-deny"));
    QVERIFY2(d.explanation.first().contains(matches ? QStringLiteral("matched:") : QStringLiteral("no match:")),
             qPrintable(d.explanation.first()));
}

void TestPolicy::predicateWithSeveralPathsPoolsValues()
{
    QStringList errors;
    const auto policy = parsePolicy(
        probePolicy(R"({ path = ["to[*]", "cc[*]", "bcc[*]"], domain_not_in = ["$tenant.domains"] })"), &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));
    const PolicyDecision d = policy->evaluate(withArguments(
        parseJsonObject(R"({"to":["a@acme.example"],"cc":["b@acme.example"],"bcc":["c@globex.example"]})")));
    QCOMPARE(d.rule, QStringLiteral("probe"));
    QVERIFY2(d.explanation.first().contains(QStringLiteral("\"c@globex.example\": domain globex.example is not in")),
             qPrintable(d.explanation.first()));

    const PolicyDecision internal
        = policy->evaluate(withArguments(parseJsonObject(R"({"to":["a@acme.example"],"cc":["b@acme.example"]})")));
    QCOMPARE(internal.rule, QStringLiteral("default-deny"));
    QVERIFY2(internal.explanation.first().contains(QStringLiteral("(2 values checked)")),
             qPrintable(internal.explanation.first()));
}

void TestPolicy::domainExtraction_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("domain");

    QTest::newRow("email") << QStringLiteral("a@Acme.Example") << QStringLiteral("acme.example");
    QTest::newRow("display-name") << QStringLiteral("Maria Lopez <maria@acme.example>")
                                  << QStringLiteral("acme.example");
    QTest::newRow("quoted-local-part") << QStringLiteral("\"a b\"@acme.example") << QStringLiteral("acme.example");
    QTest::newRow("mailto") << QStringLiteral("mailto:procurement@globex.example?subject=x")
                            << QStringLiteral("globex.example");
    QTest::newRow("url") << QStringLiteral("https://WWW.Example.org:8443/a/b") << QStringLiteral("www.example.org");
    QTest::newRow("url-userinfo") << QStringLiteral("https://acme.example:pw@evil.example/")
                                  << QStringLiteral("evil.example");
    QTest::newRow("host") << QStringLiteral("api.acme.example") << QStringLiteral("api.acme.example");
    QTest::newRow("host-port-path") << QStringLiteral("api.acme.example:443/v1") << QStringLiteral("api.acme.example");
    QTest::newRow("idn") << QStringLiteral("x@b\u00fccher.example") << QStringLiteral("xn--bcher-kva.example");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces") << QStringLiteral("not an address") << QString();
    QTest::newRow("two-ats") << QStringLiteral("a@b.example@c.example") << QString();
    QTest::newRow("no-local-part") << QStringLiteral("@acme.example") << QString();
    QTest::newRow("bad-label") << QStringLiteral("a@-acme.example") << QString();
    QTest::newRow("bad-url") << QStringLiteral("https://exa mple.org/") << QString();
}

void TestPolicy::domainExtraction()
{
    QFETCH(QString, value);
    QFETCH(QString, domain);
    QCOMPARE(PolicyDomains::extract(value), domain);
}

void TestPolicy::loadErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");

    const QByteArray head = "version = 1\n";
    const QByteArray deny = "[[rules]]\nid = \"r\"\naction = \"deny\"\n"; // lines 2-4

    QTest::newRow("missing-version") << QByteArray(
        "rules = []\n") << QStringLiteral("policy.toml: version: missing required key (write version = 1)");
    QTest::newRow("unsupported-version")
        << QByteArray("version = 2\nrules = []\n")
        << QStringLiteral("policy.toml:1: version: unsupported version (this broker reads version = 1)");
    QTest::newRow("missing-rules") << head
                                   << QStringLiteral("policy.toml: rules: missing required key (add [[rules]] tables)");
    QTest::newRow("unknown-top-level-key")
        << head + "rules = []\npolicy_name = \"x\"\n"
        << QStringLiteral("policy.toml:3: policy_name: unknown key (expected one of version, tenants, rules)");
    QTest::newRow("unknown-rule-key")
        << head + deny + "match = {}\nquorom = 2\n"
        << QStringLiteral("policy.toml:6: rules[0].quorom: unknown key (expected one of id, description, match, "
                          "unless, action, reason, quorum, deny_threshold, approver_roles, deadline, "
                          "forbid_requester, require_reason_on)");
    QTest::newRow("unknown-match-key")
        << head + deny + "[rules.match]\ntool = \"x\"\ntools = \"y\"\n"
        << QStringLiteral("policy.toml:7: rules[0].match.tools: unknown key (expected one of tenant, agent, tool, "
                          "user, annotations, data_scope, arguments)");
    QTest::newRow("tool-not-a-string")
        << head + deny + "[rules.match]\ntool = 42\n"
        << QStringLiteral("policy.toml:6: rules[0].match.tool: expected a string or an array of strings");
    QTest::newRow("tool-list-item-not-a-string")
        << head + deny + "[rules.match]\ntool = [\n  \"a\",\n  true,\n]\n"
        << QStringLiteral("policy.toml:8: rules[0].match.tool[1]: expected a non-empty string");
    QTest::newRow("empty-tool-list") << head + deny + "[rules.match]\ntool = []\n"
                                     << QStringLiteral(
                                            "policy.toml:6: rules[0].match.tool: must not be an empty array");
    QTest::newRow("bad-glob") << head + deny + "[rules.match]\ntool = \"email.[send\"\n"
                              << QStringLiteral("policy.toml:6: rules[0].match.tool: invalid glob: unclosed [ at "
                                                "position 7");
    QTest::newRow("unknown-annotation")
        << head + deny + "[rules.match]\nannotations = { readonly = true }\n"
        << QStringLiteral("policy.toml:6: rules[0].match.annotations.readonly: unknown annotation (expected one of "
                          "read_only, destructive, idempotent, open_world, irreversible, or x-*)");
    QTest::newRow("annotation-not-bool")
        << head + deny + "[rules.match]\nannotations = { destructive = \"yes\" }\n"
        << QStringLiteral("policy.toml:6: rules[0].match.annotations.destructive: expected true or false");
    QTest::newRow("bad-classification")
        << head + deny + "[rules.match]\ndata_scope = { classification = [\"confidental\"] }\n"
        << QStringLiteral("policy.toml:6: rules[0].match.data_scope.classification[0]: expected one of public, "
                          "internal, confidential, restricted");
    QTest::newRow("bad-access") << head + deny + "[rules.match]\ndata_scope = { access = \"modify\" }\n"
                                << QStringLiteral("policy.toml:6: rules[0].match.data_scope.access: expected one of "
                                                  "read, write, delete, send, execute");
    QTest::newRow("empty-data-scope")
        << head + deny + "[rules.match]\ndata_scope = {}\n"
        << QStringLiteral(
               "policy.toml:6: rules[0].match.data_scope: name at least one of classification, access, resource");
    QTest::newRow("missing-id") << head + "[[rules]]\naction = \"deny\"\nmatch = {}\n"
                                << QStringLiteral("policy.toml:2: rules[0].id: missing required key");
    QTest::newRow("bad-id") << head + "[[rules]]\nid = \"has space\"\naction = \"deny\"\nmatch = {}\n"
                            << QStringLiteral("policy.toml:3: rules[0].id: expected 1-64 letters, digits, '.', '_', "
                                              "':' or '-', starting with a letter or digit");
    QTest::newRow("reserved-id") << head + "[[rules]]\nid = \"default-deny\"\naction = \"deny\"\nmatch = {}\n"
                                 << QStringLiteral("policy.toml:3: rules[0].id: \"default-deny\" is reserved for the "
                                                   "implicit final rule");
    QTest::newRow("duplicate-id") << head + deny + "match.tool = \"a\"\n" + deny + "match.tool = \"b\"\n"
                                  << QStringLiteral(
                                         "policy.toml:7: rules[1].id: duplicate rule id \"r\" (first used at "
                                         "line 2)");
    QTest::newRow("missing-match") << head + deny
                                   << QStringLiteral("policy.toml:2: rules[0].match: missing required key (write match "
                                                     "= {} for a rule that matches every action)");
    QTest::newRow("missing-action") << head + "[[rules]]\nid = \"r\"\nmatch = {}\n"
                                    << QStringLiteral("policy.toml:2: rules[0].action: missing required key (allow, "
                                                      "deny or approve)");
    QTest::newRow("unknown-action") << head + "[[rules]]\nid = \"r\"\naction = \"hold\"\nmatch = {}\n"
                                    << QStringLiteral("policy.toml:4: rules[0].action: expected \"allow\", \"deny\" or "
                                                      "\"approve\"");
    QTest::newRow("approve-without-roles")
        << head + "[[rules]]\nid = \"r\"\naction = \"approve\"\nmatch.tool = \"x\"\n"
        << QStringLiteral("policy.toml:2: rules[0].approver_roles: missing required key: an approve rule must name the "
                          "roles that may approve");
    QTest::newRow("approve-empty-roles") << head
            + "[[rules]]\nid = \"r\"\naction = \"approve\"\nmatch.tool = \"x\"\napprover_roles = []\n"
                                         << QStringLiteral(
                                                "policy.toml:6: rules[0].approver_roles: must not be an empty array");
    const QByteArray approve = "[[rules]]\nid = \"r\"\naction = \"approve\"\napprover_roles = [\"a\"]\nmatch.tool = "
                               "\"x\"\n"; // lines 2-6
    QTest::newRow("quorum-zero") << head + approve + "quorum = 0\n"
                                 << QStringLiteral("policy.toml:7: rules[0].quorum: must be between 1 and 100");
    QTest::newRow("quorum-not-integer") << head + approve + "quorum = 1.5\n"
                                        << QStringLiteral("policy.toml:7: rules[0].quorum: expected an integer");
    QTest::newRow("deny-threshold-zero") << head + approve + "deny_threshold = 0\n"
                                         << QStringLiteral(
                                                "policy.toml:7: rules[0].deny_threshold: must be between 1 and 100");
    QTest::newRow("bad-deadline") << head + approve + "deadline = \"15 minutes\"\n"
                                  << QStringLiteral("policy.toml:7: rules[0].deadline: expected a duration such as "
                                                    "\"900s\", \"15m\", \"2h\" or \"1d\"");
    QTest::newRow("deadline-too-short") << head + approve
            + "deadline = \"10s\"\n" << QStringLiteral("policy.toml:7: rules[0].deadline: must be between 1m and 30d");
    QTest::newRow("bad-require-reason-on")
        << head + approve + "require_reason_on = \"always\"\n"
        << QStringLiteral("policy.toml:7: rules[0].require_reason_on: expected \"deny\", \"approve\" or \"both\"");
    QTest::newRow("approve-key-on-deny") << head + deny + "match = {}\nquorum = 2\n"
                                         << QStringLiteral("policy.toml:6: rules[0].quorum: only valid when action = "
                                                           "\"approve\"");
    QTest::newRow("bad-regex") << head + deny + "match.arguments = [ { path = \"a\", regex = \"(unclosed\" } ]\n"
                               << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].regex: invalid regular "
                                                 "expression: missing closing parenthesis at offset 9");
    QTest::newRow("regex-too-long") << head + deny + "match.arguments = [ { path = \"a\", regex = \""
            + QByteArray(513, 'a') + "\" } ]\n"
                                    << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].regex: regular "
                                                      "expression is longer than 512 characters");
    QTest::newRow("bad-argument-glob") << head + deny + "match.arguments = [ { path = \"a\", glob = \"[z-a]\" } ]\n"
                                       << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].glob: invalid "
                                                         "glob: reversed range z-a in [...]");
    QTest::newRow("bad-path") << head + deny + "match.arguments = [ { path = \"a..b\", exists = true } ]\n"
                              << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].path: invalid path: "
                                                "unexpected '.' at position 3");
    QTest::newRow("missing-path") << head + deny + "match.arguments = [ { exists = true } ]\n"
                                  << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].path: missing required "
                                                    "key");
    QTest::newRow("no-operator")
        << head + deny + "match.arguments = [ { path = \"a\" } ]\n"
        << QStringLiteral("policy.toml:5: rules[0].match.arguments[0]: expected exactly one of equals, in, glob, "
                          "regex, exists, domain_not_in, contains");
    QTest::newRow("two-operators")
        << head + deny + "match.arguments = [ { path = \"a\", equals = 1, in = [1] } ]\n"
        << QStringLiteral("policy.toml:5: rules[0].match.arguments[0]: only one operator per predicate, found equals, "
                          "in (write one predicate each; predicates are ANDed)");
    QTest::newRow("unknown-operator")
        << head + deny + "match.arguments = [ { path = \"a\", exists = true, matches = \"x\" } ]\n"
        << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].matches: unknown key (expected one of equals, "
                          "in, glob, regex, exists, domain_not_in, contains, path, ignore_case)");
    QTest::newRow("in-not-array") << head + deny + "match.arguments = [ { path = \"a\", in = \"x\" } ]\n"
                                  << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].in: expected a "
                                                    "non-empty array");
    QTest::newRow("bad-domain") << head + deny
            + "match.arguments = [ { path = \"a\", domain_not_in = [\"ok.example\", "
              "\"not a domain\"] } ]\n"
                                << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].domain_not_in[1]: not a "
                                                  "domain name (nor $tenant.domains or $tenant.allowed_domains)");
    QTest::newRow("ignore-case-on-domain")
        << head + deny + "match.arguments = [ { path = \"a\", domain_not_in = \"x.example\", ignore_case = true } ]\n"
        << QStringLiteral("policy.toml:5: rules[0].match.arguments[0].ignore_case: ignore_case applies only to "
                          "equals, in, glob, regex and contains (domains are always compared without case)");
    QTest::newRow("arguments-not-array") << head + deny + "[rules.match.arguments]\npath = \"a\"\n"
                                         << QStringLiteral("policy.toml:5: rules[0].match.arguments: expected an array "
                                                           "of predicate tables ([[...arguments]])");
    QTest::newRow("empty-unless") << head + deny + "match.tool = \"x\"\nunless = {}\n"
                                  << QStringLiteral("policy.toml:6: rules[0].unless: an empty unless table would "
                                                    "disable the rule");
    QTest::newRow("unreachable-after-catch-all")
        << head + deny + "match = {}\n[[rules]]\nid = \"later\"\naction = \"deny\"\nmatch.tool = \"x\"\n"
        << QStringLiteral("policy.toml:6: rules[1]: unreachable: rule \"r\" at line 2 matches every action");
    QTest::newRow("allow-everything") << head + "[[rules]]\nid = \"r\"\naction = \"allow\"\nmatch = {}\n"
                                      << QStringLiteral(
                                             "policy.toml:5: rules[0].match: a rule that allows every action "
                                             "disables the policy");
    QTest::newRow("unknown-tenant-key")
        << head + "rules = []\n[tenants.acme]\ndomain = [\"acme.example\"]\n"
        << QStringLiteral("policy.toml:4: tenants.acme.domain: unknown key (expected one of domains, allowed_domains)");
    QTest::newRow("bad-tenant-domain") << head + "rules = []\n[tenants.acme]\ndomains = [\"acme example\"]\n"
                                       << QStringLiteral("policy.toml:4: tenants.acme.domains[0]: not a domain name");
    QTest::newRow("integer-too-large")
        << head + "rules = []\nx = 9007199254740993\n"
        << QStringLiteral("policy.toml:3:5: integer 9007199254740993 is too large (the limit is ±2^53)");
}

void TestPolicy::loadErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QStringList errors;
    const auto policy = parsePolicy(text, &errors);
    QVERIFY(!policy);
    QVERIFY2(
        errors.contains(error),
        qPrintable(QStringLiteral("expected: ") + error + QStringLiteral("\ngot:\n") + errors.join(QLatin1Char('\n'))));
}

void TestPolicy::tomlSyntaxErrorHasLineAndColumn()
{
    QStringList errors;
    QVERIFY(!parsePolicy("version = 1\n\n[[rules]]\nid = \"a\"\naction = deny\n", &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QStringLiteral("policy.toml:5:10: ")), qPrintable(errors.first()));

    errors.clear();
    QVERIFY(!parsePolicy("version = 1\nversion = 1\n", &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QStringLiteral("policy.toml:2:11: ")), qPrintable(errors.first()));

    errors.clear();
    QVERIFY(!parsePolicy("version = 1\nname = \"\xff\"\n", &errors));
    QVERIFY2(errors.first().startsWith(QStringLiteral("policy.toml:2:")), qPrintable(errors.first()));
}

void TestPolicy::errorsAreReportedInLineOrder()
{
    QStringList errors;
    QVERIFY(!parsePolicy("version = 1\n"
                         "[[rules]]\n"
                         "id = \"a\"\n"
                         "action = \"approve\"\n"
                         "quorum = 0\n" // 5
                         "match.tool = 1\n" // 6
                         "[[rules]]\n"
                         "id = \"a\"\n" // 8
                         "action = \"deny\"\n"
                         "match = {}\n"
                         "bogus = 1\n", // 11
                         &errors));
    QCOMPARE(errors,
             (QStringList {
                 QStringLiteral("policy.toml:2: rules[0].approver_roles: missing required key: an approve rule must "
                                "name the roles that may approve"),
                 QStringLiteral("policy.toml:5: rules[0].quorum: must be between 1 and 100"),
                 QStringLiteral("policy.toml:6: rules[0].match.tool: expected a string or an array of strings"),
                 QStringLiteral("policy.toml:8: rules[1].id: duplicate rule id \"a\" (first used at line 2)"),
                 QStringLiteral("policy.toml:11: rules[1].bogus: unknown key (expected one of id, description, match, "
                                "unless, action, reason, quorum, deny_threshold, approver_roles, deadline, "
                                "forbid_requester, require_reason_on)"),
             }));
}

void TestPolicy::firstMatchWins()
{
    const QByteArray text = "version = 1\n"
                            "[[rules]]\nid = \"specific\"\naction = \"deny\"\nmatch.tool = \"email.send\"\n"
                            "[[rules]]\nid = \"general\"\naction = \"approve\"\napprover_roles = [\"x\"]\n"
                            "match.tool = \"email.*\"\n"
                            "[[rules]]\nid = \"last\"\naction = \"deny\"\nmatch = {}\n";
    QStringList errors;
    const auto policy = parsePolicy(text, &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));

    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("specific"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("email.draft")}});
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("general"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("calendar.book")}});
    const PolicyDecision last = policy->evaluate(toAction(json));
    QCOMPARE(last.rule, QStringLiteral("last"));
    QCOMPARE(last.explanation.size(), 3); // a catch-all deny ends the evaluation; no default-deny line
}

void TestPolicy::unlessVetoesARule()
{
    const QByteArray text = "version = 1\n"
                            "[[rules]]\nid = \"r\"\naction = \"allow\"\n"
                            "match.tool = \"crm.*\"\n"
                            "[[rules.unless]]\nuser = \"*@contractor.example\"\n"
                            "[[rules.unless]]\ndata_scope = { classification = \"restricted\" }\n";
    QStringList errors;
    const auto policy = parsePolicy(text, &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));

    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("crm.lookup")}});
    json.insert(QStringLiteral("data_scopes"), QJsonArray());
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("r"));

    QJsonObject request = json.value(QStringLiteral("request")).toObject();
    request.insert(QStringLiteral("user"), QStringLiteral("temp@contractor.example"));
    QJsonObject contractor = json;
    contractor.insert(QStringLiteral("request"), request);
    const PolicyDecision vetoed = policy->evaluate(toAction(contractor));
    QCOMPARE(vetoed.rule, QStringLiteral("default-deny"));
    QVERIFY2(vetoed.explanation.first().contains(QStringLiteral("no match: unless[0] holds")),
             qPrintable(vetoed.explanation.first()));

    json.insert(QStringLiteral("data_scopes"),
                scenario(QStringLiteral("renewal-outreach-email")).value(QStringLiteral("data_scopes")));
    const PolicyDecision restricted = policy->evaluate(toAction(json));
    QCOMPARE(restricted.rule, QStringLiteral("default-deny"));
    QVERIFY2(restricted.explanation.first().contains(QStringLiteral("unless[1] holds: data_scopes[2]")),
             qPrintable(restricted.explanation.first()));
}

void TestPolicy::absentAnnotationMatchesNeitherTrueNorFalse()
{
    const QByteArray text = "version = 1\n"
                            "[[rules]]\nid = \"yes\"\naction = \"deny\"\nmatch.annotations = { destructive = true }\n"
                            "[[rules]]\nid = \"no\"\naction = \"deny\"\nmatch.annotations = { destructive = false }\n";
    QStringList errors;
    const auto policy = parsePolicy(text, &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));

    QJsonObject json = scenario(QStringLiteral("mcp-file-write"));
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("yes"));
    json.insert(QStringLiteral("tool"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("write_file")},
                             {QStringLiteral("annotations"), QJsonObject {{QStringLiteral("destructive"), false}}}});
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("no"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("write_file")}});
    const PolicyDecision absent = policy->evaluate(toAction(json));
    QCOMPARE(absent.rule, QStringLiteral("default-deny"));
    QVERIFY2(absent.explanation.first().contains(QStringLiteral("annotation destructive is not declared")),
             qPrintable(absent.explanation.first()));
}

void TestPolicy::identityGlobsIgnoreCase()
{
    const QByteArray text = "version = 1\n"
                            "[[rules]]\nid = \"no-shell\"\naction = \"deny\"\nmatch.tool = \"shell.*\"\n"
                            "[[rules]]\nid = \"users\"\naction = \"deny\"\n"
                            "match = { tenant = \"acme\", agent = \"agent:*\", user = \"*@acme.example\" }\n";
    QStringList errors;
    const auto policy = parsePolicy(text, &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));
    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Shell.Exec")}});
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("no-shell"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("crm.lookup")}});
    QJsonObject request = json.value(QStringLiteral("request")).toObject();
    request.insert(QStringLiteral("user"), QStringLiteral("Maria.Lopez@ACME.example"));
    json.insert(QStringLiteral("request"), request);
    QCOMPARE(policy->evaluate(toAction(json)).rule, QStringLiteral("users"));
}

void TestPolicy::explanationNamesTheMatchedRuleAndWhyEarlierRulesDidNot()
{
    const PolicyDecision d = examplePolicy().evaluate(toAction(scenario(QStringLiteral("renewal-outreach-email"))));
    QCOMPARE(d.rule, QStringLiteral("approve-external-email"));
    QCOMPARE(d.explanation.size(), 4);
    QVERIFY2(d.explanation.at(0).startsWith(QStringLiteral("#1 deny-iam-wildcard-action (line ")),
             qPrintable(d.explanation.at(0)));
    QVERIFY2(
        d.explanation.at(0).contains(QStringLiteral("no match: arguments: policy.Statement[*].Action[*] is absent")),
        qPrintable(d.explanation.at(0)));
    QVERIFY2(d.explanation.at(1).contains(QStringLiteral("#2 approve-production-migration")),
             qPrintable(d.explanation.at(1)));
    QVERIFY2(d.explanation.at(1).contains(
                 QStringLiteral("no match: agent \"agent:sales-assistant\" does not match [agent:code-assistant]")),
             qPrintable(d.explanation.at(1)));
    QVERIFY2(d.explanation.at(2).contains(QStringLiteral("no match: tenant \"acme\" does not match [globex-retail]")),
             qPrintable(d.explanation.at(2)));
    const QString matched = d.explanation.at(3);
    QVERIFY2(matched.startsWith(QStringLiteral("#4 approve-external-email (line ")), qPrintable(matched));
    QVERIFY2(
        matched.contains(QStringLiteral("matched: tenant \"acme\" matches [acme]; agent \"agent:sales-assistant\" "
                                        "matches [agent:sales-assistant]; tool \"email.send\" matches [email.send]; "
                                        "arguments: to[*], cc[*], bcc[*] = \"procurement@globex.example\": domain "
                                        "globex.example is not in [acme.example]")),
        qPrintable(matched));

    // The rule's line is where its [[rules]] header is.
    const QList<QByteArray> lines
        = readFile(sourcePath(QStringLiteral("resources/policy/example-policy.toml"))).split('\n');
    const int line = examplePolicy().rules().at(3).line();
    QCOMPARE(lines.at(line - 1), QByteArray("[[rules]]"));
    QCOMPARE(lines.at(line), QByteArray("id = \"approve-external-email\""));
    QVERIFY(matched.contains(QStringLiteral("(line %1)").arg(line)));

    QCOMPARE(d.summary(),
             QStringLiteral("decision: approve by rule approve-external-email (quorum 1, deny_threshold 1, "
                            "approver_roles [sales-approver], deadline 1h, forbid_requester true, "
                            "require_reason_on deny)"));
}

void TestPolicy::explanationEscapesHostileText()
{
    QJsonObject json = scenario(QStringLiteral("renewal-outreach-email"));
    QJsonObject agent = json.value(QStringLiteral("agent")).toObject();
    agent.insert(QStringLiteral("id"),
                 QString(QStringLiteral("agent:\x1b[2Jevil\u202egnp.exe") + QString(300, QLatin1Char('x'))));
    json.insert(QStringLiteral("agent"), agent);
    const PolicyDecision d = examplePolicy().evaluate(toAction(json));
    QCOMPARE(d.rule, QStringLiteral("default-deny"));
    const QString line = d.explanation.at(1);
    QVERIFY2(!line.contains(QChar(0x1b)) && !line.contains(QChar(0x202e)), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("agent:\\u001b[2Jevil\\u202egnp.exe")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("more characters)")), qPrintable(line));

    QCOMPARE(PolicyText::quote(QStringLiteral("a\"b\\c\nd")), QStringLiteral("\"a\\\"b\\\\c\\u000ad\""));
    QCOMPARE(PolicyText::value(QJsonArray {QStringLiteral("a\u202eb"), 1}), QStringLiteral("[\"a\\u202eb\",1]"));
    QCOMPARE(PolicyText::value(QJsonObject {{QStringLiteral("k"), true}}), QStringLiteral("{\"k\":true}"));
    QCOMPARE(PolicyText::quote(QString(130, QLatin1Char('y'))),
             QLatin1Char('"') + QString(120, QLatin1Char('y')) + QStringLiteral("…(10 more characters)\""));
}

void TestPolicy::defaultDenyExplains()
{
    QStringList errors;
    const auto empty = parsePolicy("version = 1\nrules = []\n", &errors);
    QVERIFY2(empty, qPrintable(errors.join(QLatin1Char('\n'))));
    const PolicyDecision d = empty->evaluate(toAction(scenario(QStringLiteral("customer-refund"))));
    QCOMPARE(d.decision, QStringLiteral("deny"));
    QCOMPARE(d.rule, QStringLiteral("default-deny"));
    QCOMPARE(d.explanation, QStringList {QStringLiteral("default-deny: no rule matched, so the action is denied")});
    QCOMPARE(d.summary(), QStringLiteral("decision: deny by rule default-deny"));

    // A default-constructed policy (before any file is loaded) denies too.
    QCOMPARE(Policy().evaluate(toAction(scenario(QStringLiteral("customer-refund")))).rule,
             QStringLiteral("default-deny"));
}

void TestPolicy::approveDefaults()
{
    QStringList errors;
    const auto policy = parsePolicy("version = 1\n[[rules]]\nid = \"r\"\naction = \"approve\"\n"
                                    "approver_roles = \"ops\"\nmatch = {}\n",
                                    &errors);
    QVERIFY2(policy, qPrintable(errors.join(QLatin1Char('\n'))));
    const PolicyDecision d = policy->evaluate(toAction(scenario(QStringLiteral("customer-refund"))));
    QCOMPARE(d.decision, QStringLiteral("approve"));
    QCOMPARE(d.quorum, 1);
    QCOMPARE(d.denyThreshold, 1);
    QCOMPARE(d.approverRoles, QStringList {QStringLiteral("ops")});
    QCOMPARE(d.deadlineSeconds, qint64(900));
    QVERIFY(d.forbidRequester);
    QCOMPARE(d.requireReasonOn, QStringLiteral("deny"));
    QVERIFY(d.reason.isEmpty());

    errors.clear();
    const auto custom = parsePolicy("version = 1\n[[rules]]\nid = \"r\"\ndescription = \"Big change\"\n"
                                    "action = \"approve\"\napprover_roles = [\"a\", \"b\", \"a\"]\nquorum = 3\n"
                                    "deny_threshold = 2\ndeadline = \"2h\"\nforbid_requester = false\n"
                                    "require_reason_on = \"both\"\nmatch = {}\n",
                                    &errors);
    QVERIFY2(custom, qPrintable(errors.join(QLatin1Char('\n'))));
    const PolicyDecision c = custom->evaluate(toAction(scenario(QStringLiteral("customer-refund"))));
    QCOMPARE(c.quorum, 3);
    QCOMPARE(c.denyThreshold, 2);
    QCOMPARE(c.approverRoles, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(c.deadlineSeconds, qint64(7200));
    QVERIFY(!c.forbidRequester);
    QCOMPARE(c.requireReasonOn, QStringLiteral("both"));
    QCOMPARE(c.reason, QStringLiteral("Big change")); // description stands in for a missing reason
}

void TestPolicy::outcomeJson()
{
    const Policy policy = examplePolicy();
    const QJsonObject approve
        = policy.evaluate(toAction(scenario(QStringLiteral("prod-schema-migration")))).toOutcome().toJson();
    QCOMPARE(approve.value(QStringLiteral("decision")).toString(), QStringLiteral("approve"));
    QCOMPARE(approve.value(QStringLiteral("rule")).toString(), QStringLiteral("approve-production-migration"));
    QCOMPARE(approve.value(QStringLiteral("quorum")).toInt(), 2);
    QCOMPARE(approve.value(QStringLiteral("deny_threshold")).toInt(), 1);
    QCOMPARE(approve.value(QStringLiteral("approver_roles")).toArray(), QJsonArray {QStringLiteral("db-owner")});
    QCOMPARE(approve.value(QStringLiteral("forbid_requester")).toBool(), true);
    QCOMPARE(approve.value(QStringLiteral("require_reason_on")).toString(), QStringLiteral("both"));

    // Round trip through core's reader: the stamped field is one core accepts.
    ValidationErrors errors;
    const auto read = countersign::core::PolicyOutcome::read(approve, QStringLiteral("policy"), &errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(read.quorum, 2);

    const QJsonObject deny = policy.evaluate(toAction(scenario(QStringLiteral("iam-role-grant")))).toOutcome().toJson();
    QCOMPARE(deny.value(QStringLiteral("decision")).toString(), QStringLiteral("deny"));
    QVERIFY(!deny.contains(QStringLiteral("quorum")));
    QVERIFY(deny.value(QStringLiteral("reason")).toString().contains(QStringLiteral("Action \"*\"")));
}

void TestPolicy::hashChangesWhenTheFileChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("policy.toml"));
    const QByteArray first = "version = 1\nrules = []\n";
    const QByteArray second = "version = 1\nrules = []\n# edited\n";
    QStringList errors;

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(first);
    file.close();
    const auto a = Policy::load(path, &errors);
    QVERIFY2(a, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(a->sha256(), QString::fromLatin1(QCryptographicHash::hash(first, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(a->sourceName(), path);

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(second);
    file.close();
    const auto b = Policy::load(path, &errors);
    QVERIFY(b);
    QCOMPARE(b->sha256(), QString::fromLatin1(QCryptographicHash::hash(second, QCryptographicHash::Sha256).toHex()));
    QVERIFY(a->sha256() != b->sha256());
    QCOMPARE(a->sha256().size(), 64);
}

void TestPolicy::loadReportsUnreadableFile()
{
    QTemporaryDir dir;
    QStringList errors;
    const QString path = dir.filePath(QStringLiteral("missing.toml"));
    QVERIFY(!Policy::load(path, &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(path + QStringLiteral(": cannot read: ")), qPrintable(errors.first()));

    errors.clear();
    QVERIFY(!Policy::parse(QByteArray(TomlDocument::kMaxBytes + 1, '#'), QStringLiteral("big.toml"), &errors));
    QCOMPARE(errors, QStringList {QStringLiteral("big.toml: file is larger than 4194304 bytes")});
}

void TestPolicy::tomlDocumentConvertsTypes()
{
    QStringList errors;
    const auto doc = TomlDocument::parse("s = \"text\"\n"
                                         "i = -42\n"
                                         "f = 1.5\n"
                                         "b = true\n"
                                         "odt = 2026-12-04T11:40:00Z\n"
                                         "odt_offset = 2026-12-04T11:40:00.250+01:30\n"
                                         "ldt = 2026-12-04T11:40:00\n"
                                         "ld = 2026-12-04\n"
                                         "lt = 07:32:00.5\n"
                                         "big = 9007199254740992\n"
                                         "a = [1, \"two\", [3]]\n"
                                         "[t]\n"
                                         "inline = { k = \"v\" }\n"
                                         "[[aot]]\n"
                                         "n = 1\n"
                                         "[[aot]]\n"
                                         "n = 2\n",
                                         QStringLiteral("types.toml"), &errors);
    QVERIFY2(doc, qPrintable(errors.join(QLatin1Char('\n'))));
    const QJsonObject root = doc->root();
    QCOMPARE(root.value(QStringLiteral("s")), QJsonValue(QStringLiteral("text")));
    QCOMPARE(root.value(QStringLiteral("i")).toDouble(), -42.0);
    QCOMPARE(root.value(QStringLiteral("f")).toDouble(), 1.5);
    QCOMPARE(root.value(QStringLiteral("b")), QJsonValue(true));
    QCOMPARE(root.value(QStringLiteral("odt")).toString(), QStringLiteral("2026-12-04T11:40:00Z"));
    QCOMPARE(root.value(QStringLiteral("odt_offset")).toString(), QStringLiteral("2026-12-04T11:40:00.25+01:30"));
    QCOMPARE(root.value(QStringLiteral("ldt")).toString(), QStringLiteral("2026-12-04T11:40:00"));
    QCOMPARE(root.value(QStringLiteral("ld")).toString(), QStringLiteral("2026-12-04"));
    QCOMPARE(root.value(QStringLiteral("lt")).toString(), QStringLiteral("07:32:00.5"));
    QCOMPARE(root.value(QStringLiteral("big")).toDouble(), 9007199254740992.0);
    QCOMPARE(root.value(QStringLiteral("a")).toArray(), (QJsonArray {1, QStringLiteral("two"), QJsonArray {3}}));
    QCOMPARE(root.value(QStringLiteral("t")).toObject().value(QStringLiteral("inline")).toObject(),
             (QJsonObject {{QStringLiteral("k"), QStringLiteral("v")}}));
    QCOMPARE(root.value(QStringLiteral("aot")).toArray().size(), 2);
    QCOMPARE(root.value(QStringLiteral("aot")).toArray().at(1).toObject().value(QStringLiteral("n")).toDouble(), 2.0);
}

void TestPolicy::tomlNonAsciiOnlyInStringsAndComments()
{
    // Inside every kind of string and in comments, non-ASCII text is fine.
    QStringList errors;
    const auto doc = TomlDocument::parse("# Überweisungen über 10 000 € — prüfen\n"
                                         "a = \"Zahlung an Müller\" # é\n"
                                         "b = 'Café'\n"
                                         "c = \"\"\"\nligne « un »\\\n deux\"\"\"\n"
                                         "d = \'\'\'\nñ\n\'\'\'\n"
                                         "e = \"quote \\\" then é\"\n",
                                         QStringLiteral("t.toml"), &errors);
    QVERIFY2(doc, qPrintable(errors.join(u'\n')));
    QCOMPARE(doc->root().value(QStringLiteral("a")).toString(), QStringLiteral("Zahlung an Müller"));
    QCOMPARE(doc->root().value(QStringLiteral("e")).toString(), QStringLiteral("quote \" then é"));
    // Elsewhere it is refused with its place, before toml++ (whose whitespace
    // table has undefined behaviour for such characters) reads it.
    errors.clear();
    QVERIFY(!TomlDocument::parse("a = 1\nb = 2 é\n", QStringLiteral("t.toml"), &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QStringLiteral("t.toml:2:7: a non-ASCII character")),
             qPrintable(errors.first()));
    // The input the policy fuzzer found.
    QFile crash(QStringLiteral(COUNTERSIGN_SOURCE_DIR
                               "/fuzz/regressions/policy/crash-policy-crash-1e505184ed632019fb184e4b9ed54b103e2f0f24"));
    QVERIFY(crash.open(QIODevice::ReadOnly));
    errors.clear();
    QVERIFY(!parsePolicy(crash.readAll(), &errors));
    QVERIFY(!errors.isEmpty());
}

void TestPolicy::tomlDocumentLinesAndLocate()
{
    QStringList errors;
    const auto doc = TomlDocument::parse("# comment\n"
                                         "top = 1\n"
                                         "[[rules]]\n"
                                         "id = \"a\"\n"
                                         "[[rules]]\n"
                                         "id = \"b\"\n"
                                         "tool = [\n"
                                         "  \"x\",\n"
                                         "  \"y\",\n"
                                         "]\n"
                                         "[rules.match]\n"
                                         "user = \"u\"\n",
                                         QStringLiteral("conf.toml"), &errors);
    QVERIFY2(doc, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(doc->sourceName(), QStringLiteral("conf.toml"));
    QCOMPARE(doc->lineOf(QStringLiteral("top")), 2);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[0]")), 3);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[0].id")), 4);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[1]")), 5);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[1].tool")), 7);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[1].tool[1]")), 9);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[1].match")), 11);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[1].match.user")), 12);
    // Paths that do not exist fall back to their nearest ancestor.
    QCOMPARE(doc->lineOf(QStringLiteral("rules[1].match.tool")), 11);
    QCOMPARE(doc->lineOf(QStringLiteral("rules[0].approver_roles")), 3);
    QCOMPARE(doc->lineOf(QStringLiteral("nothing.here")), 0);
    QCOMPARE(doc->locate({QStringLiteral("rules[1].match.user"), QStringLiteral("bad")}),
             QStringLiteral("conf.toml:12: rules[1].match.user: bad"));
    QCOMPARE(doc->locate({QString(), QStringLiteral("empty file")}), QStringLiteral("conf.toml: $: empty file"));
    QCOMPARE(TomlDocument::parentPath(QStringLiteral("a.b[2]")), QStringLiteral("a.b"));
    QCOMPARE(TomlDocument::parentPath(QStringLiteral("a.b")), QStringLiteral("a"));
    QCOMPARE(TomlDocument::parentPath(QStringLiteral("a")), QString());
}

void TestPolicy::tomlDocumentRejectsUnrepresentableNumbers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("above-2^53") << QByteArray("x = 9007199254740993\n")
                                << QStringLiteral(
                                       "n.toml:1:5: integer 9007199254740993 is too large (the limit is ±2^53)");
    QTest::newRow("below-minus-2^53") << QByteArray("[t]\ny = -9007199254740993\n")
                                      << QStringLiteral(
                                             "n.toml:2:5: integer -9007199254740993 is too large (the limit is ±2^53)");
    QTest::newRow("inf") << QByteArray("z = inf\n") << QStringLiteral("n.toml:1:5: inf and nan are not supported");
    QTest::newRow("nan") << QByteArray("z = [nan]\n") << QStringLiteral("n.toml:1:6: inf and nan are not supported");
}

void TestPolicy::tomlDocumentRejectsUnrepresentableNumbers()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QStringList errors;
    QVERIFY(!TomlDocument::parse(text, QStringLiteral("n.toml"), &errors));
    QCOMPARE(errors, QStringList {error});
}

void TestPolicy::tomlDocumentRefusesDeepNesting()
{
    QStringList errors;
    QByteArray dotted;
    for (int i = 0; i < 100; ++i)
        dotted += (i ? "." : "") + QByteArray("k");
    QVERIFY(!TomlDocument::parse(QByteArray(dotted + " = 1\n"), QStringLiteral("deep.toml"), &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().endsWith(QStringLiteral(": nested deeper than 64 levels")), qPrintable(errors.first()));

    errors.clear();
    QVERIFY(!TomlDocument::parse(QByteArray("a = " + QByteArray(5000, '[') + QByteArray(5000, ']') + "\n"),
                                 QStringLiteral("deep.toml"), &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QStringLiteral("deep.toml:1:")), qPrintable(errors.first()));
}

void TestPolicy::globSyntax_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::newRow("star") << QStringLiteral("email.*") << QStringLiteral("email.send") << true;
    QTest::newRow("star-empty") << QStringLiteral("email.*") << QStringLiteral("email.") << true;
    QTest::newRow("star-crosses-slash") << QStringLiteral("file://*") << QStringLiteral("file:///srv/a/b") << true;
    QTest::newRow("whole-text") << QStringLiteral("email") << QStringLiteral("email.send") << false;
    QTest::newRow("question") << QStringLiteral("v?") << QStringLiteral("v1") << true;
    QTest::newRow("question-needs-one") << QStringLiteral("v?") << QStringLiteral("v") << false;
    QTest::newRow("set") << QStringLiteral("[abc]x") << QStringLiteral("bx") << true;
    QTest::newRow("negated-set") << QStringLiteral("[!abc]x") << QStringLiteral("bx") << false;
    QTest::newRow("range") << QStringLiteral("[a-c]") << QStringLiteral("b") << true;
    QTest::newRow("bracket-member") << QStringLiteral("[]]") << QStringLiteral("]") << true;
    QTest::newRow("escape") << QStringLiteral("a\\*") << QStringLiteral("a*") << true;
    QTest::newRow("escape-literal") << QStringLiteral("a\\*") << QStringLiteral("ab") << false;
    QTest::newRow("regex-chars-literal") << QStringLiteral("a.b+(c)") << QStringLiteral("a.b+(c)") << true;
    QTest::newRow("dot-is-literal") << QStringLiteral("a.b") << QStringLiteral("axb") << false;
    QTest::newRow("newline") << QStringLiteral("a*b") << QStringLiteral("a\nb") << true;
    QTest::newRow("astral") << QStringLiteral("?x") << QStringLiteral("\U0001F600x") << true;
}

void TestPolicy::globSyntax()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QString error;
    const auto glob = PolicyGlob::compile(pattern, Qt::CaseSensitive, &error);
    QVERIFY2(glob, qPrintable(error));
    QCOMPARE(glob->matches(text), matches);

    for (const QString &bad : {QStringLiteral("[abc"), QStringLiteral("a\\"), QString(), QStringLiteral("[z-a]"),
                               QString(257, QLatin1Char('a'))}) {
        QString why;
        QVERIFY2(!PolicyGlob::compile(bad, Qt::CaseSensitive, &why), qPrintable(bad));
        QVERIFY(!why.isEmpty());
    }
}

void TestPolicy::pathSyntax_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");

    QTest::newRow("simple") << QStringLiteral("a.b.c") << QString();
    QTest::newRow("wildcards") << QStringLiteral("policy.Statement[*].Action[*]") << QString();
    QTest::newRow("quoted") << QStringLiteral("[\"a.b\"].c[\"d \\\"e\\\"\"]") << QString();
    QTest::newRow("index") << QStringLiteral("a[0][12]") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("empty path");
    QTest::newRow("double-dot") << QStringLiteral("a..b") << QStringLiteral("unexpected '.' at position 3");
    QTest::newRow("trailing-dot") << QStringLiteral("a.") << QStringLiteral("path ends with '.'");
    QTest::newRow("leading-dot") << QStringLiteral(".a") << QStringLiteral("unexpected '.' at position 1");
    QTest::newRow("unclosed") << QStringLiteral("a[0") << QStringLiteral("expected ] at position 4");
    QTest::newRow("bad-index") << QStringLiteral("a[x]")
                               << QStringLiteral("expected an index, * or a quoted name inside [ ] at position 3");
    QTest::newRow("leading-zero") << QStringLiteral("a[01]")
                                  << QStringLiteral("expected an index, * or a quoted name inside [ ] at position 3");
    QTest::newRow("unclosed-quote") << QStringLiteral("[\"a]") << QStringLiteral("unclosed quoted member name");
    QTest::newRow("dot-bracket") << QStringLiteral("a.[0]")
                                 << QStringLiteral("expected a member name after '.' at position 3");
    QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("expected '.' or '[' at position 2");
}

void TestPolicy::pathSyntax()
{
    QFETCH(QString, path);
    QFETCH(QString, error);
    QString why;
    const auto parsed = PolicyPath::parse(path, &why);
    QCOMPARE(why, error);
    QCOMPARE(parsed.has_value(), error.isEmpty());

    if (path == QStringLiteral("[\"a.b\"].c[\"d \\\"e\\\"\"]")) {
        const QJsonObject root = parseJsonObject(R"({"a.b":{"c":{"d \"e\"":7}}})");
        QCOMPARE(parsed->resolve(root), QList<QJsonValue> {QJsonValue(7)});
    }
}

void TestPolicy::durations()
{
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("900s")), std::optional<qint64>(900));
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("15m")), std::optional<qint64>(900));
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("2h")), std::optional<qint64>(7200));
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("1d")), std::optional<qint64>(86400));
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("15")), std::nullopt);
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("-5m")), std::nullopt);
    QCOMPARE(PolicyDecision::parseDuration(QStringLiteral("1h30m")), std::nullopt);
    QCOMPARE(PolicyDecision::formatDuration(1800), QStringLiteral("30m"));
    QCOMPARE(PolicyDecision::formatDuration(90), QStringLiteral("90s"));
    QCOMPARE(PolicyDecision::formatDuration(7200), QStringLiteral("2h"));
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "TestPolicy.moc"
