#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:batch");

const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "allow-gc"
description = "Allowed"
action = "allow"
[rules.match]
tool = "gc.allow"

[[rules]]
id = "deny-gc"
description = "Denied"
action = "deny"
[rules.match]
tool = "gc.deny"

[[rules]]
id = "approve-gc"
description = "Held for a human"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "gc.*"
)";

// Long enough that requests sent together share one batch even on a loaded
// machine (each opens its own TLS connection); the batch is committed when the
// window closes, not when a sleep in the test ends.
constexpr int kCommitWindowMs = 700;

} // namespace

// Group commit (docs/architecture.md, "Commit and answer"): submissions and
// decisions that arrive together share one transaction, and each is answered
// only after that transaction has committed. Against a real countersignd whose
// batch window is widened so that concurrent requests land in one batch.
class TestGroupCommit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrentSubmissionsAreAllAnsweredAndDurable();
    void aFailingRequestRollsBackAlone();
    void commitFailureAnswersTheWholeBatchWithAnErrorAndKeepsNothing();
    void idempotencyKeysDedupeWithinOneBatch();
    void pushesArriveInSeqOrderWithoutGaps();
    void decisionsInOneBatchAreAllVerifiedAndResolved();
    void tokenRevokedByTheCliStopsAtOnce();

private:
    struct Request
    {
        QByteArray body;
        QString key;
    };
    // Every request on its own connection, all sent before any answer arrives.
    QList<AgentClient::Reply> submitTogether(const QList<Request> &requests);
    QByteArray body(const QString &tool) const
    {
        return TestActions::bytes(TestActions::action(kTenant, kAgent, tool));
    }
    QString key() { return QStringLiteral("gc-%1").arg(++m_counter); }
    qint64 metric(const QByteArray &line);
    bool auditVerifies() const;
    qint64 count(const QString &query) const { return m_broker.sqlValue(query).toLongLong(); }

    BrokerFixture m_broker;
    QString m_token;
    BrokerFixture::Approver m_approver;
    int m_counter = 0;
};

void TestGroupCommit::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    QVERIFY(m_broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("commit_window_ms"),
                                    QString::number(kCommitWindowMs)));
    m_token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("gc.*")});
    QVERIFY(!m_token.isEmpty());
    m_approver = m_broker.enrolApprover(QStringLiteral("Bea"), {QStringLiteral("approver")}, {kTenant});
    QVERIFY(!m_approver.keyId.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

QList<AgentClient::Reply> TestGroupCommit::submitTogether(const QList<Request> &requests)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> replies;
    for (const Request &r : requests) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(m_broker.httpsUrl(QStringLiteral("/v1/actions")));
        request.setSslConfiguration(m_broker.clientTls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setRawHeader("Idempotency-Key", r.key.toLatin1());
        replies.append(managers.back()->post(request, r.body));
    }
    QList<AgentClient::Reply> out;
    for (QNetworkReply *reply : std::as_const(replies))
        out.append(AgentClient::finish(reply, 60000));
    return out;
}

qint64 TestGroupCommit::metric(const QByteArray &prefix)
{
    AgentClient client(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    for (const QByteArray &line : client.get(QStringLiteral("/metrics")).raw.split('\n')) {
        if (line.startsWith(QByteArray(prefix + ' ')))
            return line.mid(prefix.size() + 1).toLongLong();
    }
    return -1;
}

bool TestGroupCommit::auditVerifies() const
{
    const auto result = m_broker.cli(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_broker.configPath()});
    if (result.exitCode != 0)
        qWarning().noquote() << result.out << result.err;
    return result.exitCode == 0;
}

void TestGroupCommit::concurrentSubmissionsAreAllAnsweredAndDurable()
{
    const qint64 batchesBefore = metric("countersign_commit_batches_total{result=\"committed\"}");
    QList<Request> requests;
    for (int i = 0; i < 24; ++i)
        requests.append({body(i % 3 == 0 ? QStringLiteral("gc.deny") : QStringLiteral("gc.allow")), key()});
    const QList<AgentClient::Reply> replies = submitTogether(requests);
    QSet<QString> ids;
    for (const AgentClient::Reply &reply : replies) {
        QCOMPARE(reply.status, 200);
        const QString id = reply.body.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        ids.insert(id);
        // Answered, therefore committed: the row and its three audit entries are on disk.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM actions WHERE id = '%1'").arg(id)), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action_id = '%1'").arg(id)), 3);
    }
    QCOMPARE(ids.size(), requests.size());
    // They shared transactions: fewer commits than requests.
    const qint64 batches = metric("countersign_commit_batches_total{result=\"committed\"}") - batchesBefore;
    QVERIFY2(batches < requests.size(), qPrintable(QStringLiteral("%1 commits for %2").arg(batches).arg(24)));
    QVERIFY(metric("countersign_commit_largest_batch") > 1);
    QVERIFY(auditVerifies());
}

