#include "ModelTestSupport.h"
#include "core/ActionDigest.h"
#include "models/PendingQueueModel.h"
#include "models/PendingQueueProxyModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using countersign::models::PendingQueueModel;
using countersign::models::PendingQueueProxyModel;
namespace mt = countersign::modeltest;
using Model = PendingQueueModel;
using Mode = PendingQueueProxyModel::SortMode;

namespace {

// The queue proxy as it was before it kept its own sort keys (a
// QSortFilterProxyModel comparing roles through QModelIndex): the reference
// the optimised proxy must agree with, row for row.
class ReferenceProxy : public QSortFilterProxyModel
{
public:
    ReferenceProxy()
    {
        setDynamicSortFilter(true);
        sort(0, Qt::AscendingOrder);
    }
    void setMode(Mode mode)
    {
        m_mode = mode;
        invalidate();
        sort(0, Qt::AscendingOrder);
    }
    void setFilters(const QString &tenant, const QString &agent, const QString &tool)
    {
        m_tenant = tenant;
        m_agent = agent;
        m_tool = tool;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        auto matches = [&index](const QString &filter, int role) {
            return filter.isEmpty() || index.data(role).toString() == filter;
        };
        return matches(m_tenant, Model::TenantRole) && matches(m_agent, Model::AgentRole)
            && matches(m_tool, Model::ToolRole);
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        auto arrival = [](const QModelIndex &i) { return i.data(Model::ArrivalRole).toLongLong(); };
        auto byArrival = [&] {
            const qint64 a = arrival(left);
            const qint64 b = arrival(right);
            return a != b ? a < b : left.row() < right.row();
        };
        auto byDeadline = [&] {
            const QDateTime a = left.data(Model::DeadlineRole).toDateTime();
            const QDateTime b = right.data(Model::DeadlineRole).toDateTime();
            if (a.isValid() != b.isValid())
                return a.isValid();
            if (a.isValid() && a != b)
                return a < b;
            return byArrival();
        };
        switch (m_mode) {
        case Mode::Deadline:
            return byDeadline();
        case Mode::Risk: {
            const int a = left.data(Model::RiskScoreRole).toInt();
            const int b = right.data(Model::RiskScoreRole).toInt();
            return a != b ? a > b : byDeadline();
        }
        case Mode::Arrival:
            return byArrival();
        }
        return false;
    }

private:
    Mode m_mode = Mode::Deadline;
    QString m_tenant;
    QString m_agent;
    QString m_tool;
};

QStringList order(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(Model::ActionIdRole).toString());
    return ids;
}

} // namespace

// The optimised queue proxy against the old one over thousands of random rows
// and every kind of change; the replay guard (a seq cursor instead of a
// per-id memory); the bounded memory; the compact rows giving back exactly the
// JSON that was received.
class TestPendingQueueOrdering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameOrderAsTheReferenceOverRandomRows();
    void selectionFollowsItsRowAcrossResortsAndFilters();
    void batchResolutionRemovesInOneGo();
    void batchResolutionObeysTheCursor();
    void replaysNeverResurrectResolvedActions();
    void olderThanTheCursorIsRefusedForAnyId();
    void memoryStaysBoundedByTheRows();
    void storedBytesGiveBackTheReceivedObject();
    void entriesAreParsedOnDemandAndCached();

private:
    QJsonObject message(const QString &id, qint64 seq, const QString &scenario, qint64 deadlineSeconds,
                        const QString &agent, const QString &status = QStringLiteral("pending")) const;
    QJsonObject randomMessage(const QString &id, qint64 seq);
    void compareAll(const char *step);

    QDateTime m_now;
    QRandomGenerator m_random {20261204};
    std::unique_ptr<PendingQueueModel> m_model;
    std::unique_ptr<PendingQueueProxyModel> m_proxy;
    std::unique_ptr<ReferenceProxy> m_reference;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestPendingQueueOrdering::init()
{
    m_now = mt::at("2026-12-04T12:00:00Z");
    m_model = std::make_unique<PendingQueueModel>();
    m_model->setClock([this] { return m_now; });
    m_proxy = std::make_unique<PendingQueueProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_reference = std::make_unique<ReferenceProxy>();
    m_reference->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestPendingQueueOrdering::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_reference.reset();
    m_proxy.reset();
    m_model.reset();
}

