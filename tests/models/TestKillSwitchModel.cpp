#include "models/KillSwitchModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using countersign::models::KillSwitchModel;

namespace {

QJsonObject killSwitch(const QString &id, const QString &scope, const QString &target, int killed = 0)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("scope"), scope},
            {QStringLiteral("target"), target},
            {QStringLiteral("reason"), QStringLiteral("incident 42")},
            {QStringLiteral("engaged_by"), QStringLiteral("ed25519:oncall")},
            {QStringLiteral("engaged_at"), QStringLiteral("2026-12-04T12:00:00Z")},
            {QStringLiteral("killed_count"), killed},
            {QStringLiteral("active"), true}};
}

QJsonObject ksEvent(const QString &operation, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), QStringLiteral("killswitch"));
    fields.insert(QStringLiteral("operation"), operation);
    return fields;
}

} // namespace

// The active kill switches and their history, as the panel shows them.
class TestKillSwitchModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void syncedListFillsTheTable();
    void engageAndReleaseEvents();
    void optionalFieldsDegradeGracefully();
    void untrustedTextIsFormatted();
    void listReplyReplacesActiveAndHistory();

private:
    QString cell(int row, int column) const { return m_model->index(row, column).data().toString(); }

    std::unique_ptr<KillSwitchModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestKillSwitchModel::init()
{
    m_model = std::make_unique<KillSwitchModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestKillSwitchModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestKillSwitchModel::syncedListFillsTheTable()
{
    m_model->setActive(
        QJsonArray {killSwitch(QStringLiteral("ks_1"), QStringLiteral("agent"), QStringLiteral("agent:alpha"), 3),
                    killSwitch(QStringLiteral("ks_2"), QStringLiteral("global"), QString())});
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(KillSwitchModel::ColumnCount));
    QCOMPARE(cell(0, KillSwitchModel::ScopeColumn), QStringLiteral("agent"));
    QCOMPARE(cell(0, KillSwitchModel::TargetColumn), QStringLiteral("agent:alpha"));
    QCOMPARE(cell(0, KillSwitchModel::EngagedByColumn), QStringLiteral("ed25519:oncall"));
    QCOMPARE(cell(0, KillSwitchModel::EngagedAtColumn), QStringLiteral("2026-12-04T12:00:00Z"));
    QCOMPARE(cell(0, KillSwitchModel::ReasonColumn), QStringLiteral("incident 42"));
    QCOMPARE(cell(0, KillSwitchModel::KilledColumn), QStringLiteral("3"));
    QCOMPARE(cell(1, KillSwitchModel::TargetColumn), QStringLiteral("(everything)"));
    QCOMPARE(m_model->rowOf(QStringLiteral("agent"), QStringLiteral("AGENT:Alpha")), 0);
    QCOMPARE(m_model->rowOf(QStringLiteral("tool"), QStringLiteral("agent:alpha")), -1);
    QCOMPARE(m_model->index(0, 0).data(KillSwitchModel::TargetRole).toString(), QStringLiteral("agent:alpha"));
    QCOMPARE(m_model->headerData(KillSwitchModel::KilledColumn, Qt::Horizontal).toString(),
             QStringLiteral("Pending killed"));
}

void TestKillSwitchModel::engageAndReleaseEvents()
{
    QSignalSpy history(m_model.get(), &KillSwitchModel::historyChanged);
    m_model->applyEvent(ksEvent(QStringLiteral("engage"),
                                killSwitch(QStringLiteral("ks_1"), QStringLiteral("tool"), QStringLiteral("x.y"), 1)));
    QCOMPARE(m_model->rowCount(), 1);
    // The same switch again (e.g. a replay) updates rather than duplicates.
    m_model->applyEvent(ksEvent(QStringLiteral("engage"),
                                killSwitch(QStringLiteral("ks_1"), QStringLiteral("tool"), QStringLiteral("x.y"), 4)));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, KillSwitchModel::KilledColumn), QStringLiteral("4"));
    QJsonObject released = killSwitch(QStringLiteral("ks_1"), QStringLiteral("tool"), QStringLiteral("x.y"));
    released.insert(QStringLiteral("active"), false);
    m_model->applyEvent(ksEvent(QStringLiteral("release"), released));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(history.count(), 3);
    QCOMPARE(m_model->history().size(), 3);
    QVERIFY2(m_model->history().constLast().contains(QStringLiteral("release tool x.y")),
             qPrintable(m_model->history().constLast()));
    // An unknown operation (a future drill event, say) changes nothing.
    m_model->applyEvent(ksEvent(QStringLiteral("drill"),
                                killSwitch(QStringLiteral("ks_9"), QStringLiteral("tool"), QStringLiteral("z"))));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->history().size(), 3);
}

