#include "broker/ActionStore.h"
#include "storage/BrokerSchema.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;

// Migrations of the broker's store that move data: a file written by the
// previous version must come through with every row intact.
//
// Schema v4 moves each action's document into action_documents (so a status
// change rewrites a small row, docs/performance.md B9).
class TestStoreSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v3DocumentsSurviveTheMove();
    void v5IndexesHoldOnlyPendingActions();

private:
    // A broker store in `dir` migrated up to `version` only.
    static std::unique_ptr<storage::Database> openAt(const QTemporaryDir &dir, int version);
};

std::unique_ptr<storage::Database> TestStoreSchema::openAt(const QTemporaryDir &dir, int version)
{
    QString error;
    auto db = storage::Database::open(dir.filePath(QStringLiteral("broker.db")), &error);
    const QList<storage::Migration> all = storage::BrokerSchema::migrations();
    if (!db || all.size() <= version || !db->migrate(all.mid(0, version), &error) || db->schemaVersion() != version) {
        qWarning() << "cannot open a store at version" << version << error;
        return nullptr;
    }
    return db;
}

void TestStoreSchema::v3DocumentsSurviveTheMove()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = openAt(dir, 3);
    QVERIFY(db);
    const QList<storage::Migration> all = storage::BrokerSchema::migrations();
    QString error;
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

namespace {
QString queryPlan(const storage::Database &db, const QString &sql)
{
    QSqlQuery plan(db.connection());
    QStringList steps;
    if (plan.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
        while (plan.next())
            steps.append(plan.value(3).toString());
    }
    return steps.join(QLatin1Char('|'));
}
} // namespace

// Schema v5 writes fewer pages per submission: the indexes only pending
// actions are looked up by hold only pending actions, and the idempotency
// records are one B-tree. A v4 file keeps every row, and the lookups the
// broker makes on every submission and deadline still use an index.
void TestStoreSchema::v5IndexesHoldOnlyPendingActions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = openAt(dir, 4);
    QVERIFY(db);
    const QList<storage::Migration> all = storage::BrokerSchema::migrations();
    QString error;
    for (int i = 1; i <= 6; ++i) {
        QSqlQuery insert(db->connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO actions (id, seq, tenant, agent_id, tool, user, token_id, status, policy_decision, "
            "policy_rule, submitted_at, expires_at, resolved_at, digest) VALUES (?, ?, 'acme', ?, 't', 'u', 'tok', "
            "?, 'approve', 'r', '2026-12-04T12:00:00Z', ?, NULL, 'sha256:x')"));
        insert.addBindValue(QStringLiteral("act_%1").arg(i));
        insert.addBindValue(i);
        insert.addBindValue(i % 2 ? QStringLiteral("agent:a") : QStringLiteral("agent:b"));
        insert.addBindValue(i <= 4 ? QStringLiteral("pending") : QStringLiteral("approved"));
        insert.addBindValue(QStringLiteral("2026-12-04T13:00:0%1Z").arg(7 - i));
        QVERIFY(insert.exec());
        QSqlQuery document(db->connection());
        document.prepare(QStringLiteral("INSERT INTO action_documents (action_id, document) VALUES (?, '{}')"));
        document.addBindValue(QStringLiteral("act_%1").arg(i));
        QVERIFY(document.exec());
        QSqlQuery idempotency(db->connection());
        idempotency.prepare(
            QStringLiteral("INSERT INTO idempotency (token_id, key, body_sha256, http_status, response, "
                           "created_at) VALUES ('tok', ?, 'hash', 202, ?, '2026-12-04T12:00:00Z')"));
        idempotency.addBindValue(QStringLiteral("key-%1").arg(i));
        idempotency.addBindValue(QStringLiteral("{\"id\":\"act_%1\"}").arg(i));
        QVERIFY(idempotency.exec());
    }
    QVERIFY2(db->migrate(all, &error), qPrintable(error));
    QCOMPARE(db->schemaVersion(), all.last().version);

    broker::ActionStore store(*db);
    QCOMPARE(store.pending().size(), 4);
    QCOMPARE(store.pendingCountForAgent(QStringLiteral("acme"), QStringLiteral("agent:a")), 2);
    QCOMPARE(store.nextExpiry(), QDateTime::fromString(QStringLiteral("2026-12-04T13:00:03Z"), Qt::ISODate));
    const auto record = store.idempotency(QStringLiteral("tok"), QStringLiteral("key-5"));
    QVERIFY(record);
    QCOMPARE(record->httpStatus, 202);
    QCOMPARE(record->response, QByteArray("{\"id\":\"act_5\"}"));

    // Each index is partial, and the broker's pending lookups use them.
    QSqlQuery indexes(db->connection());
    QVERIFY(indexes.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                        "'actions' AND sql IS NOT NULL ORDER BY name")));
    QStringList names;
    while (indexes.next()) {
        names.append(indexes.value(0).toString());
        QVERIFY2(indexes.value(1).toString().endsWith(QStringLiteral("WHERE status = 'pending'")),
                 qPrintable(indexes.value(1).toString()));
    }
    QCOMPARE(names,
             (QStringList {QStringLiteral("actions_pending_by_agent"), QStringLiteral("actions_pending_by_deadline"),
                           QStringLiteral("actions_pending_by_seq")}));
    QVERIFY(queryPlan(*db, QStringLiteral("SELECT id FROM actions WHERE status = 'pending' ORDER BY seq"))
                .contains(QStringLiteral("actions_pending_by_seq")));
    QVERIFY(queryPlan(*db,
                      QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending' AND tenant = 'a' AND "
                                     "agent_id = 'b'"))
                .contains(QStringLiteral("actions_pending_by_agent")));
    QVERIFY(queryPlan(*db,
                      QStringLiteral("SELECT expires_at FROM actions WHERE status = 'pending' AND expires_at IS "
                                     "NOT NULL ORDER BY expires_at LIMIT 1"))
                .contains(QStringLiteral("actions_pending_by_deadline")));
    // The idempotency records have no rowid: the table is its own key's B-tree.
    QSqlQuery rowid(db->connection());
    QVERIFY(!rowid.exec(QStringLiteral("SELECT rowid FROM idempotency")));
}

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "TestStoreSchema.moc"