QJsonObject TestPendingQueueOrdering::message(const QString &id, qint64 seq, const QString &scenario,
                                              qint64 deadlineSeconds, const QString &agent, const QString &status) const
{
    mt::Stamp s;
    s.id = id;
    s.seq = seq;
    s.submittedAt = m_now;
    if (deadlineSeconds > 0)
        s.expiresAt = m_now.addSecs(deadlineSeconds);
    s.status = status;
    QJsonObject m = mt::actionMessage(mt::scenarioJson(scenario), s);
    if (!agent.isEmpty()) {
        QJsonObject action = m.value(QStringLiteral("action")).toObject();
        QJsonObject a = action.value(QStringLiteral("agent")).toObject();
        a.insert(QStringLiteral("id"), agent);
        action.insert(QStringLiteral("agent"), a);
        m.insert(QStringLiteral("action"), action);
    }
    return m;
}

QJsonObject TestPendingQueueOrdering::randomMessage(const QString &id, qint64 seq)
{
    // Few distinct deadlines and four risk scores, so ties are common; some
    // rows have no deadline at all.
    static const QStringList scenarios {QStringLiteral("mcp-file-write"), QStringLiteral("iam-role-grant"),
                                        QStringLiteral("customer-refund"), QStringLiteral("renewal-outreach-email")};
    const QString scenario = scenarios.at(int(m_random.bounded(scenarios.size())));
    const qint64 deadline = m_random.bounded(10) == 0 ? 0 : 60 * (1 + m_random.bounded(20));
    const QString agent = QStringLiteral("agent:random-%1").arg(m_random.bounded(5));
    return message(id, seq, scenario, deadline, agent);
}

void TestPendingQueueOrdering::compareAll(const char *step)
{
    for (Mode mode : {Mode::Deadline, Mode::Risk, Mode::Arrival}) {
        m_proxy->setSortMode(mode);
        m_reference->setMode(mode);
        const QStringList got = order(*m_proxy);
        const QStringList want = order(*m_reference);
        QVERIFY2(got == want,
                 qPrintable(QStringLiteral("%1, mode %2: %3 rows, reference %4")
                                .arg(QLatin1String(step))
                                .arg(int(mode))
                                .arg(got.size())
                                .arg(want.size())));
    }
    m_proxy->setSortMode(Mode::Deadline);
    m_reference->setMode(Mode::Deadline);
}

