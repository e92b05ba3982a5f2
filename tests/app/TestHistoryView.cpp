#include "app/ConsoleController.h"
#include "app/ConsoleSettings.h"
#include "core/KeyFile.h"
#include "models/DecisionsModel.h"
#include "models/HistoryModel.h"
#include "models/HistorySync.h"
#include "models/TimelineModel.h"
#include "net/BrokerConnection.h"
#include "storage/HistoryStore.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"
#include "ui/DialogSeam.h"
#include "ui/HistoryView.h"
#include "ui/MainWindow.h"
#include "ui/ReviewPanel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;

// The reviewers' history tab, offscreen, against a real countersignd: it
// fills from the broker, shows the review panes and the Decisions pane with
// local verification, the timeline with its trace id, verifies the audit
// log, writes a report, and keeps showing the cache when the broker is gone.
class TestHistoryView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void historyTabShowsDecisionsTimelineAndVerification();

private:
    QTemporaryDir m_home;
    BrokerFixture m_broker;
    BrokerFixture::Approver m_bob;
    QString m_heldId;
    QStringList m_allowed;
};

void TestHistoryView::initTestCase()
{
    QVERIFY(m_home.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy("version = 1\n\n"
                                 "[[rules]]\nid = \"hist-allow\"\ndescription = \"allowed\"\naction = \"allow\"\n"
                                 "[rules.match]\ntool = \"allow.*\"\n\n"
                                 "[[rules]]\nid = \"hist-hold\"\ndescription = \"held\"\naction = \"approve\"\n"
                                 "approver_roles = [\"approver\"]\ndeadline = \"1h\"\n"
                                 "[rules.match]\ntool = \"hold.*\"\n"));
    app::KeyStore keys(m_home.filePath(QStringLiteral("data")));
    QByteArray passphrase("correct horse battery staple");
    QVERIFY2(keys.create(core::SecureBytes::take(passphrase), &error), qPrintable(error));
    const auto enrol = m_broker.cli({QStringLiteral("approver"), QStringLiteral("add"), QStringLiteral("--config"),
                                     m_broker.configPath(), QStringLiteral("--name"), QStringLiteral("Reviewer Rita"),
                                     QStringLiteral("--role"), QStringLiteral("auditor"), QStringLiteral("--tenant"),
                                     QStringLiteral("acme"), QStringLiteral("--pubkey"), keys.publicKeyPath()});
    QVERIFY2(enrol.exitCode == 0, enrol.err.constData());
    m_bob = m_broker.enrolApprover(QStringLiteral("Bob Approver"), {QStringLiteral("approver")},
                                   {QStringLiteral("acme")});
    const QString token
        = m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:alpha"), {QStringLiteral("*")});
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), token);
    for (int i = 0; i < 3; ++i) {
        const auto reply
            = agent.submit(TestActions::bytes(TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:alpha"),
                                                                  QStringLiteral("allow.files.write"))),
                           QStringLiteral("allow-%1").arg(i));
        QCOMPARE(reply.status, 200);
        m_allowed.append(reply.body.value(QStringLiteral("id")).toString());
    }
    const auto held
        = agent.submit(TestActions::bytes(TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:alpha"),
                                                              QStringLiteral("hold.payments.refund"))),
                       QStringLiteral("held"));
    QCOMPARE(held.status, 202);
    m_heldId = held.body.value(QStringLiteral("id")).toString();
    ConsoleClient bob(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(bob.login(*m_bob.key));
    QJsonObject action;
    for (const QJsonObject &m : bob.subscribe(0))
        action = m.value(QStringLiteral("action")).toObject();
    QCOMPARE(action.value(QStringLiteral("id")).toString(), m_heldId);
    QVERIFY(bob.decide(ConsoleClient::signDecision(*m_bob.key, action, QStringLiteral("approve"),
                                                   QStringLiteral("refund matches the ticket")))
                .value(QStringLiteral("accepted"))
                .toBool());
}

