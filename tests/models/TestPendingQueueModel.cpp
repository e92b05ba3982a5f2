#include "ModelTestSupport.h"
#include "models/PendingQueueModel.h"
#include "models/PendingQueueProxyModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

#include <memory>

using countersign::net::ResolvedAction;

using countersign::models::PendingQueueModel;
using countersign::models::PendingQueueProxyModel;
namespace mt = countersign::modeltest;

using Model = PendingQueueModel;

// The live queue: columns and roles, the countdown under an injected clock,
// the urgent flag, sort modes, filters, and the seq rules for updates,
// replays, resolution and removal. Every model is checked by
// QAbstractItemModelTester throughout.
class TestPendingQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pendingActionAppearsWithItsColumns();
    void entryKeepsTheRawActionJson();
    void countdownFollowsTheInjectedClock();
    void countdownText_data();
    void countdownText();
    void countdownUsesTheLocalesDigits();
    void expiredRowsStayUntilResolved();
    void tickChangesOnlyTheDeadlineColumn();
    void timerTicksOnItsOwn();
    void urgentNearTheEnd();
    void sortByDeadline();
    void sortByRisk();
    void sortByArrival();
    void filters();
    void distinctValuesForTheFilterBoxes();
    void newerSeqReplaces();
    void olderOrEqualSeqIsIgnored();
    void resolutionRemovesWithASignal();
    void resolvedActionsDoNotComeBack();
    void removeActionKeepsTheSeq();
    void rowIndexFollowsRemovals();
    void lastSeqIsTheHighestSeen();
    void clearForgetsEverything();
    void invalidActionsStayOut();
    void otherMessagesAreIgnored();
    void textIsFormattedAndNeverRich();
    void riskRolesAndTooltip();
    void tenantDomainsChangeTheRisk();
    void batchResolutionsRemoveExactlyTheirRows();
    void scatteredBatchResolutionRemovesInOneGo();

private:
    QJsonObject message(const QString &scenario, const QString &id, qint64 seq, qint64 deadlineSeconds,
                        const QString &status = QStringLiteral("pending")) const;
    void apply(const QJsonObject &m) { m_model->applyMessage(m); }
    QStringList proxyOrder() const;
    QString cell(int row, int column) const { return m_model->index(row, column).data().toString(); }

    QDateTime m_now;
    std::unique_ptr<PendingQueueModel> m_model;
    std::unique_ptr<PendingQueueProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestPendingQueueModel::init()
{
    m_now = mt::at("2026-12-04T12:00:00Z");
    m_model = std::make_unique<PendingQueueModel>();
    m_model->setClock([this] { return m_now; });
    m_proxy = std::make_unique<PendingQueueProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestPendingQueueModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

QJsonObject TestPendingQueueModel::message(const QString &scenario, const QString &id, qint64 seq,
                                           qint64 deadlineSeconds, const QString &status) const
{
    mt::Stamp s;
    s.id = id;
    s.seq = seq;
    s.submittedAt = m_now;
    if (deadlineSeconds > 0)
        s.expiresAt = m_now.addSecs(deadlineSeconds);
    s.status = status;
    return mt::actionMessage(mt::scenarioJson(scenario), s);
}

QStringList TestPendingQueueModel::proxyOrder() const
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids.append(m_proxy->index(row, 0).data(Model::ActionIdRole).toString());
    return ids;
}

void TestPendingQueueModel::pendingActionAppearsWithItsColumns()
{
    QSignalSpy added(m_model.get(), &Model::actionAdded);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("act-1"), 7, 300));
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toString(), QStringLiteral("act-1"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), int(Model::ColumnCount));
    QCOMPARE(cell(0, Model::ToolColumn), QStringLiteral("email.send"));
    QCOMPARE(cell(0, Model::AgentColumn), QStringLiteral("agent:sales-assistant"));
    QCOMPARE(cell(0, Model::UserColumn), QStringLiteral("maria.lopez@acme.example"));
    QCOMPARE(cell(0, Model::TenantColumn), QStringLiteral("acme"));
    QVERIFY(cell(0, Model::RiskColumn).contains(QStringLiteral("Irreversible")));
    QVERIFY(cell(0, Model::RiskColumn).contains(QStringLiteral("External recipients")));
    QCOMPARE(cell(0, Model::ApprovalsColumn), QStringLiteral("0/1"));
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("5:00"));
    const QModelIndex i = m_model->index(0, 0);
    QCOMPARE(i.data(Model::ActionIdRole).toString(), QStringLiteral("act-1"));
    QCOMPARE(i.data(Model::TenantRole).toString(), QStringLiteral("acme"));
    QCOMPARE(i.data(Model::AgentRole).toString(), QStringLiteral("agent:sales-assistant"));
    QCOMPARE(i.data(Model::ToolRole).toString(), QStringLiteral("email.send"));
    QCOMPARE(i.data(Model::RequesterRole).toString(), QStringLiteral("maria.lopez@acme.example"));
    QCOMPARE(i.data(Model::DeadlineRole).toDateTime(), m_now.addSecs(300));
    QCOMPARE(i.data(Model::SecondsLeftRole).toInt(), 300);
    QCOMPARE(i.data(Model::ArrivalRole).toLongLong(), 7);
    QCOMPARE(i.data(Model::SeqRole).toLongLong(), 7);
    QCOMPARE(m_model->headerData(Model::DeadlineColumn, Qt::Horizontal).toString(), QStringLiteral("Deadline"));
    QCOMPARE(m_model->rowOf(QStringLiteral("act-1")), 0);
    QCOMPARE(m_model->rowOf(QStringLiteral("nope")), -1);
    QCOMPARE(m_model->entry(QStringLiteral("nope")), nullptr);
    QCOMPARE(m_model->entry(5), nullptr);
}

