#include "ModelTestSupport.h"
#include "models/AuthorityChainModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

using countersign::core::AuthorityLink;
using countersign::models::AuthorityChainModel;
namespace mt = countersign::modeltest;

// The authority-chain pane: each link's columns, per-link flags in words in
// the Flags column, chain-level flags, and re-checking as time passes.
class TestAuthorityChainModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refundChainShowsTheEscalation();
    void migrationChainShowsTheEscalation();
    void cleanChainHasNoFlags();
    void craftedChainFlags();
    void expiryIsRecheckedAsTimePasses();
    void untrustedValuesAreFormatted();
    void clearShowsNothing();

private:
    QString cell(int row, int column) const { return m_model->index(row, column).data().toString(); }

    QDateTime m_now;
    std::unique_ptr<AuthorityChainModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAuthorityChainModel::init()
{
    m_now = mt::at("2026-12-04T11:45:00Z");
    m_model = std::make_unique<AuthorityChainModel>();
    m_model->setClock([this] { return m_now; });
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAuthorityChainModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestAuthorityChainModel::refundChainShowsTheEscalation()
{
    m_model->setAction(mt::scenario(QStringLiteral("customer-refund")));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(AuthorityChainModel::ColumnCount));
    QCOMPARE(cell(0, AuthorityChainModel::KindColumn), QStringLiteral("user"));
    QCOMPARE(cell(0, AuthorityChainModel::SubjectColumn), QStringLiteral("support.kim@globex-retail.example"));
    QCOMPARE(cell(0, AuthorityChainModel::IssuerColumn), QStringLiteral("https://sso.globex-retail.example"));
    QCOMPARE(cell(0, AuthorityChainModel::DelegatedByColumn), QStringLiteral("(origin of the chain)"));
    QCOMPARE(cell(0, AuthorityChainModel::ScopesColumn), QStringLiteral("tickets.write, refunds.request:<=500EUR"));
    QCOMPARE(cell(0, AuthorityChainModel::IssuedColumn), countersign::modeltest::shownTime("2026-12-04T08:00:00Z"));
    QCOMPARE(cell(0, AuthorityChainModel::ExpiresColumn), countersign::modeltest::shownTime("2026-12-04T17:00:00Z"));
    QCOMPARE(cell(0, AuthorityChainModel::AuthMethodColumn), QStringLiteral("saml"));
    QCOMPARE(cell(0, AuthorityChainModel::CredentialColumn), QStringLiteral("sess_k1m…22"));
    QCOMPARE(cell(0, AuthorityChainModel::FlagsColumn), QString());
    QVERIFY(!m_model->index(0, 0).data(AuthorityChainModel::FlaggedRole).toBool());

    QCOMPARE(cell(1, AuthorityChainModel::DelegatedByColumn), QStringLiteral("support.kim@globex-retail.example"));
    QCOMPARE(m_model->index(1, 0).data(AuthorityChainModel::FlagIdsRole).toStringList(),
             QStringList {QStringLiteral("escalation")});
    QVERIFY(m_model->index(1, 0).data(AuthorityChainModel::FlaggedRole).toBool());
    const QString flags = cell(1, AuthorityChainModel::FlagsColumn);
    QVERIFY2(flags.startsWith(QStringLiteral("Escalation")) && flags.contains(QStringLiteral("“refunds.request”"))
                 && flags.contains(QStringLiteral("“refunds.request:<=500EUR”")),
             qPrintable(flags));
    QCOMPARE(m_model->index(1, 0).data(AuthorityChainModel::FlagsRole).toStringList(), QStringList {flags});
    QVERIFY(m_model->index(1, AuthorityChainModel::FlagsColumn).data(Qt::FontRole).value<QFont>().bold());
    // The tool link has no times: said in words.
    QCOMPARE(cell(2, AuthorityChainModel::IssuedColumn), QStringLiteral("not given"));
    QCOMPARE(cell(2, AuthorityChainModel::ExpiresColumn), QStringLiteral("no expiry given"));
    QCOMPARE(cell(2, AuthorityChainModel::IssuerColumn), QStringLiteral("not given"));
    QCOMPARE(m_model->index(2, 0).data(AuthorityChainModel::KindRole).toString(), QStringLiteral("tool"));
    QVERIFY(m_model->chainFlags().isEmpty());
    QCOMPARE(m_model->headerData(1, Qt::Vertical).toInt(), 2);
}

void TestAuthorityChainModel::migrationChainShowsTheEscalation()
{
    m_now = mt::at("2026-12-04T10:06:00Z");
    m_model->setAction(mt::scenario(QStringLiteral("prod-schema-migration")));
    QCOMPARE(m_model->rowCount(), 4);
    QVERIFY(m_model->index(0, 0).data(AuthorityChainModel::FlagsRole).toStringList().isEmpty());
    const QString agent = cell(1, AuthorityChainModel::FlagsColumn);
    QVERIFY2(agent.contains(QStringLiteral("“deploy.production”")), qPrintable(agent));
    QVERIFY(agent.contains(QStringLiteral("“dev.okafor@acme.example”")));
    QVERIFY(cell(1, AuthorityChainModel::ScopesColumn).contains(QStringLiteral("deploy.production")));
    QVERIFY(!cell(0, AuthorityChainModel::ScopesColumn).contains(QStringLiteral("deploy.production")));
    QVERIFY(m_model->chainFlags().isEmpty());
}

