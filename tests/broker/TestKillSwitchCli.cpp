#include "core/KeyFile.h"
#include "core/SecureBytes.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ProcessRunner.h"
#include "support/TestActions.h"

#include <QFile>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kAcme = QStringLiteral("acme");
const QString kAlpha = QStringLiteral("agent:alpha");
const QString kBeta = QStringLiteral("agent:beta");
const QString kUser = QStringLiteral("u1@acme.example");
const QByteArray kPassphrase = "correct horse battery staple";

const QByteArray kPolicy = countersign::testing::TestActions::holdingPolicy();

} // namespace

// `countersignd killswitch engage|release|drill|list` as an on-call engineer
// runs it: a real key file, a real broker process, the real console WebSocket.
class TestKillSwitchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpDescribesEachCommand();
    void usageErrorsExitTwo();
    void drillListsThePendingActionsAndEngagesNothing();
    void engageKillsAndListShowsWhatItRefuses();
    void nonOncallKeyIsRefused();
    void wrongPassphraseIsAKeyError();
    void passphraseFromTheEnvironment();

private:
    QStringList orderArgs(const QString &operation, const QString &keyPath, const QString &scope, const QString &target,
                          const QString &reason) const;
    AgentClient agent(const QString &agentId) const
    {
        return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_tokens.value(agentId));
    }
    QString submitPending(const QString &agentId);
    QString writeKey(const BrokerFixture::Approver &approver, const QString &name);
    QString storedStatus(const QString &id) const
    {
        return m_broker.sqlValue(QStringLiteral("SELECT status FROM actions WHERE id = '%1'").arg(id));
    }

    BrokerFixture m_broker;
    QHash<QString, QString> m_tokens;
    QString m_oncallKey, m_approverKey, m_passphraseFile, m_wrongPassphraseFile;
    int m_counter = 0;
};