void TestPendingQueueModel::entryKeepsTheRawActionJson()
{
    const QJsonObject m = message(QStringLiteral("customer-refund"), QStringLiteral("act-r"), 3, 600);
    apply(m);
    const Model::Entry *e = m_model->entry(QStringLiteral("act-r"));
    QVERIFY(e);
    QCOMPARE(m_model->entry(0), e);
    QCOMPARE(e->raw, m.value(QStringLiteral("action")).toObject());
    QCOMPARE(e->action.toJson(), e->raw);
    QCOMPARE(e->action.id, QStringLiteral("act-r"));
    QCOMPARE(e->announcedDigest, QStringLiteral("sha256:not-trusted"));
    QCOMPARE(e->arrivedAt, m_now);
    QCOMPARE(e->deadline, m_now.addSecs(600));
    QCOMPARE(e->quorum, 1);
    QCOMPARE(e->approvals, 0);
    QVERIFY(e->risk.has(QStringLiteral("irreversible")));
    QCOMPARE(e->seq, 3);
    QCOMPARE(e->firstSeq, 3);
}

void TestPendingQueueModel::countdownFollowsTheInjectedClock()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 300));
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("5:00"));
    m_now = m_now.addSecs(1);
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("4:59"));
    m_now = m_now.addMSecs(500); // 298.5 s left: never show more time than there is
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("4:58"));
    m_now = m_now.addMSecs(500).addSecs(291); // 7 s left
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("0:07"));
    QCOMPARE(m_model->index(0, 0).data(Model::SecondsLeftRole).toInt(), 7);
    m_now = m_now.addMSecs(6999); // 1 ms left
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("0:00"));
    QVERIFY(!m_model->index(0, 0).data(Model::ExpiredRole).toBool());
}

void TestPendingQueueModel::countdownText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("seven") << qint64(7) << QStringLiteral("0:07");
    QTest::newRow("minute") << qint64(60) << QStringLiteral("1:00");
    QTest::newRow("4:59") << qint64(299) << QStringLiteral("4:59");
    QTest::newRow("59:59") << qint64(3599) << QStringLiteral("59:59");
    QTest::newRow("hour") << qint64(3600) << QStringLiteral("1:00:00");
    QTest::newRow("1:02:05") << qint64(3725) << QStringLiteral("1:02:05");
    QTest::newRow("a day") << qint64(86400) << QStringLiteral("24:00:00");
}

void TestPendingQueueModel::countdownText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Model::countdownText(seconds), text);
}

void TestPendingQueueModel::countdownUsesTheLocalesDigits()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Egypt));
    const QString arabic = Model::countdownText(3725);
    const QString short_ = Model::countdownText(299);
    QLocale::setDefault(before);
    // U+0660.. are the Arabic-Indic digits: 1:02:05 and 4:59, zero padding in the locale's zero.
    QCOMPARE(arabic, QStringLiteral("\u0661:\u0660\u0662:\u0660\u0665"));
    QCOMPARE(short_, QStringLiteral("\u0664:\u0665\u0669"));
    QCOMPARE(Model::countdownText(3725), QStringLiteral("1:02:05"));
}