void TestGroupCommit::aFailingRequestRollsBackAlone()
{
    // A statement that fails inside one request's savepoint, as a full disk or a
    // constraint would: that request is undone and refused, the rest commit.
    QVERIFY(m_broker
                .sql(QStringLiteral("CREATE TRIGGER gc_step_fails BEFORE INSERT ON actions WHEN NEW.tool = "
                                    "'gc.step-fails' BEGIN SELECT RAISE(ABORT, 'injected step failure'); END;"))
                .exitCode
            == 0);
    const qint64 auditBefore = m_broker.auditHead();
    QList<Request> requests;
    for (int i = 0; i < 6; ++i)
        requests.append({body(QStringLiteral("gc.allow")), key()});
    requests.append({body(QStringLiteral("gc.step-fails")), key()});
    requests.append({QByteArrayLiteral("{\"tenant\": "), key()}); // not JSON
    QJsonObject invalid = TestActions::action(kTenant, kAgent, QStringLiteral("gc.allow"));
    invalid.remove(QStringLiteral("tool"));
    requests.append({TestActions::bytes(invalid), key()});
    const QList<AgentClient::Reply> replies = submitTogether(requests);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(replies.at(i).status, 200);
    QCOMPARE(replies.at(6).status, 503);
    QCOMPARE(replies.at(6).body.value(QStringLiteral("error")).toString(), QStringLiteral("unavailable"));
    QCOMPARE(replies.at(7).status, 400);
    QCOMPARE(replies.at(8).status, 422);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM actions WHERE tool = 'gc.step-fails'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM idempotency WHERE key = '%1'").arg(requests.at(6).key)), 0);
    // Exactly the six accepted submissions' entries were added, chained without a hole.
    QCOMPARE(m_broker.auditHead() - auditBefore, 6 * 3);
    QVERIFY(auditVerifies());
    QVERIFY(m_broker.sql(QStringLiteral("DROP TRIGGER gc_step_fails;")).exitCode == 0);
}

void TestGroupCommit::commitFailureAnswersTheWholeBatchWithAnErrorAndKeepsNothing()
{
    // A deferred foreign key is checked at COMMIT: an action with this tool makes
    // the whole transaction's commit fail, as an I/O error at fsync would.
    QVERIFY(m_broker
                .sql(QStringLiteral(
                    "CREATE TABLE gc_missing (id INTEGER PRIMARY KEY);"
                    "CREATE TABLE gc_gate (ref INTEGER REFERENCES gc_missing(id) DEFERRABLE INITIALLY DEFERRED);"
                    "CREATE TRIGGER gc_commit_fails AFTER INSERT ON actions WHEN NEW.tool = 'gc.poison' "
                    "BEGIN INSERT INTO gc_gate VALUES (1); END;"))
                .exitCode
            == 0);
    ConsoleClient console(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(console.login(*m_approver.key));
    console.subscribe(
        m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong());
    const qsizetype pushedBefore = console.messages().size();

    const qint64 actionsBefore = count(QStringLiteral("SELECT COUNT(*) FROM actions"));
    const QString seqBefore = m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'"));
    const qint64 failedBefore = metric("countersign_commit_batches_total{result=\"failed\"}");
    QList<Request> requests;
    for (int i = 0; i < 8; ++i)
        requests.append({body(i % 2 ? QStringLiteral("gc.allow") : QStringLiteral("gc.approve")), key()});
    requests.append({body(QStringLiteral("gc.poison")), key()});
    const QList<AgentClient::Reply> replies = submitTogether(requests);

    int accepted = 0, refused = 0;
    QSet<QString> acceptedIds;
    for (const AgentClient::Reply &reply : replies) {
        if (reply.status == 200 || reply.status == 202) {
            ++accepted;
            acceptedIds.insert(reply.body.value(QStringLiteral("id")).toString());
        } else {
            QCOMPARE(reply.status, 503);
            QCOMPARE(reply.body.value(QStringLiteral("error")).toString(), QStringLiteral("unavailable"));
            ++refused;
        }
    }
    QCOMPARE(replies.last().status, 503);
    // The poisoned batch held more than the poison: its other requests were refused too.
    QVERIFY2(refused > 1, "the failed commit answers every request of its batch with an error");
    QVERIFY(metric("countersign_commit_batches_total{result=\"failed\"}") > failedBefore);
    // Nothing half-written: only what was answered as accepted exists.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM actions")) - actionsBefore, accepted);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM actions WHERE tool = 'gc.poison'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM gc_gate")), 0);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const qint64 kept
            = count(QStringLiteral("SELECT COUNT(*) FROM idempotency WHERE key = '%1'").arg(requests.at(i).key));
        QCOMPARE(kept, replies.at(i).status == 503 ? 0 : 1);
    }
    QVERIFY(auditVerifies());

    // The broker's in-memory state (audit head, change seq, caches) was put back:
    // a refused request sent again with its own key is accepted now, numbered
    // and chained right after what was committed.
    qsizetype retry = -1;
    for (qsizetype i = 0; i + 1 < replies.size() && retry < 0; ++i) {
        if (replies.at(i).status == 503)
            retry = i;
    }
    QVERIFY(retry >= 0);
    const qint64 seqNow
        = m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong();
    QCOMPARE(seqNow, seqBefore.toLongLong() + accepted);
    const qint64 auditNow = m_broker.auditHead();
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    const AgentClient::Reply again = agent.submit(requests.at(retry).body, requests.at(retry).key);
    QVERIFY2(again.status == 200 || again.status == 202, again.raw.constData());
    acceptedIds.insert(again.body.value(QStringLiteral("id")).toString());
    QCOMPARE(again.body.value(QStringLiteral("seq")).toInteger(), seqNow + 1);
    QCOMPARE(m_broker.auditHead(), auditNow + (again.status == 202 ? 2 : 3));
    QVERIFY(auditVerifies());
    // Dropped only now: another process's commit would make the broker re-read its state anyway.
    QVERIFY(m_broker.sql(QStringLiteral("DROP TRIGGER gc_commit_fails;")).exitCode == 0);

    // The console was told about committed actions only.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSet<QString> pushed;
            for (qsizetype i = pushedBefore; i < console.messages().size(); ++i) {
                const QJsonObject m = console.messages().at(i);
                if (m.value(QStringLiteral("type")).toString() == QStringLiteral("action"))
                    pushed.insert(m.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString());
            }
            return pushed == acceptedIds;
        }(),
        15000);
}

