#include "broker/CommitGroup.h"
#include "storage/Database.h"
#include "storage/WalSyncer.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;

// Group commit with deferred syncs (docs/architecture.md, "Commit and
// answer"): a batch's COMMIT only writes the WAL, and its outcomes — the
// answers, pushes and counts — run once storage::WalSyncer has synced it,
// always in commit order, while the next batch already fills.
class TestDeferredSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void outcomesWaitUntilTheirBatchIsOnDisk();
    void batchesAreToldInCommitOrder();
    void flushSyncsAndTellsEverything();
    void aFlushFromAnOutcomeKeepsTheOrder();
    void laterRegistrationsWaitForEarlierBatches();

private:
    // One step of the open batch: a row with `id`; its outcome appends `label` to m_told.
    void step(int id, const QString &label);
    qint64 rows() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::WalSyncer> m_syncer;
    std::unique_ptr<broker::CommitGroup> m_commits;
    QStringList m_told;
    // The syncer's ticket when each outcome ran: on disk by then.
    QList<quint64> m_syncedWhenTold;
};

void TestDeferredSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_db = storage::Database::open(m_dir->filePath(QStringLiteral("batch.db")), &error);
    QVERIFY2(m_db, qPrintable(error));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)")));
    m_syncer = storage::WalSyncer::start(*m_db, &error);
    QVERIFY2(m_syncer, qPrintable(error));
    m_commits = std::make_unique<broker::CommitGroup>(*m_db);
    // Batches close only when the test says so.
    m_commits->setWindow(60000);
    m_told.clear();
    m_syncedWhenTold.clear();
}

void TestDeferredSync::cleanup()
{
    m_commits.reset();
    m_syncer.reset();
    m_db.reset();
    m_dir.reset();
}

void TestDeferredSync::step(int id, const QString &label)
{
    QString error;
    const bool ok = m_commits->step(
        [&](QString *stepError) {
            QSqlQuery insert(m_db->connection());
            insert.prepare(QStringLiteral("INSERT INTO t (id) VALUES (?)"));
            insert.addBindValue(id);
            if (!insert.exec()) {
                *stepError = QStringLiteral("insert failed");
                return false;
            }
            m_commits->whenDone([this, label](bool committed) {
                m_told.append(committed ? label : label + QStringLiteral(" (failed)"));
                m_syncedWhenTold.append(m_syncer->syncedTicket());
            });
            return true;
        },
        &error);
    QVERIFY2(ok, qPrintable(error));
}

qint64 TestDeferredSync::rows() const
{
    QSqlQuery query(m_db->connection());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && query.next() ? query.value(0).toLongLong() : -1;
}

void TestDeferredSync::outcomesWaitUntilTheirBatchIsOnDisk()
{
    step(1, QStringLiteral("a"));
    step(2, QStringLiteral("b"));
    m_commits->commit();
    // Committed (the rows are there), but nothing told before the sync.
    QCOMPARE(rows(), 2);
    QVERIFY(m_told.isEmpty());
    QVERIFY(!m_commits->isOpen());
    QTRY_COMPARE(m_told, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(m_syncedWhenTold.first() >= 1);
}

void TestDeferredSync::batchesAreToldInCommitOrder()
{
    for (int batch = 0; batch < 20; ++batch) {
        step(batch * 2, QStringLiteral("%1a").arg(batch));
        step(batch * 2 + 1, QStringLiteral("%1b").arg(batch));
        m_commits->commit();
    }
    QStringList expected;
    for (int batch = 0; batch < 20; ++batch)
        expected << QStringLiteral("%1a").arg(batch) << QStringLiteral("%1b").arg(batch);
    QTRY_COMPARE(m_told, expected);
    // Told only once synced, and the syncs never went backwards.
    QVERIFY(std::is_sorted(m_syncedWhenTold.begin(), m_syncedWhenTold.end()));
    QVERIFY(m_syncedWhenTold.last() >= 20);
}

void TestDeferredSync::flushSyncsAndTellsEverything()
{
    step(1, QStringLiteral("first"));
    m_commits->commit();
    step(2, QStringLiteral("second")); // still open
    m_commits->flush();
    // Without returning to the event loop: committed, synced, told.
    QCOMPARE(m_told, (QStringList {QStringLiteral("first"), QStringLiteral("second")}));
    QVERIFY(!m_commits->isOpen());
    QVERIFY(m_syncedWhenTold.last() >= 2);
}

void TestDeferredSync::aFlushFromAnOutcomeKeepsTheOrder()
{
    // The first batch's first outcome flushes (a reader would): the later
    // batches it makes durable are told after the first batch, in order, and
    // none is left waiting for a sync that already happened.
    QString error;
    QVERIFY(m_commits->step(
        [&](QString *) {
            m_commits->whenDone([this](bool) {
                m_told.append(QStringLiteral("1a"));
                m_commits->flush();
                m_told.append(QStringLiteral("1a done"));
            });
            return true;
        },
        &error));
    step(11, QStringLiteral("1b"));
    m_commits->commit();
    step(21, QStringLiteral("2"));
    m_commits->commit();
    step(31, QStringLiteral("3"));
    m_commits->commit();
    // The syncer reports the first batch only (as it would have had it synced
    // before the others committed); no event is processed in between.
    Q_EMIT m_syncer->synced(1);
    QCOMPARE(m_told,
             (QStringList {QStringLiteral("1a"), QStringLiteral("1a done"), QStringLiteral("1b"), QStringLiteral("2"),
                           QStringLiteral("3")}));
}

void TestDeferredSync::laterRegistrationsWaitForEarlierBatches()
{
    step(1, QStringLiteral("batch"));
    m_commits->commit();
    // Outside any batch, but after one that is not on disk yet: told after it.
    m_commits->whenDone([this](bool) { m_told.append(QStringLiteral("after")); });
    QVERIFY(m_told.isEmpty());
    QTRY_COMPARE(m_told, (QStringList {QStringLiteral("batch"), QStringLiteral("after")}));
}

QTEST_GUILESS_MAIN(TestDeferredSync)
#include "TestDeferredSync.moc"