void TestPendingQueueModel::expiredRowsStayUntilResolved()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 60));
    m_now = m_now.addSecs(60);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("expired"));
    const QModelIndex i = m_model->index(0, 0);
    QCOMPARE(i.data(Model::SecondsLeftRole).toInt(), 0);
    QVERIFY(i.data(Model::ExpiredRole).toBool());
    QVERIFY(i.data(Model::UrgentRole).toBool());
    QVERIFY(
        m_model->index(0, Model::DeadlineColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Expired")));
    m_now = m_now.addSecs(3600);
    QCOMPARE(m_model->rowCount(), 1); // still there: only the broker resolves

    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 2, 60, QStringLiteral("expired")));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(resolved.first().at(1).toString(), QStringLiteral("expired"));

    // An action without a deadline says so.
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("b"), 3, 0));
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("no deadline"));
    QCOMPARE(m_model->index(0, 0).data(Model::SecondsLeftRole).toInt(), -1);
    QVERIFY(!m_model->index(0, 0).data(Model::UrgentRole).toBool());
}

void TestPendingQueueModel::tickChangesOnlyTheDeadlineColumn()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->tick();
    QCOMPARE(changed.count(), 0); // nothing to count down

    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 300));
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("b"), 2, 600));
    apply(message(QStringLiteral("customer-refund"), QStringLiteral("c"), 3, 900));
    changed.clear();
    m_now = m_now.addSecs(2);
    m_model->tick();
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.first().at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(Model::DeadlineColumn));
    QCOMPARE(bottomRight.column(), int(Model::DeadlineColumn));
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 2);
    const auto roles = changed.first().at(2).value<QList<int>>();
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(roles.contains(Model::SecondsLeftRole));
    QVERIFY(roles.contains(Model::UrgentRole));
    QCOMPARE(cell(0, Model::DeadlineColumn), QStringLiteral("4:58"));
}

void TestPendingQueueModel::timerTicksOnItsOwn()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 300));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // The model's own 1 s timer, not a call to tick().
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
    for (const QList<QVariant> &args : changed) {
        QCOMPARE(args.at(0).value<QModelIndex>().column(), int(Model::DeadlineColumn));
        QCOMPARE(args.at(1).value<QModelIndex>().column(), int(Model::DeadlineColumn));
    }
}

void TestPendingQueueModel::urgentNearTheEnd()
{
    // A five-minute window: urgent under a minute (the 10% rule would be 30 s).
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("short"), 1, 300));
    // A one-hour window: urgent under 10% (6 minutes), well before the last minute.
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("long"), 2, 3600));
    auto urgent = [this](const char *id) {
        return m_model->index(m_model->rowOf(QString::fromLatin1(id)), 0).data(Model::UrgentRole).toBool();
    };
    QVERIFY(!urgent("short"));
    QVERIFY(!urgent("long"));
    m_now = m_now.addSecs(239); // short: 61 s left
    QVERIFY(!urgent("short"));
    m_now = m_now.addSecs(2); // short: 59 s left
    QVERIFY(urgent("short"));
    QVERIFY(!urgent("long")); // 3359 s left
    m_now = mt::at("2026-12-04T12:00:00Z").addSecs(3600 - 361); // long: 361 s left
    QVERIFY(!urgent("long"));
    m_now = m_now.addSecs(2); // long: 359 s left, under 10% of the window
    QVERIFY(urgent("long"));
    // Urgent deadlines are bold as well, not only coloured by the view.
    QVERIFY(m_model->index(m_model->rowOf(QStringLiteral("long")), Model::DeadlineColumn)
                .data(Qt::FontRole)
                .value<QFont>()
                .bold());
}

void TestPendingQueueModel::sortByDeadline()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A"), 1, 600));
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("B"), 2, 900));
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("C"), 3, 300));
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("N"), 4, 0)); // no deadline: last
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("D"), 5, 120));
    QCOMPARE(m_proxy->sortMode(), PendingQueueProxyModel::SortMode::Deadline); // the default
    QCOMPARE(proxyOrder(),
             (QStringList {QStringLiteral("D"), QStringLiteral("C"), QStringLiteral("A"), QStringLiteral("B"),
                           QStringLiteral("N")}));
    // Equal deadlines fall back to arrival.
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("E"), 6, 120));
    QCOMPARE(proxyOrder().mid(0, 2), (QStringList {QStringLiteral("D"), QStringLiteral("E")}));
}

