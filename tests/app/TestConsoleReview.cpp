#include "app/ConsoleController.h"
#include "app/ConsoleSettings.h"
#include "core/ActionDigest.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"
#include "core/Jws.h"
#include "models/DecisionOutbox.h"
#include "models/EvidenceModel.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ProcessRunner.h"
#include "support/ReadEveryPane.h"
#include "ui/DecisionDialog.h"
#include "ui/DialogSeam.h"
#include "ui/FullTextDialog.h"
#include "ui/MainWindow.h"
#include "ui/PassphraseDialog.h"
#include "ui/RawJsonView.h"
#include "ui/ReviewPanel.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace countersign;
using testing::AgentClient;
using testing::BrokerFixture;
using testing::ProcessRunner;

// Click-through tests of the console, offscreen, against a real countersignd:
// unlock, select, review every pane, approve or deny, and check what the
// broker recorded.
class TestConsoleReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newActionAppearsAndEveryPaneShowsIt();
    void clickingTheRawTabKeepsTheAction();
    void approveWithReasonIsRecordedSignedAndVerifiable();
    void denyAsksForAReasonAndIsRecorded();
    void cancellingTheConfirmationSignsNothing();
    void approveIsDisabledWhileDisconnected();
    void approveIsDisabledAfterTheDeadline();
    void queuedDecisionSurvivesBrokerCrashAndArrivesOnce();
    void lockingTheKeyDisablesSigning();
    void idleKeyLocksItself();
    void approveWaitsUntilEveryPaneWasSeen();
    void renewalFlagsUseTheBrokersDomains();

private:
    std::unique_ptr<app::ConsoleController> makeConsole();
    QString submit(const QString &scenario, const QString &key);
    static QByteArray readScenario(const QString &name);
    QString storedDecisionJws(const QString &actionId) const;
    int storedDecisionCount(const QString &actionId) const;

    QTemporaryDir m_home;
    BrokerFixture m_broker;
    std::unique_ptr<AgentClient> m_agent;
    QString m_fingerprint;
    QString m_token;
    std::unique_ptr<app::ConsoleController> m_console;
    int m_counter = 0;
};