void TestGroupCommit::idempotencyKeysDedupeWithinOneBatch()
{
    const QString shared = key();
    const QByteArray same = body(QStringLiteral("gc.allow"));
    QList<Request> requests;
    for (int i = 0; i < 5; ++i)
        requests.append({same, shared});
    requests.append({body(QStringLiteral("gc.deny")), shared}); // same key, another body
    const QList<AgentClient::Reply> replies = submitTogether(requests);
    QList<QJsonObject> answers;
    int conflicts = 0;
    for (const AgentClient::Reply &reply : replies) {
        if (reply.status == 409) {
            QCOMPARE(reply.body.value(QStringLiteral("error")).toString(), QStringLiteral("idempotency_conflict"));
            ++conflicts;
            continue;
        }
        QCOMPARE(reply.status, 200);
        answers.append(reply.body);
    }
    // Every repeat gets the first answer, word for word: one action.
    QVERIFY(!answers.isEmpty());
    for (const QJsonObject &answer : std::as_const(answers))
        QCOMPARE(answer, answers.first());
    // Whichever body arrived first was stored; the other one conflicts.
    QVERIFY(conflicts == 1 || conflicts == 5);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM idempotency WHERE key = '%1'").arg(shared)), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM actions WHERE id IN (SELECT json_extract(response, '$.id') "
                                  "FROM idempotency WHERE key = '%1')")
                       .arg(shared)),
             1);
}

