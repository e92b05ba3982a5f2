#include "core/ActionDigest.h"
#include "core/AuditEntry.h"
#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"
#include "core/Sha256.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kAcme = QStringLiteral("acme");
const QString kGlobex = QStringLiteral("globex");
const QString kAlpha = QStringLiteral("agent:alpha"); // acme
const QString kBeta = QStringLiteral("agent:beta"); // acme
const QString kGamma = QStringLiteral("agent:gamma"); // globex
const QString kUser1 = QStringLiteral("u1@acme.example");
const QString kUser2 = QStringLiteral("u2@acme.example");

const QByteArray kPolicy = countersign::testing::TestActions::holdingPolicy();

} // namespace

// Kill switches over the real console WebSocket with real on-call signatures:
// enforced at once on pending actions, new submissions and agent tokens, pushed
// to every console, kept across a restart, and released by a second order.
class TestKillSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void engagingStopsExactlyItsScope_data();
    void engagingStopsExactlyItsScope();
    void drillListsExactlyWhatEngageKills_data() { engagingStopsExactlyItsScope_data(); }
    void drillListsExactlyWhatEngageKills();
    void drillNeedsTheOncallRoleAndANewNonce();
    void switchesCountWhatTheyRefuse();
    void killSwitchesRequestListsActiveAndHistory();
    void toolSwitchIgnoresCase();
    void longPollOnAKilledActionReturns();
    void nonOncallKeyIsRefused();
    void oncallIsLimitedToItsTenants();
    void replayedOrderIsReplay();
    void engagingTwiceIsAlreadyEngaged();
    void releasingAnUnengagedSwitchIsNotEngaged();
    void everyConsoleIsTold();
    void killingManyPushesBatchesThatVerify();
    void killingManyPushesCompactResolvedFramesAfterTheAnswer();
    void resumingAfterAKillReplaysItCompactlyWithoutGaps();
    void stateSurvivesARestart();

private:
    void connectConsoles();
    AgentClient agent(const QString &agentId)
    {
        return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_tokens.value(agentId));
    }
    static QString tenantOf(const QString &agentId) { return agentId == kGamma ? kGlobex : kAcme; }
    static QByteArray body(const QString &agentId, const QString &tool, const QString &user)
    {
        return TestActions::bytes(TestActions::action(tenantOf(agentId), agentId, tool, user));
    }
    // Submits and expects the action to be held; returns its id.
    QString submitPending(const QString &agentId, const QString &tool, const QString &user = kUser1);
    QJsonObject order(const BrokerFixture::Approver &by, ConsoleClient &console, const QString &operation,
                      const QString &scope, const QString &target);
    QString storedStatus(const QString &id) const;
    QString activeSwitches(const QString &scope, const QString &target) const;
    QString auditedRejection(const QByteArray &jws) const;
    static QStringList idsOf(const QJsonArray &items);
    // The items of every `resolved` frame in `console` from message `from` on, in arrival order.
    static QList<QJsonObject> resolvedItems(const ConsoleClient &console, qsizetype from);
    // Recomputes every `resolved` audit entry of `ids` the generic way (core::AuditEntry).
    void checkResolvedEntriesAreGeneric(const QStringList &ids);

    BrokerFixture m_broker;
    QHash<QString, QString> m_tokens;
    BrokerFixture::Approver m_oncall, m_acmeOncall, m_approver, m_globexApprover;
    std::unique_ptr<ConsoleClient> m_oncallConsole; // logged in as m_oncall
    std::unique_ptr<ConsoleClient> m_watcher; // m_approver, subscribed
    int m_counter = 0;
};