QByteArray TestConsoleReview::readScenario(const QString &name)
{
    QFile file(QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/") + name + QStringLiteral(".json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestConsoleReview::initTestCase()
{
    QVERIFY(m_home.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    // The console's own key, created the way the first-run assistant does.
    app::KeyStore keys(m_home.filePath(QStringLiteral("data")));
    QByteArray passphrase("correct horse battery staple");
    QVERIFY2(keys.create(core::SecureBytes::take(passphrase), &error), qPrintable(error));
    const auto enrol = m_broker.cli({QStringLiteral("approver"), QStringLiteral("add"), QStringLiteral("--config"),
                                     m_broker.configPath(), QStringLiteral("--name"), QStringLiteral("Console Tester"),
                                     QStringLiteral("--role"), QStringLiteral("sales-approver"),
                                     QStringLiteral("--role"), QStringLiteral("approver"), QStringLiteral("--tenant"),
                                     QStringLiteral("acme"), QStringLiteral("--pubkey"), keys.publicKeyPath()});
    QVERIFY2(enrol.exitCode == 0, enrol.err.constData());
    m_token = m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:sales-assistant"),
                                   {QStringLiteral("email.*")});
    QVERIFY(!m_token.isEmpty());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_agent = std::make_unique<AgentClient>(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    m_fingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt")).first());
}

std::unique_ptr<app::ConsoleController> TestConsoleReview::makeConsole()
{
    net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = m_fingerprint;
    app::ConsoleSettings settings(QStringLiteral("test"));
    settings.setProfile(profile);
    auto console = std::make_unique<app::ConsoleController>(m_home.filePath(QStringLiteral("data")), settings);
    QString error;
    if (!console->initialise(&error))
        qWarning() << error;
    return console;
}

void TestConsoleReview::init()
{
    ui::DialogSeam::clear();
    m_console = makeConsole();
    // Unlock through the dialog, as an approver does: a mistyped passphrase first.
    const QString dialog = QString::fromLatin1(ui::PassphraseDialog::kSeamName);
    ui::DialogSeam::setNextAnswer(dialog, QStringLiteral("correct horse battery stapel"));
    ui::DialogSeam::setNextAnswer(dialog, QStringLiteral("correct horse battery staple"));
    QVERIFY(!m_console->keys()->isUnlocked());
    QVERIFY(m_console->unlockInteractively(nullptr));
    QVERIFY(m_console->keys()->isUnlocked());
    QVERIFY2(ui::DialogSeam::lastShown(dialog).contains(QStringLiteral("wrong passphrase")),
             qPrintable(ui::DialogSeam::lastShown(dialog)));
    m_console->showWindow();
    m_console->connectToBroker();
    QTRY_VERIFY_WITH_TIMEOUT(m_console->connection()->isLive(), 15000);
}

void TestConsoleReview::cleanup()
{
    m_console.reset();
}

QString TestConsoleReview::submit(const QString &scenario, const QString &key)
{
    const auto reply = m_agent->submit(readScenario(scenario), key + QString::number(++m_counter));
    return reply.body.value(QStringLiteral("id")).toString();
}

QString TestConsoleReview::storedDecisionJws(const QString &actionId) const
{
    const auto result = ProcessRunner(QStringLiteral("sqlite3"))
                            .run({m_broker.databasePath(),
                                  QStringLiteral("SELECT jws FROM decisions WHERE action_id = '%1'").arg(actionId)});
    return QString::fromUtf8(result.out.trimmed());
}

int TestConsoleReview::storedDecisionCount(const QString &actionId) const
{
    const auto result
        = ProcessRunner(QStringLiteral("sqlite3"))
              .run({m_broker.databasePath(),
                    QStringLiteral("SELECT COUNT(*) FROM decisions WHERE action_id = '%1'").arg(actionId)});
    return result.out.trimmed().toInt();
}

void TestConsoleReview::newActionAppearsAndEveryPaneShowsIt()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("panes-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    QCOMPARE(window->selectedActionId(), id);
    ui::ReviewPanel *review = window->review();
    QCOMPARE(review->shownActionId(), id);
    const QString header = review->headerText();
    QVERIFY2(header.contains(QStringLiteral("maria.lopez@acme.example")), qPrintable(header));
    QVERIFY2(header.contains(QStringLiteral(
                 "Draft renewal outreach for the Globex account and send it to their procurement contact.")),
             qPrintable(header));
    QVERIFY(header.contains(QStringLiteral("agent:sales-assistant")));
    QVERIFY(header.contains(QStringLiteral("revops-platform")));
    QVERIFY(header.contains(QStringLiteral("approve-external-email")));
    const QString raw = review->rawArgumentsText();
    QVERIFY(raw.contains(QStringLiteral("j.meyer@globex-partners.example")));
    QVERIFY(raw.contains(QStringLiteral("Floor price approved by finance: 121,500 USD")));
    QCOMPARE(review->argumentsTree()->model()->rowCount(), 6); // from, to, cc, subject, body, attachments
    QCOMPARE(review->dataScopesView()->model()->rowCount(), 5);
    QCOMPARE(review->authorityView()->model()->rowCount(), 4);
    QCOMPARE(review->evidenceView()->model()->rowCount(), 2);
    QCOMPARE(review->memoryView()->model()->rowCount(), 1);
    auto cellTexts = [](QAbstractItemModel *model) {
        QString all;
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                all += model->index(r, c).data().toString() + QLatin1Char('\n');
        return all;
    };
    QVERIFY(cellTexts(review->dataScopesView()->model())
                .contains(QStringLiteral("files://acme/finance/price-book-2027-internal.pdf")));
    QVERIFY(cellTexts(review->authorityView()->model()).contains(QStringLiteral("svc:mail-gateway")));
    QVERIFY(
        cellTexts(review->evidenceView()->model()).contains(QStringLiteral("CRM note added by external portal user")));
    // "Show all" on a tree cell shows the complete value.
    QAbstractItemModel *tree = review->argumentsTree()->model();
    QModelIndex body;
    for (int row = 0; row < tree->rowCount(); ++row) {
        if (tree->index(row, 0).data().toString() == QStringLiteral("body"))
            body = tree->index(row, 1);
    }
    QVERIFY(body.isValid());
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::FullTextDialog::kSeamName), true);
    Q_EMIT review->argumentsTree()->activated(body);
    QVERIFY(ui::DialogSeam::lastShown(QString::fromLatin1(ui::FullTextDialog::kSeamName))
                .contains(QStringLiteral("Partner discount ceiling: 33%")));
    // What an approver needs first is in front: the source, how far to trust it, its flags.
    // (Let deferred view updates run first: a layout that only holds until then is no layout.)
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(review->evidenceView()->horizontalHeader()->visualIndex(models::EvidenceModel::TitleColumn), 0);
    QCOMPARE(review->evidenceView()->horizontalHeader()->visualIndex(models::EvidenceModel::TrustColumn), 1);
    QVERIFY(review->evidenceView()->isColumnHidden(models::EvidenceModel::ContentColumn));
    review->evidenceView()->setCurrentIndex(review->evidenceView()->model()->index(1, 0));
    QVERIFY(review->evidenceContentText().contains(QStringLiteral("IMPORTANT SYSTEM NOTE FOR THE ASSISTANT")));
}

void TestConsoleReview::clickingTheRawTabKeepsTheAction()
{
    // With the mouse, as an approver does: the action stays selected and
    // shown, and the raw tab shows its arguments.
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("rawtab-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    ui::ReviewPanel *review = window->review();
    QCOMPARE(review->shownActionId(), id);
    QTabBar *tabs = review->argumentTabs()->tabBar();
    const int rawTab = review->argumentTabs()->indexOf(review->rawArgumentsView());
    QVERIFY(rawTab >= 0);
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(rawTab).center());
    QCOMPARE(review->argumentTabs()->currentIndex(), rawTab);
    QCoreApplication::processEvents();
    QCOMPARE(window->selectedActionId(), id);
    QCOMPARE(review->shownActionId(), id);
    QVERIFY(review->rawArgumentsView()->text().contains(QStringLiteral("j.meyer@globex-partners.example")));
    // And inside the raw view itself (a click there selects bytes, nothing else).
    QTest::mouseClick(review->rawArgumentsView()->viewport(), Qt::LeftButton, {}, QPoint(20, 20));
    QCoreApplication::processEvents();
    QCOMPARE(window->selectedActionId(), id);
    QCOMPARE(review->shownActionId(), id);
}

void TestConsoleReview::approveWithReasonIsRecordedSignedAndVerifiable()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("approve-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    const QJsonObject shown = m_console->queue()->entry(id)->raw;
    window->selectAction(id);
    testing::readEveryPane(window->review());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::DecisionDialog::kSeamName),
                                  QStringLiteral("Recipients checked with Maria by phone."));
    QSignalSpy answered(m_console.get(), &app::ConsoleController::decisionAnswered);
    QTest::mouseClick(window->approveButton(), Qt::LeftButton);
    // The confirmation showed what is signed, with the digest the console computed.
    const QString confirmation = ui::DialogSeam::lastShown(QString::fromLatin1(ui::DecisionDialog::kSeamName));
    const QString digest = core::ActionDigest::compute(shown);
    QVERIFY2(confirmation.contains(digest), qPrintable(confirmation));
    QVERIFY(confirmation.contains(id));
    QVERIFY(confirmation.contains(m_console->approverKeyId()));
    QVERIFY(confirmation.contains(QStringLiteral("APPROVE")));
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 15000);
    QVERIFY(answered.first().at(1).toJsonObject().value(QStringLiteral("accepted")).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(window->noticeText().contains(QStringLiteral("approved")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) == nullptr, 10000); // it left the queue
    QCOMPARE(m_agent->status(id).body.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));

    // The broker recorded a statement whose signature verifies with the approver's public key
    // (checked by countersignctl) and whose digest is the digest of what was displayed.
    const QString jws = storedDecisionJws(id);
    QVERIFY(!jws.isEmpty());
    const auto verified
        = ProcessRunner(QStringLiteral(COUNTERSIGNCTL_PATH))
              .run({QStringLiteral("verify"), QStringLiteral("--pub"), m_console->keys()->publicKeyPath(),
                    QStringLiteral("--type"), QStringLiteral("countersign.decision")},
                   jws.toLatin1());
    QVERIFY2(verified.exitCode == 0, verified.err.constData());
    const QJsonObject statement = core::JsonParser::parseObject(verified.out).value->toObject();
    QCOMPARE(statement.value(QStringLiteral("action_digest")).toString(), digest);
    QCOMPARE(statement.value(QStringLiteral("verdict")).toString(), QStringLiteral("approve"));
    QCOMPARE(statement.value(QStringLiteral("reason")).toString(),
             QStringLiteral("Recipients checked with Maria by phone."));
    QCOMPARE(m_console->outbox()->pendingCount(), 0);
}

