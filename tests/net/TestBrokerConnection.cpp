#include "core/LoginStatement.h"
#include "net/BrokerConnection.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using countersign::net::BrokerConnection;
using namespace countersign::testing;

// The console's connection against a real countersignd: certificate pinning,
// login, live stream, reconnect with resume.
class TestBrokerConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backoffGrowsExponentiallyWithJitterAndCap();
    void unpinnedCertificateAsksForTrust();
    void pinnedCertificateGoesLive();
    void changedCertificateIsRefusedWithoutRetry();
    void unknownKeyIsRefused();
    void lockedKeyCannotLogIn();
    void streamsActionsAndResumesAfterDrops();
    void nothingIsSentUnlessLive();

private:
    std::unique_ptr<BrokerConnection> connection(const QString &pin, const countersign::core::Ed25519PrivateKey *key);
    QByteArray scenario(const QString &name) const;

    BrokerFixture m_broker;
    BrokerFixture::Approver m_approver;
    QString m_fingerprint;
    QString m_token;
};

void TestBrokerConnection::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    m_approver
        = m_broker.enrolApprover(QStringLiteral("Net Tester"), {QStringLiteral("approver")}, {QStringLiteral("acme")});
    QVERIFY(!m_approver.keyId.isEmpty());
    m_token
        = m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:code-assistant"), {QStringLiteral("*")});
    QVERIFY(!m_token.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    const auto certs = QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt"));
    QCOMPARE(certs.size(), 1);
    m_fingerprint = BrokerConnection::fingerprintOf(certs.first());
    QCOMPARE(m_fingerprint.count(QLatin1Char(':')), 31);
}

QByteArray TestBrokerConnection::scenario(const QString &name) const
{
    QFile file(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/") + name + QStringLiteral(".json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::unique_ptr<BrokerConnection> TestBrokerConnection::connection(const QString &pin,
                                                                   const countersign::core::Ed25519PrivateKey *key)
{
    auto c = std::make_unique<BrokerConnection>();
    countersign::net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = pin;
    c->setProfile(profile);
    c->setLoginSigner([key](const QString &nonce, const QString &broker) -> std::optional<QByteArray> {
        if (!key)
            return std::nullopt;
        return countersign::core::LoginStatement::sign(*key, nonce, broker);
    });
    return c;
}

void TestBrokerConnection::backoffGrowsExponentiallyWithJitterAndCap()
{
    QCOMPARE(BrokerConnection::backoffMs(1, 0.5), 500);
    QCOMPARE(BrokerConnection::backoffMs(2, 0.5), 1000);
    QCOMPARE(BrokerConnection::backoffMs(3, 0.5), 2000);
    QCOMPARE(BrokerConnection::backoffMs(20, 0.5), 30000);
    QCOMPARE(BrokerConnection::backoffMs(1, 0.0), 375);
    QCOMPARE(BrokerConnection::backoffMs(1, 1.0), 625);
}

void TestBrokerConnection::unpinnedCertificateAsksForTrust()
{
    auto c = connection(QString(), m_approver.key.get());
    QSignalSpy trust(c.get(), &BrokerConnection::certificateNeedsTrust);
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(trust.count(), 1, 15000);
    QCOMPARE(trust.first().first().toString(), m_fingerprint);
    QCOMPARE(c->state(), BrokerConnection::State::NeedsTrust);
    QVERIFY(!c->isLive());
}

void TestBrokerConnection::pinnedCertificateGoesLive()
{
    auto c = connection(m_fingerprint, m_approver.key.get());
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), BrokerConnection::State::Live, 15000);
    QCOMPARE(c->principal().value(QStringLiteral("key_id")).toString(), m_approver.keyId);
    QCOMPARE(c->brokerKeyId(), m_broker.brokerKeyId());
}

void TestBrokerConnection::changedCertificateIsRefusedWithoutRetry()
{
    QString other = m_fingerprint;
    other.replace(0, 2, other.startsWith(QStringLiteral("00")) ? QStringLiteral("11") : QStringLiteral("00"));
    auto c = connection(other, m_approver.key.get());
    QSignalSpy mismatch(c.get(), &BrokerConnection::certificateMismatch);
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(mismatch.count(), 1, 15000);
    QCOMPARE(mismatch.first().at(0).toString(), other);
    QCOMPARE(mismatch.first().at(1).toString(), m_fingerprint);
    QCOMPARE(c->state(), BrokerConnection::State::Refused);
    QCOMPARE(c->reconnectAttempts(), 0);
}

void TestBrokerConnection::unknownKeyIsRefused()
{
    const auto stranger = countersign::core::Ed25519PrivateKey::generate();
    auto c = connection(m_fingerprint, &stranger);
    QSignalSpy refused(c.get(), &BrokerConnection::loginRefused);
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 15000);
    QCOMPARE(refused.first().first().toString(), QStringLiteral("unknown_key"));
    QCOMPARE(c->state(), BrokerConnection::State::Refused);
}

void TestBrokerConnection::lockedKeyCannotLogIn()
{
    auto c = connection(m_fingerprint, nullptr);
    QSignalSpy refused(c.get(), &BrokerConnection::loginRefused);
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 15000);
    QCOMPARE(refused.first().first().toString(), QStringLiteral("locked"));
    QVERIFY(!c->isLive());
}

void TestBrokerConnection::streamsActionsAndResumesAfterDrops()
{
    auto c = connection(m_fingerprint, m_approver.key.get());
    QHash<QString, int> seen; // action id -> messages received for it
    QHash<QString, qint64> lastSeq;
    connect(c.get(), &BrokerConnection::actionMessage, this, [&](const QJsonObject &message) {
        const QString id = message.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();
        const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
        QVERIFY2(seq > lastSeq.value(id, 0), "never the same change twice, never going back");
        lastSeq.insert(id, seq);
        ++seen[id];
    });
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), BrokerConnection::State::Live, 15000);
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    QStringList submitted;
    for (int round = 0; round < 4; ++round) {
        const auto live
            = agent.submit(scenario(QStringLiteral("mcp-file-write")), QStringLiteral("live-%1").arg(round));
        QCOMPARE(live.status, 202);
        submitted.append(live.body.value(QStringLiteral("id")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(submitted.last()), 10000);
        // Drop the connection and submit while the console is away.
        QSignalSpy retry(c.get(), &BrokerConnection::stateChanged);
        c->dropConnection();
        QTRY_VERIFY_WITH_TIMEOUT(c->state() != BrokerConnection::State::Live, 10000);
        const auto away
            = agent.submit(scenario(QStringLiteral("mcp-file-write")), QStringLiteral("away-%1").arg(round));
        submitted.append(away.body.value(QStringLiteral("id")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), BrokerConnection::State::Live, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(submitted.last()), 10000);
    }
    for (const QString &id : std::as_const(submitted))
        QCOMPARE(seen.value(id), 1);
}

void TestBrokerConnection::nothingIsSentUnlessLive()
{
    auto c = connection(m_fingerprint, m_approver.key.get());
    QVERIFY(!c->send({{QStringLiteral("type"), QStringLiteral("ping")}}));
    c->start();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), BrokerConnection::State::Live, 15000);
    QVERIFY(c->send({{QStringLiteral("type"), QStringLiteral("ping")}}));
    c->stop();
    QCOMPARE(c->state(), BrokerConnection::State::Disconnected);
    QVERIFY(!c->send({{QStringLiteral("type"), QStringLiteral("ping")}}));
}

QTEST_GUILESS_MAIN(TestBrokerConnection)
#include "TestBrokerConnection.moc"