void TestKillSwitch::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    // Many sessions log in from 127.0.0.1 here; the login rate limit is tested elsewhere.
    QVERIFY(m_broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("login_attempts_per_minute"),
                                    QStringLiteral("1000")));
    QVERIFY(m_broker.writePolicy(kPolicy));
    for (const QString &agentId : {kAlpha, kBeta, kGamma}) {
        m_tokens.insert(agentId, m_broker.createToken(tenantOf(agentId), agentId, {QStringLiteral("ks.*")}));
        QVERIFY(m_tokens.value(agentId).startsWith(QStringLiteral("cst_")));
    }
    m_oncall = m_broker.enrolApprover(QStringLiteral("Otto"), {QStringLiteral("oncall")}, {QStringLiteral("*")});
    m_acmeOncall = m_broker.enrolApprover(QStringLiteral("Olga"), {QStringLiteral("oncall")}, {kAcme});
    m_approver = m_broker.enrolApprover(QStringLiteral("Ari"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    m_globexApprover = m_broker.enrolApprover(QStringLiteral("Gil"), {QStringLiteral("approver")}, {kGlobex});
    for (const auto *a : {&m_oncall, &m_acmeOncall, &m_approver, &m_globexApprover})
        QVERIFY2(!a->keyId.isEmpty(), qPrintable(a->name));
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    connectConsoles();
}

void TestKillSwitch::connectConsoles()
{
    m_oncallConsole = std::make_unique<ConsoleClient>(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(m_oncallConsole->login(*m_oncall.key));
    m_watcher = std::make_unique<ConsoleClient>(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(m_watcher->login(*m_approver.key));
    m_watcher->subscribe(0);
}

QString TestKillSwitch::submitPending(const QString &agentId, const QString &tool, const QString &user)
{
    const auto reply = agent(agentId).submit(body(agentId, tool, user), QStringLiteral("ks-%1").arg(++m_counter));
    if (reply.status != 202)
        qWarning() << "not held:" << reply.status << reply.raw;
    return reply.status == 202 ? reply.body.value(QStringLiteral("id")).toString() : QString();
}

QJsonObject TestKillSwitch::order(const BrokerFixture::Approver &by, ConsoleClient &console, const QString &operation,
                                  const QString &scope, const QString &target)
{
    return console.killSwitch(
        ConsoleClient::signKillSwitch(*by.key, operation, scope, target, QStringLiteral("test %1").arg(++m_counter)));
}

QString TestKillSwitch::storedStatus(const QString &id) const
{
    return m_broker.sqlValue(QStringLiteral("SELECT status FROM actions WHERE id = '%1'").arg(id));
}

QString TestKillSwitch::activeSwitches(const QString &scope, const QString &target) const
{
    return m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches WHERE scope = '%1' AND target = '%2' "
                                            "AND released_at IS NULL")
                                 .arg(scope, target));
}

QString TestKillSwitch::auditedRejection(const QByteArray &jws) const
{
    const QString hash
        = QStringLiteral("sha256:") + QString::fromLatin1(core::Base64Url::encode(core::Sha256::hash(jws)));
    return m_broker.sqlValue(QStringLiteral("SELECT group_concat(json_extract(data, '$.code')) FROM audit_log "
                                            "WHERE event = 'killswitch_rejected' "
                                            "AND json_extract(data, '$.statement_sha256') = '%1'")
                                 .arg(hash));
}

void TestKillSwitch::engagingStopsExactlyItsScope_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("inside"); // agent, tool, user of an action the switch stops
    QTest::addColumn<QStringList>("outside"); // ... and of one it leaves alone (empty: none)
    QTest::addColumn<bool>("stopsTheToken"); // the inside agent's token stops working
    QTest::newRow("tenant") << QStringLiteral("tenant") << kAcme
                            << QStringList {kAlpha, QStringLiteral("ks.write"), kUser1}
                            << QStringList {kGamma, QStringLiteral("ks.write"), QStringLiteral("u1@globex.example")}
                            << true;
    QTest::newRow("user") << QStringLiteral("user") << kUser1
                          << QStringList {kAlpha, QStringLiteral("ks.write"), kUser1}
                          << QStringList {kAlpha, QStringLiteral("ks.write"), kUser2} << false;
    QTest::newRow("agent") << QStringLiteral("agent") << kAlpha
                           << QStringList {kAlpha, QStringLiteral("ks.write"), kUser1}
                           << QStringList {kBeta, QStringLiteral("ks.write"), kUser1} << true;
    QTest::newRow("tool") << QStringLiteral("tool") << QStringLiteral("ks.danger")
                          << QStringList {kAlpha, QStringLiteral("ks.danger"), kUser1}
                          << QStringList {kAlpha, QStringLiteral("ks.write"), kUser1} << false;
    QTest::newRow("global") << QStringLiteral("global") << QString()
                            << QStringList {kGamma, QStringLiteral("ks.write"), kUser1} << QStringList() << true;
}

void TestKillSwitch::engagingStopsExactlyItsScope()
{
    QFETCH(QString, scope);
    QFETCH(QString, target);
    QFETCH(QStringList, inside);
    QFETCH(QStringList, outside);
    QFETCH(bool, stopsTheToken);
    const QString in = submitPending(inside.at(0), inside.at(1), inside.at(2));
    const QString out = outside.isEmpty() ? QString() : submitPending(outside.at(0), outside.at(1), outside.at(2));
    QVERIFY(!in.isEmpty() && (outside.isEmpty() || !out.isEmpty()));
    const qsizetype mark = m_watcher->messages().size();

    const QJsonObject engaged = order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), scope, target);
    QVERIFY2(engaged.value(QStringLiteral("accepted")).toBool(),
             qPrintable(engaged.value(QStringLiteral("message")).toString()));
    QVERIFY(engaged.value(QStringLiteral("killed_count")).toInt() >= 1);

    // Pending actions in scope are killed; the one outside is untouched.
    QCOMPARE(storedStatus(in), QStringLiteral("killed"));
    const auto inRead = agent(inside.at(0)).status(in);
    if (stopsTheToken) {
        QCOMPARE(inRead.status, 403);
        QCOMPARE(inRead.body.value(QStringLiteral("error")).toString(), QStringLiteral("killed"));
    } else {
        QCOMPARE(inRead.status, 200);
        QCOMPARE(inRead.body.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
    }
    if (!out.isEmpty()) {
        const auto outRead = agent(outside.at(0)).status(out);
        QCOMPARE(outRead.status, 200);
        QCOMPARE(outRead.body.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    }
    // New submissions in scope are refused; outside they are still taken.
    const auto refused
        = agent(inside.at(0))
              .submit(body(inside.at(0), inside.at(1), inside.at(2)), QStringLiteral("ks-%1").arg(++m_counter));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.body.value(QStringLiteral("error")).toString(), QStringLiteral("killed"));
    if (!outside.isEmpty())
        QVERIFY(!submitPending(outside.at(0), outside.at(1), outside.at(2)).isEmpty());
    // The console was told about both the switch and the killed action.
    const QJsonObject pushed = m_watcher->waitFor(QStringLiteral("killswitch"), mark, 10000);
    QCOMPARE(pushed.value(QStringLiteral("operation")).toString(), QStringLiteral("engage"));
    QCOMPARE(pushed.value(QStringLiteral("scope")).toString(), scope);
    QCOMPARE(pushed.value(QStringLiteral("target")).toString(), target);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (qsizetype i = mark; i < m_watcher->messages().size(); ++i) {
                const QJsonObject action = m_watcher->messages().at(i).value(QStringLiteral("action")).toObject();
                if (action.value(QStringLiteral("id")).toString() == in
                    && action.value(QStringLiteral("status")).toString() == QStringLiteral("killed"))
                    return true;
            }
            return false;
        }(),
        10000);

    // Release restores service (but a killed action stays killed: resolution is final).
    const QJsonObject released = order(m_oncall, *m_oncallConsole, QStringLiteral("release"), scope, target);
    QVERIFY2(released.value(QStringLiteral("accepted")).toBool(),
             qPrintable(released.value(QStringLiteral("message")).toString()));
    QCOMPARE(activeSwitches(scope, target), QStringLiteral("0"));
    QVERIFY(!submitPending(inside.at(0), inside.at(1), inside.at(2)).isEmpty());
    const auto after = agent(inside.at(0)).status(in);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
}

