#include "core/LoginStatement.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSet>
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

private:
    QSet<QString> brokerPendingIds();

    BrokerFixture m_broker;
    BrokerFixture::Approver m_watcher;
    BrokerFixture::Approver m_other;
    QString m_token;
};

void TestQueueResync::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    m_watcher
        = m_broker.enrolApprover(QStringLiteral("Watcher"), {QStringLiteral("approver")}, {QStringLiteral("acme")});
    m_other = m_broker.enrolApprover(QStringLiteral("Other"), {QStringLiteral("approver")}, {QStringLiteral("acme")});
    m_token
        = m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:code-assistant"), {QStringLiteral("*")});
    QVERIFY(!m_watcher.keyId.isEmpty() && !m_other.keyId.isEmpty() && !m_token.isEmpty());
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
    connect(&connection, &BrokerConnection::actionMessage, &queue, &PendingQueueModel::applyMessage);
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

QTEST_GUILESS_MAIN(TestQueueResync)
#include "TestQueueResync.moc"