void TestPendingQueueModel::sortByRisk()
{
    // Scores: mcp-file-write 25, iam-role-grant 35, customer-refund 65, renewal 90.
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A"), 1, 600));
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("B"), 2, 900));
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("C"), 3, 300));
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("D"), 4, 120));
    apply(message(QStringLiteral("customer-refund"), QStringLiteral("R"), 5, 1200));
    m_proxy->setSortMode(PendingQueueProxyModel::SortMode::Risk);
    QCOMPARE(m_proxy->sortMode(), PendingQueueProxyModel::SortMode::Risk);
    // Highest first; the two file writes tie on risk, so the sooner deadline (D) leads.
    QCOMPARE(proxyOrder(),
             (QStringList {QStringLiteral("B"), QStringLiteral("R"), QStringLiteral("C"), QStringLiteral("D"),
                           QStringLiteral("A")}));
    const int top = m_proxy->index(0, 0).data(Model::RiskScoreRole).toInt();
    const int bottom = m_proxy->index(4, 0).data(Model::RiskScoreRole).toInt();
    QVERIFY(top > bottom);
    // New rows find their place while the mode stays.
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("B2"), 6, 100));
    QCOMPARE(proxyOrder().mid(0, 2), (QStringList {QStringLiteral("B2"), QStringLiteral("B")}));
}

void TestPendingQueueModel::sortByArrival()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A"), 1, 600));
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("B"), 2, 900));
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("C"), 3, 300));
    m_proxy->setSortMode(PendingQueueProxyModel::SortMode::Arrival);
    QCOMPARE(proxyOrder(), (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    // An update (a newer seq) does not make an action newer in arrival order.
    QJsonObject update = message(QStringLiteral("mcp-file-write"), QStringLiteral("A"), 4, 600);
    apply(update);
    QCOMPARE(proxyOrder(), (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(m_model->entry(QStringLiteral("A"))->seq, 4);
    QCOMPARE(m_model->entry(QStringLiteral("A"))->firstSeq, 1);
    m_proxy->setSortMode(PendingQueueProxyModel::SortMode::Deadline);
    QCOMPARE(proxyOrder(), (QStringList {QStringLiteral("C"), QStringLiteral("A"), QStringLiteral("B")}));
}

void TestPendingQueueModel::filters()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A"), 1, 600)); // acme, code-assistant
    apply(message(QStringLiteral("prod-schema-migration"), QStringLiteral("M"), 2, 500)); // acme, code-assistant
    apply(message(QStringLiteral("customer-refund"), QStringLiteral("R"), 3, 400)); // globex-retail
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("I"), 4, 300)); // acme, ops-assistant
    QCOMPARE(m_proxy->rowCount(), 4);

    m_proxy->setTenantFilter(QStringLiteral("globex-retail"));
    QCOMPARE(proxyOrder(), QStringList {QStringLiteral("R")});
    m_proxy->setTenantFilter(QStringLiteral("acme"));
    QCOMPARE(proxyOrder(), (QStringList {QStringLiteral("I"), QStringLiteral("M"), QStringLiteral("A")}));
    m_proxy->setAgentFilter(QStringLiteral("agent:code-assistant"));
    QCOMPARE(proxyOrder(), (QStringList {QStringLiteral("M"), QStringLiteral("A")}));
    m_proxy->setToolFilter(QStringLiteral("write_file"));
    QCOMPARE(proxyOrder(), QStringList {QStringLiteral("A")});
    QCOMPARE(m_proxy->toolFilter(), QStringLiteral("write_file"));
    // Exact matches only: no prefixes, no case folding.
    m_proxy->setToolFilter(QStringLiteral("write"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setToolFilter(QStringLiteral("WRITE_FILE"));
    QCOMPARE(m_proxy->rowCount(), 0);
    // Empty means all.
    m_proxy->setToolFilter(QString());
    QCOMPARE(m_proxy->rowCount(), 2);
    // Rows that arrive later are filtered too.
    apply(message(QStringLiteral("customer-refund"), QStringLiteral("R2"), 5, 200));
    QCOMPARE(m_proxy->rowCount(), 2);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A2"), 6, 100));
    QCOMPARE(proxyOrder().first(), QStringLiteral("A2"));
    m_proxy->clearFilters();
    QCOMPARE(m_proxy->rowCount(), 6);
    QVERIFY(m_proxy->tenantFilter().isEmpty() && m_proxy->agentFilter().isEmpty());
}

void TestPendingQueueModel::distinctValuesForTheFilterBoxes()
{
    QSignalSpy changed(m_model.get(), &Model::distinctValuesChanged);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A"), 1, 600));
    QCOMPARE(changed.count(), 1);
    apply(message(QStringLiteral("prod-schema-migration"), QStringLiteral("M"), 2, 500));
    QCOMPARE(changed.count(), 2); // a new tool
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("A2"), 3, 600));
    QCOMPARE(changed.count(), 2); // nothing new
    apply(message(QStringLiteral("customer-refund"), QStringLiteral("R"), 4, 400));
    QCOMPARE(m_model->tenants(), (QStringList {QStringLiteral("acme"), QStringLiteral("globex-retail")}));
    QCOMPARE(m_model->agents(),
             (QStringList {QStringLiteral("agent:code-assistant"), QStringLiteral("agent:support-copilot")}));
    QCOMPARE(m_model->tools(),
             (QStringList {QStringLiteral("db.execute_migration"), QStringLiteral("payments.refund"),
                           QStringLiteral("write_file")}));
    const int before = int(changed.count());
    apply(message(QStringLiteral("customer-refund"), QStringLiteral("R"), 5, 400, QStringLiteral("denied")));
    QCOMPARE(changed.count(), before + 1);
    QCOMPARE(m_model->tenants(), QStringList {QStringLiteral("acme")});
}

