#include "core/ActionDigest.h"
#include "core/Base64Url.h"
#include "core/Jws.h"
#include "core/KeyFile.h"
#include "core/LoginStatement.h"
#include "core/StatementType.h"
#include "models/ActionReport.h"
#include "models/AuditVerification.h"
#include "models/DecisionsModel.h"
#include "models/HistoryModel.h"
#include "models/HistorySync.h"
#include "models/IncidentTimeline.h"
#include "net/BrokerConnection.h"
#include "storage/ConsoleSchema.h"
#include "storage/Database.h"
#include "storage/HistoryStore.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;
using storage::HistoryStore;

// The history cache against a real countersignd: thousands of actions
// synced page by page, resync after a restart, filters and full-text search,
// local decision verification, the incident timeline, and audit verification
// catching a tampered broker database.
class TestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cacheEqualsBrokerAfterSync();
    void filtersAndSearchReturnExactRows();
    void sortingOrdersEveryColumn();
    void decisionSignatureStates();
    void timelineTellsTheStoryOfOneAction();
    void reportEscapesAgentText();
    void auditVerificationPassesOnTheRealLog();
    void auditVerificationDetectsTampering_data();
    void auditVerificationDetectsTampering();
    void resyncAfterBrokerRestartAddsOnlyNewOnes();
    void bulkInsertIsFastAndModelStaysWindowed();

private:
    struct Cache
    {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<storage::Database> db;
        std::unique_ptr<HistoryStore> store;
    };
    Cache makeCache();
    std::unique_ptr<net::BrokerConnection> connect(const BrokerFixture::Approver &who);
    bool sync(HistoryStore &store, const BrokerFixture::Approver &who, qint64 *received = nullptr);
    QString submitHold(const QString &tag);
    QJsonObject pendingAction(const QString &id);
    QSet<QString> brokerResolvedIds() const;
    core::Ed25519PublicKey brokerKey() const;

    BrokerFixture m_broker;
    BrokerFixture::Approver m_alice;
    BrokerFixture::Approver m_bob;
    std::vector<std::unique_ptr<AgentClient>> m_agents;
    QString m_holdToken;
    Cache m_cache;
    // What was submitted, to compute the expected rows independently of the cache.
    struct Submitted
    {
        QString id;
        QString agent;
        QString user;
        QString tool;
        QString outcome;
        bool zebra = false;
        bool quokka = false;
    };
    QList<Submitted> m_submitted;
    QString m_approvedByAlice;
    QString m_deniedByBob;
    static constexpr int kActions = 2400;
};