void TestGroupCommit::pushesArriveInSeqOrderWithoutGaps()
{
    ConsoleClient console(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(console.login(*m_approver.key));
    const qint64 head
        = m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong();
    console.subscribe(head);
    const qsizetype from = console.messages().size();
    QList<Request> requests;
    for (int i = 0; i < 20; ++i)
        requests.append({body(i % 2 ? QStringLiteral("gc.allow") : QStringLiteral("gc.approve")), key()});
    for (const AgentClient::Reply &reply : submitTogether(requests))
        QVERIFY(reply.status == 200 || reply.status == 202);
    auto seqs = [&] {
        QList<qint64> out;
        for (qsizetype i = from; i < console.messages().size(); ++i) {
            const QJsonObject m = console.messages().at(i);
            if (m.value(QStringLiteral("type")).toString() == QStringLiteral("action"))
                out.append(m.value(QStringLiteral("seq")).toInteger());
        }
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(seqs().size(), requests.size(), 15000);
    const QList<qint64> pushed = seqs();
    for (qsizetype i = 0; i < pushed.size(); ++i)
        QCOMPARE(pushed.at(i), head + 1 + i);
}

void TestGroupCommit::decisionsInOneBatchAreAllVerifiedAndResolved()
{
    ConsoleClient console(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(console.login(*m_approver.key));
    console.subscribe(
        m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong());
    QList<Request> requests;
    for (int i = 0; i < 10; ++i)
        requests.append({body(QStringLiteral("gc.approve")), key()});
    QList<QJsonObject> actions;
    for (const AgentClient::Reply &reply : submitTogether(requests)) {
        QCOMPARE(reply.status, 202);
        const QString id = reply.body.value(QStringLiteral("id")).toString();
        auto find = [&] {
            for (const QJsonObject &m : console.messages()) {
                const QJsonObject action = m.value(QStringLiteral("action")).toObject();
                if (action.value(QStringLiteral("id")).toString() == id)
                    return action;
            }
            return QJsonObject();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!find().isEmpty(), 15000);
        actions.append(find());
    }
    // All decisions sent at once (one of them twice, one with a broken
    // signature); the broker verifies each and answers after the commit.
    const qsizetype from = console.messages().size();
    QList<QByteArray> statements;
    for (const QJsonObject &action : std::as_const(actions))
        statements.append(
            ConsoleClient::signDecision(*m_approver.key, action, QStringLiteral("approve"), QStringLiteral("batch")));
    statements.append(statements.first());
    QByteArray broken = statements.at(1);
    broken[broken.size() - 5] = broken.at(broken.size() - 5) == 'A' ? 'B' : 'A';
    statements.append(broken);
    for (qsizetype i = 0; i < statements.size(); ++i)
        console.sendRaw(QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("decide")},
                                       {QStringLiteral("id"), QStringLiteral("d%1").arg(i)},
                                       {QStringLiteral("jws"), QString::fromLatin1(statements.at(i))}})
                .toJson(QJsonDocument::Compact)));
    auto results = [&] {
        QHash<QString, QJsonObject> out;
        for (qsizetype i = from; i < console.messages().size(); ++i) {
            const QJsonObject m = console.messages().at(i);
            if (m.value(QStringLiteral("type")).toString() == QStringLiteral("decide_result"))
                out.insert(m.value(QStringLiteral("id")).toString(), m);
        }
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(results().size(), statements.size(), 15000);
    const QHash<QString, QJsonObject> byId = results();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QJsonObject r = byId.value(QStringLiteral("d%1").arg(i));
        QVERIFY2(r.value(QStringLiteral("accepted")).toBool(),
                 qPrintable(r.value(QStringLiteral("message")).toString()));
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        const QString id = actions.at(i).value(QStringLiteral("id")).toString();
        QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT status FROM actions WHERE id = '%1'").arg(id)),
                 QStringLiteral("approved"));
    }
    // The repeat, inside the same batch, is recognised as the same decision.
    const QJsonObject repeat = byId.value(QStringLiteral("d%1").arg(actions.size()));
    QVERIFY(repeat.value(QStringLiteral("accepted")).toBool());
    QVERIFY(repeat.value(QStringLiteral("duplicate")).toBool());
    const QJsonObject bad = byId.value(QStringLiteral("d%1").arg(actions.size() + 1));
    QVERIFY(!bad.value(QStringLiteral("accepted")).toBool(true));
    QCOMPARE(bad.value(QStringLiteral("code")).toString(), QStringLiteral("bad_signature"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM decisions WHERE action_id = '%1'")
                       .arg(actions.first().value(QStringLiteral("id")).toString())),
             1);
    QVERIFY(auditVerifies());
}

void TestGroupCommit::tokenRevokedByTheCliStopsAtOnce()
{
    // The broker keeps known tokens (and its audit chain head) in memory;
    // another process's revocation must still take effect on the very next request.
    QString tokenId;
    const QString token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("gc.*")}, QString(), &tokenId);
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), token);
    QCOMPARE(agent.submit(body(QStringLiteral("gc.allow")), key()).status, 200);
    QCOMPARE(agent.submit(body(QStringLiteral("gc.allow")), key()).status, 200);
    QCOMPARE(m_broker
                 .cli({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--config"),
                       m_broker.configPath(), tokenId})
                 .exitCode,
             0);
    const AgentClient::Reply after = agent.submit(body(QStringLiteral("gc.allow")), key());
    QCOMPARE(after.status, 401);
    QCOMPARE(after.body.value(QStringLiteral("error")).toString(), QStringLiteral("token_revoked"));
    // The CLI appended token_created and token_revoked entries behind the
    // broker's back; the broker re-read its chain head instead of forking it.
    QCOMPARE(agent.submit(body(QStringLiteral("gc.allow")), key()).status, 401);
    AgentClient other(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    QCOMPARE(other.submit(body(QStringLiteral("gc.allow")), key()).status, 200);
    QVERIFY(auditVerifies());
}

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "TestGroupCommit.moc"
