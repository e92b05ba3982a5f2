#include "ReviewTestSupport.h"
#include "core/ActionRisk.h"
#include "core/ReviewChecks.h"

#include <QTest>

using countersign::core::Action;
using countersign::core::ActionRisk;
using countersign::core::MemoryItem;
using countersign::core::ReviewChecks;
namespace rt = countersign::reviewtest;

namespace {

// Scenario clocks: the scenarios were all submitted on 2026-12-04.
const QDateTime kNow = rt::at("2026-12-04T12:00:00Z");

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// A minimal valid action to vary one thing at a time.
QJsonObject baseAction()
{
    QJsonObject json = rt::scenarioJson(QStringLiteral("mcp-file-write"));
    json.insert(QStringLiteral("tool"), QJsonObject {{QStringLiteral("name"), QStringLiteral("write_file")}});
    return json;
}

Action withArguments(const QJsonObject &arguments, const QString &user = QStringLiteral("dev.okafor@acme.example"))
{
    QJsonObject json = baseAction();
    json.insert(QStringLiteral("arguments"), arguments);
    QJsonObject request = json.value(QStringLiteral("request")).toObject();
    request.insert(QStringLiteral("user"), user);
    json.insert(QStringLiteral("request"), request);
    // The user link names the same human, so own-domain inference sees one user.
    QJsonArray chain = json.value(QStringLiteral("authority_chain")).toArray();
    QJsonObject first = chain.at(0).toObject();
    first.insert(QStringLiteral("subject"), user);
    chain.replace(0, first);
    json.insert(QStringLiteral("authority_chain"), chain);
    return rt::actionFrom(json);
}

Action withScopes(const QJsonArray &scopes)
{
    QJsonObject json = baseAction();
    json.insert(QStringLiteral("data_scopes"), scopes);
    return rt::actionFrom(json);
}

QJsonObject scope(const QString &resource, const QString &access, const QString &classification)
{
    return {{QStringLiteral("resource"), resource},
            {QStringLiteral("access"), access},
            {QStringLiteral("classification"), classification}};
}

} // namespace

// The queue's risk badges, per shipped scenario and per rule, with each
// badge's explanation in words.
class TestActionRisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarioBadges_data();
    void scenarioBadges();
    void scoresOrderTheScenarios();
    void everyBadgeExplainsItself();
    void renewalNamesTheExternalRecipients();
    void knownTenantDomainsNarrowExternal();
    void lookAlikeDomainsAreExternal_data();
    void lookAlikeDomainsAreExternal();
    void hiddenCharactersInsideAnAddressDoNotHideIt();
    void urlsInArgumentsCount();
    void withoutAnyOwnDomainEveryAddressIsExternal();
    void sendScopeWithUnknownDestinationIsExternal();
    void restrictedAndSensitiveData();
    void confidentialReadIsNotABadge();
    void memoryRules();
    void untrustedEvidenceTrustLevels_data();
    void untrustedEvidenceTrustLevels();
    void annotationsMustBeTrueToCount();
};

void TestActionRisk::scenarioBadges_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("badges");
    QTest::newRow("renewal-outreach-email")
        << QStringLiteral("renewal-outreach-email")
        << QStringList {QStringLiteral("external_recipients"), QStringLiteral("irreversible"),
                        QStringLiteral("restricted_data"), QStringLiteral("untrusted_evidence")};
    QTest::newRow("prod-schema-migration")
        << QStringLiteral("prod-schema-migration")
        << QStringList {QStringLiteral("destructive"), QStringLiteral("irreversible"),
                        QStringLiteral("restricted_data"), QStringLiteral("stale_memory")};
    QTest::newRow("customer-refund") << QStringLiteral("customer-refund")
                                     << QStringList {QStringLiteral("irreversible"), QStringLiteral("restricted_data"),
                                                     QStringLiteral("stale_memory"),
                                                     QStringLiteral("untrusted_evidence")};
    QTest::newRow("mcp-file-write") << QStringLiteral("mcp-file-write") << QStringList {QStringLiteral("destructive")};
    QTest::newRow("iam-role-grant") << QStringLiteral(
        "iam-role-grant") << QStringList {QStringLiteral("restricted_data"), QStringLiteral("untrusted_evidence")};
}