void TestPendingQueueModel::newerSeqReplaces()
{
    mt::Stamp s;
    s.id = QStringLiteral("act");
    s.seq = 4;
    s.submittedAt = m_now;
    s.expiresAt = m_now.addSecs(600);
    s.quorum = 2;
    apply(mt::actionMessage(mt::scenarioJson(QStringLiteral("prod-schema-migration")), s));
    const Model::Entry *e = m_model->entry(QStringLiteral("act"));
    QVERIFY(e);
    QCOMPARE(cell(0, Model::ApprovalsColumn), QStringLiteral("0/2"));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model.get(), &Model::actionUpdated);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_now = m_now.addSecs(30);
    s.seq = 9;
    s.decisions = {mt::approval(QStringLiteral("ed25519:first"))};
    apply(mt::actionMessage(mt::scenarioJson(QStringLiteral("prod-schema-migration")), s));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), 0);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().column(), Model::ColumnCount - 1);
    QCOMPARE(cell(0, Model::ApprovalsColumn), QStringLiteral("1/2"));
    // The entry is updated in place; its arrival stays the first one.
    QCOMPARE(m_model->entry(QStringLiteral("act")), e);
    QCOMPARE(e->seq, 9);
    QCOMPARE(e->approvals, 1);
    QCOMPARE(e->arrivedAt, m_now.addSecs(-30));
    QCOMPARE(e->raw.value(QStringLiteral("seq")).toInteger(), 9);

    // The same approver twice still counts once; a deny does not count.
    s.seq = 10;
    s.decisions = {mt::approval(QStringLiteral("ed25519:first")), mt::approval(QStringLiteral("ed25519:first"))};
    apply(mt::actionMessage(mt::scenarioJson(QStringLiteral("prod-schema-migration")), s));
    QCOMPARE(cell(0, Model::ApprovalsColumn), QStringLiteral("1/2"));
}

void TestPendingQueueModel::olderOrEqualSeqIsIgnored()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("act"), 5, 600));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model.get(), &Model::actionUpdated);
    QSignalSpy added(m_model.get(), &Model::actionAdded);
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);

    // Equal seq: a duplicate (e.g. a replay after reconnect), even with other content.
    QJsonObject dup = message(QStringLiteral("iam-role-grant"), QStringLiteral("act"), 5, 600);
    apply(dup);
    // Older seq: going back in time, even as a resolution.
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("act"), 4, 600));
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("act"), 3, 600, QStringLiteral("approved")));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, Model::ToolColumn), QStringLiteral("write_file"));
    QCOMPARE(m_model->entry(QStringLiteral("act"))->seq, 5);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(updated.count(), 0);
    QCOMPARE(added.count(), 0);
    QCOMPARE(resolved.count(), 0);
}

void TestPendingQueueModel::resolutionRemovesWithASignal()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 600));
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("b"), 2, 600));
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 3, 600, QStringLiteral("approved")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(resolved.first().at(0).toString(), QStringLiteral("a"));
    QCOMPARE(resolved.first().at(1).toString(), QStringLiteral("approved"));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->entry(QStringLiteral("a")), nullptr);
    QCOMPARE(m_proxy->rowCount(), 1);

    // Every final status resolves.
    for (const QString &status : {QStringLiteral("denied"), QStringLiteral("killed")}) {
        const QString id = QStringLiteral("x-") + status;
        apply(message(QStringLiteral("mcp-file-write"), id, m_model->lastSeq() + 1, 600));
        apply(message(QStringLiteral("mcp-file-write"), id, m_model->lastSeq() + 1, 600, status));
        QCOMPARE(resolved.last().at(1).toString(), status);
        QCOMPARE(m_model->entry(id), nullptr);
    }
    // A resolution for an action the queue never showed is no notice.
    const qsizetype notices = resolved.count();
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("never-seen"), 50, 600, QStringLiteral("executed")));
    QCOMPARE(resolved.count(), notices);
}

