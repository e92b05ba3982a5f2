#include "ReviewTestSupport.h"
#include "core/AuthorityChainCheck.h"

#include <QTest>

using countersign::core::AuthorityChainCheck;
using countersign::core::AuthorityLink;
namespace rt = countersign::reviewtest;

namespace {

const QDateTime kNow = rt::at("2026-12-04T11:45:00Z");

AuthorityLink link(const QString &kind, const QString &subject, const QString &delegatedBy, const QStringList &scopes)
{
    AuthorityLink l;
    l.kind = kind;
    l.subject = subject;
    l.delegatedBy = delegatedBy;
    l.scopes = scopes;
    l.issuedAt = kNow.addSecs(-600);
    l.expiresAt = kNow.addSecs(1800);
    return l;
}

// user → agent → tool, all valid and narrowing: the clean baseline each test breaks once.
QList<AuthorityLink> cleanChain()
{
    AuthorityLink tool = link(QStringLiteral("tool"), QStringLiteral("payments.refund"),
                              QStringLiteral("agent:support"), {QStringLiteral("refunds.request:<=500EUR")});
    tool.issuedAt = QDateTime();
    tool.expiresAt = QDateTime();
    return {link(QStringLiteral("user"), QStringLiteral("kim@globex.example"), QString(),
                 {QStringLiteral("tickets.write"), QStringLiteral("refunds.request:<=500EUR")}),
            link(QStringLiteral("agent"), QStringLiteral("agent:support"), QStringLiteral("kim@globex.example"),
                 {QStringLiteral("refunds.request:<=500EUR")}),
            tool};
}

const QString kTool = QStringLiteral("payments.refund");

} // namespace

// Authority-chain flags: escalation, expiry, validity, broken delegation,
// missing user and wrong final tool, on crafted chains and on the scenarios.
class TestAuthorityChainCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scopeCoverage_data();
    void scopeCoverage();
    void cleanChainHasNoFlags();
    void escalationIsFlagged();
    void droppedQualifierIsAnEscalation();
    void expiredLinkIsFlagged();
    void notYetValidLinkIsFlagged();
    void validityBackwardsIsFlagged();
    void brokenDelegationIsFlagged();
    void missingUserIsFlagged();
    void wrongFinalToolIsFlagged();
    void emptyChainIsFlagged();
    void untrustedSubjectsAreFormattedInMessages();
    void customerRefundScenario();
    void prodSchemaMigrationScenario();
    void otherScenarios();
};

void TestAuthorityChainCheck::scopeCoverage_data()
{
    QTest::addColumn<QString>("held");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<bool>("covers");
    QTest::newRow("same") << QStringLiteral("email.send") << QStringLiteral("email.send") << true;
    QTest::newRow("narrowed by qualifier")
        << QStringLiteral("refunds.request") << QStringLiteral("refunds.request:<=500EUR") << true;
    QTest::newRow("qualifier dropped") << QStringLiteral("refunds.request:<=500EUR")
                                       << QStringLiteral("refunds.request") << false;
    QTest::newRow("qualifier changed") << QStringLiteral("refunds.request:<=500EUR")
                                       << QStringLiteral("refunds.request:<=5000EUR") << false;
    QTest::newRow("different scope") << QStringLiteral("deploy.staging") << QStringLiteral("deploy.production")
                                     << false;
    QTest::newRow("prefix without dot boundary is not a parent")
        << QStringLiteral("email.send") << QStringLiteral("email.sender") << false;
    QTest::newRow("no hierarchy without wildcard") << QStringLiteral("cloud") << QStringLiteral("cloud.read") << false;
    QTest::newRow("wildcard") << QStringLiteral("cloud.*") << QStringLiteral("cloud.iam.write") << true;
    QTest::newRow("wildcard is not the parent itself")
        << QStringLiteral("cloud.*") << QStringLiteral("cloudy.read") << false;
    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("anything:at-all") << true;
    QTest::newRow("empty held") << QString() << QStringLiteral("x") << false;
}

void TestAuthorityChainCheck::scopeCoverage()
{
    QFETCH(QString, held);
    QFETCH(QString, wanted);
    QFETCH(bool, covers);
    QCOMPARE(AuthorityChainCheck::covers(held, wanted), covers);
}

void TestAuthorityChainCheck::cleanChainHasNoFlags()
{
    const AuthorityChainCheck::Result r = AuthorityChainCheck::check(cleanChain(), kTool, kNow);
    QVERIFY2(r.isClean(), qPrintable(r.chainMessages().join(u'\n') + r.linkMessages(1).join(u'\n')));
    QCOMPARE(r.linkFlags.size(), 3);
}