void TestPendingQueueOrdering::sameOrderAsTheReferenceOverRandomRows()
{
    constexpr int kRows = 2000;
    qint64 seq = 0;
    QStringList ids;
    // The testers walk the whole model on every structural change; for the
    // bulk load (one insert at a time, covered with them in models.PendingQueue)
    // they are attached afterwards, and stay for every change that follows.
    m_proxyTester.reset();
    m_modelTester.reset();
    for (int i = 0; i < kRows; ++i) {
        ids.append(QStringLiteral("act-%1").arg(i));
        m_model->applyMessage(randomMessage(ids.last(), ++seq));
    }
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), kRows);
    compareAll("loaded");

    // Updates that move rows (new deadline or risk) and some that do not.
    for (int i = 0; i < 60; ++i)
        m_model->applyMessage(randomMessage(ids.at(int(m_random.bounded(ids.size()))), ++seq));
    compareAll("updated");

    // Resolutions, one at a time, spread over the order.
    for (int i = 0; i < 60; ++i) {
        const QString id = ids.takeAt(int(m_random.bounded(ids.size())));
        m_model->applyMessage(message(id, ++seq, QStringLiteral("mcp-file-write"), 600, {}, QStringLiteral("denied")));
    }
    QCOMPARE(m_model->rowCount(), kRows - 60);
    compareAll("resolved");

    // Filters, alone and combined, with rows arriving and leaving meanwhile.
    const QList<std::array<QString, 3>> filters {
        {QString(), QStringLiteral("agent:random-3"), QString()},
        {QStringLiteral("acme"), QString(), QString()},
        {QStringLiteral("acme"), QStringLiteral("agent:random-1"), QString()},
        {QString(), QString(), QStringLiteral("payments.refund")},
        {QStringLiteral("nobody"), QString(), QString()},
        {QString(), QString(), QString()},
    };
    for (const auto &f : filters) {
        m_proxy->setTenantFilter(f[0]);
        m_proxy->setAgentFilter(f[1]);
        m_proxy->setToolFilter(f[2]);
        m_reference->setFilters(f[0], f[1], f[2]);
        compareAll("filtered");
        for (int i = 0; i < 8; ++i) {
            ids.append(QStringLiteral("late-%1").arg(seq));
            m_model->applyMessage(randomMessage(ids.last(), ++seq));
        }
        const QString gone = ids.takeAt(int(m_random.bounded(ids.size())));
        m_model->applyMessage(
            message(gone, ++seq, QStringLiteral("mcp-file-write"), 600, {}, QStringLiteral("approved")));
        compareAll("filtered, then changed");
    }
    m_proxy->clearFilters();
    m_reference->setFilters({}, {}, {});
    compareAll("filters cleared");

    // A batch (a kill switch) of 300 spread over the queue.
    QList<Model::Resolution> batch;
    for (int i = 0; i < 300; ++i)
        batch.append({ids.takeAt(int(m_random.bounded(ids.size()))), ++seq, QStringLiteral("killed")});
    m_model->resolveBatch(batch);
    QCOMPARE(m_model->rowCount(), int(ids.size()));
    compareAll("batch resolved");

    // New tenant domains re-score every row.
    m_model->setTenantDomains({{QStringLiteral("acme"), {QStringLiteral("acme.example")}}});
    compareAll("re-scored");
}