void TestActionRisk::scenarioBadges()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, badges);
    const ActionRisk risk(rt::scenario(scenario), {}, kNow);
    QCOMPARE(sorted(risk.ids()), sorted(badges));
    for (const QString &id : badges)
        QVERIFY2(risk.has(id), qPrintable(id));
}

void TestActionRisk::scoresOrderTheScenarios()
{
    auto score = [](const char *name) { return ActionRisk(rt::scenario(QString::fromLatin1(name)), {}, kNow).score(); };
    // Irreversible + external + restricted + untrusted outranks the rest; a
    // single destructive file write is the least risky of the five.
    QVERIFY(score("renewal-outreach-email") > score("prod-schema-migration"));
    QVERIFY(score("prod-schema-migration") > score("customer-refund"));
    QVERIFY(score("customer-refund") > score("iam-role-grant"));
    QVERIFY(score("iam-role-grant") > score("mcp-file-write"));
    QVERIFY(score("mcp-file-write") > 0);
    QCOMPARE(ActionRisk().score(), 0);
}

void TestActionRisk::everyBadgeExplainsItself()
{
    const QStringList names {QStringLiteral("renewal-outreach-email"), QStringLiteral("prod-schema-migration"),
                             QStringLiteral("customer-refund"), QStringLiteral("mcp-file-write"),
                             QStringLiteral("iam-role-grant")};
    for (const QString &name : names) {
        const ActionRisk risk(rt::scenario(name), {}, kNow);
        for (const ActionRisk::Badge &b : risk.badges()) {
            QVERIFY2(!b.label.isEmpty(), qPrintable(name + b.id));
            QVERIFY2(b.explanation.size() > 20, qPrintable(name + b.id));
            QVERIFY(b.explanation.endsWith(u'.'));
            QCOMPARE(b.id, ActionRisk::id(b.kind));
            QVERIFY(b.weight > 0);
        }
    }
    const ActionRisk migration(rt::scenario(QStringLiteral("prod-schema-migration")), {}, kNow);
    const QString memory = migration.badge(ActionRisk::Kind::StaleMemory)->explanation;
    QVERIFY2(memory.contains(QStringLiteral("mem-88")) && memory.contains(QStringLiteral("no source"))
                 && memory.contains(QStringLiteral("older than 90 days")),
             qPrintable(memory));
    QVERIFY(migration.badge(ActionRisk::Kind::RestrictedData)
                ->explanation.contains(QStringLiteral("postgres://billing-prod.internal/billing/customers")));
    QCOMPARE(migration.badge(ActionRisk::Kind::RestrictedData)->label, QStringLiteral("Restricted data"));

    const ActionRisk refund(rt::scenario(QStringLiteral("customer-refund")), {}, kNow);
    QVERIFY(refund.badge(ActionRisk::Kind::StaleMemory)
                ->explanation.contains(QStringLiteral("written from user-generated content")));
    QVERIFY(refund.badge(ActionRisk::Kind::UntrustedEvidence)->explanation.contains(QStringLiteral("T-99812")));
    // Confidential data is written but nothing is restricted: "sensitive".
    QCOMPARE(refund.badge(ActionRisk::Kind::RestrictedData)->label, QStringLiteral("Sensitive data"));
}

void TestActionRisk::renewalNamesTheExternalRecipients()
{
    const ActionRisk risk(rt::scenario(QStringLiteral("renewal-outreach-email")), {}, kNow);
    QVERIFY(risk.externalRecipients().contains(QStringLiteral("procurement@globex.example")));
    QVERIFY(risk.externalRecipients().contains(QStringLiteral("j.meyer@globex-partners.example")));
    QVERIFY(risk.externalRecipients().contains(QStringLiteral("mailto:procurement@globex.example"))
            || risk.externalRecipients().contains(QStringLiteral("procurement@globex.example")));
    for (const QString &r : risk.externalRecipients())
        QVERIFY2(!r.contains(QStringLiteral("acme.example")), qPrintable(r));
    const QString why = risk.badge(ActionRisk::Kind::ExternalRecipients)->explanation;
    QVERIFY2(why.contains(QStringLiteral("“acme.example”")), qPrintable(why));
    QVERIFY(why.contains(QStringLiteral("“j.meyer@globex-partners.example”")));
}