void TestHistory::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    // Every sync is a fresh login; the default limit (10 a minute) is for people.
    QVERIFY(m_broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("login_attempts_per_minute"),
                                    QStringLiteral("10000")));
    QVERIFY(m_broker.writePolicy("version = 1\n\n"
                                 "[[rules]]\nid = \"hist-allow\"\ndescription = \"allowed\"\naction = \"allow\"\n"
                                 "[rules.match]\ntool = \"allow.*\"\n\n"
                                 "[[rules]]\nid = \"hist-hold\"\ndescription = \"held\"\naction = \"approve\"\n"
                                 "approver_roles = [\"approver\"]\ndeadline = \"1h\"\n"
                                 "[rules.match]\ntool = \"hold.*\"\n"));
    m_alice = m_broker.enrolApprover(QStringLiteral("Alice Auditor"), {QStringLiteral("approver")},
                                     {QStringLiteral("acme"), QStringLiteral("globex")});
    m_bob = m_broker.enrolApprover(QStringLiteral("Bob Approver"), {QStringLiteral("approver")},
                                   {QStringLiteral("acme"), QStringLiteral("globex")});
    QVERIFY(m_alice.key && m_bob.key);
    const QList<QPair<QString, QString>> agents {{QStringLiteral("acme"), QStringLiteral("agent:alpha")},
                                                 {QStringLiteral("acme"), QStringLiteral("agent:beta")},
                                                 {QStringLiteral("globex"), QStringLiteral("agent:gamma")}};
    QStringList tokens;
    for (const auto &[tenant, agent] : agents)
        tokens.append(m_broker.createToken(tenant, agent, {QStringLiteral("*")}));
    m_holdToken = tokens.first();
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY(!token.isEmpty());
        m_agents.push_back(std::make_unique<AgentClient>(m_broker.httpsUrl(QString()), m_broker.clientTls(), token));
    }
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kActions; ++i) {
        const int a = i % 3;
        Submitted s;
        s.agent = agents.at(a).second;
        s.user = QStringLiteral("user%1@example.com").arg(i % 5);
        s.tool = i % 4 == 0 ? QStringLiteral("files.delete") : QStringLiteral("allow.files.write");
        s.outcome = i % 4 == 0 ? QStringLiteral("denied") : QStringLiteral("allowed");
        s.zebra = i % 250 == 7;
        s.quokka = i % 300 == 11;
        QJsonObject action = TestActions::action(agents.at(a).first, s.agent, s.tool, s.user);
        QJsonObject arguments = action.value(QStringLiteral("arguments")).toObject();
        arguments.insert(QStringLiteral("note"),
                         s.zebra ? QStringLiteral("zebra crossing %1").arg(i) : QStringLiteral("routine %1").arg(i));
        action.insert(QStringLiteral("arguments"), arguments);
        if (s.quokka) {
            QJsonArray evidence = action.value(QStringLiteral("evidence")).toArray();
            QJsonObject e = evidence.isEmpty() ? QJsonObject() : evidence.first().toObject();
            e.insert(QStringLiteral("id"), QStringLiteral("ev-quokka"));
            e.insert(QStringLiteral("kind"), QStringLiteral("retrieval"));
            e.insert(QStringLiteral("trust"), QStringLiteral("internal"));
            e.insert(QStringLiteral("title"), QStringLiteral("Quokka census report"));
            if (evidence.isEmpty())
                evidence.append(e);
            else
                evidence.replace(0, e);
            action.insert(QStringLiteral("evidence"), evidence);
        }
        const AgentClient::Reply reply
            = m_agents.at(a)->submit(TestActions::bytes(action), QStringLiteral("h-%1").arg(i));
        QVERIFY2(reply.status == 200 || reply.status == 201 || reply.status == 202 || reply.status == 403,
                 reply.raw.constData());
        s.id = reply.body.value(QStringLiteral("id")).toString();
        QVERIFY2(!s.id.isEmpty(), reply.raw.constData());
        QCOMPARE(reply.body.value(QStringLiteral("status")).toString(), s.outcome);
        m_submitted.append(s);
    }
    qInfo("submitted %d actions in %lld ms", kActions, qint64(timer.elapsed()));

    // Human decisions: Alice approves one, Bob denies another.
    m_approvedByAlice = submitHold(QStringLiteral("alice"));
    m_deniedByBob = submitHold(QStringLiteral("bob"));
    ConsoleClient alice(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(alice.login(*m_alice.key));
    QVERIFY(alice
                .decide(ConsoleClient::signDecision(*m_alice.key, pendingAction(m_approvedByAlice),
                                                    QStringLiteral("approve"), QStringLiteral("checked the invoice")))
                .value(QStringLiteral("accepted"))
                .toBool());
    ConsoleClient bob(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(bob.login(*m_bob.key));
    QVERIFY(bob.decide(ConsoleClient::signDecision(*m_bob.key, pendingAction(m_deniedByBob), QStringLiteral("deny"),
                                                   QStringLiteral("wrong recipient")))
                .value(QStringLiteral("accepted"))
                .toBool());
    m_cache = makeCache();
}

QString TestHistory::submitHold(const QString &tag)
{
    QJsonObject action
        = TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:alpha"),
                              QStringLiteral("hold.payments.refund"), QStringLiteral("carol@example.com"));
    const AgentClient::Reply reply
        = m_agents.front()->submit(TestActions::bytes(action), QStringLiteral("hold-") + tag);
    return reply.body.value(QStringLiteral("id")).toString();
}

QJsonObject TestHistory::pendingAction(const QString &id)
{
    ConsoleClient probe(m_broker.consoleUrl(), m_broker.clientTls());
    if (!probe.login(*m_alice.key))
        return {};
    for (const QJsonObject &m : probe.subscribe(0)) {
        const QJsonObject action = m.value(QStringLiteral("action")).toObject();
        if (action.value(QStringLiteral("id")).toString() == id)
            return action;
    }
    return {};
}