void TestKillSwitchCli::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    for (const QString &agentId : {kAlpha, kBeta})
        m_tokens.insert(agentId, m_broker.createToken(kAcme, agentId, {QStringLiteral("ks.*")}));
    const auto oncall
        = m_broker.enrolApprover(QStringLiteral("Otto"), {QStringLiteral("oncall")}, {QStringLiteral("*")});
    const auto approver
        = m_broker.enrolApprover(QStringLiteral("Ari"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    QVERIFY(!oncall.keyId.isEmpty() && !approver.keyId.isEmpty());
    m_oncallKey = writeKey(oncall, QStringLiteral("oncall.key"));
    m_approverKey = writeKey(approver, QStringLiteral("approver.key"));
    QVERIFY(!m_oncallKey.isEmpty() && !m_approverKey.isEmpty());
    m_passphraseFile = m_broker.dir() + QStringLiteral("/oncall.pass");
    m_wrongPassphraseFile = m_broker.dir() + QStringLiteral("/wrong.pass");
    const QList<std::pair<QString, QByteArray>> files {{m_passphraseFile, kPassphrase + QByteArray("\n")},
                                                       {m_wrongPassphraseFile, QByteArray("not the passphrase\n")}};
    for (const auto &[path, text] : files) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

QString TestKillSwitchCli::writeKey(const BrokerFixture::Approver &approver, const QString &name)
{
    const QString path = m_broker.dir() + QLatin1Char('/') + name;
    QString error;
    QByteArray passphrase = kPassphrase;
    if (!core::KeyFile::writePrivateKey(path, *approver.key, core::SecureBytes::take(passphrase), &error)) {
        qWarning() << error;
        return QString();
    }
    return path;
}

QStringList TestKillSwitchCli::orderArgs(const QString &operation, const QString &keyPath, const QString &scope,
                                         const QString &target, const QString &reason) const
{
    QStringList args {QStringLiteral("killswitch"), operation,
                      QStringLiteral("--config"),   m_broker.configPath(),
                      QStringLiteral("--url"),      m_broker.httpsUrl(QString()).toString(),
                      QStringLiteral("--key"),      keyPath,
                      QStringLiteral("--scope"),    scope};
    if (!target.isEmpty())
        args << QStringLiteral("--target") << target;
    args << QStringLiteral("--reason") << reason;
    return args;
}

QString TestKillSwitchCli::submitPending(const QString &agentId)
{
    const auto reply = agent(agentId).submit(
        TestActions::bytes(TestActions::action(kAcme, agentId, QStringLiteral("ks.write"), kUser)),
        QStringLiteral("cli-%1").arg(++m_counter));
    if (reply.status != 202)
        qWarning() << "not held:" << reply.status << reply.raw;
    return reply.status == 202 ? reply.body.value(QStringLiteral("id")).toString() : QString();
}

void TestKillSwitchCli::helpDescribesEachCommand()
{
    for (const QString &sub : {QStringLiteral("engage"), QStringLiteral("release"), QStringLiteral("drill")}) {
        const auto help = m_broker.cli({QStringLiteral("killswitch"), sub, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *option :
             {"--config", "--url", "--key", "--passphrase-file", "--scope", "--target", "--reason"})
            QVERIFY2(help.out.contains(option), option);
    }
    const auto list = m_broker.cli({QStringLiteral("killswitch"), QStringLiteral("list"), QStringLiteral("--help")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("--config") && list.out.contains("--url"));
    const auto group = m_broker.cli({QStringLiteral("killswitch"), QStringLiteral("--help")});
    QCOMPARE(group.exitCode, 0);
    QVERIFY(group.out.contains("killswitch engage|release|drill"));
}

void TestKillSwitchCli::usageErrorsExitTwo()
{
    QStringList noReason = orderArgs(QStringLiteral("engage"), m_oncallKey, QStringLiteral("agent"), kAlpha, QString());
    noReason.removeLast();
    noReason.removeLast();
    QCOMPARE(m_broker.cli(noReason).exitCode, 2);
    QCOMPARE(m_broker
                 .cli(orderArgs(QStringLiteral("engage"), m_oncallKey, QStringLiteral("agent"), QString(),
                                QStringLiteral("x")))
                 .exitCode,
             2); // an agent switch needs a target
    QCOMPARE(m_broker
                 .cli({QStringLiteral("killswitch"), QStringLiteral("pause"), QStringLiteral("--config"),
                       m_broker.configPath()})
                 .exitCode,
             2);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches")), QStringLiteral("0"));
}

void TestKillSwitchCli::drillListsThePendingActionsAndEngagesNothing()
{
    const QString a1 = submitPending(kAlpha);
    const QString a2 = submitPending(kAlpha);
    const QString b1 = submitPending(kBeta);
    QVERIFY(!a1.isEmpty() && !a2.isEmpty() && !b1.isEmpty());
    QStringList args = orderArgs(QStringLiteral("drill"), m_oncallKey, QStringLiteral("agent"), kAlpha,
                                 QStringLiteral("quarterly drill"));
    args << QStringLiteral("--passphrase-file") << m_passphraseFile;
    const auto drill = m_broker.cli(args);
    QVERIFY2(drill.exitCode == 0, drill.err.constData());
    const QString out = QString::fromUtf8(drill.out);
    QVERIFY2(out.contains(QStringLiteral("would kill 2 pending action(s)")), qPrintable(out));
    QVERIFY(out.contains(a1) && out.contains(a2));
    QVERIFY(!out.contains(b1));
    QVERIFY(out.contains(QStringLiteral("nothing was engaged")));
    QVERIFY(out.contains(QStringLiteral("tokens that would stop working: 1")));

    // Nothing engaged, nothing killed, the agent is still served.
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches")), QStringLiteral("0"));
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending'")),
             QStringLiteral("3"));
    QVERIFY(!submitPending(kAlpha).isEmpty());
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT json_extract(data, '$.scope') || ' ' || "
                                              "json_extract(data, '$.target') || ' ' || "
                                              "json_extract(data, '$.would_kill_count') || ' ' || "
                                              "json_extract(data, '$.reason') FROM audit_log "
                                              "WHERE event = 'killswitch_drill'")),
             QStringLiteral("agent %1 2 quarterly drill").arg(kAlpha));
}