void TestActionRisk::knownTenantDomainsNarrowExternal()
{
    const Action renewal = rt::scenario(QStringLiteral("renewal-outreach-email"));
    const ActionRisk risk(renewal, {QStringLiteral("acme.example"), QStringLiteral("globex.example")}, kNow);
    QVERIFY(risk.has(ActionRisk::Kind::ExternalRecipients));
    QCOMPARE(risk.externalRecipients(), QStringList {QStringLiteral("j.meyer@globex-partners.example")});
    QVERIFY(risk.badge(ActionRisk::Kind::ExternalRecipients)->explanation.contains(QStringLiteral("tenant's domains")));

    const ActionRisk all(
        renewal,
        {QStringLiteral("acme.example"), QStringLiteral("globex.example"), QStringLiteral("globex-partners.example")},
        kNow);
    QVERIFY(!all.has(ActionRisk::Kind::ExternalRecipients));
}

void TestActionRisk::lookAlikeDomainsAreExternal_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("external");
    QTest::newRow("own") << QStringLiteral("bob@acme.example") << false;
    QTest::newRow("own, upper case") << QStringLiteral("Bob@ACME.Example") << false;
    QTest::newRow("own subdomain") << QStringLiteral("bob@mail.acme.example") << false;
    QTest::newRow("own as a prefix of a foreign domain") << QStringLiteral("bob@acme.example.evil.test") << true;
    QTest::newRow("own as a suffix without a dot") << QStringLiteral("bob@evilacme.example") << true;
    QTest::newRow("cyrillic a") << QStringLiteral("bob@\u0430cme.example") << true;
    QTest::newRow("in text") << QStringLiteral("please forward to bob@evil.test, thanks") << true;
}

void TestActionRisk::lookAlikeDomainsAreExternal()
{
    QFETCH(QString, address);
    QFETCH(bool, external);
    const ActionRisk risk(withArguments({{QStringLiteral("to"), address}}), {}, kNow);
    QCOMPARE(risk.has(ActionRisk::Kind::ExternalRecipients), external);
}

void TestActionRisk::hiddenCharactersInsideAnAddressDoNotHideIt()
{
    const QString address = QStringLiteral("bob@evil") + QChar(0x200B) + QStringLiteral(".test");
    const ActionRisk risk(withArguments({{QStringLiteral("to"), QJsonArray {address}}}), {}, kNow);
    QVERIFY(risk.has(ActionRisk::Kind::ExternalRecipients));
    // Listed as sent, and the explanation shows the hidden character as a token.
    QCOMPARE(risk.externalRecipients(), QStringList {address});
    QVERIFY(risk.badge(ActionRisk::Kind::ExternalRecipients)
                ->explanation.contains(QStringLiteral("bob@evil⟦U+200B ZERO WIDTH SPACE⟧.test")));

    // A zero-width character cannot make a foreign domain pass as the own one either.
    const QString fake = QStringLiteral("bob@acme.example") + QChar(0x200B) + QStringLiteral(".evil.test");
    QVERIFY(
        ActionRisk(withArguments({{QStringLiteral("to"), fake}}), {}, kNow).has(ActionRisk::Kind::ExternalRecipients));
}

void TestActionRisk::urlsInArgumentsCount()
{
    auto external = [](const QString &value) {
        return ActionRisk(withArguments({{QStringLiteral("webhook"), value}}), {}, kNow)
            .has(ActionRisk::Kind::ExternalRecipients);
    };
    QVERIFY(external(QStringLiteral("https://hooks.evil.test/collect?d=1")));
    QVERIFY(external(QStringLiteral("ftp://files.evil.test/drop")));
    QVERIFY(external(QStringLiteral("https://user:pw@evil.test/")));
    QVERIFY(!external(QStringLiteral("https://wiki.acme.example/page")));
    QVERIFY(!external(QStringLiteral("postgres://billing-prod.internal/billing")));
    QVERIFY(!external(QStringLiteral("http://10.1.2.3:8080/health")));
    QVERIFY(!external(QStringLiteral("http://192.168.0.10/")));
    QVERIFY(!external(QStringLiteral("http://localhost:9000/")));
    QVERIFY(!external(QStringLiteral("crm://acme/accounts/globex")));
    QVERIFY(!external(QStringLiteral("arn:cloud:s3:::acme-reports/*")));
    QVERIFY(external(QStringLiteral("http://8.8.8.8/")));
    // Keys are scanned too.
    QVERIFY(ActionRisk(withArguments({{QStringLiteral("bob@evil.test"), true}}), {}, kNow)
                .has(ActionRisk::Kind::ExternalRecipients));
    // And nested values.
    QVERIFY(
        ActionRisk(withArguments({{QStringLiteral("a"),
                                   QJsonArray {QJsonObject {{QStringLiteral("b"), QStringLiteral("x@evil.test")}}}}}),
                   {}, kNow)
            .has(ActionRisk::Kind::ExternalRecipients));
}