void TestConsoleReview::denyAsksForAReasonAndIsRecorded()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("deny-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    QTRY_VERIFY(window->denyButton()->isEnabled());
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::DecisionDialog::kSeamName),
                                  QStringLiteral("The cc recipient came from an injected CRM note."));
    QTest::mouseClick(window->denyButton(), Qt::LeftButton);
    QVERIFY(
        ui::DialogSeam::lastShown(QString::fromLatin1(ui::DecisionDialog::kSeamName)).contains(QStringLiteral("DENY")));
    QTRY_COMPARE_WITH_TIMEOUT(m_agent->status(id).body.value(QStringLiteral("status")).toString(),
                              QStringLiteral("denied"), 15000);
    const auto verified
        = ProcessRunner(QStringLiteral(COUNTERSIGNCTL_PATH))
              .run({QStringLiteral("verify"), QStringLiteral("--pub"), m_console->keys()->publicKeyPath()},
                   storedDecisionJws(id).toLatin1());
    QCOMPARE(verified.exitCode, 0);
    QVERIFY(verified.out.contains("\"verdict\":\"deny\""));
}

void TestConsoleReview::cancellingTheConfirmationSignsNothing()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("cancel-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    testing::readEveryPane(window->review());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::DecisionDialog::kSeamName), QVariant());
    QTest::mouseClick(window->approveButton(), Qt::LeftButton);
    QCOMPARE(m_console->outbox()->pendingCount(), 0);
    QCOMPARE(storedDecisionCount(id), 0);
    QCOMPARE(m_agent->status(id).body.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
}

void TestConsoleReview::approveIsDisabledWhileDisconnected()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("offline-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    testing::readEveryPane(window->review());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    m_console->connection()->stop();
    QTRY_VERIFY(!window->approveButton()->isEnabled());
    QVERIFY(!window->denyButton()->isEnabled());
    QVERIFY2(window->decisionHint().contains(QStringLiteral("Not connected")), qPrintable(window->decisionHint()));
    // Even a direct request is refused.
    QString error;
    QVERIFY(!m_console->sign(m_console->preview(id, QStringLiteral("approve")), &error));
    QCOMPARE(m_console->outbox()->pendingCount(), 0);
}

void TestConsoleReview::approveIsDisabledAfterTheDeadline()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("late-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    testing::readEveryPane(window->review());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    const QDateTime deadline = m_console->queue()->entry(id)->action.expiresAt;
    m_console->setClock([deadline] { return deadline.addSecs(1); });
    window->refreshDecisionButtons();
    QVERIFY(!window->approveButton()->isEnabled());
    QVERIFY(!window->denyButton()->isEnabled());
    QVERIFY2(window->decisionHint().contains(QStringLiteral("deadline has passed")),
             qPrintable(window->decisionHint()));
}

void TestConsoleReview::queuedDecisionSurvivesBrokerCrashAndArrivesOnce()
{
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("crash-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    ui::DecisionPreview preview = m_console->preview(id, QStringLiteral("approve"));
    // The broker dies; the console is still about to sign (it has not noticed yet).
    m_broker.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->connection()->isLive(), 10000);
    // A decision written to the outbox while the broker is away, then the console itself closes.
    preview.reason = QStringLiteral("Approved during the outage.");
    const auto jws = m_console->keys()->signStatement(
        QStringLiteral("countersign.decision"),
        QJsonObject {{QStringLiteral("action_id"), id},
                     {QStringLiteral("action_digest"), preview.actionDigest},
                     {QStringLiteral("verdict"), QStringLiteral("approve")},
                     {QStringLiteral("reason"), preview.reason},
                     {QStringLiteral("approver"), m_console->approverKeyId()},
                     {QStringLiteral("issued_at"), core::JsonReader::formatTimestamp(preview.issuedAt)},
                     {QStringLiteral("nonce"), QStringLiteral("b3V0YWdlLW5vbmNlLTAwMDE")}});
    QVERIFY(jws);
    QString error;
    QVERIFY(m_console->outbox()->submit(id, QStringLiteral("approve"), *jws, &error));
    QCOMPARE(m_console->outbox()->pendingCount(), 1);
    m_console.reset();

    // Broker back, console back: the queued decision is delivered, exactly once.
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_agent = std::make_unique<AgentClient>(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token);
    m_console = makeConsole();
    QByteArray passphrase("correct horse battery staple");
    QVERIFY(m_console->unlock(core::SecureBytes::take(passphrase), &error));
    QCOMPARE(m_console->outbox()->pendingCount(), 1);
    m_console->showWindow();
    m_console->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_console->outbox()->pendingCount(), 0, 20000);
    QCOMPARE(storedDecisionCount(id), 1);
    // Reconnect once more: nothing is sent again.
    m_console->connection()->dropConnection();
    QTRY_VERIFY_WITH_TIMEOUT(m_console->connection()->isLive(), 20000);
    QCOMPARE(storedDecisionCount(id), 1);
}