TestHistory::Cache TestHistory::makeCache()
{
    Cache c;
    c.dir = std::make_unique<QTemporaryDir>();
    QString error;
    c.db = storage::Database::open(c.dir->filePath(QStringLiteral("console.db")), &error);
    if (!c.db || !c.db->migrate(storage::ConsoleSchema::migrations(), &error))
        qFatal("cannot open the cache: %s", qPrintable(error));
    c.store = std::make_unique<HistoryStore>(*c.db);
    return c;
}

std::unique_ptr<net::BrokerConnection> TestHistory::connect(const BrokerFixture::Approver &who)
{
    auto connection = std::make_unique<net::BrokerConnection>();
    net::ConnectionProfile profile;
    profile.url = m_broker.consoleUrl();
    profile.pinnedFingerprint = net::BrokerConnection::fingerprintOf(
        QSslCertificate::fromPath(m_broker.dir() + QStringLiteral("/tls/broker.crt")).first());
    connection->setProfile(profile);
    const auto key = who.key;
    connection->setLoginSigner(
        [key](const QString &nonce, const QString &broker) { return core::LoginStatement::sign(*key, nonce, broker); });
    return connection;
}

bool TestHistory::sync(HistoryStore &store, const BrokerFixture::Approver &who, qint64 *received)
{
    auto connection = connect(who);
    models::HistorySync sync(&store, connection.get());
    QSignalSpy finished(&sync, &models::HistorySync::roundFinished);
    QSignalSpy failed(&sync, &models::HistorySync::failed);
    connection->start();
    // The outcome is read from the spies below; the wait only bounds it.
    static_cast<void>(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000));
    if (finished.isEmpty() || !failed.isEmpty()) {
        qWarning() << "sync failed:" << (failed.isEmpty() ? QStringLiteral("timeout") : failed.first().at(0).toString())
                   << connection->stateText();
        return false;
    }
    if (received)
        *received = sync.lastRoundActions();
    return true;
}

QSet<QString> TestHistory::brokerResolvedIds() const
{
    QSet<QString> ids;
    const auto result = m_broker.sql(QStringLiteral("SELECT id FROM actions WHERE status != 'pending';"));
    for (const QByteArray &line : result.out.split('\n')) {
        if (!line.trimmed().isEmpty())
            ids.insert(QString::fromUtf8(line.trimmed()));
    }
    return ids;
}

core::Ed25519PublicKey TestHistory::brokerKey() const
{
    const auto key = core::KeyFile::readPublicKey(m_broker.dir() + QStringLiteral("/keys/broker.pub"));
    if (!key)
        qFatal("no broker key");
    return *key;
}

void TestHistory::cacheEqualsBrokerAfterSync()
{
    QElapsedTimer timer;
    timer.start();
    qint64 received = 0;
    QVERIFY(sync(*m_cache.store, m_alice, &received));
    qInfo("synced %lld actions in %lld ms", received, qint64(timer.elapsed()));
    const QSet<QString> expected = brokerResolvedIds();
    QCOMPARE(expected.size(), kActions + 2);
    const QStringList cached = m_cache.store->ids({}, HistoryStore::Column::Seq, Qt::AscendingOrder, 1000000);
    QCOMPARE(QSet<QString>(cached.begin(), cached.end()), expected);
    QCOMPARE(m_cache.store->count({}), qint64(expected.size()));
    // Every cached message is the broker's, byte for byte in content: same digest as the broker stored.
    const QString someId = m_submitted.at(kActions / 2).id;
    const auto message = m_cache.store->message(someId);
    QVERIFY(message);
    QCOMPARE(core::ActionDigest::compute(message->value(QStringLiteral("action")).toObject()),
             m_broker.sqlValue(QStringLiteral("SELECT digest FROM actions WHERE id = '%1'").arg(someId)));
    QCOMPARE(m_cache.store->auditHead(), m_broker.auditHead());
    QVERIFY(m_cache.store->hasFullText());
}