void TestAuthorityChainModel::cleanChainHasNoFlags()
{
    m_now = mt::at("2026-12-04T13:05:00Z");
    m_model->setAction(mt::scenario(QStringLiteral("mcp-file-write")));
    QCOMPARE(m_model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QVERIFY(!m_model->index(row, 0).data(AuthorityChainModel::FlaggedRole).toBool());
    QVERIFY(m_model->chainFlags().isEmpty());
    QVERIFY(m_model->result().isClean());
}

void TestAuthorityChainModel::craftedChainFlags()
{
    AuthorityLink agent;
    agent.kind = QStringLiteral("agent");
    agent.subject = QStringLiteral("agent:x");
    agent.scopes = {QStringLiteral("a.read")};
    agent.expiresAt = m_now.addSecs(-5); // expired
    AuthorityLink service;
    service.kind = QStringLiteral("service");
    service.subject = QStringLiteral("svc:y");
    service.delegatedBy = QStringLiteral("agent:someone-else"); // broken
    service.scopes = {QStringLiteral("a.read"), QStringLiteral("a.write")}; // escalation
    QSignalSpy chainChanged(m_model.get(), &AuthorityChainModel::chainFlagsChanged);
    m_model->setChain({agent, service}, QStringLiteral("tool.z"));
    QCOMPARE(chainChanged.count(), 1);
    QCOMPARE(m_model->chainFlagIds(),
             (QStringList {QStringLiteral("missing_user"), QStringLiteral("wrong_final_tool")}));
    const QStringList chain = m_model->chainFlags();
    QVERIFY(chain.at(0).contains(QStringLiteral("no human")));
    QVERIFY(chain.at(1).contains(QStringLiteral("“tool.z”")));
    QCOMPARE(m_model->index(0, 0).data(AuthorityChainModel::FlagIdsRole).toStringList(),
             QStringList {QStringLiteral("expired")});
    QCOMPARE(m_model->index(1, 0).data(AuthorityChainModel::FlagIdsRole).toStringList(),
             (QStringList {QStringLiteral("broken_delegation"), QStringLiteral("escalation")}));
    QVERIFY(cell(1, AuthorityChainModel::FlagsColumn).contains(QStringLiteral("“a.write”")));
    QVERIFY(cell(1, AuthorityChainModel::FlagsColumn).contains(QStringLiteral("the chain is broken")));
    // The per-link reasons are in each cell's tooltip as well.
    QVERIFY(m_model->index(1, AuthorityChainModel::SubjectColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("the chain is broken")));
}

void TestAuthorityChainModel::expiryIsRecheckedAsTimePasses()
{
    m_model->setAction(mt::scenario(QStringLiteral("customer-refund")));
    QVERIFY(!m_model->index(1, 0)
                 .data(AuthorityChainModel::FlagIdsRole)
                 .toStringList()
                 .contains(QStringLiteral("expired")));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refresh();
    QCOMPARE(changed.count(), 0); // nothing changed, nothing announced
    m_now = mt::at("2026-12-04T12:10:01Z"); // the agent token's expiry
    m_model->refresh();
    QCOMPARE(changed.count(), 1);
    QVERIFY(
        m_model->index(1, 0).data(AuthorityChainModel::FlagIdsRole).toStringList().contains(QStringLiteral("expired")));
    QVERIFY(cell(1, AuthorityChainModel::FlagsColumn).contains(QStringLiteral("Expired at 2026-12-04T12:10:01Z")));
    QVERIFY(!m_model->index(0, 0).data(AuthorityChainModel::FlaggedRole).toBool());
}

void TestAuthorityChainModel::untrustedValuesAreFormatted()
{
    AuthorityLink user;
    user.kind = QStringLiteral("user");
    user.subject = QStringLiteral("kim@acme.example") + QChar(0x202E);
    user.credential = QStringLiteral("<b>tok</b>");
    user.scopes = {QStringLiteral("x")};
    AuthorityLink tool;
    tool.kind = QStringLiteral("tool");
    tool.subject = QStringLiteral("t");
    tool.delegatedBy = user.subject;
    tool.scopes = {QStringLiteral("x")};
    m_model->setChain({user, tool}, QStringLiteral("t"));
    QCOMPARE(cell(0, AuthorityChainModel::SubjectColumn),
             QStringLiteral("kim@acme.example⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧"));
    QCOMPARE(cell(1, AuthorityChainModel::DelegatedByColumn), cell(0, AuthorityChainModel::SubjectColumn));
    QCOMPARE(cell(0, AuthorityChainModel::CredentialColumn), QStringLiteral("<b>tok</b>"));
    for (int c = 0; c < AuthorityChainModel::ColumnCount; ++c)
        QVERIFY(!Qt::mightBeRichText(m_model->index(0, c).data(Qt::ToolTipRole).toString()));
    QVERIFY(m_model->result().isClean());
}

void TestAuthorityChainModel::clearShowsNothing()
{
    m_model->setAction(mt::scenario(QStringLiteral("iam-role-grant")));
    QCOMPARE(m_model->rowCount(), 3);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->chainFlags().isEmpty()); // no action is not an empty chain
    m_model->refresh();
    QVERIFY(m_model->chainFlags().isEmpty());
    QCOMPARE(m_model->link(0), nullptr);
}

QTEST_MAIN(TestAuthorityChainModel)
#include "TestAuthorityChainModel.moc"