// The kill path resolves in bulk and pushes the killed actions as batch frames
// (spliced text, not re-serialised objects): every pushed action must still
// carry its own digest, consecutive change seqs, and the audit chain must verify.
void TestKillSwitch::killingManyPushesBatchesThatVerify()
{
    const QString user = QStringLiteral("bulk@acme.example");
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(submitPending(kAlpha, QStringLiteral("ks.write"), user));
    QVERIFY(!ids.contains(QString()));
    const qsizetype mark = m_watcher->messages().size();
    const int framesBefore = m_watcher->batchFrames();
    const QJsonObject engaged
        = order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("user"), user);
    QVERIFY2(engaged.value(QStringLiteral("accepted")).toBool(),
             qPrintable(engaged.value(QStringLiteral("message")).toString()));
    QCOMPARE(engaged.value(QStringLiteral("killed_count")).toInt(), 5);
    QHash<QString, QJsonObject> pushed;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (qsizetype i = mark; i < m_watcher->messages().size(); ++i) {
                const QJsonObject message = m_watcher->messages().at(i);
                const QString id
                    = message.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString();
                if (ids.contains(id))
                    pushed.insert(id, message);
            }
            return pushed.size() == ids.size();
        }(),
        10000);
    QCOMPARE(m_watcher->batchFrames(), framesBefore + 1);
    QList<qint64> seqs;
    for (const QString &id : std::as_const(ids)) {
        const QJsonObject message = pushed.value(id);
        const QJsonObject action = message.value(QStringLiteral("action")).toObject();
        QCOMPARE(action.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
        QCOMPARE(message.value(QStringLiteral("digest")).toString(), core::ActionDigest::compute(action));
        QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT digest FROM actions WHERE id = '%1'").arg(id)),
                 core::ActionDigest::compute(action));
        QCOMPARE(action.value(QStringLiteral("seq")).toInteger(), message.value(QStringLiteral("seq")).toInteger());
        QCOMPARE(message.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("killed"));
        seqs.append(message.value(QStringLiteral("seq")).toInteger());
    }
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
    const auto verified = m_broker.cli(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE event = 'resolved' AND "
                                              "json_extract(data, '$.by') = 'killswitch' AND action_id IN ('%1')")
                                   .arg(ids.join(QStringLiteral("','")))),
             QStringLiteral("5"));
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("user"), user)
                .value(QStringLiteral("accepted"))
                .toBool());
}

QList<QJsonObject> TestKillSwitch::resolvedItems(const ConsoleClient &console, qsizetype from)
{
    QList<QJsonObject> items;
    for (qsizetype i = from; i < console.messages().size(); ++i) {
        const QJsonObject message = console.messages().at(i);
        if (message.value(QStringLiteral("type")).toString() != QStringLiteral("resolved"))
            continue;
        for (const QJsonValue &item : message.value(QStringLiteral("items")).toArray())
            items.append(item.toObject());
    }
    return items;
}

