#include "core/LoginStatement.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using countersign::models::PendingQueueModel;
using countersign::net::BrokerConnection;
using namespace countersign::testing;

// The console's queue stays equal to the broker's pending set while the
// connection is dropped again and again, actions stream in, and another
// approver resolves some of them.
class TestQueueResync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void queueEqualsBrokerPendingSetAfterRepeatedDrops();
    void killSwitchEmptiesTheQueue();
    void reconnectAfterAKillResumesWithoutGaps();
    void cursorTheBrokerCannotResumeFromStartsOver();

private:
    QSet<QString> brokerPendingIds();
    // The console's own wiring: BrokerConnection into PendingQueueModel, as ConsoleController does it.
    void wire(BrokerConnection &connection, PendingQueueModel &queue);
    QJsonObject killSwitch(const QString &operation, const QString &reason);
    QByteArray body() const;

    BrokerFixture m_broker;
    BrokerFixture::Approver m_watcher;
    BrokerFixture::Approver m_other;
    BrokerFixture::Approver m_oncall;
    QString m_token;
    int m_orders = 0;
};

void TestQueueResync::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    // Many sessions log in from 127.0.0.1 here; the login rate limit is tested elsewhere.
    QVERIFY(m_broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("login_attempts_per_minute"),
                                    QStringLiteral("1000")));
    m_watcher
        = m_broker.enrolApprover(QStringLiteral("Watcher"), {QStringLiteral("approver")}, {QStringLiteral("acme")});
    m_other = m_broker.enrolApprover(QStringLiteral("Other"), {QStringLiteral("approver")}, {QStringLiteral("acme")});
    m_token
        = m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:code-assistant"), {QStringLiteral("*")});
    m_oncall = m_broker.enrolApprover(QStringLiteral("Oncall"), {QStringLiteral("oncall")}, {QStringLiteral("*")});
    QVERIFY(!m_watcher.keyId.isEmpty() && !m_other.keyId.isEmpty() && !m_oncall.keyId.isEmpty() && !m_token.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

QSet<QString> TestQueueResync::brokerPendingIds()
{
    ConsoleClient probe(m_broker.consoleUrl(), m_broker.clientTls());
    QSet<QString> ids;
    if (!probe.login(*m_watcher.key))
        return ids;
    for (const QJsonObject &message : probe.subscribe(0))
        ids.insert(message.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString());
    return ids;
}

void TestQueueResync::queueEqualsBrokerPendingSetAfterRepeatedDrops()
{
    PendingQueueModel queue;
    QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrokerConnection connection;
    countersign::net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    connection.setProfile(profile);
    const auto key = m_watcher.key;
    connection.setLoginSigner([key](const QString &nonce, const QString &broker) {
        return countersign::core::LoginStatement::sign(*key, nonce, broker);
    });
    queue.follow(&connection);
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 15000);

    QFile file(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/mcp-file-write.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray body = file.readAll();
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    ConsoleClient other(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(other.login(*m_other.key));
    other.subscribe(0);

    int submitted = 0;
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(agent.submit(body, QStringLiteral("r%1-%2").arg(round).arg(i)).status, 202);
        submitted += 4;
        if (round % 2 == 1) {
            // Another approver resolves the oldest pending action while we may be away.
            const QList<QJsonObject> pending = other.subscribe(0);
            QVERIFY(!pending.isEmpty());
            const QJsonObject action = pending.first().value(QStringLiteral("action")).toObject();
            QVERIFY(other
                        .decide(ConsoleClient::signDecision(*m_other.key, action, QStringLiteral("deny"),
                                                            QStringLiteral("resync test")))
                        .value(QStringLiteral("accepted"))
                        .toBool());
        }
        connection.dropConnection();
        // More arrive while the console is disconnected.
        QCOMPARE(agent.submit(body, QStringLiteral("away-%1").arg(round)).status, 202);
        ++submitted;
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 30000);
    }
    const QSet<QString> expected = brokerPendingIds();
    QCOMPARE(expected.size(), submitted - 3);
    QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), int(expected.size()), 15000);
    QSet<QString> shown;
    for (int row = 0; row < queue.rowCount(); ++row)
        shown.insert(queue.index(row, 0).data(PendingQueueModel::ActionIdRole).toString());
    QCOMPARE(shown, expected);
    // The resolved ones left nothing behind: the replay guard is the seq cursor.
    QCOMPARE(queue.retainedIdCount(), qsizetype(queue.rowCount()));
    QVERIFY(queue.lastSeq() > 0 && queue.lastSeq() <= connection.resumeSeq());
}