void TestPendingQueueModel::resolvedActionsDoNotComeBack()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 600));
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 2, 600, QStringLiteral("denied")));
    QSignalSpy added(m_model.get(), &Model::actionAdded);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 600)); // a stale replay
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 2, 600));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(added.count(), 0);
}

// The id -> row index (B4 in docs/performance.md) must follow the rows that
// move up when one in the middle goes.
void TestPendingQueueModel::rowIndexFollowsRemovals()
{
    const QStringList ids {QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3"), QStringLiteral("r4")};
    for (int i = 0; i < ids.size(); ++i)
        apply(message(QStringLiteral("mcp-file-write"), ids.at(i), i + 1, 600));
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("r2"), 10, 600, QStringLiteral("approved")));
    QCOMPARE(m_model->rowCount(), 3);
    for (const QString &id : {QStringLiteral("r1"), QStringLiteral("r3"), QStringLiteral("r4")}) {
        QVERIFY(m_model->entry(id));
        QCOMPARE(m_model->entry(id)->id, id);
    }
    QVERIFY(!m_model->entry(QStringLiteral("r2")));
    m_model->removeAction(QStringLiteral("r3"));
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("r4"), 11, 600, QStringLiteral("denied")));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->entry(0)->id, QStringLiteral("r1"));
    QCOMPARE(m_model->entry(QStringLiteral("r1"))->id, QStringLiteral("r1"));
}

void TestPendingQueueModel::removeActionKeepsTheSeq()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 4, 600));
    m_model->removeAction(QStringLiteral("a"));
    m_model->removeAction(QStringLiteral("unknown")); // harmless
    QCOMPARE(m_model->rowCount(), 0);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 4, 600));
    QCOMPARE(m_model->rowCount(), 0); // not newer: stays out
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 5, 600));
    QCOMPARE(m_model->rowCount(), 1); // a newer pending version is shown again
}

void TestPendingQueueModel::lastSeqIsTheHighestSeen()
{
    QCOMPARE(m_model->lastSeq(), 0);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 3, 600));
    QCOMPARE(m_model->lastSeq(), 3);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("b"), 8, 600, QStringLiteral("executed")));
    QCOMPARE(m_model->lastSeq(), 8); // resolutions of unseen actions count
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("c"), 6, 600));
    QCOMPARE(m_model->lastSeq(), 8); // never goes back
    QJsonObject broken = message(QStringLiteral("mcp-file-write"), QStringLiteral("d"), 11, 600);
    QJsonObject action = broken.value(QStringLiteral("action")).toObject();
    action.remove(QStringLiteral("tool"));
    broken.insert(QStringLiteral("action"), action);
    apply(broken);
    QCOMPARE(m_model->lastSeq(), 11); // an invalid action was still received
}

void TestPendingQueueModel::clearForgetsEverything()
{
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 3, 600));
    apply(message(QStringLiteral("iam-role-grant"), QStringLiteral("b"), 4, 600));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(m_model->lastSeq(), 0);
    QVERIFY(m_model->tenants().isEmpty());
    // A fresh subscription from 0 delivers the same seqs again, and they count.
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 3, 600));
    QCOMPARE(m_model->rowCount(), 1);
}

void TestPendingQueueModel::invalidActionsStayOut()
{
    QSignalSpy invalid(m_model.get(), &Model::invalidAction);
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 1, 600));

    QJsonObject broken = message(QStringLiteral("mcp-file-write"), QStringLiteral("a"), 2, 600);
    QJsonObject action = broken.value(QStringLiteral("action")).toObject();
    action.insert(QStringLiteral("data_scopes"), QStringLiteral("not an array"));
    broken.insert(QStringLiteral("action"), action);
    apply(broken);
    // The older valid version must not stay on screen to be signed in its place.
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(invalid.count(), 1);
    QCOMPARE(invalid.first().at(0).toString(), QStringLiteral("a"));
    const QStringList errors = invalid.first().at(1).toStringList();
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.join(u' ').contains(QStringLiteral("data_scopes")), qPrintable(errors.join(u' ')));
    QCOMPARE(resolved.count(), 0);

    // No id, no seq: reported, ignored.
    QJsonObject noId = message(QStringLiteral("mcp-file-write"), QString(), 3, 600);
    apply(noId);
    QCOMPARE(invalid.count(), 2);
    QJsonObject noSeq = message(QStringLiteral("mcp-file-write"), QStringLiteral("z"), 3, 600);
    noSeq.remove(QStringLiteral("seq"));
    QJsonObject a = noSeq.value(QStringLiteral("action")).toObject();
    a.remove(QStringLiteral("seq"));
    noSeq.insert(QStringLiteral("action"), a);
    apply(noSeq);
    QCOMPARE(invalid.count(), 3);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestPendingQueueModel::otherMessagesAreIgnored()
{
    QSignalSpy invalid(m_model.get(), &Model::invalidAction);
    m_model->applyMessage({{QStringLiteral("type"), QStringLiteral("synced")}, {QStringLiteral("head"), 40}});
    m_model->applyMessage({{QStringLiteral("type"), QStringLiteral("killswitch_engaged")}});
    m_model->applyMessage({});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->lastSeq(), 0);
    QCOMPARE(invalid.count(), 0);
}

