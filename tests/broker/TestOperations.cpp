#include "core/Sha256.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kAcme = QStringLiteral("acme");
const QString kGlobex = QStringLiteral("globex");
const QString kSales = QStringLiteral("agent:sales-assistant");
const QString kGlobexBot = QStringLiteral("agent:globex-bot");

const QByteArray kPolicyV1 = R"(version = 1

[[rules]]
id = "allow-ops-read"
description = "Version 1 lets reads through"
action = "allow"
[rules.match]
tool = "ops.read"

[[rules]]
id = "approve-email"
description = "Mail is read by a human first"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "email.send"
)";

// Version 1 with an error on line 16: rules[1].quorum = 0.
QByteArray brokenPolicy()
{
    QByteArray text = kPolicyV1;
    text.replace("deadline = \"1h\"\n", "deadline = \"1h\"\nquorum = 0\n");
    return text;
}

const QByteArray kPolicyV2 = R"(version = 1

[[rules]]
id = "deny-ops-read"
description = "Version 2 stops reads"
action = "deny"
[rules.match]
tool = "ops.read"
)";

int mode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? core::Sha256::hex(file.readAll()) : QByteArray();
}

} // namespace

// Running countersignd as an operator does: init, file permissions, start-up
// with a bad policy, SIGHUP reloads, the policy tools, --help everywhere, and
// the retention run that purges content but keeps the audit trail whole.
class TestOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initRefusesToOverwrite();
    void initRefusesToOverwriteKeysWithoutAConfiguration();
    void filesAreReadableByTheOwnerOnly();
    void invalidPolicyRefusesToStartAndNamesTheLine_data();
    void invalidPolicyRefusesToStartAndNamesTheLine();
    void policyCheckAndExplain();
    void policyCheckAppliesTheBrokerLimits();
    void helpOnEveryCommand_data();
    void helpOnEveryCommand();
    void retentionPurgesContentAndKeepsTheRecord();
    void sighupWithABrokenPolicyKeepsTheOldOne();
    void sighupWithAFixedPolicyLoadsTheNewOne();

private:
    AgentClient agent(const QString &agentId)
    {
        return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_tokens.value(agentId));
    }
    QString submitOpsRead(const QString &agentId, const QString &expectedStatus, QString *rule = nullptr);
    ProcessRunner::Result cli(const QStringList &arguments) const { return m_broker.cli(arguments); }
    QString lastPolicyLoaded() const;

    BrokerFixture m_broker;
    QHash<QString, QString> m_tokens;
    BrokerFixture::Approver m_approver;
    int m_counter = 0;
};

