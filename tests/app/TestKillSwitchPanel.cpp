#include "app/ConsoleController.h"
#include "app/ConsoleSettings.h"
#include "models/KillSwitchModel.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/TestActions.h"
#include "ui/DialogSeam.h"
#include "ui/KillSwitchDialog.h"
#include "ui/KillSwitchPanel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVariantMap>

using namespace countersign;
using testing::AgentClient;
using testing::BrokerFixture;
using testing::TestActions;

namespace {

const QString kAcme = QStringLiteral("acme");
const QString kGlobex = QStringLiteral("globex-retail");
const QString kAlpha = QStringLiteral("agent:alpha"); // acme
const QString kBeta = QStringLiteral("agent:beta"); // acme
const QString kGamma = QStringLiteral("agent:gamma"); // globex-retail
const QString kUser1 = QStringLiteral("u1@acme.example");
const QString kUser2 = QStringLiteral("u2@acme.example");
const QByteArray kPassphrase("correct horse battery staple");

const QByteArray kPolicy = countersign::testing::TestActions::holdingPolicy();

struct Spec
{
    QString agent;
    QString tool;
    QString user;
};

struct Submission
{
    Spec spec;
    bool inScope = false;
    bool startedAfterEngaged = false;
    int status = 0;
    QString error;
    QString id;
};

} // namespace

// The on-call side of issue 7, offscreen, against a real countersignd: with
// agents submitting continuously over HTTPS, a kill switch engaged from the
// console's panel stops exactly its scope at once, and releasing it from the
// panel restores service.
class TestKillSwitchPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void panelIsOneKeystrokeAway();
    void globalSwitchStopsEverything();
    void tenantSwitchStopsItsTenant();
    void userSwitchStopsItsUser();
    void agentSwitchStopsItsAgent();
    void toolSwitchStopsItsTool();
    void wrongTypedNameEngagesNothing();
    void keyWithoutOncallCannotEngage();
    void drillListsWhatWouldStopAndEngagesNothing();

private:
    std::unique_ptr<app::ConsoleController> makeConsole(const QString &dataDir, const QString &profileName);
    AgentClient agent(const QString &agentId) const
    {
        return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_tokens.value(agentId));
    }
    static QString tenantOf(const QString &agentId) { return agentId == kGamma ? kGlobex : kAcme; }
    AgentClient::Reply submit(const Spec &spec);
    QString submitPending(const Spec &spec);
    QString storedStatus(const QString &id) const
    {
        return m_broker.sqlValue(QStringLiteral("SELECT status FROM actions WHERE id = '%1'").arg(id));
    }
    int activeSwitchCount() const
    {
        return m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM killswitches WHERE released_at IS NULL")).toInt();
    }
    // `inside` is held before the engage and long-polled on; the continuous
    // submitter cycles through inside, alsoInside and outside.
    void provesScope(const QString &scope, const QString &target, const Spec &inside, const QList<Spec> &outside,
                     const QList<Spec> &alsoInside = {});

    QTemporaryDir m_home;
    BrokerFixture m_broker;
    QHash<QString, std::shared_ptr<AgentClient>> m_agents; // for the continuous submitter
    QHash<QString, QString> m_tokens;
    QString m_fingerprint;
    std::unique_ptr<app::ConsoleController> m_console;
    int m_counter = 0;
};