void TestHistory::filtersAndSearchReturnExactRows()
{
    models::HistoryModel model(m_cache.store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto expectIds = [&](const std::function<bool(const Submitted &)> &pred) {
        QSet<QString> ids;
        for (const Submitted &s : std::as_const(m_submitted))
            if (pred(s))
                ids.insert(s.id);
        return ids;
    };
    auto shownIds = [&] {
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.index(row, 0).data(models::HistoryModel::ActionIdRole).toString());
        return ids;
    };
    HistoryStore::Filter f;
    f.agent = QStringLiteral("agent:beta");
    model.setFilter(f);
    QCOMPARE(shownIds(), expectIds([](const Submitted &s) { return s.agent == QStringLiteral("agent:beta"); }));

    f = {};
    f.tenant = QStringLiteral("globex");
    f.outcome = QStringLiteral("denied");
    model.setFilter(f);
    QCOMPARE(shownIds(), expectIds([](const Submitted &s) {
                 return s.agent == QStringLiteral("agent:gamma") && s.outcome == QStringLiteral("denied");
             }));

    f = {};
    f.user = QStringLiteral("user3@example.com");
    f.tool = QStringLiteral("allow.files.write");
    model.setFilter(f);
    QCOMPARE(shownIds(), expectIds([](const Submitted &s) {
                 return s.user == QStringLiteral("user3@example.com") && s.tool == QStringLiteral("allow.files.write");
             }));

    f = {};
    f.rule = QStringLiteral("default-deny");
    model.setFilter(f);
    QCOMPARE(shownIds(), expectIds([](const Submitted &s) { return s.outcome == QStringLiteral("denied"); }));

    // Free text: a word in the tool arguments, and one in the evidence.
    f = {};
    f.text = QStringLiteral("zebra");
    model.setFilter(f);
    const QSet<QString> zebras = expectIds([](const Submitted &s) { return s.zebra; });
    QVERIFY(zebras.size() >= 9);
    QCOMPARE(shownIds(), zebras);
    f.text = QStringLiteral("quokka census");
    model.setFilter(f);
    QCOMPARE(shownIds(), expectIds([](const Submitted &s) { return s.quokka; }));
    // FTS syntax typed by a user is just text.
    f.text = QStringLiteral("zebra\" OR \"routine");
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 0);

    // Approver: by name and by key id.
    f = {};
    f.approver = QStringLiteral("Bob Approver");
    model.setFilter(f);
    QCOMPARE(shownIds(), QSet<QString> {m_deniedByBob});
    f.approver = m_alice.keyId;
    model.setFilter(f);
    QCOMPARE(shownIds(), QSet<QString> {m_approvedByAlice});
    QCOMPARE(model.index(0, models::HistoryModel::ApproversColumn).data().toString(), QStringLiteral("Alice Auditor"));

    // Time range: from the 100th submission (inclusive) to the 200th (exclusive).
    const auto first = m_cache.store->message(m_submitted.at(100).id);
    const auto last = m_cache.store->message(m_submitted.at(200).id);
    QVERIFY(first && last);
    f = {};
    f.from = QDateTime::fromString(
        first->value(QStringLiteral("action")).toObject().value(QStringLiteral("submitted_at")).toString(),
        Qt::ISODateWithMs);
    f.to = QDateTime::fromString(
        last->value(QStringLiteral("action")).toObject().value(QStringLiteral("submitted_at")).toString(),
        Qt::ISODateWithMs);
    model.setFilter(f);
    const QSet<QString> range = shownIds();
    QVERIFY(range.contains(m_submitted.at(100).id));
    QVERIFY(!range.contains(m_submitted.at(200).id));
    for (int i = 0; i < kActions; ++i) {
        if (i < 95 || i > 205)
            QVERIFY(!range.contains(m_submitted.at(i).id));
    }
    // Row lookup follows filter and sort.
    const int row = model.rowOfAction(m_submitted.at(150).id);
    QVERIFY(row >= 0);
    QCOMPARE(model.actionIdAt(row), m_submitted.at(150).id);
    QCOMPARE(model.rowOfAction(m_submitted.at(300).id), -1);
}

