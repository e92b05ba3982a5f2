#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/WalCheckpointer.h"
#include "storage/WalSyncer.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;

// The broker's write-ahead log off its store thread: commits made durable by
// WalSyncer (the writer runs at synchronous=NORMAL meanwhile) and checkpoints
// by WalCheckpointer, on a real SQLite file.
class TestWal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deferredSyncsRunTheWriterAtNormalUntilTheyStop();
    void everyTicketIsReportedSyncedInOrder();
    void aTransactionCommitSyncsBeforeItReturns();
    void checkpointsRunInTheBackgroundAndTheWalStaysBounded();
    void theWriterStartsTheWalOverAtTheHardLimit();

private:
    // One transaction inserting `rows` rows of `bytes` bytes, committed with or without a sync.
    bool insertRows(int rows, int bytes, bool sync);
    // 200 commits of ten 3 000-byte rows (≈ 2 000 pages): the largest the WAL file grew, or -1.
    qint64 fillWatchingTheWal();
    qint64 scalar(const QString &sql) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    int m_next = 0;
};

void TestWal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_db = storage::Database::open(m_dir->filePath(QStringLiteral("wal.db")), &error);
    QVERIFY2(m_db, qPrintable(error));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")));
}

void TestWal::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

bool TestWal::insertRows(int rows, int bytes, bool sync)
{
    storage::Transaction transaction(*m_db);
    QString error;
    if (!transaction.begin(&error))
        return false;
    QSqlQuery insert(m_db->connection());
    insert.prepare(QStringLiteral("INSERT INTO t (id, payload) VALUES (?, ?)"));
    for (int i = 0; i < rows; ++i) {
        insert.addBindValue(++m_next);
        insert.addBindValue(QString(bytes, QLatin1Char('x')));
        if (!insert.exec())
            return false;
    }
    return sync ? transaction.commit(&error) : transaction.commitWithoutSync(&error);
}

qint64 TestWal::fillWatchingTheWal()
{
    const QString wal = m_dir->filePath(QStringLiteral("wal.db-wal"));
    qint64 largest = 0;
    for (int i = 0; i < 200; ++i) {
        if (!insertRows(10, 3000, false))
            return -1;
        largest = std::max(largest, QFileInfo(wal).size());
    }
    return largest;
}

qint64 TestWal::scalar(const QString &sql) const
{
    QSqlQuery query(m_db->connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

void TestWal::deferredSyncsRunTheWriterAtNormalUntilTheyStop()
{
    QCOMPARE(scalar(QStringLiteral("PRAGMA synchronous")), 2); // FULL
    QString error;
    auto syncer = storage::WalSyncer::start(*m_db, &error);
    QVERIFY2(syncer, qPrintable(error));
    QCOMPARE(m_db->walSyncer(), syncer.get());
    QCOMPARE(scalar(QStringLiteral("PRAGMA synchronous")), 1); // NORMAL: the syncer syncs
    syncer.reset();
    QCOMPARE(m_db->walSyncer(), nullptr);
    QCOMPARE(scalar(QStringLiteral("PRAGMA synchronous")), 2);
}

void TestWal::everyTicketIsReportedSyncedInOrder()
{
    QString error;
    auto syncer = storage::WalSyncer::start(*m_db, &error);
    QVERIFY2(syncer, qPrintable(error));
    QSignalSpy synced(syncer.get(), &storage::WalSyncer::synced);
    quint64 last = 0;
    for (int i = 0; i < 40; ++i) {
        QVERIFY(insertRows(5, 200, false));
        const quint64 ticket = syncer->requestSync();
        QVERIFY(ticket > last);
        last = ticket;
    }
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty() && synced.last().at(0).toULongLong() >= last, 20000);
    // Reported in increasing order, one sync standing for several commits at times.
    quint64 previous = 0;
    for (const QList<QVariant> &signal : std::as_const(synced)) {
        QVERIFY(signal.at(0).toULongLong() > previous);
        previous = signal.at(0).toULongLong();
    }
    QVERIFY(syncer->syncedTicket() >= last);
    QVERIFY(syncer->syncs() >= 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM t")), 200);
}

void TestWal::aTransactionCommitSyncsBeforeItReturns()
{
    QString error;
    auto syncer = storage::WalSyncer::start(*m_db, &error);
    QVERIFY2(syncer, qPrintable(error));
    const quint64 syncsBefore = syncer->syncs();
    const quint64 requested = syncer->requestSync(); // nothing new to sync, but a ticket
    QVERIFY(insertRows(1, 10, true));
    // Transaction::commit synced on this thread, covering every ticket so far.
    QVERIFY(syncer->syncs() > syncsBefore);
    QVERIFY(syncer->syncedTicket() > requested);
    syncer->syncNow();
    QVERIFY(syncer->syncedTicket() > requested + 1);
}

void TestWal::checkpointsRunInTheBackgroundAndTheWalStaysBounded()
{
    constexpr int kThreshold = 50;
    constexpr int kHardLimit = 400;
    QString error;
    auto checkpointer = storage::WalCheckpointer::start(*m_db, kThreshold, kHardLimit, &error);
    QVERIFY2(checkpointer, qPrintable(error));
    // Far more than the hard limit.
    const qint64 largest = fillWatchingTheWal();
    QVERIFY(largest > 0);
    QTRY_VERIFY_WITH_TIMEOUT(checkpointer->backgroundCheckpoints() > 0, 20000);
    // Started over by the writer at the hard limit at the latest, give or
    // take the commits made while a background checkpoint held the lock (the
    // writer's attempt is then refused and made again at its next commit).
    QVERIFY2(largest <= (kHardLimit * 3 / 2) * (4096 + 24) + 32, qPrintable(QString::number(largest)));
    checkpointer.reset();
    // Everything is in the file, read by another connection.
    QString reopenError;
    auto other = storage::Database::open(m_dir->filePath(QStringLiteral("wal.db")), &reopenError);
    QVERIFY2(other, qPrintable(reopenError));
    QSqlQuery count(other->connection());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*), SUM(length(payload)) FROM t")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toLongLong(), 2000);
    QCOMPARE(count.value(1).toLongLong(), 2000LL * 3000);
}

void TestWal::theWriterStartsTheWalOverAtTheHardLimit()
{
    // A background threshold never reached: only the writer checkpoints, at the hard limit.
    constexpr int kHardLimit = 200;
    QString error;
    auto checkpointer = storage::WalCheckpointer::start(*m_db, 1000000, kHardLimit, &error);
    QVERIFY2(checkpointer, qPrintable(error));
    const qint64 largest = fillWatchingTheWal();
    QVERIFY(largest > 0);
    QCOMPARE(checkpointer->backgroundCheckpoints(), quint64(0));
    QVERIFY(checkpointer->writerCheckpoints() >= 5);
    QVERIFY2(largest <= (kHardLimit + 20) * (4096 + 24) + 32, qPrintable(QString::number(largest)));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM t")), 2000);
}

QTEST_GUILESS_MAIN(TestWal)
#include "TestWal.moc"