void TestActionRisk::withoutAnyOwnDomainEveryAddressIsExternal()
{
    const Action action
        = withArguments({{QStringLiteral("to"), QStringLiteral("bob@acme.example")}}, QStringLiteral("okafor"));
    QVERIFY(ActionRisk::ownDomains(action, {}).isEmpty());
    const ActionRisk risk(action, {}, kNow);
    QVERIFY(risk.has(ActionRisk::Kind::ExternalRecipients));
    QVERIFY(risk.badge(ActionRisk::Kind::ExternalRecipients)->explanation.contains(QStringLiteral("no tenant domain")));
}

void TestActionRisk::sendScopeWithUnknownDestinationIsExternal()
{
    const ActionRisk risk(
        withScopes({scope(QStringLiteral("chat://general"), QStringLiteral("send"), QStringLiteral("internal"))}), {},
        kNow);
    QVERIFY(risk.has(ActionRisk::Kind::ExternalRecipients));
    QVERIFY(risk.badge(ActionRisk::Kind::ExternalRecipients)->explanation.contains(QStringLiteral("cannot be told")));

    const ActionRisk own(withScopes({scope(QStringLiteral("mailto:team@acme.example"), QStringLiteral("send"),
                                           QStringLiteral("internal"))}),
                         {}, kNow);
    QVERIFY(!own.has(ActionRisk::Kind::ExternalRecipients));

    const ActionRisk foreign(
        withScopes({scope(QStringLiteral("mailto:x@evil.test"), QStringLiteral("send"), QStringLiteral("internal"))}),
        {}, kNow);
    QVERIFY(foreign.has(ActionRisk::Kind::ExternalRecipients));
}

void TestActionRisk::restrictedAndSensitiveData()
{
    for (const QString &access : {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("execute")}) {
        const ActionRisk r(withScopes({scope(QStringLiteral("db://x"), access, QStringLiteral("restricted"))}), {},
                           kNow);
        QVERIFY(r.has(ActionRisk::Kind::RestrictedData));
        QCOMPARE(r.badge(ActionRisk::Kind::RestrictedData)->label, QStringLiteral("Restricted data"));
    }
    for (const QString &access : {QStringLiteral("write"), QStringLiteral("delete"), QStringLiteral("send")}) {
        const ActionRisk r(
            withScopes({scope(QStringLiteral("mailto:a@acme.example"), access, QStringLiteral("confidential"))}), {},
            kNow);
        QVERIFY2(r.has(ActionRisk::Kind::RestrictedData), qPrintable(access));
        QCOMPARE(r.badge(ActionRisk::Kind::RestrictedData)->label, QStringLiteral("Sensitive data"));
    }
    // Restricted outweighs sensitive in the score.
    const int restricted
        = ActionRisk(
              withScopes({scope(QStringLiteral("db://x"), QStringLiteral("read"), QStringLiteral("restricted"))}), {},
              kNow)
              .score();
    const int sensitive
        = ActionRisk(
              withScopes({scope(QStringLiteral("db://x"), QStringLiteral("write"), QStringLiteral("confidential"))}),
              {}, kNow)
              .score();
    QVERIFY(restricted > sensitive);
}

void TestActionRisk::confidentialReadIsNotABadge()
{
    const ActionRisk r(
        withScopes({scope(QStringLiteral("crm://acme/x"), QStringLiteral("read"), QStringLiteral("confidential")),
                    scope(QStringLiteral("crm://acme/y"), QStringLiteral("write"), QStringLiteral("internal"))}),
        {}, kNow);
    QVERIFY(!r.has(ActionRisk::Kind::RestrictedData));
}