void TestHistoryView::historyTabShowsDecisionsTimelineAndVerification()
{
    net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    const auto brokerKey = core::KeyFile::readPublicKey(m_broker.dir() + QStringLiteral("/keys/broker.pub"));
    QVERIFY(brokerKey);
    profile.brokerPublicKey = QString::fromLatin1(brokerKey->toBase64Url());
    app::ConsoleSettings settings(QStringLiteral("history"));
    settings.setProfile(profile);
    auto console = std::make_unique<app::ConsoleController>(m_home.filePath(QStringLiteral("data")), settings);
    QString error;
    QVERIFY2(console->initialise(&error), qPrintable(error));
    QByteArray passphrase("correct horse battery staple");
    QVERIFY2(console->unlock(core::SecureBytes::take(passphrase), &error), qPrintable(error));
    console->showWindow();
    ui::MainWindow *window = console->window();
    ui::HistoryView *view = window->historyView();
    QVERIFY(view);
    QVERIFY(window->views());
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Before any connection: the (empty) cache, marked as such.
    window->showHistory();
    QCOMPARE(window->views()->currentWidget(), view);
    QVERIFY2(view->statusText().contains(QStringLiteral("unreachable")), qPrintable(view->statusText()));

    console->connectToBroker();
    QTRY_VERIFY_WITH_TIMEOUT(console->connection()->isLive(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 4, 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(view->statusText().contains(QStringLiteral("up to date")), qPrintable(view->statusText()),
                              15000);

    // The held action: review panes, Decisions pane, timeline.
    view->selectAction(m_heldId);
    QCOMPARE(view->selectedActionId(), m_heldId);
    QCOMPARE(view->review()->shownActionId(), m_heldId);
    QVERIFY(!view->review()->rawArgumentsText().isEmpty());
    const QString decisions = view->decisionsText();
    QVERIFY2(decisions.contains(QStringLiteral("1 of 1 decision(s) verified locally")), qPrintable(decisions));
    QVERIFY2(decisions.contains(QStringLiteral("Bob Approver")), qPrintable(decisions));
    QVERIFY2(decisions.contains(m_bob.keyId), qPrintable(decisions));
    QVERIFY2(decisions.contains(QStringLiteral("| approve |")), qPrintable(decisions));
    QVERIFY2(decisions.contains(QStringLiteral("refund matches the ticket")), qPrintable(decisions));
    QVERIFY2(decisions.contains(QStringLiteral("| valid |")), qPrintable(decisions));
    QVERIFY2(decisions.contains(QStringLiteral("matches the displayed action")), qPrintable(decisions));
    QVERIFY(view->timeline()->rowCount() >= 5);
    QVERIFY2(view->timeline()->text().contains(QStringLiteral("Decision accepted: approve by Bob Approver")),
             qPrintable(view->timeline()->text()));
    QVERIFY(!view->traceId().isEmpty());
    QTest::mouseClick(view->copyTraceButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), view->traceId());

    // Filters narrow the list.
    view->agentEdit()->setText(QStringLiteral("agent:nobody"));
    view->applyFilter();
    QCOMPARE(view->model()->rowCount(), 0);
    view->agentEdit()->clear();
    view->applyFilter();
    QCOMPARE(view->model()->rowCount(), 4);

    // Audit verification with the pinned broker key.
    QTest::mouseClick(view->verifyButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(view->auditResultText().startsWith(QStringLiteral("Verified up to seq")),
                              qPrintable(view->auditResultText()), 30000);
    QVERIFY(view->verifyButton()->isEnabled());

    // The report of the selected action.
    view->selectAction(m_heldId);
    const QString report = m_home.filePath(QStringLiteral("report.html"));
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::HistoryView::kReportSeam), report);
    QTest::mouseClick(view->reportButton(), Qt::LeftButton);
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray html = file.readAll();
    QVERIFY(html.contains("Bob Approver"));
    QVERIFY(html.contains(m_heldId.toUtf8()));

    // Broker gone: the history stays, marked.
    QVERIFY(m_broker.stop());
    QTRY_VERIFY2_WITH_TIMEOUT(view->statusText().contains(QStringLiteral("unreachable")),
                              qPrintable(view->statusText()), 15000);
    QCOMPARE(view->model()->rowCount(), 4);
    view->selectAction(m_allowed.first());
    QCOMPARE(view->review()->shownActionId(), m_allowed.first());
    console.reset();
}

QTEST_MAIN(TestHistoryView)
#include "TestHistoryView.moc"