void TestKillSwitch::checkResolvedEntriesAreGeneric(const QStringList &ids)
{
    // The bulk path writes each entry's canonical text directly; the stored
    // data text and the hash must be exactly what core::AuditEntry makes of the
    // same entry (the chain verifier recomputes them that way too).
    const QString rows = m_broker.sqlValue(
        QStringLiteral("SELECT json_group_array(json_object('seq', seq, 'at', at, 'event', event, 'action_id', "
                       "action_id, 'data', data, 'prev_hash', prev_hash, 'hash', hash)) FROM (SELECT * FROM audit_log "
                       "WHERE event = 'resolved' AND action_id IN ('%1') ORDER BY seq)")
            .arg(ids.join(QStringLiteral("','"))));
    const QJsonArray entries = QJsonDocument::fromJson(rows.toUtf8()).array();
    QCOMPARE(entries.size(), ids.size());
    qint64 previousSeq = 0;
    for (const QJsonValue &value : entries) {
        const QJsonObject row = value.toObject();
        core::AuditEntry entry;
        entry.seq = row.value(QStringLiteral("seq")).toInteger();
        entry.at = core::JsonReader::parseTimestamp(row.value(QStringLiteral("at")).toString());
        entry.event = row.value(QStringLiteral("event")).toString();
        entry.actionId = row.value(QStringLiteral("action_id")).toString();
        const QByteArray dataText = row.value(QStringLiteral("data")).toString().toUtf8();
        const auto data = core::JsonParser::parseObject(dataText);
        QVERIFY(data.ok());
        entry.data = data.value->toObject();
        entry.prevHash = row.value(QStringLiteral("prev_hash")).toString();
        QCOMPARE(core::CanonicalJson::serializeOrEmpty(entry.data), dataText);
        QCOMPARE(entry.data.value(QStringLiteral("by")).toString(), QStringLiteral("killswitch"));
        QCOMPARE(entry.data.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
        QCOMPARE(core::JsonReader::formatTimestamp(entry.at), row.value(QStringLiteral("at")).toString());
        QCOMPARE(entry.computeHash(), row.value(QStringLiteral("hash")).toString());
        // One entry per killed action, one after the other in the chain.
        if (previousSeq > 0)
            QCOMPARE(entry.seq, previousSeq + 1);
        previousSeq = entry.seq;
    }
}

// Protocol 2: a kill reaches a console as compact `resolved` frames (id, seq,
// status, resolved_at) with every killed id at consecutive seqs, after the
// order's answer; the audit log still holds one generic `resolved` entry each.
void TestKillSwitch::killingManyPushesCompactResolvedFramesAfterTheAnswer()
{
    ConsoleClient compact(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(compact.login(*m_approver.key));
    compact.subscribe(0, 15000, 2);
    ConsoleClient oncall(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(oncall.login(*m_oncall.key));
    oncall.subscribe(0, 15000, 2);
    const QString user = QStringLiteral("compact@acme.example");
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids.append(submitPending(i % 2 ? kAlpha : kBeta, QStringLiteral("ks.write"), user));
    QVERIFY(!ids.contains(QString()));
    const QString outside = submitPending(kAlpha, QStringLiteral("ks.write"), kUser2);
    QVERIFY(!outside.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int seen = 0;
            for (const QJsonObject &m : compact.messages())
                seen += ids.contains(
                    m.value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString());
            return seen == ids.size();
        }(),
        10000);
    const qsizetype mark = compact.messages().size();
    const qsizetype oncallMark = oncall.messages().size();
    const int legacyFrames = m_watcher->batchFrames();
    const qsizetype legacyMark = m_watcher->messages().size();

    const QJsonObject engaged = oncall.killSwitch(ConsoleClient::signKillSwitch(
        *m_oncall.key, QStringLiteral("engage"), QStringLiteral("user"), user, QStringLiteral("compact")));
    QVERIFY2(engaged.value(QStringLiteral("accepted")).toBool(),
             qPrintable(engaged.value(QStringLiteral("message")).toString()));
    QCOMPARE(engaged.value(QStringLiteral("killed_count")).toInt(), ids.size());

    QTRY_COMPARE_WITH_TIMEOUT(resolvedItems(compact, mark).size(), ids.size(), 10000);
    const QList<QJsonObject> items = resolvedItems(compact, mark);
    QCOMPARE(compact.resolvedFrames(), 1);
    QStringList pushedIds;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i);
        const QString id = item.value(QStringLiteral("id")).toString();
        pushedIds.append(id);
        QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
        QVERIFY(core::JsonReader::parseTimestamp(item.value(QStringLiteral("resolved_at")).toString()).isValid());
        QCOMPARE(QString::number(item.value(QStringLiteral("seq")).toInteger()),
                 m_broker.sqlValue(QStringLiteral("SELECT seq FROM actions WHERE id = '%1'").arg(id)));
        if (i > 0)
            QCOMPARE(item.value(QStringLiteral("seq")).toInteger(),
                     items.at(i - 1).value(QStringLiteral("seq")).toInteger() + 1);
    }
    // Submission order is seq order: the items are the killed ids in that order.
    QCOMPARE(pushedIds, ids);
    QVERIFY(!pushedIds.contains(outside));
    // No full action message of the killed ones went to the compact console.
    for (qsizetype i = mark; i < compact.messages().size(); ++i)
        QVERIFY(!ids.contains(compact.messages()
                                  .at(i)
                                  .value(QStringLiteral("action"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString()));
    // A protocol 1 console still gets full action messages in one batch frame.
    QTRY_COMPARE_WITH_TIMEOUT(m_watcher->batchFrames(), legacyFrames + 1, 10000);
    QStringList legacyIds;
    for (qsizetype i = legacyMark; i < m_watcher->messages().size(); ++i) {
        const QJsonObject action = m_watcher->messages().at(i).value(QStringLiteral("action")).toObject();
        if (action.value(QStringLiteral("status")).toString() == QStringLiteral("killed"))
            legacyIds.append(action.value(QStringLiteral("id")).toString());
    }
    QCOMPARE(legacyIds, ids);

    // The answer went out before the pushes on the ordering console's own socket.
    QTRY_COMPARE_WITH_TIMEOUT(resolvedItems(oncall, oncallMark).size(), ids.size(), 10000);
    qsizetype answerAt = -1, firstPushAt = -1;
    for (qsizetype i = oncallMark; i < oncall.messages().size(); ++i) {
        const QString type = oncall.messages().at(i).value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("killswitch_result") && answerAt < 0)
            answerAt = i;
        if ((type == QStringLiteral("resolved") || type == QStringLiteral("killswitch")) && firstPushAt < 0)
            firstPushAt = i;
    }
    QVERIFY(answerAt >= 0 && firstPushAt >= 0);
    QVERIFY2(answerAt < firstPushAt, "killswitch_result before the pushes");

    const auto verified = m_broker.cli(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_broker.configPath()});
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
    checkResolvedEntriesAreGeneric(ids);
    QVERIFY(order(m_oncall, oncall, QStringLiteral("release"), QStringLiteral("user"), user)
                .value(QStringLiteral("accepted"))
                .toBool());
}

