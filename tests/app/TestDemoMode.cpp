#include "app/ConsoleController.h"
#include "app/DemoBroker.h"
#include "models/PendingQueueModel.h"
#include "net/BrokerConnection.h"
#include "support/ReadEveryPane.h"
#include "ui/DecisionDialog.h"
#include "ui/DialogSeam.h"
#include "ui/MainWindow.h"
#include "ui/ReviewPane.h"
#include "ui/ReviewPanel.h"

#include <QDir>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;

// `countersign --demo` end to end: the real broker it starts, the demo agent,
// an approval through the window, and a clean stop that leaves nothing behind.
class TestDemoMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoFillsTheQueueAndAcceptsADecision();
    void eachPaneCanBeMaximisedAndRestored();
    void stoppingTheDemoStopsTheBrokerAndRemovesItsFiles();

private:
    QTemporaryDir m_settings;
    std::unique_ptr<app::DemoBroker> m_demo;
    std::unique_ptr<app::ConsoleController> m_console;
};

void TestDemoMode::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    app::DemoBroker::setBrokerProgram(QStringLiteral(COUNTERSIGND_PATH));
    m_demo = std::make_unique<app::DemoBroker>();
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
    QVERIFY(m_demo->isRunning());
    net::ConnectionProfile profile;
    profile.url = m_demo->consoleUrl();
    profile.pinnedFingerprint = m_demo->certificateFingerprint();
    app::ConsoleSettings settings(QStringLiteral("demo"));
    settings.setProfile(profile);
    m_console = std::make_unique<app::ConsoleController>(m_demo->consoleDataDirectory(), settings);
    QVERIFY2(m_console->initialise(&error), qPrintable(error));
    QByteArray passphrase = m_demo->passphrase().toUtf8();
    QVERIFY2(m_console->unlock(core::SecureBytes::take(passphrase), &error), qPrintable(error));
    m_console->showWindow();
    m_console->connectToBroker();
    QTRY_VERIFY_WITH_TIMEOUT(m_console->connection()->isLive(), 15000);
}

void TestDemoMode::demoFillsTheQueueAndAcceptsADecision()
{
    QSignalSpy submitted(m_demo->agent(), &app::DemoAgent::submittedAction);
    QSignalSpy outcome(m_demo->agent(), &app::DemoAgent::outcome);
    m_demo->agent()->start(100);
    // Four of the five scenarios wait for a human; the IAM wildcard is denied by policy.
    QTRY_VERIFY_WITH_TIMEOUT(submitted.count() >= 5, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->rowCount() >= 4, 20000);
    m_demo->agent()->stop();
    QStringList statuses;
    for (const QList<QVariant> &args : std::as_const(submitted))
        statuses.append(args.at(2).toString());
    QVERIFY2(statuses.contains(QStringLiteral("denied")), qPrintable(statuses.join(QLatin1Char(','))));

    ui::MainWindow *window = m_console->window();
    QString refund;
    for (int row = 0; row < m_console->queue()->rowCount(); ++row) {
        const auto *entry = m_console->queue()->entry(row);
        if (entry->action.tool.name == QStringLiteral("payments.refund"))
            refund = entry->id;
    }
    QVERIFY(!refund.isEmpty());
    window->selectAction(refund);
    testing::readEveryPane(window->review());
    QTRY_VERIFY(window->approveButton()->isEnabled());
    ui::DialogSeam::setNextAnswer(QString::fromLatin1(ui::DecisionDialog::kSeamName),
                                  QStringLiteral("Demo: refund matches the order."));
    QTest::mouseClick(window->approveButton(), Qt::LeftButton);
    // The demo agent's long-poll sees the outcome.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &args : std::as_const(outcome)) {
                if (args.at(0).toString() == refund)
                    return args.at(1).toString() == QStringLiteral("approved");
            }
            return false;
        }(),
        20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_console->queue()->entry(refund) == nullptr, 10000);
}

void TestDemoMode::eachPaneCanBeMaximisedAndRestored()
{
    ui::ReviewPanel *review = m_console->window()->review();
    const QList<ui::ReviewPane *> panes = review->findChildren<ui::ReviewPane *>();
    QCOMPARE(panes.size(), 4);
    for (ui::ReviewPane *pane : panes) {
        pane->setMaximised(true);
        for (ui::ReviewPane *other : panes)
            QCOMPARE(other->isVisibleTo(review), other == pane);
        pane->setMaximised(false);
        for (ui::ReviewPane *other : panes)
            QVERIFY(other->isVisibleTo(review));
    }
}

void TestDemoMode::stoppingTheDemoStopsTheBrokerAndRemovesItsFiles()
{
    const QString dir = m_demo->directory();
    QVERIFY(QDir(dir).exists());
    m_console.reset();
    m_demo->stop();
    QVERIFY(!m_demo->isRunning());
    m_demo.reset();
    QVERIFY2(!QDir(dir).exists(), qPrintable(dir));
}

QTEST_MAIN(TestDemoMode)
#include "TestDemoMode.moc"