void TestQueueResync::wire(BrokerConnection &connection, PendingQueueModel &queue)
{
    countersign::net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    connection.setProfile(profile);
    const auto key = m_watcher.key;
    connection.setLoginSigner([key](const QString &nonce, const QString &broker) {
        return countersign::core::LoginStatement::sign(*key, nonce, broker);
    });
    queue.follow(&connection);
}

QJsonObject TestQueueResync::killSwitch(const QString &operation, const QString &reason)
{
    ConsoleClient oncall(m_broker.consoleUrl(), m_broker.clientTls());
    if (!oncall.login(*m_oncall.key))
        return {};
    return oncall.killSwitch(ConsoleClient::signKillSwitch(*m_oncall.key, operation, QStringLiteral("agent"),
                                                           QStringLiteral("agent:code-assistant"),
                                                           QStringLiteral("%1 %2").arg(reason).arg(++m_orders)));
}

QByteArray TestQueueResync::body() const
{
    QFile file(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/mcp-file-write.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A kill of many pending actions reaches the console as compact `resolved`
// frames; the queue model drops every killed row, and the cursor is the head.
void TestQueueResync::killSwitchEmptiesTheQueue()
{
    PendingQueueModel queue;
    QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrokerConnection connection;
    wire(connection, queue);
    QSignalSpy resolvedFrames(&connection, &BrokerConnection::actionsResolved);
    QSignalSpy left(&queue, &PendingQueueModel::actionResolved);
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 15000);
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    const QByteArray action = body();
    QVERIFY(!action.isEmpty());
    for (int i = 0; i < 120; ++i)
        QCOMPARE(agent.submit(action, QStringLiteral("kill-%1").arg(i)).status, 202);
    const qsizetype pending = brokerPendingIds().size();
    QVERIFY(pending >= 120);
    QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), int(pending), 15000);

    const QJsonObject engaged = killSwitch(QStringLiteral("engage"), QStringLiteral("queue test"));
    QVERIFY2(engaged.value(QStringLiteral("accepted")).toBool(),
             qPrintable(engaged.value(QStringLiteral("message")).toString()));
    QCOMPARE(engaged.value(QStringLiteral("killed_count")).toInteger(), pending);
    QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), 0, 15000);
    QVERIFY(brokerPendingIds().isEmpty());
    QCOMPARE(left.count(), int(pending));
    for (const QList<QVariant> &signal : std::as_const(left))
        QCOMPARE(signal.at(1).toString(), QStringLiteral("killed"));
    QVERIFY(resolvedFrames.count() >= 1);
    const qint64 head
        = m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(connection.resumeSeq(), head, 5000);
    QCOMPARE(queue.lastSeq(), head);
    QVERIFY(
        killSwitch(QStringLiteral("release"), QStringLiteral("queue test")).value(QStringLiteral("accepted")).toBool());
    connection.stop();
}