void TestKillSwitchCli::engageKillsAndListShowsWhatItRefuses()
{
    const QString pending = submitPending(kAlpha);
    QVERIFY(!pending.isEmpty());
    QStringList args = orderArgs(QStringLiteral("engage"), m_oncallKey, QStringLiteral("agent"), kAlpha,
                                 QStringLiteral("runaway loop"));
    args << QStringLiteral("--passphrase-file") << m_passphraseFile;
    const auto engaged = m_broker.cli(args);
    QVERIFY2(engaged.exitCode == 0, engaged.err.constData());
    QVERIFY2(engaged.out.contains("accepted: engaged: 4 pending action(s) killed"), engaged.out.constData());
    QCOMPARE(storedStatus(pending), QStringLiteral("killed"));
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE agent_id = '%1' "
                                              "AND status = 'pending'")
                                   .arg(kAlpha)),
             QStringLiteral("0"));
    // A refused submission, counted by the switch.
    const auto refused = agent(kAlpha).submit(
        TestActions::bytes(TestActions::action(kAcme, kAlpha, QStringLiteral("ks.write"), kUser)),
        QStringLiteral("after-engage"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.body.value(QStringLiteral("error")).toString(), QStringLiteral("killed"));
    QVERIFY(!submitPending(kBeta).isEmpty()); // out of scope

    // list, from the database ...
    const auto local = m_broker.cli(
        {QStringLiteral("killswitch"), QStringLiteral("list"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(local.exitCode == 0, local.err.constData());
    const QString text = QString::fromUtf8(local.out);
    QVERIFY2(text.contains(QStringLiteral("Active kill switches: 1")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("ACTIVE")) && text.contains(kAlpha));
    QVERIFY2(text.contains(QStringLiteral("killed=4  refused=1  agents=%1").arg(kAlpha)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("reason: runaway loop")));
    // ... and from the running broker.
    const auto remote
        = m_broker.cli({QStringLiteral("killswitch"), QStringLiteral("list"), QStringLiteral("--config"),
                        m_broker.configPath(), QStringLiteral("--url"), m_broker.httpsUrl(QString()).toString(),
                        QStringLiteral("--key"), m_oncallKey, QStringLiteral("--passphrase-file"), m_passphraseFile});
    QVERIFY2(remote.exitCode == 0, remote.err.constData());
    QVERIFY2(remote.out.contains("refused=1"), remote.out.constData());
    QVERIFY(remote.out.contains("Active kill switches: 1"));
    QCOMPARE(m_broker
                 .cli({QStringLiteral("killswitch"), QStringLiteral("list"), QStringLiteral("--config"),
                       m_broker.configPath(), QStringLiteral("--url"), m_broker.httpsUrl(QString()).toString()})
                 .exitCode,
             2); // --url needs --key

    // Engaging twice is refused by the broker: exit 1.
    const auto twice = m_broker.cli(args);
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains("already_engaged"), twice.err.constData());

    // Release restores service.
    QStringList release = orderArgs(QStringLiteral("release"), m_oncallKey, QStringLiteral("agent"), kAlpha,
                                    QStringLiteral("loop fixed"));
    release << QStringLiteral("--passphrase-file") << m_passphraseFile;
    const auto released = m_broker.cli(release);
    QVERIFY2(released.exitCode == 0, released.err.constData());
    QVERIFY(released.out.contains("released"));
    QVERIFY(!submitPending(kAlpha).isEmpty());
    const auto after = m_broker.cli(
        {QStringLiteral("killswitch"), QStringLiteral("list"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY(after.out.contains("Active kill switches: 0"));
    QVERIFY2(after.out.contains("reason: runaway loop") && after.out.contains(": loop fixed"), after.out.constData());
}

void TestKillSwitchCli::nonOncallKeyIsRefused()
{
    QStringList args = orderArgs(QStringLiteral("engage"), m_approverKey, QStringLiteral("agent"), kBeta,
                                 QStringLiteral("not mine to pull"));
    args << QStringLiteral("--passphrase-file") << m_passphraseFile;
    const auto refused = m_broker.cli(args);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("role_not_allowed"), refused.err.constData());
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches WHERE released_at IS NULL")),
             QStringLiteral("0"));
    QVERIFY(!submitPending(kBeta).isEmpty());
}

void TestKillSwitchCli::wrongPassphraseIsAKeyError()
{
    QStringList args
        = orderArgs(QStringLiteral("engage"), m_oncallKey, QStringLiteral("agent"), kBeta, QStringLiteral("typo"));
    args << QStringLiteral("--passphrase-file") << m_wrongPassphraseFile;
    const auto result = m_broker.cli(args);
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches WHERE released_at IS NULL")),
             QStringLiteral("0"));
    // A broker that is not there is an I/O error too.
    QStringList unreachable = orderArgs(QStringLiteral("drill"), m_oncallKey, QStringLiteral("global"), QString(),
                                        QStringLiteral("nobody home"));
    unreachable[unreachable.indexOf(QStringLiteral("--url")) + 1] = QStringLiteral("https://127.0.0.1:1");
    unreachable << QStringLiteral("--passphrase-file") << m_passphraseFile;
    QCOMPARE(m_broker.cli(unreachable).exitCode, 3);
}

void TestKillSwitchCli::passphraseFromTheEnvironment()
{
    const auto drill
        = ProcessRunner(BrokerFixture::program())
              .setEnvironmentVariable(QStringLiteral("COUNTERSIGN_PASSPHRASE"), QString::fromUtf8(kPassphrase))
              .run(orderArgs(QStringLiteral("drill"), m_oncallKey, QStringLiteral("global"), QString(),
                             QStringLiteral("env passphrase")));
    QVERIFY2(drill.exitCode == 0, drill.err.constData());
    QVERIFY(drill.out.contains("nothing was engaged"));
}

QTEST_GUILESS_MAIN(TestKillSwitchCli)
#include "TestKillSwitchCli.moc"