void TestPendingQueueModel::textIsFormattedAndNeverRich()
{
    QJsonObject scenario = mt::scenarioJson(QStringLiteral("mcp-file-write"));
    QJsonObject tool = scenario.value(QStringLiteral("tool")).toObject();
    tool.insert(QStringLiteral("name"), QString(QStringLiteral("write") + QChar(0x202E) + QStringLiteral("elif\nx")));
    scenario.insert(QStringLiteral("tool"), tool);
    QJsonObject agent = scenario.value(QStringLiteral("agent")).toObject();
    agent.insert(QStringLiteral("display_name"), QStringLiteral("<b>Trusted</b> <img src=x>"));
    agent.insert(QStringLiteral("id"), QStringLiteral("<b>agent</b>"));
    scenario.insert(QStringLiteral("agent"), agent);
    mt::Stamp s;
    s.id = QStringLiteral("x");
    s.expiresAt = m_now.addSecs(100);
    apply(mt::actionMessage(scenario, s));

    QCOMPARE(cell(0, Model::ToolColumn), QStringLiteral("write⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧elif⏎x"));
    QCOMPARE(cell(0, Model::AgentColumn), QStringLiteral("<b>agent</b>")); // characters, not markup
    // The raw roles are raw (for filtering), the display is formatted.
    QCOMPARE(m_model->index(0, 0).data(Model::ToolRole).toString(), tool.value(QStringLiteral("name")).toString());
    for (int c = 0; c < Model::ColumnCount; ++c) {
        const QString tip = m_model->index(0, c).data(Qt::ToolTipRole).toString();
        QVERIFY2(!Qt::mightBeRichText(tip), qPrintable(tip));
        QVERIFY(!tip.contains(QChar(0x202E)));
    }
    QVERIFY(m_model->index(0, Model::AgentColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("<b>Trusted</b> <img src=x>")));
}

void TestPendingQueueModel::riskRolesAndTooltip()
{
    apply(message(QStringLiteral("prod-schema-migration"), QStringLiteral("m"), 1, 600));
    const QModelIndex i = m_model->index(0, Model::RiskColumn);
    QStringList badges = i.data(Model::BadgesRole).toStringList();
    badges.sort();
    QCOMPARE(badges,
             (QStringList {QStringLiteral("destructive"), QStringLiteral("irreversible"),
                           QStringLiteral("restricted_data"), QStringLiteral("stale_memory")}));
    QCOMPARE(i.data(Model::RiskScoreRole).toInt(), m_model->entry(0)->risk.score());
    const QString tip = i.data(Qt::ToolTipRole).toString();
    QVERIFY(tip.startsWith(QStringLiteral("Risk\n")));
    for (const auto &b : m_model->entry(0)->risk.badges())
        QVERIFY2(tip.contains(b.label + QStringLiteral(": ") + b.explanation), qPrintable(tip));

    apply(message(QStringLiteral("mcp-file-write"), QStringLiteral("f"), 2, 600));
    QCOMPARE(cell(1, Model::RiskColumn), QStringLiteral("Destructive"));
}

void TestPendingQueueModel::tenantDomainsChangeTheRisk()
{
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("r"), 1, 600));
    QVERIFY(
        m_model->index(0, 0).data(Model::BadgesRole).toStringList().contains(QStringLiteral("external_recipients")));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setTenantDomains({{QStringLiteral("acme"),
                                {QStringLiteral("acme.example"), QStringLiteral("globex.example"),
                                 QStringLiteral("globex-partners.example")}}});
    QCOMPARE(changed.count(), 1);
    QVERIFY(
        !m_model->index(0, 0).data(Model::BadgesRole).toStringList().contains(QStringLiteral("external_recipients")));
}