void TestOperations::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicyV1));
    QVERIFY(m_broker.setConfigValue(QStringLiteral("retention"), QStringLiteral("content_days"), QStringLiteral("3")));
    QVERIFY(m_broker.setConfigValue(QStringLiteral("retention.tenants"), kAcme, QStringLiteral("1")));
    m_tokens.insert(kSales, m_broker.createToken(kAcme, kSales, {QStringLiteral("email.*"), QStringLiteral("ops.*")}));
    m_tokens.insert(kGlobexBot, m_broker.createToken(kGlobex, kGlobexBot, {QStringLiteral("ops.*")}));
    for (const QString &token : std::as_const(m_tokens))
        QVERIFY(token.startsWith(QStringLiteral("cst_")));
    m_approver = m_broker.enrolApprover(QStringLiteral("Ari"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    QVERIFY(!m_approver.keyId.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

QString TestOperations::submitOpsRead(const QString &agentId, const QString &expectedStatus, QString *rule)
{
    const QString tenant = agentId == kGlobexBot ? kGlobex : kAcme;
    const auto reply
        = agent(agentId).submit(TestActions::bytes(TestActions::action(tenant, agentId, QStringLiteral("ops.read"))),
                                QStringLiteral("ops-%1").arg(++m_counter));
    if (reply.body.value(QStringLiteral("status")).toString() != expectedStatus) {
        qWarning() << "expected" << expectedStatus << "got" << reply.status << reply.raw;
        return {};
    }
    if (rule)
        *rule = reply.body.value(QStringLiteral("policy")).toObject().value(QStringLiteral("rule")).toString();
    return reply.body.value(QStringLiteral("id")).toString();
}

QString TestOperations::lastPolicyLoaded() const
{
    return m_broker.sqlValue(QStringLiteral("SELECT json_extract(data, '$.sha256') FROM audit_log WHERE event = "
                                            "'policy_loaded' ORDER BY seq DESC LIMIT 1"));
}

void TestOperations::initRefusesToOverwrite()
{
    const QStringList keyFiles {QStringLiteral("keys/broker.key"),   QStringLiteral("keys/broker.pub"),
                                QStringLiteral("keys/admin.key"),    QStringLiteral("tls/broker.crt"),
                                QStringLiteral("countersignd.conf"), QStringLiteral("policy.toml")};
    QHash<QString, QByteArray> before;
    for (const QString &file : keyFiles)
        before.insert(file, fileHash(m_broker.dir() + QLatin1Char('/') + file));
    const auto again = cli({QStringLiteral("init"), m_broker.dir()});
    QVERIFY(again.exitCode != 0);
    QVERIFY2(again.err.contains("refusing to overwrite"), again.err.constData());
    for (const QString &file : keyFiles)
        QCOMPARE(fileHash(m_broker.dir() + QLatin1Char('/') + file), before.value(file));
}

void TestOperations::initRefusesToOverwriteKeysWithoutAConfiguration()
{
    // Someone moved the configuration away; the keys and the database are still
    // there. A new init must not replace the broker key the audit log is signed with.
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_broker.copyTo(dir.path(), &error), qPrintable(error));
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("countersignd.conf"))));
    const QByteArray key = fileHash(dir.filePath(QStringLiteral("keys/broker.key")));
    const QByteArray database = fileHash(dir.filePath(QStringLiteral("countersignd.db")));
    const auto again = cli({QStringLiteral("init"), dir.path()});
    QVERIFY(again.exitCode != 0);
    QVERIFY2(again.err.contains("refusing to overwrite"), again.err.constData());
    QCOMPARE(fileHash(dir.filePath(QStringLiteral("keys/broker.key"))), key);
    QCOMPARE(fileHash(dir.filePath(QStringLiteral("countersignd.db"))), database);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("countersignd.conf"))));
}

void TestOperations::filesAreReadableByTheOwnerOnly()
{
    const QDir dir(m_broker.dir());
    QCOMPARE(mode(dir.filePath(QStringLiteral("keys"))), 0700);
    for (const QString &file :
         {QStringLiteral("keys/broker.key"), QStringLiteral("keys/broker.pass"), QStringLiteral("keys/admin.key"),
          QStringLiteral("keys/admin.pass"), QStringLiteral("tls/broker-tls.key"), QStringLiteral("countersignd.db")})
        QVERIFY2(mode(dir.filePath(file)) == 0600,
                 qPrintable(QStringLiteral("%1 has mode %2").arg(file).arg(mode(dir.filePath(file)), 0, 8)));
    // The running broker's write-ahead log holds the same data as the database.
    for (const QString &file : {QStringLiteral("countersignd.db-wal"), QStringLiteral("countersignd.db-shm")}) {
        if (QFile::exists(dir.filePath(file)))
            QVERIFY2(mode(dir.filePath(file)) == 0600,
                     qPrintable(QStringLiteral("%1 has mode %2").arg(file).arg(mode(dir.filePath(file)), 0, 8)));
    }
    // Public material may be read by others.
    QCOMPARE(mode(dir.filePath(QStringLiteral("keys/broker.pub"))) & 0600, 0600);
}

void TestOperations::invalidPolicyRefusesToStartAndNamesTheLine_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<QString>("location");
    QTest::newRow("invalid value") << brokenPolicy() << QStringLiteral("policy.toml:16:");
    QTest::newRow("syntax error") << QByteArray("version = 1\n\n[[rules]]\nid = \"x\nmatch = {}\n")
                                  << QStringLiteral("policy.toml:4:");
}