// A protocol 2 console away during a kill resumes from its cursor: every
// killed id once, as compact items at consecutive seqs, then `synced`; a
// second resume from the new head repeats nothing.
void TestKillSwitch::resumingAfterAKillReplaysItCompactlyWithoutGaps()
{
    const QString user = QStringLiteral("away@acme.example");
    QStringList ids;
    for (int i = 0; i < 6; ++i)
        ids.append(submitPending(kAlpha, QStringLiteral("ks.write"), user));
    QVERIFY(!ids.contains(QString()));
    const QString stillPending = submitPending(kBeta, QStringLiteral("ks.write"), kUser2);
    QVERIFY(!stillPending.isEmpty());
    qint64 cursor = 0;
    {
        ConsoleClient before(m_broker.consoleUrl(), m_broker.clientTls());
        QVERIFY(before.login(*m_approver.key));
        before.subscribe(0, 15000, 2);
        cursor = before.waitFor(QStringLiteral("synced"), 0).value(QStringLiteral("head")).toInteger();
        QVERIFY(cursor > 0);
        before.close();
    }
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("user"), user)
                .value(QStringLiteral("accepted"))
                .toBool());
    // A change after the kill: still delivered in seq order after it.
    const QString later = submitPending(kBeta, QStringLiteral("ks.write"), kUser2);
    QVERIFY(!later.isEmpty());

    ConsoleClient resumed(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(resumed.login(*m_approver.key));
    const QList<QJsonObject> actions = resumed.subscribe(cursor, 15000, 2);
    const QJsonObject synced = resumed.waitFor(QStringLiteral("synced"), 0);
    const QList<QJsonObject> items = resolvedItems(resumed, 0);
    QStringList replayed;
    qint64 last = cursor;
    for (const QJsonObject &item : items) {
        replayed.append(item.value(QStringLiteral("id")).toString());
        QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
        QVERIFY(item.value(QStringLiteral("seq")).toInteger() > last);
        if (last > cursor)
            QCOMPARE(item.value(QStringLiteral("seq")).toInteger(), last + 1);
        last = item.value(QStringLiteral("seq")).toInteger();
    }
    QCOMPARE(replayed, ids);
    // The later pending action is a full message, after the killed ones.
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.first().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")).toString(), later);
    QVERIFY(actions.first().value(QStringLiteral("seq")).toInteger() > last);
    qsizetype resolvedAt = -1, actionAt = -1;
    for (qsizetype i = 0; i < resumed.messages().size(); ++i) {
        const QString type = resumed.messages().at(i).value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("resolved") && resolvedAt < 0)
            resolvedAt = i;
        if (type == QStringLiteral("action") && actionAt < 0)
            actionAt = i;
    }
    QVERIFY(resolvedAt >= 0 && resolvedAt < actionAt);
    const qint64 head = synced.value(QStringLiteral("head")).toInteger();
    QCOMPARE(head, actions.first().value(QStringLiteral("seq")).toInteger());
    // Resuming again from the head: nothing is repeated.
    ConsoleClient again(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(again.login(*m_approver.key));
    QVERIFY(again.subscribe(head, 15000, 2).isEmpty());
    QVERIFY(resolvedItems(again, 0).isEmpty());
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("user"), user)
                .value(QStringLiteral("accepted"))
                .toBool());
}

QStringList TestKillSwitch::idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &v : items)
        ids.append(v.toObject().value(QStringLiteral("id")).toString());
    ids.sort();
    return ids;
}

void TestKillSwitch::drillListsExactlyWhatEngageKills()
{
    QFETCH(QString, scope);
    QFETCH(QString, target);
    QFETCH(QStringList, inside);
    QFETCH(QStringList, outside);
    QFETCH(bool, stopsTheToken);
    const QString in = submitPending(inside.at(0), inside.at(1), inside.at(2));
    const QString out = outside.isEmpty() ? QString() : submitPending(outside.at(0), outside.at(1), outside.at(2));
    QVERIFY(!in.isEmpty() && (outside.isEmpty() || !out.isEmpty()));
    const QString switchesBefore = m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches"));
    const QString pendingBefore
        = m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending'"));

    const QJsonObject drill = order(m_oncall, *m_oncallConsole, QStringLiteral("drill"), scope, target);
    QVERIFY2(drill.value(QStringLiteral("accepted")).toBool(),
             qPrintable(drill.value(QStringLiteral("message")).toString()));
    QCOMPARE(drill.value(QStringLiteral("drill")).toBool(), true);
    const QStringList wouldKill = idsOf(drill.value(QStringLiteral("would_kill")).toArray());
    QVERIFY(wouldKill.contains(in));
    QVERIFY(out.isEmpty() || !wouldKill.contains(out));
    QCOMPARE(drill.value(QStringLiteral("count")).toInt(), wouldKill.size());
    for (const QJsonValue &v : drill.value(QStringLiteral("would_kill")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("id")).toString() == in) {
            QCOMPARE(a.value(QStringLiteral("agent")).toString(), inside.at(0));
            QCOMPARE(a.value(QStringLiteral("tool")).toString(), inside.at(1));
            QCOMPARE(a.value(QStringLiteral("user")).toString(), inside.at(2));
            QCOMPARE(a.value(QStringLiteral("tenant")).toString(), tenantOf(inside.at(0)));
            QVERIFY(!a.value(QStringLiteral("expires_at")).toString().isEmpty());
        }
    }
    QVERIFY(drill.value(QStringLiteral("agents")).toArray().contains(inside.at(0)));
    // Tokens: exactly those authenticate() would block (scopes tenant, agent, global).
    bool tokenListed = false;
    for (const QJsonValue &v : drill.value(QStringLiteral("tokens")).toArray())
        tokenListed = tokenListed || v.toObject().value(QStringLiteral("agent")).toString() == inside.at(0);
    QCOMPARE(tokenListed, stopsTheToken);

    // Nothing changed: no switch, nothing killed, the agent is still served.
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches")), switchesBefore);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM actions WHERE status = 'pending'")), pendingBefore);
    QCOMPARE(storedStatus(in), QStringLiteral("pending"));
    const QString stillTaken = submitPending(inside.at(0), inside.at(1), inside.at(2));
    QVERIFY(!stillTaken.isEmpty());
    QCOMPARE(m_broker.sqlValue(
                 QStringLiteral("SELECT json_extract(data, '$.would_kill_count') || ',' || "
                                "json_extract(data, '$.scope') FROM audit_log WHERE event = 'killswitch_drill' "
                                "ORDER BY seq DESC LIMIT 1")),
             QStringLiteral("%1,%2").arg(wouldKill.size()).arg(scope));

    // Engage: it kills exactly what the drill listed (plus the action taken since).
    const QJsonObject engaged = order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), scope, target);
    QVERIFY2(engaged.value(QStringLiteral("accepted")).toBool(),
             qPrintable(engaged.value(QStringLiteral("message")).toString()));
    const qint64 switchId = engaged.value(QStringLiteral("killswitch_id")).toInteger();
    QStringList killed = m_broker
                             .sqlValue(QStringLiteral("SELECT action_id FROM audit_log WHERE event = 'resolved' "
                                                      "AND json_extract(data, '$.killswitch') = %1")
                                           .arg(switchId))
                             .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList expected = wouldKill;
    expected.append(stillTaken);
    expected.sort();
    killed.sort();
    QCOMPARE(killed, expected);
    QCOMPARE(engaged.value(QStringLiteral("killed_count")).toInt(), expected.size());
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), scope, target)
                .value(QStringLiteral("accepted"))
                .toBool());
}