void TestAuthorityChainCheck::escalationIsFlagged()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[1].scopes.append(QStringLiteral("payments.admin"));
    const AuthorityChainCheck::Result r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.linkIds(1), QStringList {QStringLiteral("escalation")});
    QVERIFY(r.linkIds(0).isEmpty());
    QVERIFY(r.linkIds(2).isEmpty());
    const QString message = r.linkMessages(1).first();
    QVERIFY2(message.contains(QStringLiteral("“payments.admin”"))
                 && message.contains(QStringLiteral("“kim@globex.example”")),
             qPrintable(message));
    QVERIFY(r.chainFlags.isEmpty());
    QVERIFY(r.hasFlag(QStringLiteral("escalation")));
}

void TestAuthorityChainCheck::droppedQualifierIsAnEscalation()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[2].scopes = {QStringLiteral("refunds.request")};
    const AuthorityChainCheck::Result r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.linkIds(2), QStringList {QStringLiteral("escalation")});
    const QString message = r.linkMessages(2).first();
    QVERIFY2(message.contains(QStringLiteral("broader than")) && message.contains(QStringLiteral("<=500EUR")),
             qPrintable(message));
}

void TestAuthorityChainCheck::expiredLinkIsFlagged()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[1].expiresAt = kNow.addSecs(-1);
    const AuthorityChainCheck::Result r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.linkIds(1), QStringList {QStringLiteral("expired")});
    QVERIFY(r.linkMessages(1).first().contains(QStringLiteral("2026-12-04T11:44:59Z")));
    // Expiring exactly now is expired: no grace.
    chain[1].expiresAt = kNow;
    QCOMPARE(AuthorityChainCheck::check(chain, kTool, kNow).linkIds(1), QStringList {QStringLiteral("expired")});
    // The same chain a minute earlier is fine.
    QVERIFY(AuthorityChainCheck::check(chain, kTool, kNow.addSecs(-60)).isClean());
}

void TestAuthorityChainCheck::notYetValidLinkIsFlagged()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[1].issuedAt = kNow.addSecs(AuthorityChainCheck::kClockSkewSeconds + 1);
    QCOMPARE(AuthorityChainCheck::check(chain, kTool, kNow).linkIds(1), QStringList {QStringLiteral("not_yet_valid")});
    // Within the tolerated clock skew it is not flagged.
    chain[1].issuedAt = kNow.addSecs(AuthorityChainCheck::kClockSkewSeconds);
    QVERIFY(AuthorityChainCheck::check(chain, kTool, kNow).isClean());
}

void TestAuthorityChainCheck::validityBackwardsIsFlagged()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[0].issuedAt = kNow.addSecs(-60);
    chain[0].expiresAt = kNow.addSecs(-120);
    const QStringList ids = AuthorityChainCheck::check(chain, kTool, kNow).linkIds(0);
    QVERIFY(ids.contains(QStringLiteral("invalid_validity")));
    QVERIFY(ids.contains(QStringLiteral("expired")));
}

void TestAuthorityChainCheck::brokenDelegationIsFlagged()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[1].delegatedBy = QStringLiteral("mallory@globex.example");
    AuthorityChainCheck::Result r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.linkIds(1), QStringList {QStringLiteral("broken_delegation")});
    QVERIFY(r.linkMessages(1).first().contains(QStringLiteral("“mallory@globex.example”")));

    chain[1].delegatedBy.clear();
    r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.linkIds(1), QStringList {QStringLiteral("broken_delegation")});
    QVERIFY(r.linkMessages(1).first().contains(QStringLiteral("Does not say who delegated it")));
}

void TestAuthorityChainCheck::missingUserIsFlagged()
{
    QList<AuthorityLink> chain = cleanChain();
    chain.removeFirst();
    chain[0].delegatedBy.clear();
    const AuthorityChainCheck::Result r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.chainFlags.size(), 1);
    QCOMPARE(r.chainFlags.first().id, QStringLiteral("missing_user"));
    QVERIFY2(r.chainFlags.first().message.contains(QStringLiteral("no human")), qPrintable(r.chainMessages().first()));
    QVERIFY(r.chainFlags.first().message.contains(QStringLiteral("“agent:support”")));
}

void TestAuthorityChainCheck::wrongFinalToolIsFlagged()
{
    // Ends at another tool.
    AuthorityChainCheck::Result r = AuthorityChainCheck::check(cleanChain(), QStringLiteral("payments.payout"), kNow);
    QCOMPARE(r.chainFlags.size(), 1);
    QCOMPARE(r.chainFlags.first().id, QStringLiteral("wrong_final_tool"));
    QVERIFY(r.chainFlags.first().message.contains(QStringLiteral("“payments.refund”")));
    QVERIFY(r.chainFlags.first().message.contains(QStringLiteral("“payments.payout”")));

    // Ends before any tool.
    QList<AuthorityLink> chain = cleanChain();
    chain.removeLast();
    r = AuthorityChainCheck::check(chain, kTool, kNow);
    QCOMPARE(r.chainFlags.size(), 1);
    QCOMPARE(r.chainFlags.first().id, QStringLiteral("wrong_final_tool"));
    QVERIFY(r.chainFlags.first().message.contains(QStringLiteral("not at a tool")));
}