void TestHistory::sortingOrdersEveryColumn()
{
    models::HistoryModel model(m_cache.store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int column = 0; column < models::HistoryModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            QString previous;
            // The first pages and the last page: each in order.
            for (int row : {0, 1, 2, 100, 255, 256, 1000, model.rowCount() - 2, model.rowCount() - 1}) {
                const QString value = model.index(row, column).data().toString();
                if (!previous.isEmpty()) {
                    if (order == Qt::AscendingOrder)
                        QVERIFY2(previous <= value,
                                 qPrintable(QStringLiteral("col %1: %2 > %3").arg(column).arg(previous, value)));
                    else
                        QVERIFY2(previous >= value,
                                 qPrintable(QStringLiteral("col %1: %2 < %3").arg(column).arg(previous, value)));
                }
                previous = value;
            }
            QVERIFY(model.cachedPages() <= models::HistoryModel::kMaxPages);
        }
    }
    // Selection survives a sort: persistent indexes follow their action.
    model.sort(models::HistoryModel::TimeColumn, Qt::AscendingOrder);
    const QPersistentModelIndex kept = model.index(10, 0);
    const QString id = kept.data(models::HistoryModel::ActionIdRole).toString();
    model.sort(models::HistoryModel::AgentColumn, Qt::DescendingOrder);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(models::HistoryModel::ActionIdRole).toString(), id);
}

void TestHistory::decisionSignatureStates()
{
    const auto message = m_cache.store->message(m_approvedByAlice);
    QVERIFY(message);
    const QJsonObject action = message->value(QStringLiteral("action")).toObject();
    auto keys = models::DecisionsModel::keysFrom(*m_cache.store);
    QVERIFY(keys.contains(m_alice.keyId));

    // Valid.
    QList<core::DecisionCheck> checks = models::DecisionsModel::checkAll(action, keys);
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks.first().signature, core::DecisionCheck::Signature::Valid);
    QVERIFY(checks.first().digestMatches);
    QVERIFY(checks.first().holds());
    QCOMPARE(checks.first().approverName, QStringLiteral("Alice Auditor"));
    QCOMPARE(checks.first().verdict, QStringLiteral("approve"));
    QCOMPARE(checks.first().reason, QStringLiteral("checked the invoice"));

    // Tampered payload: the reason rewritten, the signature kept.
    const QString jws = action.value(QStringLiteral("decisions"))
                            .toArray()
                            .first()
                            .toObject()
                            .value(QStringLiteral("jws"))
                            .toString();
    const QStringList parts = jws.split(QLatin1Char('.'));
    QCOMPARE(parts.size(), 3);
    QByteArray payload = *core::Base64Url::decode(parts.at(1).toLatin1());
    payload.replace("checked the invoice", "did not check at all");
    const QString forged = parts.at(0) + QLatin1Char('.') + QString::fromLatin1(core::Base64Url::encode(payload))
        + QLatin1Char('.') + parts.at(2);
    core::DecisionCheck tampered = core::DecisionCheck::check(forged.toLatin1(), action, keys);
    QCOMPARE(tampered.signature, core::DecisionCheck::Signature::Invalid);
    QVERIFY(!tampered.holds());
    QVERIFY(models::DecisionsModel::signatureText(tampered).startsWith(QStringLiteral("INVALID")));

    // The displayed action differs from the one signed.
    QJsonObject altered = action;
    QJsonObject arguments = altered.value(QStringLiteral("arguments")).toObject();
    arguments.insert(QStringLiteral("amount"), 1000000);
    altered.insert(QStringLiteral("arguments"), arguments);
    const core::DecisionCheck mismatch = core::DecisionCheck::check(jws.toLatin1(), altered, keys);
    QCOMPARE(mismatch.signature, core::DecisionCheck::Signature::Valid);
    QVERIFY(!mismatch.digestMatches);
    QVERIFY(models::DecisionsModel::digestText(mismatch).startsWith(QStringLiteral("MISMATCH")));

    // Unknown key.
    const core::DecisionCheck unknown = core::DecisionCheck::check(jws.toLatin1(), action, {});
    QCOMPARE(unknown.signature, core::DecisionCheck::Signature::KeyUnknown);

    // Revoked since: Bob is revoked after signing; the console learns it from the audit log.
    const auto revoke = m_broker.cli({QStringLiteral("approver"), QStringLiteral("revoke"), QStringLiteral("--config"),
                                      m_broker.configPath(), m_bob.keyId});
    QVERIFY2(revoke.exitCode == 0, revoke.err.constData());
    QVERIFY(sync(*m_cache.store, m_alice));
    keys = models::DecisionsModel::keysFrom(*m_cache.store);
    const auto bobs = m_cache.store->message(m_deniedByBob);
    QVERIFY(bobs);
    checks = models::DecisionsModel::checkAll(bobs->value(QStringLiteral("action")).toObject(), keys);
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks.first().signature, core::DecisionCheck::Signature::KeyRevokedSince);
    QVERIFY(checks.first().digestMatches);
    QCOMPARE(checks.first().approverName, QStringLiteral("Bob Approver"));

    models::DecisionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(checks);
    QVERIFY(model.index(0, models::DecisionsModel::SignatureColumn)
                .data()
                .toString()
                .contains(QStringLiteral("revoked since")));
}