void TestPendingQueueOrdering::selectionFollowsItsRowAcrossResortsAndFilters()
{
    qint64 seq = 0;
    for (int i = 0; i < 300; ++i)
        m_model->applyMessage(randomMessage(QStringLiteral("s-%1").arg(i), ++seq));
    QItemSelectionModel selection(m_proxy.get());
    const int row = 137;
    const QString picked = m_proxy->index(row, 0).data(Model::ActionIdRole).toString();
    const QString agent = m_proxy->index(row, 0).data(Model::AgentRole).toString();
    selection.select(m_proxy->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.setCurrentIndex(m_proxy->index(row, 0), QItemSelectionModel::NoUpdate);
    auto selectedId = [&] {
        const QModelIndexList rows = selection.selectedRows();
        return rows.size() == 1 ? rows.first().data(Model::ActionIdRole).toString() : QString();
    };
    for (Mode mode : {Mode::Risk, Mode::Arrival, Mode::Deadline}) {
        m_proxy->setSortMode(mode);
        QCOMPARE(selectedId(), picked);
        QCOMPARE(selection.currentIndex().data(Model::ActionIdRole).toString(), picked);
    }
    m_proxy->setAgentFilter(agent); // keeps it
    QCOMPARE(selectedId(), picked);
    m_proxy->clearFilters();
    QCOMPARE(selectedId(), picked);
    // Arrivals and other rows leaving do not move the selection to another action.
    for (int i = 0; i < 50; ++i)
        m_model->applyMessage(randomMessage(QStringLiteral("t-%1").arg(i), ++seq));
    m_model->applyMessage(message(m_proxy->index(0, 0).data(Model::ActionIdRole).toString() == picked
                                      ? m_proxy->index(1, 0).data(Model::ActionIdRole).toString()
                                      : m_proxy->index(0, 0).data(Model::ActionIdRole).toString(),
                                  ++seq, QStringLiteral("mcp-file-write"), 600, {}, QStringLiteral("denied")));
    QCOMPARE(selectedId(), picked);
    // A filter that hides it drops the selection: nothing else is selected instead.
    m_proxy->setAgentFilter(QStringLiteral("agent:nobody"));
    QVERIFY(selection.selectedRows().isEmpty());
}

void TestPendingQueueOrdering::batchResolutionRemovesInOneGo()
{
    qint64 seq = 0;
    for (int i = 0; i < 500; ++i)
        m_model->applyMessage(randomMessage(QStringLiteral("b-%1").arg(i), ++seq));
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy proxyRemoved(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    QList<Model::Resolution> batch;
    for (int i = 0; i < 500; i += 3)
        batch.append({QStringLiteral("b-%1").arg(i), ++seq, QStringLiteral("killed")});
    batch.append({QStringLiteral("never-seen"), ++seq, QStringLiteral("killed")}); // not held: no notice
    m_model->resolveBatch(batch);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(proxyRemoved.count(), 1);
    QCOMPARE(resolved.count(), batch.size() - 1);
    QCOMPARE(resolved.first().at(1).toString(), QStringLiteral("killed"));
    QCOMPARE(m_model->rowCount(), 500 - int(batch.size() - 1));
    for (int i = 0; i < 500; ++i) {
        const QString id = QStringLiteral("b-%1").arg(i);
        QCOMPARE(m_model->entry(id) == nullptr, i % 3 == 0);
        if (i % 3 != 0)
            QCOMPARE(m_model->actionId(m_model->rowOf(id)), id); // the id index followed the moves
    }
    QCOMPARE(m_model->lastSeq(), seq);
    compareAll("after the batch");
}

void TestPendingQueueOrdering::batchResolutionObeysTheCursor()
{
    m_model->applyMessage(message(QStringLiteral("a"), 5, QStringLiteral("mcp-file-write"), 600, {}));
    m_model->applyMessage(message(QStringLiteral("b"), 6, QStringLiteral("mcp-file-write"), 600, {}));
    QSignalSpy resolved(m_model.get(), &Model::actionResolved);
    // Seqs at or below the cursor are replays: they resolve nothing.
    const QString killed = QStringLiteral("killed");
    m_model->resolveBatch({{QStringLiteral("a"), 6, killed}, {QStringLiteral("b"), 3, killed}});
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(resolved.count(), 0);
    // Items that are not resolutions change nothing, not even the cursor.
    m_model->resolveBatch({{QStringLiteral("a"), 9, QStringLiteral("pending")},
                           {QStringLiteral("b"), 9, QString()},
                           {QString(), 9, killed}});
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->lastSeq(), 6);
    m_model->resolveBatch({{QStringLiteral("a"), 7, killed}, {QStringLiteral("b"), 7, killed}});
    QCOMPARE(m_model->rowCount(), 1); // the second is not above the first: refused
    QCOMPARE(m_model->actionId(0), QStringLiteral("b"));
    QCOMPARE(resolved.count(), 1);
    // And after it, the old pending message of the killed action stays out.
    m_model->applyMessage(message(QStringLiteral("a"), 5, QStringLiteral("mcp-file-write"), 600, {}));
    QVERIFY(!m_model->entry(QStringLiteral("a")));
}

void TestPendingQueueOrdering::replaysNeverResurrectResolvedActions()
{
    // The whole history replayed after every action was resolved, as a
    // reconnect with a stale cursor or a hostile relay would: nothing comes back.
    QList<QJsonObject> history;
    qint64 seq = 0;
    for (int i = 0; i < 200; ++i) {
        const QString id = QStringLiteral("r-%1").arg(i);
        history.append(message(id, ++seq, QStringLiteral("iam-role-grant"), 600, {}));
        history.append(message(id, ++seq, QStringLiteral("iam-role-grant"), 600, {}));
    }
    for (int i = 0; i < 200; ++i) {
        const QString id = QStringLiteral("r-%1").arg(i);
        history.append(message(id, ++seq, QStringLiteral("iam-role-grant"), 600, {},
                               i % 2 ? QStringLiteral("approved") : QStringLiteral("denied")));
    }
    for (const QJsonObject &m : std::as_const(history))
        m_model->applyMessage(m);
    QCOMPARE(m_model->rowCount(), 0);
    QSignalSpy added(m_model.get(), &Model::actionAdded);
    QSignalSpy updated(m_model.get(), &Model::actionUpdated);
    for (const QJsonObject &m : std::as_const(history))
        m_model->applyMessage(m);
    // Backwards as well, and with the resolutions left out.
    for (qsizetype i = 399; i >= 0; --i)
        m_model->applyMessage(history.at(i));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(added.count(), 0);
    QCOMPARE(updated.count(), 0);
    // A genuinely newer change is still applied.
    m_model->applyMessage(message(QStringLiteral("r-1"), seq + 1, QStringLiteral("iam-role-grant"), 600, {}));
    QCOMPARE(m_model->rowCount(), 1);
}

void TestPendingQueueOrdering::olderThanTheCursorIsRefusedForAnyId()
{
    m_model->applyMessage(message(QStringLiteral("x"), 10, QStringLiteral("mcp-file-write"), 600, {}));
    QSignalSpy added(m_model.get(), &Model::actionAdded);
    QSignalSpy invalid(m_model.get(), &Model::invalidAction);
    // An id never seen, but a seq the stream has passed: the broker cannot
    // have sent it now, so it is not shown (and is not an error either).
    m_model->applyMessage(message(QStringLiteral("y"), 9, QStringLiteral("mcp-file-write"), 600, {}));
    m_model->applyMessage(message(QStringLiteral("z"), 10, QStringLiteral("mcp-file-write"), 600, {}));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(added.count(), 0);
    QCOMPARE(invalid.count(), 0);
    QCOMPARE(m_model->lastSeq(), 10);
    // After a stream reset (a subscription from 0) the seqs count again.
    m_model->clear();
    m_model->applyMessage(message(QStringLiteral("y"), 9, QStringLiteral("mcp-file-write"), 600, {}));
    QCOMPARE(m_model->rowCount(), 1);
}

void TestPendingQueueOrdering::memoryStaysBoundedByTheRows()
{
    // What the soak showed: 50,000 actions, each shown and then resolved (or
    // allowed by policy and never shown), must not leave state behind.
    qint64 seq = 0;
    for (int i = 0; i < 5000; ++i) {
        const QString id = QStringLiteral("m-%1").arg(i);
        m_model->applyMessage(
            message(id, ++seq, QStringLiteral("mcp-file-write"), 600, QStringLiteral("agent:m-%1").arg(i % 7)));
        if (i % 10 == 0)
            (void)m_model->entry(id); // opened for review
        m_model->applyMessage(message(id, ++seq, QStringLiteral("mcp-file-write"), 600, {},
                                      i % 2 ? QStringLiteral("approved") : QStringLiteral("executed")));
        m_model->applyMessage(message(QStringLiteral("allowed-%1").arg(i), ++seq, QStringLiteral("mcp-file-write"), 600,
                                      {}, QStringLiteral("executed")));
        QVERIFY(m_model->retainedIdCount() <= 1);
    }
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->retainedIdCount(), 0);
    QCOMPARE(m_model->pooledStringCount(), 0);
    // With rows held, the state is the rows and a few cached entries.
    for (int i = 0; i < 100; ++i)
        m_model->applyMessage(message(QStringLiteral("h-%1").arg(i), ++seq, QStringLiteral("mcp-file-write"), 600,
                                      QStringLiteral("agent:h-%1").arg(i % 3)));
    for (int i = 0; i < 100; ++i)
        (void)m_model->entry(i);
    QCOMPARE(m_model->retainedIdCount(), 100);
    QVERIFY(m_model->pooledStringCount()
            <= 14); // tenant, 3 agents, tool, user, server, agent name/owner/model, risk texts
}