void TestOperations::invalidPolicyRefusesToStartAndNamesTheLine()
{
    QFETCH(QByteArray, policy);
    QFETCH(QString, location);
    BrokerFixture broken;
    QString error;
    QVERIFY2(broken.init(&error), qPrintable(error));
    QVERIFY(broken.writePolicy(policy));
    const auto serve = broken.cli({QStringLiteral("serve"), QStringLiteral("--config"), broken.configPath(),
                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QCOMPARE(serve.exitCode, 1);
    QVERIFY2(!serve.out.contains("listening on"), serve.out.constData());
    QVERIFY2(serve.err.contains(location.toUtf8()), serve.err.constData());
    QVERIFY2(serve.err.contains("refusing to start"), serve.err.constData());
}

void TestOperations::policyCheckAndExplain()
{
    const QString example = QStringLiteral(COUNTERSIGN_SOURCE_DIR "/resources/policy/example-policy.toml");
    const auto check = cli({QStringLiteral("policy"), QStringLiteral("check"), example});
    QVERIFY2(check.exitCode == 0, check.err.constData());
    QCOMPARE(check.out.trimmed(), "ok: 6 rules, sha256 " + fileHash(example));

    const auto explain = cli({QStringLiteral("policy"), QStringLiteral("explain"), example,
                              QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/mcp-file-write.json")});
    QVERIFY2(explain.exitCode == 0, explain.err.constData());
    const QList<QByteArray> lines = explain.out.trimmed().split('\n');
    QVERIFY2(lines.last().startsWith("decision: approve by rule approve-destructive-file-write (quorum 1"),
             lines.last().constData());
    QVERIFY2(explain.out.contains("approve-destructive-file-write (line "), explain.out.constData());
    QVERIFY2(explain.out.contains(": matched: "), explain.out.constData());
    QVERIFY2(explain.out.contains("#1 deny-iam-wildcard-action (line "), explain.out.constData());

    QFile broken(m_broker.dir() + QStringLiteral("/broken.toml"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(brokenPolicy());
    broken.close();
    const auto invalid = cli({QStringLiteral("policy"), QStringLiteral("check"), broken.fileName()});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY2(invalid.err.contains((broken.fileName() + QStringLiteral(":16: rules[1].quorum")).toUtf8()),
             invalid.err.constData());
}

void TestOperations::policyCheckAppliesTheBrokerLimits()
{
    // A 5 s deadline is below the product's 1 minute minimum, unless the
    // broker's configuration lowers it (as the deadline tests do).
    QTemporaryDir dir;
    const QString policy = dir.filePath(QStringLiteral("short.toml"));
    QFile file(policy);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("version = 1\n\n[[rules]]\nid = \"quick\"\naction = \"approve\"\napprover_roles = [\"approver\"]\n"
               "deadline = \"5s\"\nmatch = {}\n");
    file.close();
    const auto strict = cli({QStringLiteral("policy"), QStringLiteral("check"), policy});
    QCOMPARE(strict.exitCode, 1);
    QVERIFY2(strict.err.contains("rules[0].deadline: must be between 1m and 30d"), strict.err.constData());
    QString error;
    QVERIFY2(m_broker.copyTo(dir.filePath(QStringLiteral("broker")), &error), qPrintable(error));
    const QString config = dir.filePath(QStringLiteral("broker/countersignd.conf"));
    QFile conf(config);
    QVERIFY(conf.open(QIODevice::ReadOnly));
    QByteArray text = conf.readAll();
    conf.close();
    QVERIFY(text.contains("min_approval_deadline_seconds = 60"));
    text.replace("min_approval_deadline_seconds = 60", "min_approval_deadline_seconds = 5");
    QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
    conf.write(text);
    conf.close();
    const auto relaxed
        = cli({QStringLiteral("policy"), QStringLiteral("check"), QStringLiteral("--config"), config, policy});
    QVERIFY2(relaxed.exitCode == 0, relaxed.err.constData());
    QVERIFY(relaxed.out.startsWith("ok: 1 rules"));
}

void TestOperations::helpOnEveryCommand_data()
{
    QTest::addColumn<QStringList>("command");
    for (const QString &command :
         {QStringLiteral(""), QStringLiteral("init"), QStringLiteral("serve"), QStringLiteral("approver"),
          QStringLiteral("approver add"), QStringLiteral("approver list"), QStringLiteral("approver revoke"),
          QStringLiteral("token"), QStringLiteral("token create"), QStringLiteral("token list"),
          QStringLiteral("token revoke"), QStringLiteral("policy"), QStringLiteral("policy check"),
          QStringLiteral("policy explain"), QStringLiteral("audit"), QStringLiteral("audit verify"),
          QStringLiteral("audit export"), QStringLiteral("retention"), QStringLiteral("retention run")})
        QTest::newRow(command.isEmpty() ? "countersignd" : qPrintable(command))
            << command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void TestOperations::helpOnEveryCommand()
{
    QFETCH(QStringList, command);
    const auto help = cli(command + QStringList {QStringLiteral("--help")});
    QVERIFY2(help.exitCode == 0, help.err.constData());
    QVERIFY2(help.out.contains("Usage:") || help.out.contains("usage:"), help.out.constData());
    QVERIFY2(help.err.isEmpty(), help.err.constData());
    if (!command.isEmpty())
        QVERIFY2(help.out.contains(command.join(QLatin1Char(' ')).toUtf8()), help.out.constData());
}

void TestOperations::retentionPurgesContentAndKeepsTheRecord()
{
    // An approved email from acme (retention 1 day), submitted "two days ago" ...
    AgentClient sales = agent(kSales);
    const QJsonObject original = TestActions::scenarioObject(QStringLiteral("renewal-outreach-email"));
    const auto submitted = sales.submit(TestActions::bytes(original), QStringLiteral("retention-old"));
    QCOMPARE(submitted.status, 202);
    const QString old = submitted.body.value(QStringLiteral("id")).toString();
    const QString digest = submitted.body.value(QStringLiteral("digest")).toString();
    ConsoleClient console(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(console.login(*m_approver.key));
    QJsonObject pending;
    for (const QJsonObject &m : console.subscribe(0)) {
        if (m.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString() == old)
            pending = m.value(QStringLiteral("action")).toObject();
    }
    QVERIFY(!pending.isEmpty());
    QVERIFY(console.decide(ConsoleClient::signDecision(*m_approver.key, pending, QStringLiteral("approve"), QString()))
                .value(QStringLiteral("accepted"))
                .toBool());
    // ... a recent acme action, and a globex one as old as the first (globex keeps 3 days).
    const QString recent = submitOpsRead(kSales, QStringLiteral("allowed"));
    const QString globex = submitOpsRead(kGlobexBot, QStringLiteral("allowed"));
    QVERIFY(!recent.isEmpty() && !globex.isEmpty());
    const auto backdated
        = m_broker.sql(QStringLiteral("UPDATE actions SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
                                      "'now', '-2 days') WHERE id IN ('%1', '%2');")
                           .arg(old, globex));
    QVERIFY2(backdated.exitCode == 0, backdated.err.constData());
    const qint64 head = m_broker.auditHead();

    const auto run
        = cli({QStringLiteral("retention"), QStringLiteral("run"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.trimmed(), QByteArray("purged the content of 1 action(s)"));

    const QJsonObject page = console.request({{QStringLiteral("type"), QStringLiteral("history")},
                                              {QStringLiteral("filter"), QJsonObject()},
                                              {QStringLiteral("limit"), 500}});
    QHash<QString, QJsonObject> items;
    for (const QJsonValue &item : page.value(QStringLiteral("items")).toArray())
        items.insert(item.toObject().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(),
                     item.toObject());
    QVERIFY(items.contains(old) && items.contains(recent) && items.contains(globex));

    // The purged action: content replaced and saying so with the date; digest,
    // decision, status and metadata kept.
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString purgedText = QStringLiteral("[purged on %1 under the retention policy]").arg(today);
    const QJsonObject message = items.value(old);
    const QJsonObject purged = message.value(QStringLiteral("action")).toObject();
    QVERIFY(purged.value(QStringLiteral("arguments")).toObject().contains(QStringLiteral("x-purged")));
    QVERIFY(!purged.value(QStringLiteral("arguments")).toObject().contains(QStringLiteral("body")));
    QCOMPARE(purged.value(QStringLiteral("request")).toObject().value(QStringLiteral("text")).toString(), purgedText);
    QCOMPARE(purged.value(QStringLiteral("request")).toObject().value(QStringLiteral("user")),
             original.value(QStringLiteral("request")).toObject().value(QStringLiteral("user")));
    for (const QJsonValue &evidence : purged.value(QStringLiteral("evidence")).toArray()) {
        QCOMPARE(evidence.toObject().value(QStringLiteral("content")).toString(), purgedText);
        QVERIFY(!evidence.toObject().value(QStringLiteral("sha256")).toString().isEmpty());
    }
    for (const QJsonValue &memory : purged.value(QStringLiteral("memory")).toArray())
        QCOMPARE(memory.toObject().value(QStringLiteral("text")).toString(), purgedText);
    QCOMPARE(purged.value(QStringLiteral("tool")), original.value(QStringLiteral("tool")));
    QCOMPARE(purged.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    QCOMPARE(purged.value(QStringLiteral("decisions")).toArray().size(), 1);
    QCOMPARE(message.value(QStringLiteral("digest")).toString(), digest);
    QVERIFY(message.value(QStringLiteral("resolution")).toObject().contains(QStringLiteral("purged_at")));
    const auto status = sales.status(old);
    QCOMPARE(status.body.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    QCOMPARE(status.body.value(QStringLiteral("digest")).toString(), digest);

    // The others are untouched.
    for (const QString &id : {recent, globex}) {
        const QJsonObject kept = items.value(id).value(QStringLiteral("action")).toObject();
        QVERIFY(!kept.value(QStringLiteral("arguments")).toObject().contains(QStringLiteral("x-purged")));
        QVERIFY(!items.value(id).value(QStringLiteral("resolution")).toObject().contains(QStringLiteral("purged_at")));
    }

    // Purging is itself an audit event, and the chain still verifies.
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT json_extract(data, '$.count') || ' ' || json_extract(data, "
                                              "'$.actions[0]') FROM audit_log WHERE event = 'retention_purged' AND "
                                              "seq > %1")
                                   .arg(head)),
             QStringLiteral("1 %1").arg(old));
    const auto verified
        = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
    // A second run finds nothing more to purge.
    QCOMPARE(
        cli({QStringLiteral("retention"), QStringLiteral("run"), QStringLiteral("--config"), m_broker.configPath()})
            .out.trimmed(),
        QByteArray("purged the content of 0 action(s)"));
}

void TestOperations::sighupWithABrokenPolicyKeepsTheOldOne()
{
    const QString loaded = lastPolicyLoaded();
    QCOMPARE(loaded, QString::fromLatin1(core::Sha256::hex(kPolicyV1)));
    QVERIFY(m_broker.writePolicy(brokenPolicy()));
    const qsizetype mark = m_broker.serverLog().size();
    QVERIFY(m_broker.sendSignal(SIGHUP));
    QVERIFY2(m_broker.waitForLog("policy reload failed", mark), m_broker.serverLog().mid(mark).constData());
    QVERIFY2(m_broker.serverLog().indexOf("policy.toml:16:", mark) > 0, m_broker.serverLog().mid(mark).constData());
    // Still decided by version 1, and no new policy_loaded entry.
    QString rule;
    QVERIFY(!submitOpsRead(kSales, QStringLiteral("allowed"), &rule).isEmpty());
    QCOMPARE(rule, QStringLiteral("allow-ops-read"));
    QCOMPARE(lastPolicyLoaded(), loaded);
    QVERIFY(m_broker.isRunning());
}

void TestOperations::sighupWithAFixedPolicyLoadsTheNewOne()
{
    QVERIFY(m_broker.writePolicy(kPolicyV2));
    const qsizetype mark = m_broker.serverLog().size();
    QVERIFY(m_broker.sendSignal(SIGHUP));
    QVERIFY2(m_broker.waitForLog("policy reloaded", mark), m_broker.serverLog().mid(mark).constData());
    QString rule;
    QVERIFY(!submitOpsRead(kSales, QStringLiteral("denied"), &rule).isEmpty());
    QCOMPARE(rule, QStringLiteral("deny-ops-read"));
    QCOMPARE(lastPolicyLoaded(), QString::fromLatin1(core::Sha256::hex(kPolicyV2)));
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT json_extract(data, '$.reload') FROM audit_log WHERE event = "
                                              "'policy_loaded' ORDER BY seq DESC LIMIT 1")),
             QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestOperations)
#include "TestOperations.moc"