void TestHistory::timelineTellsTheStoryOfOneAction()
{
    const auto message = m_cache.store->message(m_approvedByAlice);
    QVERIFY(message);
    const QJsonObject action = message->value(QStringLiteral("action")).toObject();
    const QList<models::TimelineEvent> events = models::IncidentTimeline::build(*m_cache.store, action);
    QStringList kinds;
    for (const models::TimelineEvent &e : events)
        kinds.append(e.event);
    QCOMPARE(
        kinds,
        (QStringList {QStringLiteral("request_received"), QStringLiteral("submitted"), QStringLiteral("policy_decided"),
                      QStringLiteral("decision_accepted"), QStringLiteral("resolved")}));
    const QString trace = models::IncidentTimeline::traceId(*m_cache.store, action);
    QVERIFY(!trace.isEmpty());
    QVERIFY(events.at(1).text.contains(trace));
    QVERIFY(events.at(2).text.contains(QStringLiteral("hist-hold")));
    QVERIFY(events.at(3).text.contains(QStringLiteral("Alice Auditor")));
}

void TestHistory::reportEscapesAgentText()
{
    auto message = m_cache.store->message(m_approvedByAlice);
    QVERIFY(message);
    QJsonObject action = message->value(QStringLiteral("action")).toObject();
    QJsonObject arguments = action.value(QStringLiteral("arguments")).toObject();
    arguments.insert(QStringLiteral("body"),
                     QStringLiteral("<script>alert(1)</script><a href=\"http://evil\">x</a>\u202E"));
    action.insert(QStringLiteral("arguments"), arguments);
    message->insert(QStringLiteral("action"), action);
    const auto keys = models::DecisionsModel::keysFrom(*m_cache.store);
    const QString html = models::ActionReport::html(*message, models::DecisionsModel::checkAll(action, keys),
                                                    models::IncidentTimeline::build(*m_cache.store, action));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("<a href")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    QVERIFY(!html.contains(QChar(0x202E)));
    QVERIFY(html.contains(QStringLiteral("Alice Auditor")));
    QVERIFY(html.contains(QStringLiteral("Decisions")));
    QVERIFY(html.contains(QStringLiteral("Incident timeline")));
}

void TestHistory::auditVerificationPassesOnTheRealLog()
{
    models::AuditVerification verification(m_cache.store.get());
    QSignalSpy finished(&verification, &models::AuditVerification::finished);
    QSignalSpy progress(&verification, &models::AuditVerification::progress);
    QVERIFY(verification.start(brokerKey()));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(verification.summary()));
    QVERIFY(progress.size() >= 2); // chunked: more than one turn of the event loop
    QVERIFY2(
        verification.summary().startsWith(
            QStringLiteral("Verified up to seq %1 at checkpoint time").arg(verification.result().lastCheckpointSeq)),
        qPrintable(verification.summary()));
    QVERIFY(verification.result().lastCheckpointSeq > 0);

    // Cancel stops it and says so.
    QVERIFY(verification.start(brokerKey()));
    verification.cancel();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.last().at(0).toBool());
    QVERIFY(verification.summary().contains(QStringLiteral("cancelled")));

    // A key that is not the broker's proves nothing.
    const auto other = core::Ed25519PrivateKey::generate();
    const auto wrong = models::AuditVerification::verifyNow(*m_cache.store, other.publicKey());
    QVERIFY(!wrong.ok);
    QVERIFY(wrong.problem.contains(QStringLiteral("not signed by the pinned broker key")));
}

void TestHistory::auditVerificationDetectsTampering_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("modified entry") << QStringLiteral("modified");
    QTest::newRow("deleted entry") << QStringLiteral("deleted");
    QTest::newRow("reordered pair") << QStringLiteral("reordered");
    QTest::newRow("forged checkpoint") << QStringLiteral("checkpoint");
}