void TestActionRisk::memoryRules()
{
    MemoryItem m;
    m.id = QStringLiteral("mem-1");
    m.text = QStringLiteral("x");
    m.writtenBy = QStringLiteral("agent:a");
    m.writtenAt = kNow.addDays(-10);
    m.source = QStringLiteral("conversation with maria.lopez@acme.example");
    QVERIFY(ReviewChecks::memory(m, kNow).isEmpty());

    auto ids = [](const MemoryItem &item) {
        QStringList out;
        for (const auto &f : ReviewChecks::memory(item, kNow))
            out.append(f.id);
        return out;
    };

    MemoryItem noSource = m;
    noSource.source.reset();
    QCOMPARE(ids(noSource), QStringList {QStringLiteral("no_source")});
    noSource.source = QStringLiteral("  ");
    QCOMPARE(ids(noSource), QStringList {QStringLiteral("no_source")});

    MemoryItem expired = m;
    expired.expiresAt = kNow.addSecs(-1);
    QCOMPARE(ids(expired), QStringList {QStringLiteral("expired")});
    expired.expiresAt = kNow.addSecs(60);
    QVERIFY(ids(expired).isEmpty());

    MemoryItem stale = m;
    stale.writtenAt = kNow.addDays(-91);
    QCOMPARE(ids(stale), QStringList {QStringLiteral("stale")});
    stale.writtenAt = kNow.addDays(-90);
    QVERIFY(ids(stale).isEmpty());

    MemoryItem undated = m;
    undated.writtenAt = QDateTime();
    QCOMPARE(ids(undated), QStringList {QStringLiteral("no_date")});

    for (const QString &source : {QStringLiteral("ticket T-97001 (customer message)"), QStringLiteral("user message"),
                                  QStringLiteral("partner PORTAL note"), QStringLiteral("public forum"),
                                  QStringLiteral("user_generated import")}) {
        MemoryItem ugc = m;
        ugc.source = source;
        QCOMPARE(ids(ugc), QStringList {QStringLiteral("user_generated")});
    }

    // Any memory flag raises the queue badge.
    QJsonObject json = baseAction();
    json.insert(QStringLiteral("memory"),
                QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("mem-9")},
                                         {QStringLiteral("text"), QStringLiteral("t")},
                                         {QStringLiteral("written_at"), QStringLiteral("2026-12-01T00:00:00Z")},
                                         {QStringLiteral("source"), QStringLiteral("runbook")},
                                         {QStringLiteral("expires_at"), QStringLiteral("2026-12-02T00:00:00Z")}}});
    const ActionRisk risk(rt::actionFrom(json), {}, kNow);
    QVERIFY(risk.has(ActionRisk::Kind::StaleMemory));
    QVERIFY(risk.badge(ActionRisk::Kind::StaleMemory)->explanation.contains(QStringLiteral("mem-9: expired")));
}

void TestActionRisk::untrustedEvidenceTrustLevels_data()
{
    QTest::addColumn<QString>("trust");
    QTest::addColumn<bool>("untrusted");
    QTest::newRow("verified") << QStringLiteral("verified") << false;
    QTest::newRow("internal") << QStringLiteral("internal") << false;
    QTest::newRow("user_generated") << QStringLiteral("user_generated") << true;
    QTest::newRow("external") << QStringLiteral("external") << true;
    QTest::newRow("unknown") << QStringLiteral("unknown") << true;
}

void TestActionRisk::untrustedEvidenceTrustLevels()
{
    QFETCH(QString, trust);
    QFETCH(bool, untrusted);
    QJsonObject json = baseAction();
    json.insert(QStringLiteral("evidence"),
                QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("ev-1")},
                                         {QStringLiteral("kind"), QStringLiteral("web")},
                                         {QStringLiteral("title"), QStringLiteral("Some page")},
                                         {QStringLiteral("trust"), trust}}});
    const ActionRisk risk(rt::actionFrom(json), {}, kNow);
    QCOMPARE(risk.has(ActionRisk::Kind::UntrustedEvidence), untrusted);
    QCOMPARE(ReviewChecks::isUntrustedTrust(trust), untrusted);
}

void TestActionRisk::annotationsMustBeTrueToCount()
{
    // mcp-file-write does not state `irreversible` at all: absent is not true.
    const ActionRisk file(rt::scenario(QStringLiteral("mcp-file-write")), {}, kNow);
    QVERIFY(!file.has(ActionRisk::Kind::Irreversible));
    // iam-role-grant states both as false.
    const ActionRisk iam(rt::scenario(QStringLiteral("iam-role-grant")), {}, kNow);
    QVERIFY(!iam.has(ActionRisk::Kind::Irreversible));
    QVERIFY(!iam.has(ActionRisk::Kind::Destructive));
}

QTEST_GUILESS_MAIN(TestActionRisk)
#include "TestActionRisk.moc"