void TestKillSwitch::drillNeedsTheOncallRoleAndANewNonce()
{
    ConsoleClient approverConsole(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(approverConsole.login(*m_approver.key));
    const QByteArray byApprover = ConsoleClient::signKillSwitch(*m_approver.key, QStringLiteral("drill"),
                                                                QStringLiteral("agent"), kAlpha, QStringLiteral("x"));
    const QJsonObject refused = approverConsole.killSwitch(byApprover);
    QCOMPARE(refused.value(QStringLiteral("accepted")).toBool(), false);
    QCOMPARE(refused.value(QStringLiteral("code")).toString(), QStringLiteral("role_not_allowed"));
    QCOMPARE(auditedRejection(byApprover), QStringLiteral("role_not_allowed"));
    // A tenant-limited on-call key may not drill another tenant.
    ConsoleClient olga(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(olga.login(*m_acmeOncall.key));
    QCOMPARE(order(m_acmeOncall, olga, QStringLiteral("drill"), QStringLiteral("tenant"), kGlobex)
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("tenant_not_allowed"));
    const QByteArray jws = ConsoleClient::signKillSwitch(*m_oncall.key, QStringLiteral("drill"),
                                                         QStringLiteral("agent"), kAlpha, QStringLiteral("once"));
    QVERIFY(m_oncallConsole->killSwitch(jws).value(QStringLiteral("accepted")).toBool());
    const QJsonObject replay = m_oncallConsole->killSwitch(jws);
    QCOMPARE(replay.value(QStringLiteral("code")).toString(), QStringLiteral("replay"));
}

void TestKillSwitch::switchesCountWhatTheyRefuse()
{
    const QString pending = submitPending(kBeta, QStringLiteral("ks.write"));
    QVERIFY(!pending.isEmpty());
    // A tool switch: the token still works, the submission is refused in submit().
    QJsonObject engaged = order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("tool"),
                                QStringLiteral("ks.write"));
    QVERIFY(engaged.value(QStringLiteral("accepted")).toBool());
    QCOMPARE(engaged.value(QStringLiteral("refused_count")).toInt(), 0);
    QVERIFY(engaged.value(QStringLiteral("agents")).toArray().contains(kBeta));
    const qint64 toolSwitch = engaged.value(QStringLiteral("killswitch_id")).toInteger();
    QCOMPARE(agent(kAlpha).submit(body(kAlpha, QStringLiteral("ks.write"), kUser1), QStringLiteral("r1")).status, 403);
    QCOMPARE(agent(kGamma).submit(body(kGamma, QStringLiteral("ks.write"), kUser1), QStringLiteral("r2")).status, 403);
    // An agent switch: the token itself is stopped; still counted.
    engaged = order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("agent"), kBeta);
    QVERIFY(engaged.value(QStringLiteral("accepted")).toBool());
    const qint64 agentSwitch = engaged.value(QStringLiteral("killswitch_id")).toInteger();
    QCOMPARE(agent(kBeta).submit(body(kBeta, QStringLiteral("ks.other"), kUser1), QStringLiteral("r3")).status, 403);

    const QJsonObject list = m_oncallConsole->request({{QStringLiteral("type"), QStringLiteral("killswitches")}});
    QHash<qint64, QJsonObject> byId;
    for (const QJsonValue &v : list.value(QStringLiteral("active")).toArray())
        byId.insert(v.toObject().value(QStringLiteral("id")).toInteger(), v.toObject());
    QCOMPARE(byId.value(toolSwitch).value(QStringLiteral("refused_count")).toInt(), 2);
    QStringList toolAgents;
    for (const QJsonValue &a : byId.value(toolSwitch).value(QStringLiteral("agents")).toArray())
        toolAgents.append(a.toString());
    toolAgents.sort();
    QCOMPARE(toolAgents, (QStringList {kAlpha, kBeta, kGamma}));
    QCOMPARE(byId.value(agentSwitch).value(QStringLiteral("refused_count")).toInt(), 1);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE event = 'submission_refused' "
                                              "AND json_extract(data, '$.code') = 'killed' "
                                              "AND json_extract(data, '$.killswitch') IN (%1, %2)")
                                   .arg(toolSwitch)
                                   .arg(agentSwitch)),
             QStringLiteral("3"));
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("agent"), kBeta)
                .value(QStringLiteral("accepted"))
                .toBool());
    QVERIFY(
        order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("tool"), QStringLiteral("ks.write"))
            .value(QStringLiteral("accepted"))
            .toBool());
}