void TestHistory::auditVerificationDetectsTampering()
{
    QFETCH(QString, kind);
    // The broker's own database is tampered (as an attacker with file access
    // would), a fresh console cache syncs it, and verification names the first bad seq.
    auto seqOf = [this](const QString &event, int nth) {
        return m_broker
            .sqlValue(QStringLiteral("SELECT seq FROM audit_log WHERE event = '%1' ORDER BY seq LIMIT 1 OFFSET %2")
                          .arg(event)
                          .arg(nth))
            .toLongLong();
    };
    const qint64 firstCheckpoint
        = m_broker.sqlValue(QStringLiteral("SELECT MIN(seq) FROM checkpoints WHERE seq > 200")).toLongLong();
    QVERIFY(firstCheckpoint > 0);
    qint64 expectedBad = 0;
    QString tamper;
    QString restore;
    if (kind == QStringLiteral("modified")) {
        expectedBad = seqOf(QStringLiteral("policy_decided"), 20);
        const QString data
            = m_broker.sqlValue(QStringLiteral("SELECT data FROM audit_log WHERE seq = %1").arg(expectedBad));
        tamper
            = QStringLiteral("UPDATE audit_log SET data = replace(data, 'default-deny', 'hist-allow') WHERE seq = %1;")
                  .arg(expectedBad);
        restore = QStringLiteral("UPDATE audit_log SET data = '%1' WHERE seq = %2;")
                      .arg(QString(data).replace(QLatin1Char('\''), QStringLiteral("''")))
                      .arg(expectedBad);
        QVERIFY(data.contains(QStringLiteral("default-deny")) || data.contains(QStringLiteral("hist-allow")));
        if (!data.contains(QStringLiteral("default-deny")))
            tamper
                = QStringLiteral("UPDATE audit_log SET data = replace(data, 'hist-allow', 'hist-hold') WHERE seq = %1;")
                      .arg(expectedBad);
    } else if (kind == QStringLiteral("deleted")) {
        expectedBad = seqOf(QStringLiteral("submitted"), 30);
        tamper
            = QStringLiteral(
                  "CREATE TABLE saved AS SELECT * FROM audit_log WHERE seq = %1; DELETE FROM audit_log WHERE seq = %1;")
                  .arg(expectedBad);
        restore = QStringLiteral("INSERT INTO audit_log SELECT * FROM saved; DROP TABLE saved;");
    } else if (kind == QStringLiteral("reordered")) {
        const qint64 a = seqOf(QStringLiteral("submitted"), 40);
        const qint64 b = a + 1;
        expectedBad = a;
        // Through a saved copy: an UPDATE's subqueries see rows it already changed.
        tamper = QStringLiteral(
                     "CREATE TABLE saved AS SELECT seq, event, data FROM audit_log WHERE seq IN (%1, %2); "
                     "UPDATE audit_log SET event = (SELECT event FROM saved WHERE saved.seq = %3 - audit_log.seq), "
                     "data = (SELECT data FROM saved WHERE saved.seq = %3 - audit_log.seq) WHERE seq IN (%1, %2);")
                     .arg(a)
                     .arg(b)
                     .arg(a + b);
        restore
            = QStringLiteral("UPDATE audit_log SET event = (SELECT event FROM saved WHERE saved.seq = audit_log.seq), "
                             "data = (SELECT data FROM saved WHERE saved.seq = audit_log.seq) WHERE seq IN (%1, %2); "
                             "DROP TABLE saved;")
                  .arg(a)
                  .arg(b);
    } else {
        expectedBad = firstCheckpoint;
        const QString saved
            = m_broker.sqlValue(QStringLiteral("SELECT jws FROM checkpoints WHERE seq = %1").arg(expectedBad));
        const core::Ed25519PrivateKey other = core::Ed25519PrivateKey::generate();
        const QString hash
            = m_broker.sqlValue(QStringLiteral("SELECT hash FROM audit_log WHERE seq = %1").arg(expectedBad));
        const auto jws
            = core::Jws::signStatement(other, core::statement_type::checkpoint(),
                                       {{QStringLiteral("seq"), expectedBad},
                                        {QStringLiteral("head_hash"), hash},
                                        {QStringLiteral("issued_at"), QStringLiteral("2026-12-04T00:00:00Z")},
                                        {QStringLiteral("broker"), m_broker.brokerKeyId()}});
        QVERIFY(jws);
        tamper = QStringLiteral("UPDATE checkpoints SET jws = '%1' WHERE seq = %2;")
                     .arg(QString::fromLatin1(*jws))
                     .arg(expectedBad);
        restore = QStringLiteral("UPDATE checkpoints SET jws = '%1' WHERE seq = %2;").arg(saved).arg(expectedBad);
    }
    QVERIFY(expectedBad > 1);
    const auto tampered = m_broker.sql(tamper);
    QVERIFY2(tampered.exitCode == 0, tampered.err.constData());
    Cache fresh = makeCache();
    const bool synced = sync(*fresh.store, m_alice);
    const auto undone = m_broker.sql(restore);
    QVERIFY2(undone.exitCode == 0, undone.err.constData());
    QVERIFY(synced);
    const core::AuditVerifier::Result result = models::AuditVerification::verifyNow(*fresh.store, brokerKey());
    QVERIFY2(!result.ok, qPrintable(result.summary()));
    QVERIFY2(result.firstBadSeq == expectedBad,
             qPrintable(QStringLiteral("expected %1: %2").arg(expectedBad).arg(result.summary())));
    QVERIFY(result.summary().contains(QStringLiteral("first bad entry is seq %1").arg(expectedBad)));
    if (kind == QStringLiteral("deleted"))
        QVERIFY(result.problem.contains(QStringLiteral("missing")));
    // And the restored log verifies again.
    Cache again = makeCache();
    QVERIFY(sync(*again.store, m_alice));
    const auto clean = models::AuditVerification::verifyNow(*again.store, brokerKey());
    QVERIFY2(clean.ok, qPrintable(clean.summary()));
}