// A compact `resolved` frame (a kill switch) takes its rows out in one pass,
// with the same seq rules as a resolved action message: rows in runs, ids
// renumbered, a signal per action, older or invalid items ignored, and what
// left never comes back.
void TestPendingQueueModel::batchResolutionsRemoveExactlyTheirRows()
{
    for (int i = 0; i < 10; ++i)
        apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("act-%1").arg(i), 10 + i, 300));
    QCOMPARE(m_model->rowCount(), 10);
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
    m_model->applyResolutions({
        {QStringLiteral("act-0"), 30, QStringLiteral("killed"), QString()},
        {QStringLiteral("act-1"), 31, QStringLiteral("killed"), QString()},
        {QStringLiteral("act-2"), 32, QStringLiteral("killed"), QString()},
        {QStringLiteral("act-5"), 33, QStringLiteral("killed"), QString()},
        {QStringLiteral("act-8"), 34, QStringLiteral("denied"), QString()},
        {QStringLiteral("act-unknown"), 35, QStringLiteral("killed"), QString()},
        {QStringLiteral("act-3"), 13, QStringLiteral("killed"), QString()}, // not newer than held: ignored
        {QStringLiteral("act-4"), 36, QStringLiteral("pending"), QString()}, // not a resolution: ignored
        {QString(), 37, QStringLiteral("killed"), QString()},
        {QStringLiteral("act-6"), 0, QStringLiteral("killed"), QString()},
    });
    // The five rows (0–2, 5, 8) move to the end in one layout change and leave in one removal.
    QCOMPARE(layout.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QStringList left;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_model->index(row, 0).data(Model::ActionIdRole).toString();
        left.append(id);
        QCOMPARE(m_model->rowOf(id), row);
        QCOMPARE(m_model->entry(id)->id, id);
    }
    QCOMPARE(left,
             (QStringList {QStringLiteral("act-3"), QStringLiteral("act-4"), QStringLiteral("act-6"),
                           QStringLiteral("act-7"), QStringLiteral("act-9")}));
    QCOMPARE(resolved.count(), 5);
    QCOMPARE(resolved.at(0).at(0).toString(), QStringLiteral("act-0"));
    QCOMPARE(resolved.at(0).at(1).toString(), QStringLiteral("killed"));
    QCOMPARE(resolved.at(4).at(0).toString(), QStringLiteral("act-8"));
    QCOMPARE(resolved.at(4).at(1).toString(), QStringLiteral("denied"));
    for (const QString &gone : {QStringLiteral("act-0"), QStringLiteral("act-5"), QStringLiteral("act-8")})
        QCOMPARE(m_model->rowOf(gone), -1);
    QCOMPARE(m_model->lastSeq(), qint64(35));
    // A replay of an older pending version does not bring a killed one back,
    // and neither does one of the id the unknown item named.
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("act-5"), 33, 300));
    apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("act-unknown"), 20, 300));
    QCOMPARE(m_model->rowOf(QStringLiteral("act-5")), -1);
    QCOMPARE(m_model->rowOf(QStringLiteral("act-unknown")), -1);
    QCOMPARE(m_model->rowCount(), 5);
    // The whole rest at once: one run, an empty queue.
    m_model->applyResolutions({{QStringLiteral("act-3"), 40, QStringLiteral("killed"), QString()},
                               {QStringLiteral("act-4"), 41, QStringLiteral("killed"), QString()},
                               {QStringLiteral("act-6"), 42, QStringLiteral("killed"), QString()},
                               {QStringLiteral("act-7"), 43, QStringLiteral("killed"), QString()},
                               {QStringLiteral("act-9"), 44, QStringLiteral("killed"), QString()}});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(removed.count(), 2);
}

void TestPendingQueueModel::scatteredBatchResolutionRemovesInOneGo()
{
    // Every other row of 600: removing them one by one (or run by run) would
    // renumber the tail each time; they leave in one layout change and one removal.
    const int n = 600;
    for (int i = 0; i < n; ++i)
        apply(message(QStringLiteral("renewal-outreach-email"), QStringLiteral("act-%1").arg(i), 1 + i, 300));
    QList<ResolvedAction> items;
    for (int i = 0; i < n; i += 2)
        items.append({QStringLiteral("act-%1").arg(i), qint64(n + 1 + i), QStringLiteral("killed"), QString()});
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
    m_model->applyResolutions(items);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(resolved.count(), n / 2);
    QCOMPARE(m_model->rowCount(), n / 2);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_model->index(row, 0).data(Model::ActionIdRole).toString();
        QCOMPARE(id, QStringLiteral("act-%1").arg(2 * row + 1));
        QCOMPARE(m_model->rowOf(id), row);
    }
    QCOMPARE(m_proxy->rowCount(), n / 2);
}

QTEST_MAIN(TestPendingQueueModel)
#include "TestPendingQueueModel.moc"