void TestKillSwitchPanel::initTestCase()
{
    QVERIFY(m_home.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    // The on-call console's key, and a second console's key without the role.
    for (const auto &[dir, roles] :
         {std::pair {QStringLiteral("oncall"), QStringList {QStringLiteral("oncall"), QStringLiteral("approver")}},
          std::pair {QStringLiteral("plain"), QStringList {QStringLiteral("approver")}}}) {
        app::KeyStore keys(m_home.filePath(dir));
        QByteArray passphrase = kPassphrase;
        QVERIFY2(keys.create(core::SecureBytes::take(passphrase), &error), qPrintable(error));
        QStringList args {QStringLiteral("approver"), QStringLiteral("add"),    QStringLiteral("--config"),
                          m_broker.configPath(),      QStringLiteral("--name"), QStringLiteral("Console ") + dir};
        for (const QString &role : roles)
            args << QStringLiteral("--role") << role;
        args << QStringLiteral("--tenant") << QStringLiteral("*") << QStringLiteral("--pubkey") << keys.publicKeyPath();
        const auto enrol = m_broker.cli(args);
        QVERIFY2(enrol.exitCode == 0, enrol.err.constData());
    }
    for (const QString &agentId : {kAlpha, kBeta, kGamma}) {
        m_tokens.insert(agentId, m_broker.createToken(tenantOf(agentId), agentId, {QStringLiteral("ks.*")}));
        QVERIFY(m_tokens.value(agentId).startsWith(QStringLiteral("cst_")));
    }
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    for (const QString &agentId : {kAlpha, kBeta, kGamma})
        m_agents.insert(
            agentId,
            std::make_shared<AgentClient>(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_tokens.value(agentId)));
    m_fingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt")).first());
}

std::unique_ptr<app::ConsoleController> TestKillSwitchPanel::makeConsole(const QString &dataDir,
                                                                         const QString &profileName)
{
    net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = m_fingerprint;
    app::ConsoleSettings settings(profileName);
    settings.setProfile(profile);
    auto console = std::make_unique<app::ConsoleController>(m_home.filePath(dataDir), settings);
    QString error;
    if (!console->initialise(&error))
        qWarning() << error;
    QByteArray passphrase = kPassphrase;
    if (!console->unlock(core::SecureBytes::take(passphrase), &error))
        qWarning() << error;
    console->showWindow();
    console->connectToBroker();
    return console;
}

void TestKillSwitchPanel::init()
{
    ui::DialogSeam::clear();
    m_console = makeConsole(QStringLiteral("oncall"), QStringLiteral("oncall"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->connection()->isLive(), 15000);
    QVERIFY(m_console->keys()->isUnlocked());
}

void TestKillSwitchPanel::cleanup()
{
    m_console.reset();
    QCOMPARE(activeSwitchCount(), 0); // every test leaves the broker released
}

AgentClient::Reply TestKillSwitchPanel::submit(const Spec &spec)
{
    return agent(spec.agent)
        .submit(TestActions::bytes(TestActions::action(tenantOf(spec.agent), spec.agent, spec.tool, spec.user)),
                QStringLiteral("ksp-%1").arg(++m_counter));
}

QString TestKillSwitchPanel::submitPending(const Spec &spec)
{
    const auto reply = submit(spec);
    if (reply.status != 202)
        qWarning() << "not held:" << reply.status << reply.raw;
    return reply.status == 202 ? reply.body.value(QStringLiteral("id")).toString() : QString();
}

void TestKillSwitchPanel::panelIsOneKeystrokeAway()
{
    ui::MainWindow *window = m_console->window();
    ui::KillSwitchPanel *panel = window->killSwitchPanel();
    QVERIFY(panel);
    QVERIFY(!panel->isVisible());
    QVERIFY(window->killSwitchAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_K)));
    QVERIFY(window->killSwitchAction()->shortcuts().contains(QKeySequence(Qt::Key_F9)));
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->queueView()->setFocus();
    QTest::keyClick(window->queueView(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(panel->isVisible());
    // The on-call key sees the controls enabled.
    QVERIFY(panel->engageButton()->isEnabled());
    QVERIFY(panel->drillButton()->isEnabled());
    QVERIFY(!panel->releaseButton()->isEnabled()); // nothing selected
    QVERIFY(panel->roleHintText().isEmpty());
    QVERIFY(!panel->engageButton()->accessibleName().isEmpty());
}

void TestKillSwitchPanel::provesScope(const QString &scope, const QString &target, const Spec &inside,
                                      const QList<Spec> &outside, const QList<Spec> &alsoInside)
{
    ui::MainWindow *window = m_console->window();
    ui::KillSwitchPanel *panel = window->killSwitchPanel();
    window->killSwitchAction()->trigger();
    QVERIFY(panel->isVisible());

    // Before the engage: one pending action in scope the agent long-polls on,
    // and one pending action outside it.
    const QString held = submitPending(inside);
    QVERIFY(!held.isEmpty());
    QStringList outsideHeld;
    for (const Spec &s : outside) {
        outsideHeld << submitPending(s);
        QVERIFY(!outsideHeld.constLast().isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(held) != nullptr, 10000);
    AgentClient poller = agent(inside.agent);
    QNetworkReply *longPoll = poller.startStatus(held, 60);

    // Agents keep submitting, in and out of scope, every 50 ms.
    QList<Submission> submissions;
    bool engaged = false;
    bool busy = false;
    int turn = 0;
    QList<std::pair<Spec, bool>> rota {{inside, true}};
    for (const Spec &s : alsoInside)
        rota.append({s, true});
    for (const Spec &s : outside)
        rota.append({s, false});
    QTimer submitter;
    submitter.setInterval(50);
    connect(&submitter, &QTimer::timeout, this, [&] {
        if (busy)
            return;
        busy = true;
        const auto &[spec, inScope] = rota.at(turn++ % rota.size());
        Submission sub;
        sub.spec = spec;
        sub.inScope = inScope;
        sub.startedAfterEngaged = engaged;
        const auto reply = m_agents.value(spec.agent)
                               ->submit(TestActions::bytes(TestActions::action(tenantOf(spec.agent), spec.agent,
                                                                               spec.tool, spec.user)),
                                        QStringLiteral("ksp-%1").arg(++m_counter));
        sub.status = reply.status;
        sub.error = reply.body.value(QStringLiteral("error")).toString();
        sub.id = reply.body.value(QStringLiteral("id")).toString();
        submissions.append(sub);
        busy = false;
    });
    submitter.start();
    QTRY_VERIFY_WITH_TIMEOUT(submissions.size() >= 3 * rota.size(), 15000);

    // Engage from the panel.
    const int pendingInScope = m_console->killSwitchPreview(QStringLiteral("engage"), scope, target).pendingInScope;
    QVERIFY(pendingInScope >= 1);
    panel->setScope(scope);
    panel->setTarget(target);
    const QString seam = QString::fromLatin1(ui::KillSwitchDialog::kSeamName);
    const QString typed = scope == QStringLiteral("global") ? QStringLiteral("global")
        : scope == QStringLiteral("tenant")                 ? target
                                                            : QString();
    ui::DialogSeam::setNextAnswer(
        seam,
        QVariantMap {{QStringLiteral("reason"), QStringLiteral("incident drill %1").arg(scope)},
                     {QStringLiteral("confirmation"), typed}});
    QSignalSpy answered(m_console.get(), &app::ConsoleController::killSwitchAnswered);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(panel->engageButton(), Qt::LeftButton);
    const QString shown = ui::DialogSeam::lastShown(seam);
    // "<Scope> <target>: N pending actions will be killed; new actions refused", N counted from the queue.
    const QRegularExpressionMatch counted
        = QRegularExpression(QStringLiteral("(\\d+) pending actions? will be killed; new actions refused"))
              .match(shown);
    QVERIFY2(counted.hasMatch() && counted.captured(1).toInt() >= 1, qPrintable(shown));
    if (scope != QStringLiteral("global"))
        QVERIFY2(shown.contains(target), qPrintable(shown));
    if (!typed.isEmpty())
        QVERIFY2(shown.contains(QStringLiteral("Type \"%1\" to confirm").arg(typed)), qPrintable(shown));
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 15000);
    engaged = true;
    const qint64 replyMs = clock.elapsed();
    QVERIFY2(answered.at(0).at(0).toJsonObject().value(QStringLiteral("accepted")).toBool(),
             qPrintable(panel->resultText()));
    QVERIFY2(panel->resultText().contains(QStringLiteral("ENGAGED by the broker in")), qPrintable(panel->resultText()));
    // The console shows the switch, and its queue no longer holds anything in scope.
    QTRY_COMPARE_WITH_TIMEOUT(m_console->killSwitches()->rowOf(scope, target) >= 0, true, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_console->killSwitchPreview(QStringLiteral("drill"), scope, target).pendingInScope, 0,
                              10000);
    qInfo("%s switch: engage clicked -> broker confirmed (enforced in its transaction) after %lld ms; "
          "console queue held nothing in scope after %lld ms",
          qPrintable(scope), replyMs, clock.elapsed());

    // The agent's long-poll returns, with the action killed (or its token stopped).
    QTRY_VERIFY_WITH_TIMEOUT(longPoll->isFinished(), 15000);
    const auto polled = AgentClient::finish(longPoll);
    QVERIFY2(
        (polled.status == 200 && polled.body.value(QStringLiteral("status")).toString() == QStringLiteral("killed"))
            || (polled.status == 403
                && polled.body.value(QStringLiteral("error")).toString() == QStringLiteral("killed")),
        polled.raw.constData());

    // Let the agents try a few more times after the switch took hold.
    const auto afterEngaged = [&](bool inScope) {
        return std::count_if(submissions.cbegin(), submissions.cend(),
                             [inScope](const Submission &s) { return s.startedAfterEngaged && s.inScope == inScope; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(afterEngaged(true) >= 5 && (outside.isEmpty() || afterEngaged(false) >= 3), 15000);
    submitter.stop();
    QTRY_VERIFY(!busy);
    qInfo("%s switch: %lld submissions (%lld in scope after the engage, all refused)", qPrintable(scope),
          qint64(submissions.size()), qint64(afterEngaged(true)));

    for (const Submission &s : std::as_const(submissions)) {
        if (s.inScope && s.status == 202) {
            // Accepted before the switch: killed in the same transaction.
            QCOMPARE(storedStatus(s.id), QStringLiteral("killed"));
            const auto read = agent(s.spec.agent).status(s.id);
            QVERIFY2(
                (read.status == 200 && read.body.value(QStringLiteral("status")).toString() == QStringLiteral("killed"))
                    || (read.status == 403
                        && read.body.value(QStringLiteral("error")).toString() == QStringLiteral("killed")),
                read.raw.constData());
        } else if (s.inScope) {
            QCOMPARE(s.status, 403);
            QCOMPARE(s.error, QStringLiteral("killed"));
        } else {
            QCOMPARE(s.status, 202); // out of scope: untouched
            QCOMPARE(storedStatus(s.id), QStringLiteral("pending"));
        }
        if (s.inScope && s.startedAfterEngaged) {
            QCOMPARE(s.status, 403);
            QCOMPARE(s.error, QStringLiteral("killed"));
        }
    }
    QCOMPARE(storedStatus(held), QStringLiteral("killed"));
    for (const QString &id : std::as_const(outsideHeld)) {
        QCOMPARE(storedStatus(id), QStringLiteral("pending"));
        QVERIFY(m_console->queue()->entry(id) != nullptr);
    }
    for (int i = 0; i < outside.size(); ++i) {
        const auto read = agent(outside.at(i).agent).status(outsideHeld.at(i));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.body.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    }

    // Release from the panel restores service.
    panel->selectSwitch(m_console->killSwitches()->rowOf(scope, target));
    QVERIFY(panel->releaseButton()->isEnabled());
    ui::DialogSeam::setNextAnswer(
        seam,
        QVariantMap {{QStringLiteral("reason"), QStringLiteral("all clear")}, {QStringLiteral("confirmation"), typed}});
    QTest::mouseClick(panel->releaseButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 2, 15000);
    QVERIFY2(answered.at(1).at(0).toJsonObject().value(QStringLiteral("accepted")).toBool(),
             qPrintable(panel->resultText()));
    QVERIFY2(panel->resultText().contains(QStringLiteral("RELEASED by the broker in")),
             qPrintable(panel->resultText()));
    QTRY_COMPARE_WITH_TIMEOUT(m_console->killSwitches()->rowOf(scope, target), -1, 10000);
    QVERIFY(!submitPending(inside).isEmpty());
    // The history shows both events.
    QTRY_VERIFY_WITH_TIMEOUT(panel->historyView()->count() >= 2, 10000);
    const QStringList history = m_console->killSwitches()->history();
    QVERIFY2(history.filter(QStringLiteral("release ") + scope).size() >= 1
                 && history.filter(QStringLiteral("engage ") + scope).size() >= 1,
             qPrintable(history.join(QLatin1Char('\n'))));
}

void TestKillSwitchPanel::globalSwitchStopsEverything()
{
    provesScope(QStringLiteral("global"), QString(), {kGamma, QStringLiteral("ks.write"), kUser1}, {},
                {{kAlpha, QStringLiteral("ks.write"), kUser1}, {kBeta, QStringLiteral("ks.danger"), kUser2}});
}

void TestKillSwitchPanel::tenantSwitchStopsItsTenant()
{
    provesScope(QStringLiteral("tenant"), kAcme, {kAlpha, QStringLiteral("ks.write"), kUser1},
                {{kGamma, QStringLiteral("ks.write"), QStringLiteral("u1@globex.example")}},
                {{kBeta, QStringLiteral("ks.danger"), kUser2}});
}

void TestKillSwitchPanel::userSwitchStopsItsUser()
{
    provesScope(QStringLiteral("user"), kUser1, {kAlpha, QStringLiteral("ks.write"), kUser1},
                {{kAlpha, QStringLiteral("ks.write"), kUser2}, {kGamma, QStringLiteral("ks.write"), kUser2}});
}

void TestKillSwitchPanel::agentSwitchStopsItsAgent()
{
    provesScope(QStringLiteral("agent"), kAlpha, {kAlpha, QStringLiteral("ks.write"), kUser1},
                {{kBeta, QStringLiteral("ks.write"), kUser1}, {kGamma, QStringLiteral("ks.write"), kUser1}});
}

void TestKillSwitchPanel::toolSwitchStopsItsTool()
{
    provesScope(QStringLiteral("tool"), QStringLiteral("ks.danger"), {kBeta, QStringLiteral("ks.danger"), kUser1},
                {{kBeta, QStringLiteral("ks.write"), kUser1}, {kGamma, QStringLiteral("ks.write"), kUser2}});
}

void TestKillSwitchPanel::wrongTypedNameEngagesNothing()
{
    ui::KillSwitchPanel *panel = m_console->window()->killSwitchPanel();
    m_console->window()->showKillSwitches();
    const QString held = submitPending({kAlpha, QStringLiteral("ks.write"), kUser1});
    QVERIFY(!held.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(held) != nullptr, 10000);
    panel->setScope(QStringLiteral("tenant"));
    panel->setTarget(kAcme);
    const QString seam = QString::fromLatin1(ui::KillSwitchDialog::kSeamName);
    ui::DialogSeam::setNextAnswer(seam,
                                  QVariantMap {{QStringLiteral("reason"), QStringLiteral("typo")},
                                               {QStringLiteral("confirmation"), QStringLiteral("acne")}});
    QSignalSpy answered(m_console.get(), &app::ConsoleController::killSwitchAnswered);
    QTest::mouseClick(panel->engageButton(), Qt::LeftButton);
    QVERIFY2(ui::DialogSeam::lastShown(seam).contains(QStringLiteral("Type \"acme\" to confirm")),
             qPrintable(ui::DialogSeam::lastShown(seam)));
    QVERIFY2(panel->resultText().contains(QStringLiteral("does not match")), qPrintable(panel->resultText()));
    // Global needs "global" typed out, too.
    panel->setScope(QStringLiteral("global"));
    ui::DialogSeam::setNextAnswer(
        seam,
        QVariantMap {{QStringLiteral("reason"), QStringLiteral("typo")}, {QStringLiteral("confirmation"), QString()}});
    QTest::mouseClick(panel->engageButton(), Qt::LeftButton);
    QVERIFY2(ui::DialogSeam::lastShown(seam).contains(QStringLiteral("Type \"global\" to confirm")),
             qPrintable(ui::DialogSeam::lastShown(seam)));
    // A missing reason refuses as well.
    panel->setScope(QStringLiteral("agent"));
    panel->setTarget(kAlpha);
    ui::DialogSeam::setNextAnswer(seam, QVariantMap {{QStringLiteral("reason"), QStringLiteral("  ")}});
    QTest::mouseClick(panel->engageButton(), Qt::LeftButton);
    QVERIFY2(panel->resultText().contains(QStringLiteral("A reason is required")), qPrintable(panel->resultText()));
    // A round trip proves nothing was sent before it.
    QSignalSpy synced(m_console->connection(), &net::BrokerConnection::reply);
    QVERIFY(m_console->requestKillSwitches());
    QVERIFY(synced.wait(10000));
    QCOMPARE(answered.count(), 0);
    QCOMPARE(m_console->killSwitches()->rowCount(), 0);
    QCOMPARE(activeSwitchCount(), 0);
    QCOMPARE(storedStatus(held), QStringLiteral("pending"));
}

void TestKillSwitchPanel::keyWithoutOncallCannotEngage()
{
    auto plain = makeConsole(QStringLiteral("plain"), QStringLiteral("plain"));
    QTRY_VERIFY_WITH_TIMEOUT(plain->connection()->isLive(), 15000);
    ui::KillSwitchPanel *panel = plain->window()->killSwitchPanel();
    plain->window()->showKillSwitches();
    QVERIFY(!panel->engageButton()->isEnabled());
    QVERIFY(!panel->releaseButton()->isEnabled());
    QVERIFY(!panel->drillButton()->isEnabled());
    QVERIFY2(panel->roleHintText().contains(QStringLiteral("on-call role")), qPrintable(panel->roleHintText()));
    QString why;
    QVERIFY(!plain->canOperateKillSwitches(&why));

    // Forced through the controller (a stale role, say): the broker refuses, in words.
    QSignalSpy answered(plain.get(), &app::ConsoleController::killSwitchAnswered);
    const auto preview = plain->killSwitchPreview(QStringLiteral("engage"), QStringLiteral("agent"), kAlpha);
    QString error;
    QVERIFY2(plain->sendKillSwitch(preview, QStringLiteral("forced"), QString(), &error) > 0, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 15000);
    const QJsonObject reply = answered.at(0).at(0).toJsonObject();
    QVERIFY(!reply.value(QStringLiteral("accepted")).toBool());
    QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("role_not_allowed"));
    QVERIFY2(panel->resultText().contains(QStringLiteral("REFUSED by the broker"))
                 && panel->resultText().contains(QStringLiteral("role_not_allowed"))
                 && panel->resultText().contains(QStringLiteral("does not have the on-call role")),
             qPrintable(panel->resultText()));
    QCOMPARE(activeSwitchCount(), 0);
}

void TestKillSwitchPanel::drillListsWhatWouldStopAndEngagesNothing()
{
    ui::KillSwitchPanel *panel = m_console->window()->killSwitchPanel();
    m_console->window()->showKillSwitches();
    const QString held = submitPending({kBeta, QStringLiteral("ks.write"), kUser2});
    QVERIFY(!held.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(held) != nullptr, 10000);
    panel->setScope(QStringLiteral("agent"));
    panel->setTarget(kBeta);
    QSignalSpy answered(m_console.get(), &app::ConsoleController::killSwitchAnswered);
    QTest::mouseClick(panel->drillButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 15000);
    const QJsonObject reply = answered.at(0).at(0).toJsonObject();
    if (!reply.value(QStringLiteral("drill")).toBool())
        QSKIP(qPrintable(QStringLiteral("The broker does not support drills yet (answered %1: %2); "
                                        "the console side is in place.")
                             .arg(reply.value(QStringLiteral("code")).toString(),
                                  reply.value(QStringLiteral("message")).toString())));
    QVERIFY2(reply.value(QStringLiteral("accepted")).toBool(), qPrintable(panel->drillText()));
    const QString text = panel->drillText();
    QVERIFY2(text.contains(held) && text.contains(kBeta) && text.contains(QStringLiteral("nothing was engaged")),
             qPrintable(text));
    QCOMPARE(m_console->killSwitches()->rowCount(), 0);
    QCOMPARE(activeSwitchCount(), 0);
    QCOMPARE(storedStatus(held), QStringLiteral("pending"));
    QCOMPARE(agent(kBeta).status(held).status, 200);
}

QTEST_MAIN(TestKillSwitchPanel)
#include "TestKillSwitchPanel.moc"