void TestPendingQueueOrdering::storedBytesGiveBackTheReceivedObject()
{
    // Hostile and awkward JSON in the arguments: the entry (what is shown,
    // digested and signed) must be exactly the object that was received.
    const QList<QJsonValue> awkward {
        QJsonValue(QString(QChar(0xD800))), // a lone surrogate
        QJsonValue(QStringLiteral("a\u2028b\u0000c\"\\/\t")),
        QJsonValue(QString::fromUtf8("\xF0\x9F\x98\x80 \xE2\x80\xAE rtl")),
        QJsonValue(9007199254740993LL), // above 2^53
        QJsonValue(1.0),
        QJsonValue(-0.0),
        QJsonValue(1e300),
        QJsonValue(0.1),
        QJsonValue(std::numeric_limits<qint64>::min()),
        QJsonValue(QJsonArray {QJsonObject {{QStringLiteral(""), QJsonValue::Null}}, true, false}),
    };
    qint64 seq = 0;
    for (const QJsonValue &value : awkward) {
        QJsonObject m = message(QStringLiteral("j-%1").arg(seq), seq + 1, QStringLiteral("mcp-file-write"), 600, {});
        ++seq;
        QJsonObject action = m.value(QStringLiteral("action")).toObject();
        QJsonObject args = action.value(QStringLiteral("arguments")).toObject();
        args.insert(QStringLiteral("awkward"), value);
        args.insert(QString(QChar(0xDC00)) + QStringLiteral("key"), value);
        action.insert(QStringLiteral("arguments"), args);
        m.insert(QStringLiteral("action"), action);
        // A lone surrogate is what the connection's parser makes of "\ud800".
        const QJsonObject receivedAction = action;
        m_model->applyMessage(m);
        const Model::Entry *e = m_model->entry(QStringLiteral("j-%1").arg(seq - 1));
        QVERIFY2(e, QJsonDocument(m).toJson().constData());
        QCOMPARE(e->raw, receivedAction);
        QCOMPARE(countersign::core::ActionDigest::canonicalBytes(e->raw),
                 countersign::core::ActionDigest::canonicalBytes(receivedAction));
        QCOMPARE(e->action.toJson(), receivedAction);
    }
}