void TestHistory::resyncAfterBrokerRestartAddsOnlyNewOnes()
{
    const qint64 before = m_cache.store->count({});
    QString error;
    QVERIFY2(m_broker.restart(&error), qPrintable(error));
    m_agents.clear();
    const QString token
        = m_broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:delta"), {QStringLiteral("*")});
    AgentClient agent(m_broker.httpsUrl(QString()), m_broker.clientTls(), token);
    QSet<QString> added;
    for (int i = 0; i < 25; ++i) {
        const auto reply
            = agent.submit(TestActions::bytes(TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:delta"),
                                                                  QStringLiteral("allow.x"))),
                           QStringLiteral("after-restart-%1").arg(i));
        QCOMPARE(reply.status, 200);
        added.insert(reply.body.value(QStringLiteral("id")).toString());
    }
    qint64 received = -1;
    QVERIFY(sync(*m_cache.store, m_alice, &received));
    QCOMPARE(received, qint64(added.size()));
    QCOMPARE(m_cache.store->count({}), before + added.size());
    HistoryStore::Filter f;
    f.agent = QStringLiteral("agent:delta");
    const QStringList ids = m_cache.store->ids(f, HistoryStore::Column::Time, Qt::AscendingOrder, 100);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()), added);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
}

void TestHistory::bulkInsertIsFastAndModelStaysWindowed()
{
    Cache bulk = makeCache();
    QList<QJsonObject> messages;
    constexpr int n = 20000;
    for (qint64 i = 1; i <= n; ++i)
        messages.append(HistoryStore::syntheticMessage(i));
    QElapsedTimer timer;
    timer.start();
    QString error;
    int stored = 0;
    QVERIFY2(bulk.store->insertMessages(messages, &error, &stored), qPrintable(error));
    QCOMPARE(stored, n);
    qInfo("bulk-inserted %d synthetic actions in %lld ms", n, qint64(timer.elapsed()));
    models::HistoryModel model(bulk.store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), n);
    QVERIFY(!model.index(n - 1, 0).data().toString().isEmpty());
    QVERIFY(model.cachedPages() <= models::HistoryModel::kMaxPages);
    HistoryStore::Filter f;
    f.agent = QStringLiteral("agent:bench-7");
    model.setFilter(f);
    int expected = 0;
    for (qint64 i = 1; i <= n; ++i)
        expected += i % 53 == 7 ? 1 : 0;
    QCOMPARE(model.rowCount(), expected);
    f = {};
    f.text = QStringLiteral("customer17@example.org");
    model.setFilter(f);
    QVERIFY(model.rowCount() > 0);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"