void TestKillSwitch::killSwitchesRequestListsActiveAndHistory()
{
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("user"), kUser2)
                .value(QStringLiteral("accepted"))
                .toBool());
    // Any logged-in principal may read it (here: an approver).
    const QJsonObject list = m_watcher->request({{QStringLiteral("type"), QStringLiteral("killswitches")}});
    QCOMPARE(list.value(QStringLiteral("type")).toString(), QStringLiteral("killswitches"));
    const QJsonArray active = list.value(QStringLiteral("active")).toArray();
    QCOMPARE(active.size(), 1);
    QCOMPARE(active.first().toObject().value(QStringLiteral("target")).toString(), kUser2);
    const QJsonArray history = list.value(QStringLiteral("history")).toArray();
    QVERIFY(history.size() > 1);
    QCOMPARE(history.first().toObject().value(QStringLiteral("target")).toString(), kUser2); // newest first
    for (qsizetype i = 1; i < history.size(); ++i) {
        const QJsonObject k = history.at(i).toObject();
        QVERIFY(k.value(QStringLiteral("id")).toInteger()
                < history.at(i - 1).toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(k.value(QStringLiteral("active")).toBool(), false);
        QVERIFY(!k.value(QStringLiteral("released_by")).toString().isEmpty());
        QVERIFY(k.contains(QStringLiteral("refused_count")) && k.contains(QStringLiteral("killed_count")));
    }
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("user"), kUser2)
                .value(QStringLiteral("accepted"))
                .toBool());
}

void TestKillSwitch::toolSwitchIgnoresCase()
{
    // The token's glob ks.* lets the agent call ks.DANGER; the switch on ks.danger stops it all the same.
    QVERIFY(
        order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("tool"), QStringLiteral("ks.danger"))
            .value(QStringLiteral("accepted"))
            .toBool());
    const auto refused
        = agent(kAlpha).submit(body(kAlpha, QStringLiteral("ks.DANGER"), kUser1), QStringLiteral("ks-case"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.body.value(QStringLiteral("error")).toString(), QStringLiteral("killed"));
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("tool"),
                  QStringLiteral("ks.danger"))
                .value(QStringLiteral("accepted"))
                .toBool());
}

void TestKillSwitch::longPollOnAKilledActionReturns()
{
    for (const auto &[scope, target, agentId, tool, status] :
         {std::tuple {QStringLiteral("tool"), QStringLiteral("ks.poll"), kAlpha, QStringLiteral("ks.poll"), 200},
          std::tuple {QStringLiteral("agent"), kBeta, kBeta, QStringLiteral("ks.write"), 403}}) {
        const QString id = submitPending(agentId, tool);
        QVERIFY(!id.isEmpty());
        AgentClient client = agent(agentId);
        QNetworkReply *poll = client.startStatus(id, 55);
        QSignalSpy finished(poll, &QNetworkReply::finished);
        QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), scope, target)
                    .value(QStringLiteral("accepted"))
                    .toBool());
        // Answered on the kill, not at the 55 s timeout.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const auto answer = AgentClient::finish(poll);
        QCOMPARE(answer.status, status);
        QCOMPARE(status == 200 ? answer.body.value(QStringLiteral("status")).toString()
                               : answer.body.value(QStringLiteral("error")).toString(),
                 QStringLiteral("killed"));
        QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), scope, target)
                    .value(QStringLiteral("accepted"))
                    .toBool());
    }
}

void TestKillSwitch::nonOncallKeyIsRefused()
{
    ConsoleClient approver(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(approver.login(*m_approver.key));
    const QByteArray jws = ConsoleClient::signKillSwitch(*m_approver.key, QStringLiteral("engage"),
                                                         QStringLiteral("agent"), kAlpha, QStringLiteral("not mine"));
    const QJsonObject reply = approver.killSwitch(jws);
    QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("killswitch_result"));
    QCOMPARE(reply.value(QStringLiteral("accepted")).toBool(true), false);
    QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("role_not_allowed"));
    QCOMPARE(auditedRejection(jws), QStringLiteral("role_not_allowed"));
    QCOMPARE(activeSwitches(QStringLiteral("agent"), kAlpha), QStringLiteral("0"));
    QVERIFY(!submitPending(kAlpha, QStringLiteral("ks.write")).isEmpty());
}

void TestKillSwitch::oncallIsLimitedToItsTenants()
{
    ConsoleClient olga(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(olga.login(*m_acmeOncall.key));
    // Agent, user and tool switches reach every tenant, so they need a key for every tenant.
    for (const auto &[scope, target] : {std::pair {QStringLiteral("tenant"), kGlobex},
                                        {QStringLiteral("global"), QString()},
                                        {QStringLiteral("agent"), kAlpha},
                                        {QStringLiteral("user"), kUser1},
                                        {QStringLiteral("tool"), QStringLiteral("ks.write")}}) {
        const QByteArray jws = ConsoleClient::signKillSwitch(*m_acmeOncall.key, QStringLiteral("engage"), scope, target,
                                                             QStringLiteral("outside acme"));
        const QJsonObject reply = olga.killSwitch(jws);
        QCOMPARE(reply.value(QStringLiteral("accepted")).toBool(true), false);
        QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("tenant_not_allowed"));
        QCOMPARE(auditedRejection(jws), QStringLiteral("tenant_not_allowed"));
        QCOMPARE(activeSwitches(scope, target), QStringLiteral("0"));
    }
    // Its own tenant it may stop.
    QVERIFY(order(m_acmeOncall, olga, QStringLiteral("engage"), QStringLiteral("tenant"), kAcme)
                .value(QStringLiteral("accepted"))
                .toBool());
    QVERIFY(order(m_acmeOncall, olga, QStringLiteral("release"), QStringLiteral("tenant"), kAcme)
                .value(QStringLiteral("accepted"))
                .toBool());
}