void TestKillSwitchModel::optionalFieldsDegradeGracefully()
{
    m_model->setActive(QJsonArray {killSwitch(QStringLiteral("ks_1"), QStringLiteral("user"), QStringLiteral("u@x"))});
    QCOMPARE(cell(0, KillSwitchModel::RefusedColumn), QStringLiteral("not reported"));
    QCOMPARE(cell(0, KillSwitchModel::AgentsColumn), QStringLiteral("not reported"));
    QJsonObject richer = killSwitch(QStringLiteral("ks_1"), QStringLiteral("user"), QStringLiteral("u@x"));
    richer.insert(QStringLiteral("refused_count"), 7);
    richer.insert(QStringLiteral("agents"), QJsonArray {QStringLiteral("agent:a"), QStringLiteral("agent:b")});
    m_model->applyEvent(ksEvent(QStringLiteral("engage"), richer));
    QCOMPARE(cell(0, KillSwitchModel::RefusedColumn), QStringLiteral("7"));
    QCOMPARE(cell(0, KillSwitchModel::AgentsColumn), QStringLiteral("agent:a, agent:b"));
}

void TestKillSwitchModel::untrustedTextIsFormatted()
{
    QJsonObject crafted
        = killSwitch(QStringLiteral("ks_1"), QStringLiteral("agent"), QStringLiteral("agent:\u202Eevil"));
    crafted.insert(QStringLiteral("reason"), QStringLiteral("<b>line one</b>\nline two"));
    m_model->setActive(QJsonArray {crafted});
    const QString target = cell(0, KillSwitchModel::TargetColumn);
    QVERIFY2(target.contains(QStringLiteral("U+202E")), qPrintable(target));
    QVERIFY(!target.contains(QChar(0x202E)));
    const QString reason = cell(0, KillSwitchModel::ReasonColumn);
    QVERIFY(!reason.contains(QLatin1Char('\n')));
    QVERIFY(reason.contains(QStringLiteral("<b>")));
    // The raw role keeps the value for matching.
    QCOMPARE(m_model->index(0, 0).data(KillSwitchModel::TargetRole).toString(), QStringLiteral("agent:\u202Eevil"));
    m_model->applyEvent(ksEvent(QStringLiteral("engage"), crafted));
    QVERIFY(!m_model->history().constLast().contains(QChar(0x202E)));
}

void TestKillSwitchModel::listReplyReplacesActiveAndHistory()
{
    m_model->setActive(QJsonArray {killSwitch(QStringLiteral("ks_1"), QStringLiteral("agent"), QStringLiteral("a"))});
    m_model->setActive(QJsonArray {killSwitch(QStringLiteral("ks_2"), QStringLiteral("tenant"), QStringLiteral("acme")),
                                   killSwitch(QStringLiteral("ks_3"), QStringLiteral("tool"), QStringLiteral("t"))});
    QCOMPARE(m_model->rowCount(), 2);
    QJsonObject old = killSwitch(QStringLiteral("ks_1"), QStringLiteral("agent"), QStringLiteral("a"));
    old.insert(QStringLiteral("active"), false);
    old.insert(QStringLiteral("released_at"), QStringLiteral("2026-12-04T12:30:00Z"));
    old.insert(QStringLiteral("released_by"), QStringLiteral("ed25519:other"));
    old.insert(QStringLiteral("release_reason"), QStringLiteral("all clear"));
    m_model->setHistory(
        QJsonArray {old, killSwitch(QStringLiteral("ks_2"), QStringLiteral("tenant"), QStringLiteral("acme"))});
    const QStringList history = m_model->history();
    QCOMPARE(history.size(), 3);
    QVERIFY2(history.at(0).contains(QStringLiteral("engage agent a by ed25519:oncall: incident 42")),
             qPrintable(history.at(0)));
    QVERIFY2(history.at(2).startsWith(QStringLiteral("2026-12-04T12:30:00Z"))
                 && history.at(2).contains(QStringLiteral("release agent a by ed25519:other: all clear")),
             qPrintable(history.at(2)));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestKillSwitchModel)
#include "TestKillSwitchModel.moc"