// Away during a kill: the resumed stream replays the kill compactly, the
// queue drops exactly the killed rows, later actions arrive, nothing repeats.
void TestQueueResync::reconnectAfterAKillResumesWithoutGaps()
{
    PendingQueueModel queue;
    QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrokerConnection connection;
    wire(connection, queue);
    QSignalSpy added(&queue, &PendingQueueModel::actionAdded);
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 15000);
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    const QByteArray action = body();
    for (int i = 0; i < 40; ++i)
        QCOMPARE(agent.submit(action, QStringLiteral("away-kill-%1").arg(i)).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), 40, 15000);
    const int addedBefore = int(added.count());

    // Stop (not a drop, which would reconnect at once) so the kill happens while away.
    connection.stop();
    QVERIFY(killSwitch(QStringLiteral("engage"), QStringLiteral("away")).value(QStringLiteral("accepted")).toBool());
    QVERIFY(killSwitch(QStringLiteral("release"), QStringLiteral("away")).value(QStringLiteral("accepted")).toBool());
    QStringList later;
    for (int i = 0; i < 3; ++i) {
        const auto reply = agent.submit(action, QStringLiteral("after-kill-%1").arg(i));
        QCOMPARE(reply.status, 202);
        later.append(reply.body.value(QStringLiteral("id")).toString());
    }
    QSignalSpy resolvedFrames(&connection, &BrokerConnection::actionsResolved);
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 15000);
    // The killed 40 left as compact items; the 3 later ones arrived, once each.
    QCOMPARE(queue.rowCount(), 3);
    QSet<QString> shown;
    for (int row = 0; row < queue.rowCount(); ++row)
        shown.insert(queue.index(row, 0).data(PendingQueueModel::ActionIdRole).toString());
    QCOMPARE(shown, QSet<QString>(later.cbegin(), later.cend()));
    QCOMPARE(shown, brokerPendingIds());
    QCOMPARE(int(added.count()) - addedBefore, 3);
    qsizetype items = 0;
    for (const QList<QVariant> &frame : std::as_const(resolvedFrames))
        items += frame.at(0).value<QList<countersign::net::ResolvedAction>>().size();
    QCOMPARE(items, qsizetype(40));
    const qint64 head
        = m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong();
    QCOMPARE(connection.resumeSeq(), head);
    // Another drop and resume from the head: nothing is replayed.
    const int addedNow = int(added.count());
    const qsizetype framesNow = resolvedFrames.count();
    connection.dropConnection();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 30000);
    QCOMPARE(int(added.count()), addedNow);
    QCOMPARE(resolvedFrames.count(), framesNow);
    QCOMPARE(queue.rowCount(), 3);
    connection.stop();
}

// A cursor the broker cannot resume from (`since_ahead`: another broker, or
// a restored database) makes the console drop its queue and take the
// snapshot: a row resolved meanwhile must not stay on screen.
void TestQueueResync::cursorTheBrokerCannotResumeFromStartsOver()
{
    PendingQueueModel queue;
    QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrokerConnection connection;
    wire(connection, queue);
    QSignalSpy resets(&connection, &BrokerConnection::streamReset);
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 15000);
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    const QByteArray action = body();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(agent.submit(action, QStringLiteral("reset-%1").arg(i)).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), int(brokerPendingIds().size()), 15000);
    connection.stop();

    // While the console is away, another approver resolves one of them.
    ConsoleClient other(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(other.login(*m_other.key));
    const QList<QJsonObject> pending = other.subscribe(0);
    QVERIFY(!pending.isEmpty());
    const QJsonObject first = pending.first().value(QStringLiteral("action")).toObject();
    QVERIFY(other
                .decide(ConsoleClient::signDecision(*m_other.key, first, QStringLiteral("deny"),
                                                    QStringLiteral("reset test")))
                .value(QStringLiteral("accepted"))
                .toBool());
    const QString resolvedId = first.value(QStringLiteral("id")).toString();
    QVERIFY(queue.rowOf(resolvedId) >= 0);

    // Back with a cursor beyond the broker's head.
    const qint64 head
        = m_broker.sqlValue(QStringLiteral("SELECT value FROM meta WHERE key = 'change_seq'")).toLongLong();
    connection.setResumeSeq(head + 1000);
    connection.start();
    QTRY_COMPARE_WITH_TIMEOUT(resets.count(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), BrokerConnection::State::Live, 15000);
    const QSet<QString> expected = brokerPendingIds();
    QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), int(expected.size()), 15000);
    QSet<QString> shown;
    for (int row = 0; row < queue.rowCount(); ++row)
        shown.insert(queue.index(row, 0).data(PendingQueueModel::ActionIdRole).toString());
    QCOMPARE(shown, expected);
    QCOMPARE(queue.rowOf(resolvedId), -1);
    connection.stop();
}

QTEST_GUILESS_MAIN(TestQueueResync)
#include "TestQueueResync.moc"