void TestKillSwitch::replayedOrderIsReplay()
{
    const QString tool = QStringLiteral("ks.replay");
    const QByteArray engage = ConsoleClient::signKillSwitch(*m_oncall.key, QStringLiteral("engage"),
                                                            QStringLiteral("tool"), tool, QStringLiteral("stop it"));
    QVERIFY(m_oncallConsole->killSwitch(engage).value(QStringLiteral("accepted")).toBool());
    const QJsonObject again = m_oncallConsole->killSwitch(engage);
    QCOMPARE(again.value(QStringLiteral("accepted")).toBool(true), false);
    QCOMPARE(again.value(QStringLiteral("code")).toString(), QStringLiteral("replay"));
    const QByteArray release = ConsoleClient::signKillSwitch(*m_oncall.key, QStringLiteral("release"),
                                                             QStringLiteral("tool"), tool, QStringLiteral("fixed"));
    QVERIFY(m_oncallConsole->killSwitch(release).value(QStringLiteral("accepted")).toBool());
    // Neither order can be played back: not the release, and not the engage,
    // which would otherwise switch it on again.
    for (const QByteArray &jws : {release, engage}) {
        const QJsonObject replayed = m_oncallConsole->killSwitch(jws);
        QCOMPARE(replayed.value(QStringLiteral("accepted")).toBool(true), false);
        QCOMPARE(replayed.value(QStringLiteral("code")).toString(), QStringLiteral("replay"));
    }
    QCOMPARE(activeSwitches(QStringLiteral("tool"), tool), QStringLiteral("0"));
    QVERIFY(!submitPending(kAlpha, tool).isEmpty());
}

void TestKillSwitch::engagingTwiceIsAlreadyEngaged()
{
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("user"), kUser2)
                .value(QStringLiteral("accepted"))
                .toBool());
    const QJsonObject twice
        = order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("user"), kUser2);
    QCOMPARE(twice.value(QStringLiteral("accepted")).toBool(true), false);
    QCOMPARE(twice.value(QStringLiteral("code")).toString(), QStringLiteral("already_engaged"));
    QCOMPARE(activeSwitches(QStringLiteral("user"), kUser2), QStringLiteral("1"));
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("user"), kUser2)
                .value(QStringLiteral("accepted"))
                .toBool());
}

void TestKillSwitch::releasingAnUnengagedSwitchIsNotEngaged()
{
    const QJsonObject reply = order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("tool"),
                                    QStringLiteral("ks.never"));
    QCOMPARE(reply.value(QStringLiteral("accepted")).toBool(true), false);
    QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("not_engaged"));
}

void TestKillSwitch::everyConsoleIsTold()
{
    // Also a console whose tenants the switch does not concern.
    ConsoleClient globex(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(globex.login(*m_globexApprover.key));
    globex.subscribe(0);
    const qsizetype watcherMark = m_watcher->messages().size();
    const qsizetype globexMark = globex.messages().size();
    QVERIFY(
        order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("tool"), QStringLiteral("ks.told"))
            .value(QStringLiteral("accepted"))
            .toBool());
    QVERIFY(
        order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("tool"), QStringLiteral("ks.told"))
            .value(QStringLiteral("accepted"))
            .toBool());
    for (ConsoleClient *console : {m_watcher.get(), &globex}) {
        const qsizetype mark = console == &globex ? globexMark : watcherMark;
        const QJsonObject engaged = console->waitFor(QStringLiteral("killswitch"), mark, 10000);
        QCOMPARE(engaged.value(QStringLiteral("operation")).toString(), QStringLiteral("engage"));
        QCOMPARE(engaged.value(QStringLiteral("target")).toString(), QStringLiteral("ks.told"));
        QCOMPARE(engaged.value(QStringLiteral("active")).toBool(), true);
        const qsizetype next = console->messages().indexOf(engaged) + 1;
        const QJsonObject released = console->waitFor(QStringLiteral("killswitch"), next, 10000);
        QCOMPARE(released.value(QStringLiteral("operation")).toString(), QStringLiteral("release"));
        QCOMPARE(released.value(QStringLiteral("active")).toBool(), false);
    }
}

void TestKillSwitch::stateSurvivesARestart()
{
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("engage"), QStringLiteral("agent"), kBeta)
                .value(QStringLiteral("accepted"))
                .toBool());
    QString error;
    QVERIFY2(m_broker.restart(&error), qPrintable(error));
    connectConsoles();
    // Still enforced by the restarted broker ...
    const auto refused = agent(kBeta).submit(body(kBeta, QStringLiteral("ks.write"), kUser1), QStringLiteral("after"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.body.value(QStringLiteral("error")).toString(), QStringLiteral("killed"));
    QCOMPARE(agent(kBeta).status(QStringLiteral("act_missing")).status, 403);
    // ... and listed to consoles as they sync.
    const QJsonObject synced = m_watcher->waitFor(QStringLiteral("synced"), 0, 10000);
    bool listed = false;
    for (const QJsonValue &k : synced.value(QStringLiteral("killswitches")).toArray())
        listed = listed
            || (k.toObject().value(QStringLiteral("scope")).toString() == QStringLiteral("agent")
                && k.toObject().value(QStringLiteral("target")).toString() == kBeta);
    QVERIFY2(listed, "the engaged switch is in the synced message");
    QVERIFY(order(m_oncall, *m_oncallConsole, QStringLiteral("release"), QStringLiteral("agent"), kBeta)
                .value(QStringLiteral("accepted"))
                .toBool());
    QVERIFY(!submitPending(kBeta, QStringLiteral("ks.write")).isEmpty());
}

QTEST_GUILESS_MAIN(TestKillSwitch)
#include "TestKillSwitch.moc"