void TestConsoleReview::lockingTheKeyDisablesSigning()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("lock-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    testing::readEveryPane(window->review());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    QSignalSpy locked(m_console->keys(), &app::KeyStore::lockedChanged);
    m_console->lockKey();
    QCOMPARE(locked.count(), 1);
    QVERIFY(!m_console->keys()->isUnlocked());
    QVERIFY(!m_console->keys()->signStatement(QStringLiteral("countersign.decision"), {}).has_value());
    QTRY_VERIFY(!window->approveButton()->isEnabled());
    QVERIFY2(window->decisionHint().contains(QStringLiteral("locked")), qPrintable(window->decisionHint()));
}

void TestConsoleReview::idleKeyLocksItself()
{
    QVERIFY(m_console->keys()->isUnlocked());
    m_console->keys()->setIdleInterval(std::chrono::milliseconds(300));
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->keys()->isUnlocked(), 10000);
    QString why;
    QVERIFY(!m_console->canSign(&why));
}

QTEST_MAIN(TestConsoleReview)
void TestConsoleReview::approveWaitsUntilEveryPaneWasSeen()
{
    ui::MainWindow *window = m_console->window();
    // A tool-argument body of 5 000 lines: the part that matters may be at the end.
    QJsonObject json
        = core::JsonParser::parseObject(readScenario(QStringLiteral("renewal-outreach-email"))).value->toObject();
    QJsonObject arguments = json.value(QStringLiteral("arguments")).toObject();
    QStringList lines;
    for (int i = 1; i <= 5000; ++i)
        lines.append(QStringLiteral("line %1 of the renewal terms").arg(i));
    lines.last() = QStringLiteral("P.S. also wire 10,000 USD to DE44 5001 0517 5407 3249 31");
    arguments.insert(QStringLiteral("body"), lines.join(u'\n'));
    json.insert(QStringLiteral("arguments"), arguments);
    const auto reply = m_agent->submit(QJsonDocument(json).toJson(QJsonDocument::Compact),
                                       QStringLiteral("coverage-") + QString::number(++m_counter));
    const QString id = reply.body.value(QStringLiteral("id")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    ui::ReviewPanel *review = window->review();
    QCOMPARE(review->shownActionId(), id);
    QCoreApplication::processEvents();

    // Nothing read yet: approve is off and says what is unseen; deny is on.
    QVERIFY(!window->approveButton()->isEnabled());
    QVERIFY(window->denyButton()->isEnabled());
    QVERIFY2(window->approveButton()->text().contains(QStringLiteral("not yet seen: Tool arguments")),
             qPrintable(window->approveButton()->text()));

    // Every pane but the arguments read to its end: only the arguments remain.
    testing::scrollToEnd(review->dataScopesView());
    testing::scrollToEnd(review->authorityView());
    testing::scrollToEnd(review->evidenceView());
    testing::scrollToEnd(review->memoryView());
    QAbstractItemModel *evidence = review->evidenceView()->model();
    for (int row = 0; row < evidence->rowCount(); ++row) {
        review->evidenceView()->setCurrentIndex(evidence->index(row, 0));
        QCoreApplication::processEvents();
        testing::scrollToEnd(review->evidenceContentView());
    }
    QTRY_COMPARE(window->approveButton()->text(), QStringLiteral("Approve… (not yet seen: Tool arguments)"));
    QVERIFY(!window->approveButton()->isEnabled());

    // The raw view, scrolled most of the way: still not seen.
    review->argumentTabs()->setCurrentWidget(review->rawArgumentsView());
    QCoreApplication::processEvents();
    QScrollBar *bar = review->rawArgumentsView()->verticalScrollBar();
    QVERIFY2(bar->maximum() > 100, qPrintable(QString::number(bar->maximum())));
    bar->setValue(bar->maximum() - 20);
    QCoreApplication::processEvents();
    QVERIFY(!window->approveButton()->isEnabled());
    // The tree, fully expanded and scrolled to its end, does not count while a cell is cut short.
    review->argumentTabs()->setCurrentWidget(review->argumentsTree());
    review->argumentsTree()->expandAll();
    testing::scrollToEnd(review->argumentsTree());
    QVERIFY(!window->approveButton()->isEnabled());
    // Read to the end: approve is offered.
    review->argumentTabs()->setCurrentWidget(review->rawArgumentsView());
    QCoreApplication::processEvents();
    testing::scrollToEnd(review->rawArgumentsView());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    QCOMPARE(window->approveButton()->text(), QStringLiteral("&Approve…"));
    QCOMPARE(window->approveButton()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));

    // The signed statement records that coverage was complete.
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::DecisionDialog::kSeamName), QStringLiteral("Read it all."));
    QSignalSpy answered(m_console.get(), &app::ConsoleController::decisionAnswered);
    QTest::mouseClick(window->approveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 15000);
    QVERIFY(answered.first().at(1).toJsonObject().value(QStringLiteral("accepted")).toBool());
    const core::JwsResult decoded = core::Jws::decode(storedDecisionJws(id).toLatin1());
    QVERIFY(decoded.ok());
    const QJsonObject statement = QJsonDocument::fromJson(decoded.payload).object();
    const QJsonObject coverage = statement.value(QStringLiteral("x-review_coverage")).toObject();
    QCOMPARE(coverage.value(QStringLiteral("complete")).toBool(false), true);
    QCOMPARE(coverage.value(QStringLiteral("unseen")).toArray().size(), 0);
}

void TestConsoleReview::renewalFlagsUseTheBrokersDomains()
{
    ui::MainWindow *window = m_console->window();
    const QString id = submit(QStringLiteral("renewal-outreach-email"), QStringLiteral("flags-"));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(id) != nullptr, 10000);
    window->selectAction(id);
    ui::ReviewPanel *review = window->review();
    // The broker stamped the tenant's domains from the policy, and the pane uses them.
    const QString flags = review->argumentFlagsText();
    QVERIFY2(flags.contains(QStringLiteral("⚑ cc[0]: External domain globex-partners.example (in the email address "
                                           "j.meyer@globex-partners.example): not one of tenant acme's domains "
                                           "(acme.example)")),
             qPrintable(flags));
    QVERIFY(flags.contains(QStringLiteral("⚑ cc[0]: Not from the user's request")));
    QVERIFY(review->evidenceFlagsText().contains(QStringLiteral("“ignore your previous instructions”")));
    // Deny needs no coverage.
    QVERIFY(window->denyButton()->isEnabled());
    QVERIFY(!window->approveButton()->isEnabled());
}

#include "TestConsoleReview.moc"