void TestPendingQueueOrdering::entriesAreParsedOnDemandAndCached()
{
    for (int i = 0; i < 20; ++i)
        m_model->applyMessage(
            message(QStringLiteral("e-%1").arg(i), i + 1, QStringLiteral("customer-refund"), 600, {}));
    const Model::Entry *first = m_model->entry(QStringLiteral("e-3"));
    QVERIFY(first);
    QCOMPARE(m_model->entry(QStringLiteral("e-3")), first); // cached
    QCOMPARE(first->action.id, QStringLiteral("e-3"));
    QCOMPARE(first->action.tool.name, QStringLiteral("payments.refund"));
    QCOMPARE(first->risk.score(),
             m_model->index(m_model->rowOf(QStringLiteral("e-3")), 0).data(Model::RiskScoreRole).toInt());
    // Fewer than kEntryCache others asked for: the pointer still holds.
    for (int i = 10; i < 10 + Model::kEntryCache - 1; ++i)
        QVERIFY(m_model->entry(QStringLiteral("e-%1").arg(i)));
    QCOMPARE(m_model->entry(QStringLiteral("e-3")), first);
    // An update refreshes the cached entry in place.
    m_model->applyMessage(message(QStringLiteral("e-3"), 30, QStringLiteral("customer-refund"), 900, {}));
    QCOMPARE(first->seq, 30);
    QCOMPARE(first->deadline, m_now.addSecs(900));
    QCOMPARE(first->raw.value(QStringLiteral("seq")).toInteger(), 30);
    // New tenant domains re-score the cached entry in place too.
    m_model->setTenantDomains({{QStringLiteral("globex-retail"), {QStringLiteral("globex.example")}}});
    QCOMPARE(m_model->entry(QStringLiteral("e-3")), first);
    QCOMPARE(first->risk.score(),
             m_model->index(m_model->rowOf(QStringLiteral("e-3")), 0).data(Model::RiskScoreRole).toInt());
    // Removal drops it.
    m_model->removeAction(QStringLiteral("e-3"));
    QCOMPARE(m_model->entry(QStringLiteral("e-3")), nullptr);
}

QTEST_MAIN(TestPendingQueueOrdering)
#include "TestPendingQueueOrdering.moc"
