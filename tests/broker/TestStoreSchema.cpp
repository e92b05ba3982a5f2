#include "broker/ActionStore.h"
#include "storage/BrokerSchema.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;

// Schema v4 moves each action's document into action_documents (so a status
// change rewrites a small row, docs/performance.md B9). A database written
// at v3 must come through the migration with every document intact.
class TestStoreSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v3DocumentsSurviveTheMove();
};

void TestStoreSchema::v3DocumentsSurviveTheMove()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    auto db = storage::Database::open(dir.filePath(QStringLiteral("broker.db")), &error);
    QVERIFY2(db, qPrintable(error));
    const QList<storage::Migration> all = storage::BrokerSchema::migrations();
    QVERIFY(all.size() >= 4);
    QVERIFY2(db->migrate(all.mid(0, 3), &error), qPrintable(error));
    QCOMPARE(db->schemaVersion(), 3);
    const QString document
        = QStringLiteral("{\"tenant\":\"acme\",\"tool\":{\"name\":\"caf\u00e9.write\"},\"x\":[1,2]}");
    for (int i = 1; i <= 3; ++i) {
        QSqlQuery insert(db->connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO actions (id, seq, tenant, agent_id, tool, user, token_id, status, policy_decision, "
            "policy_rule, submitted_at, expires_at, resolved_at, digest, document) VALUES (?, ?, 'acme', 'agent:a', "
            "'t', 'u', 'tok', ?, 'approve', 'r', '2026-12-04T12:00:00Z', NULL, NULL, 'sha256:x', ?)"));
        insert.addBindValue(QStringLiteral("act_%1").arg(i));
        insert.addBindValue(i);
        insert.addBindValue(i == 2 ? QStringLiteral("killed") : QStringLiteral("pending"));
        insert.addBindValue(document);
        QVERIFY(insert.exec());
    }
    QVERIFY2(db->migrate(all, &error), qPrintable(error));
    QCOMPARE(db->schemaVersion(), all.last().version);

    broker::ActionStore store(*db);
    for (int i = 1; i <= 3; ++i) {
        const auto action = store.find(QStringLiteral("act_%1").arg(i));
        QVERIFY(action);
        QCOMPARE(action->document.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("caf\u00e9.write"));
    }
    QCOMPARE(store.pending().size(), 2);
    QCOMPARE(store.changedBetween(1, 3).size(), 3);
    QCOMPARE(store.changedBetween(1, 3).at(1).documentText, document.toUtf8());
    // The column is gone from actions: a status change no longer rewrites it.
    QSqlQuery columns(db->connection());
    QVERIFY(columns.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('actions') WHERE name = 'document'")));
    QVERIFY(columns.next());
    QCOMPARE(columns.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "TestStoreSchema.moc"