void TestAuthorityChainCheck::emptyChainIsFlagged()
{
    const AuthorityChainCheck::Result r = AuthorityChainCheck::check({}, kTool, kNow);
    QStringList ids;
    for (const auto &f : r.chainFlags)
        ids.append(f.id);
    QCOMPARE(ids,
             (QStringList {QStringLiteral("empty_chain"), QStringLiteral("missing_user"),
                           QStringLiteral("wrong_final_tool")}));
    QVERIFY(!r.isClean());
}

void TestAuthorityChainCheck::untrustedSubjectsAreFormattedInMessages()
{
    QList<AuthorityLink> chain = cleanChain();
    chain[1].delegatedBy = QStringLiteral("kim@globex.example") + QChar(0x202E);
    const QString message = AuthorityChainCheck::check(chain, kTool, kNow).linkMessages(1).first();
    QVERIFY(message.contains(QStringLiteral("kim@globex.example⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧")));
    QVERIFY(!message.contains(QChar(0x202E)));
}

void TestAuthorityChainCheck::customerRefundScenario()
{
    const auto r = AuthorityChainCheck::check(rt::scenario(QStringLiteral("customer-refund")), kNow);
    QCOMPARE(r.linkFlags.size(), 3);
    QVERIFY(r.linkIds(0).isEmpty());
    QCOMPARE(r.linkIds(1), QStringList {QStringLiteral("escalation")});
    const QString message = r.linkMessages(1).first();
    QVERIFY2(message.contains(QStringLiteral("“refunds.request”"))
                 && message.contains(QStringLiteral("“refunds.request:<=500EUR”")),
             qPrintable(message));
    QVERIFY(r.linkIds(2).isEmpty()); // the tool holds what the agent holds
    QVERIFY(r.chainFlags.isEmpty());

    // After the agent token's expiry (12:10:01) the agent link is expired too.
    const auto later
        = AuthorityChainCheck::check(rt::scenario(QStringLiteral("customer-refund")), rt::at("2026-12-04T12:10:01Z"));
    QVERIFY(later.linkIds(1).contains(QStringLiteral("expired")));
    QVERIFY(!later.linkIds(0).contains(QStringLiteral("expired")));
}

void TestAuthorityChainCheck::prodSchemaMigrationScenario()
{
    const auto r = AuthorityChainCheck::check(rt::scenario(QStringLiteral("prod-schema-migration")),
                                              rt::at("2026-12-04T10:06:00Z"));
    QCOMPARE(r.linkFlags.size(), 4);
    QVERIFY(r.linkIds(0).isEmpty());
    QCOMPARE(r.linkIds(1), QStringList {QStringLiteral("escalation")});
    QVERIFY(r.linkMessages(1).first().contains(QStringLiteral("“deploy.production”")));
    QVERIFY(r.linkMessages(1).first().contains(QStringLiteral("“dev.okafor@acme.example”")));
    // The deploy service's db.migrate:production is held by nobody before it either.
    QCOMPARE(r.linkIds(2), QStringList {QStringLiteral("escalation")});
    QVERIFY(r.linkIds(3).isEmpty());
    QVERIFY(r.chainFlags.isEmpty());
}

void TestAuthorityChainCheck::otherScenarios()
{
    const auto file
        = AuthorityChainCheck::check(rt::scenario(QStringLiteral("mcp-file-write")), rt::at("2026-12-04T13:05:00Z"));
    QVERIFY2(file.isClean(), qPrintable(file.linkMessages(1).join(u'\n')));

    const auto iam
        = AuthorityChainCheck::check(rt::scenario(QStringLiteral("iam-role-grant")), rt::at("2026-12-04T02:20:00Z"));
    QCOMPARE(iam.linkIds(1), QStringList {QStringLiteral("escalation")}); // cloud.iam.write from cloud.iam.propose
    QVERIFY(iam.chainFlags.isEmpty());

    const auto renewal = AuthorityChainCheck::check(rt::scenario(QStringLiteral("renewal-outreach-email")),
                                                    rt::at("2026-12-04T09:15:00Z"));
    // files.read was never the user's; email.send:external narrows email.send.
    QCOMPARE(renewal.linkIds(1), QStringList {QStringLiteral("escalation")});
    QVERIFY(renewal.linkMessages(1).first().contains(QStringLiteral("“files.read”")));
    QVERIFY(renewal.linkIds(2).isEmpty());
    QVERIFY(renewal.linkIds(3).isEmpty());
}

QTEST_GUILESS_MAIN(TestAuthorityChainCheck)
#include "TestAuthorityChainCheck.moc"
