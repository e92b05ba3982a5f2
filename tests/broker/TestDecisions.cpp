#include "core/ActionDigest.h"
#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/DecisionStatement.h"
#include "core/Identifiers.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/Sha256.h"
#include "core/StatementType.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace countersign;
using namespace countersign::testing;

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:decision-tests");

// Every rule here holds for approval; the tool name picks the rule.
const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "approve-quorum-two"
description = "Two distinct approvers"
action = "approve"
approver_roles = ["approver"]
quorum = 2
deadline = "1h"
[rules.match]
tool = "test.quorum"

[[rules]]
id = "approve-reason-always"
description = "A written reason for either verdict"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
require_reason_on = "both"
[rules.match]
tool = "test.reason"

[[rules]]
id = "approve-short-deadline"
description = "Two seconds to decide"
action = "approve"
approver_roles = ["approver"]
deadline = "2s"
[rules.match]
tool = "test.short"

[[rules]]
id = "approve-test-tools"
description = "Any other test tool"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "test.*"
)";

} // namespace

// One negative test per decision rejection code, each with a real signed JWS
// over the real console WebSocket of a real countersignd. Each checks the exact
// code, that nothing about the action changed (as its agent sees it), and that
// the audit log recorded the rejection with that code.
class TestDecisions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badSignatureFromAnotherKeyUnderAForgedKid();
    void badSignatureForAlgNone_data();
    void badSignatureForAlgNone();
    void badSignatureForATamperedPayload();
    void unknownKey();
    void revokedKeyOnTheDecidePath();
    void revokedKeyClosesItsOwnOpenSession();
    void revokedKeyCannotLogIn();
    void revokedKeyStopsTheStreamToItsOpenSession();
    void digestMismatchForAModifiedAction();
    void digestMismatchForAnotherAction();
    void notPendingForAResolvedAction();
    void notPendingForAnUnknownAction();
    void expiredAfterTheDeadline();
    void selfApproval();
    void roleNotAllowed();
    void tenantNotAllowed();
    void replayOfAnAcceptedDecisionIsAnIdempotentDuplicate();
    void replayOfANonceInADifferentStatement();
    void reasonRequired();
    void killed();
    void malformedNonCanonicalPayload();
    void malformedMissingFields();
    void malformedApproverIsNotTheSigningKey();
    void wrongPrincipal();
    void alreadyDecided();

private:
    AgentClient agent() { return AgentClient(m_broker.httpsUrl(QString()), m_broker.clientTls(), m_token); }
    std::unique_ptr<ConsoleClient> console(const BrokerFixture::Approver &approver);
    // Submits a test action that policy holds for approval and returns it as the
    // console received it.
    QJsonObject submitPending(const QString &tool, const QString &user = QString());
    // Sends `jws` over `console` and checks the rejection from every side.
    void checkRejected(ConsoleClient &console, const QByteArray &jws, const QString &code, const QString &actionId);
    QString auditedRejection(const QByteArray &jws) const;
    bool revoke(const QString &keyId) const;

    static QJsonObject statement(const QJsonObject &action, const QString &verdict, const QString &reason,
                                 const QString &approver);
    static QByteArray header(const QString &kid, const QString &alg = QStringLiteral("EdDSA"));
    static QByteArray sign(const core::Ed25519PrivateKey &key, const QByteArray &header, const QByteArray &payload);
    static QByteArray payloadOf(const QByteArray &jws);

    BrokerFixture m_broker;
    QString m_token;
    BrokerFixture::Approver m_ari, m_bea, m_rex, m_gil, m_cy, m_dee, m_eve, m_oncall;
    std::unique_ptr<core::Ed25519PrivateKey> m_outsider;
    std::unique_ptr<ConsoleClient> m_console; // logged in as Ari, subscribed
    int m_counter = 0;
};

void TestDecisions::initTestCase()
{
    QString error;
    QVERIFY2(m_broker.init(&error), qPrintable(error));
    QVERIFY(m_broker.writePolicy(kPolicy));
    // The short-deadline rule needs a lower minimum than the product's 1m.
    QVERIFY(m_broker.setConfigValue(QStringLiteral("limits"), QStringLiteral("min_approval_deadline_seconds"),
                                    QStringLiteral("1")));
    m_token = m_broker.createToken(kTenant, kAgent, {QStringLiteral("test.*")});
    QVERIFY(m_token.startsWith(QStringLiteral("cst_")));
    const QStringList approver {QStringLiteral("approver")};
    const QStringList acme {kTenant};
    m_ari = m_broker.enrolApprover(QStringLiteral("Ari"), approver, acme, QStringLiteral("ari@acme.example"));
    m_bea = m_broker.enrolApprover(QStringLiteral("Bea"), approver, acme);
    m_rex = m_broker.enrolApprover(QStringLiteral("Rex"), {QStringLiteral("reviewer")}, acme);
    m_gil = m_broker.enrolApprover(QStringLiteral("Gil"), approver, {QStringLiteral("globex")});
    m_cy = m_broker.enrolApprover(QStringLiteral("Cy"), approver, acme);
    m_dee = m_broker.enrolApprover(QStringLiteral("Dee"), approver, acme);
    m_eve = m_broker.enrolApprover(QStringLiteral("Eve"), approver, acme);
    m_oncall = m_broker.enrolApprover(QStringLiteral("Otto"), {QStringLiteral("oncall")}, {QStringLiteral("*")});
    for (const auto *a : {&m_ari, &m_bea, &m_rex, &m_gil, &m_cy, &m_dee, &m_eve, &m_oncall})
        QVERIFY2(!a->keyId.isEmpty(), qPrintable(a->name));
    m_outsider = std::make_unique<core::Ed25519PrivateKey>(core::Ed25519PrivateKey::generate());
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_console = console(m_ari);
    QVERIFY(m_console);
    m_console->subscribe(0);
}

std::unique_ptr<ConsoleClient> TestDecisions::console(const BrokerFixture::Approver &approver)
{
    auto client = std::make_unique<ConsoleClient>(m_broker.consoleUrl(), m_broker.clientTls());
    if (!client->login(*approver.key)) {
        qWarning() << "login refused:" << client->lastError();
        return nullptr;
    }
    return client;
}

QJsonObject TestDecisions::submitPending(const QString &tool, const QString &user)
{
    const qsizetype mark = m_console->messages().size();
    const auto reply = agent().submit(TestActions::bytes(TestActions::action(kTenant, kAgent, tool, user)),
                                      QStringLiteral("decisions-%1").arg(++m_counter));
    if (reply.status != 202) {
        qWarning() << "submission not held:" << reply.status << reply.raw;
        return {};
    }
    const QString id = reply.body.value(QStringLiteral("id")).toString();
    for (qsizetype scanned = mark;;) {
        for (; scanned < m_console->messages().size(); ++scanned) {
            const QJsonObject action = m_console->messages().at(scanned).value(QStringLiteral("action")).toObject();
            if (action.value(QStringLiteral("id")).toString() == id)
                return action;
        }
        if (m_console->waitFor(QStringLiteral("action"), scanned, 10000).isEmpty())
            return {};
    }
}

QString TestDecisions::auditedRejection(const QByteArray &jws) const
{
    const QString hash
        = QStringLiteral("sha256:") + QString::fromLatin1(core::Base64Url::encode(core::Sha256::hash(jws)));
    return m_broker.sqlValue(QStringLiteral("SELECT group_concat(json_extract(data, '$.code')) FROM audit_log "
                                            "WHERE event = 'decision_rejected' "
                                            "AND json_extract(data, '$.statement_sha256') = '%1'")
                                 .arg(hash));
}

void TestDecisions::checkRejected(ConsoleClient &console, const QByteArray &jws, const QString &code,
                                  const QString &actionId)
{
    QVERIFY(!jws.isEmpty());
    AgentClient client = agent();
    const auto before = client.status(actionId);
    const QJsonObject reply = console.decide(jws);
    QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("decide_result"));
    QCOMPARE(reply.value(QStringLiteral("accepted")).toBool(true), false);
    QCOMPARE(reply.value(QStringLiteral("code")).toString(), code);
    QVERIFY2(!reply.value(QStringLiteral("message")).toString().isEmpty(), "a human sentence comes with the code");
    // Nothing changed: the agent sees the same status, seq, decisions and deadline.
    const auto after = client.status(actionId);
    QCOMPARE(after.status, before.status);
    QCOMPARE(after.body, before.body);
    QCOMPARE(auditedRejection(jws), code);
}

bool TestDecisions::revoke(const QString &keyId) const
{
    return m_broker
               .cli({QStringLiteral("approver"), QStringLiteral("revoke"), QStringLiteral("--config"),
                     m_broker.configPath(), keyId})
               .exitCode
        == 0;
}

QJsonObject TestDecisions::statement(const QJsonObject &action, const QString &verdict, const QString &reason,
                                     const QString &approver)
{
    core::DecisionStatement s;
    s.actionId = action.value(QStringLiteral("id")).toString();
    s.actionDigest = core::ActionDigest::compute(action);
    s.verdict = verdict;
    s.reason = reason;
    s.approver = approver;
    s.issuedAt = QDateTime::currentDateTimeUtc();
    s.nonce = core::Identifiers::newNonce();
    return s.toJson();
}

QByteArray TestDecisions::header(const QString &kid, const QString &alg)
{
    return core::CanonicalJson::serializeOrEmpty(
        QJsonObject {{QStringLiteral("alg"), alg},
                     {QStringLiteral("kid"), kid},
                     {QStringLiteral("typ"), core::statement_type::decision()}});
}

QByteArray TestDecisions::sign(const core::Ed25519PrivateKey &key, const QByteArray &header, const QByteArray &payload)
{
    return core::Jws::sign(key, header, payload);
}

QByteArray TestDecisions::payloadOf(const QByteArray &jws)
{
    return core::Jws::decode(jws).payload;
}

void TestDecisions::badSignatureFromAnotherKeyUnderAForgedKid()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    // Signed by a key the broker has never seen, but claiming to be Ari's.
    const QByteArray forged
        = sign(*m_outsider, header(m_ari.keyId),
               core::CanonicalJson::serializeOrEmpty(statement(action, QStringLiteral("approve"), {}, m_ari.keyId)));
    checkRejected(*m_console, forged, QStringLiteral("bad_signature"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::badSignatureForAlgNone_data()
{
    QTest::addColumn<bool>("emptySignature");
    QTest::newRow("unsigned, empty signature part") << true;
    QTest::newRow("64 bytes of signature") << false;
}

void TestDecisions::badSignatureForAlgNone()
{
    QFETCH(bool, emptySignature);
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    const QByteArray payload
        = core::CanonicalJson::serializeOrEmpty(statement(action, QStringLiteral("approve"), {}, m_ari.keyId));
    QByteArray jws = core::Base64Url::encode(header(m_ari.keyId, QStringLiteral("none"))) + '.'
        + core::Base64Url::encode(payload) + '.';
    if (!emptySignature)
        jws += core::Base64Url::encode(m_ari.key->sign(jws.left(jws.size() - 1)));
    checkRejected(*m_console, jws, QStringLiteral("bad_signature"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::badSignatureForATamperedPayload()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    const QByteArray genuine
        = ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("deny"), QStringLiteral("Not this one."));
    // Flip the verdict and keep Ari's signature over the original bytes.
    QByteArray payload = payloadOf(genuine);
    QVERIFY(payload.contains("\"verdict\":\"deny\""));
    payload.replace("\"verdict\":\"deny\"", "\"verdict\":\"approve\"");
    const QList<QByteArray> parts = genuine.split('.');
    const QByteArray tampered = parts.at(0) + '.' + core::Base64Url::encode(payload) + '.' + parts.at(2);
    checkRejected(*m_console, tampered, QStringLiteral("bad_signature"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::unknownKey()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    const QByteArray jws = ConsoleClient::signDecision(*m_outsider, action, QStringLiteral("approve"), QString());
    checkRejected(*m_console, jws, QStringLiteral("unknown_key"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::revokedKeyOnTheDecidePath()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    const QByteArray jws = ConsoleClient::signDecision(*m_cy.key, action, QStringLiteral("approve"), QString());
    QVERIFY(revoke(m_cy.keyId));
    // Sent over Ari's (active) session, so it reaches the broker's statement checks.
    checkRejected(*m_console, jws, QStringLiteral("revoked_key"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::revokedKeyClosesItsOwnOpenSession()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    auto dee = console(m_dee);
    QVERIFY(dee);
    QVERIFY(revoke(m_dee.keyId));
    // Dee's session is still open when the key is revoked: the decision it sends
    // next is answered (and audited) as revoked_key, and the session is closed.
    checkRejected(*dee, ConsoleClient::signDecision(*m_dee.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("revoked_key"), action.value(QStringLiteral("id")).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!dee->isConnected(), 10000);
}

void TestDecisions::revokedKeyCannotLogIn()
{
    ConsoleClient fresh(m_broker.consoleUrl(), m_broker.clientTls());
    QVERIFY(!fresh.login(*m_dee.key));
    QCOMPARE(fresh.lastError().value(QStringLiteral("code")).toString(), QStringLiteral("revoked_key"));
    QTRY_VERIFY_WITH_TIMEOUT(!fresh.isConnected(), 10000);
}

void TestDecisions::revokedKeyStopsTheStreamToItsOpenSession()
{
    // A subscribed session that only listens: after its key is revoked it must
    // not be shown what agents submit next.
    auto eve = console(m_eve);
    QVERIFY(eve);
    eve->subscribe(0);
    QVERIFY(revoke(m_eve.keyId));
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!eve->isConnected(), 10000);
    QCOMPARE(eve->lastError().value(QStringLiteral("code")).toString(), QStringLiteral("revoked_key"));
    for (const QJsonObject &message : eve->messages())
        QVERIFY(message.value(QStringLiteral("action")).toObject().value(QStringLiteral("id"))
                != action.value(QStringLiteral("id")));
}

void TestDecisions::digestMismatchForAModifiedAction()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    // What the approver was shown is not what is stored: another file path.
    QJsonObject shown = action;
    QJsonObject arguments = shown.value(QStringLiteral("arguments")).toObject();
    arguments.insert(QStringLiteral("path"), QStringLiteral("/etc/passwd"));
    shown.insert(QStringLiteral("arguments"), arguments);
    checkRejected(*m_console, ConsoleClient::signDecision(*m_ari.key, shown, QStringLiteral("approve"), QString()),
                  QStringLiteral("digest_mismatch"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::digestMismatchForAnotherAction()
{
    const QJsonObject x = submitPending(QStringLiteral("test.any"));
    const QJsonObject y = submitPending(QStringLiteral("test.any"));
    QVERIFY(!x.isEmpty() && !y.isEmpty());
    // X's digest under Y's id: an approval of X must not approve Y.
    const QByteArray jws = ConsoleClient::signDecision(*m_ari.key, x, QStringLiteral("approve"), QString(),
                                                       {{QStringLiteral("action_id"), y.value(QStringLiteral("id"))}});
    checkRejected(*m_console, jws, QStringLiteral("digest_mismatch"), y.value(QStringLiteral("id")).toString());
    QCOMPARE(agent().status(x.value(QStringLiteral("id")).toString()).body.value(QStringLiteral("status")).toString(),
             QStringLiteral("pending"));
}

void TestDecisions::notPendingForAResolvedAction()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    const QJsonObject accepted = m_console->decide(
        ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("deny"), QStringLiteral("No.")));
    QVERIFY(accepted.value(QStringLiteral("accepted")).toBool());
    QCOMPARE(accepted.value(QStringLiteral("status")).toString(), QStringLiteral("denied"));
    // Resolution is final: another approver's approval does not reopen it.
    auto bea = console(m_bea);
    QVERIFY(bea);
    checkRejected(*bea, ConsoleClient::signDecision(*m_bea.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("not_pending"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::notPendingForAnUnknownAction()
{
    const QJsonObject real = submitPending(QStringLiteral("test.any"));
    QVERIFY(!real.isEmpty());
    QJsonObject ghost = real;
    ghost.insert(QStringLiteral("id"), QStringLiteral("act_doesNotExist0000000"));
    checkRejected(*m_console, ConsoleClient::signDecision(*m_ari.key, ghost, QStringLiteral("approve"), QString()),
                  QStringLiteral("not_pending"), ghost.value(QStringLiteral("id")).toString());
    QCOMPARE(agent().status(ghost.value(QStringLiteral("id")).toString()).status, 404);
}

void TestDecisions::expiredAfterTheDeadline()
{
    const QJsonObject action = submitPending(QStringLiteral("test.short"));
    QVERIFY(!action.isEmpty());
    const QString id = action.value(QStringLiteral("id")).toString();
    // The long-poll returns when the 2 s deadline expires the action.
    const auto expired = agent().status(id, 20);
    QCOMPARE(expired.body.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    checkRejected(*m_console, ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("expired"), id);
}

void TestDecisions::selfApproval()
{
    // Ari asked for this action (identity compared without case).
    const QJsonObject action = submitPending(QStringLiteral("test.any"), QStringLiteral("Ari@Acme.Example"));
    QVERIFY(!action.isEmpty());
    checkRejected(*m_console, ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("self_approval"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::roleNotAllowed()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    auto rex = console(m_rex); // a reviewer of acme: may look, may not sign
    QVERIFY(rex);
    checkRejected(*rex, ConsoleClient::signDecision(*m_rex.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("role_not_allowed"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::tenantNotAllowed()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    auto gil = console(m_gil); // an approver, but for globex only
    QVERIFY(gil);
    checkRejected(*gil, ConsoleClient::signDecision(*m_gil.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("tenant_not_allowed"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::replayOfAnAcceptedDecisionIsAnIdempotentDuplicate()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    const QString id = action.value(QStringLiteral("id")).toString();
    const QByteArray jws = ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QString());
    const QJsonObject first = m_console->decide(jws);
    QVERIFY2(first.value(QStringLiteral("accepted")).toBool(),
             qPrintable(first.value(QStringLiteral("message")).toString()));
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    const auto before = agent().status(id);
    const qint64 head = m_broker.auditHead();
    // The console retries after a lost answer: the same bytes get the same answer
    // and change nothing.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QJsonObject again = m_console->decide(jws);
        QCOMPARE(again.value(QStringLiteral("accepted")).toBool(), true);
        QCOMPARE(again.value(QStringLiteral("duplicate")).toBool(), true);
        QCOMPARE(again.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    }
    const auto after = agent().status(id);
    QCOMPARE(after.body, before.body);
    QCOMPARE(after.body.value(QStringLiteral("decisions")).toArray().size(), 1);
    QCOMPARE(m_broker.auditHead(), head);
    QCOMPARE(m_broker.sqlValue(QStringLiteral("SELECT COUNT(*) FROM decisions WHERE action_id = '%1'").arg(id)),
             QStringLiteral("1"));
}

void TestDecisions::replayOfANonceInADifferentStatement()
{
    const QJsonObject first = submitPending(QStringLiteral("test.any"));
    const QJsonObject second = submitPending(QStringLiteral("test.any"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QByteArray accepted = ConsoleClient::signDecision(*m_ari.key, first, QStringLiteral("approve"), QString());
    QVERIFY(m_console->decide(accepted).value(QStringLiteral("accepted")).toBool());
    const QString nonce = core::JsonParser::parseObject(payloadOf(accepted))
                              .value->toObject()
                              .value(QStringLiteral("nonce"))
                              .toString();
    QVERIFY(!nonce.isEmpty());
    // A new, validly signed statement for another action, reusing that nonce.
    const QByteArray reused = ConsoleClient::signDecision(*m_ari.key, second, QStringLiteral("approve"), QString(),
                                                          {{QStringLiteral("nonce"), nonce}});
    checkRejected(*m_console, reused, QStringLiteral("replay"), second.value(QStringLiteral("id")).toString());
}

void TestDecisions::reasonRequired()
{
    // require_reason_on = "both": an approval without a reason is refused ...
    const QJsonObject both = submitPending(QStringLiteral("test.reason"));
    QVERIFY(!both.isEmpty());
    checkRejected(*m_console,
                  ConsoleClient::signDecision(*m_ari.key, both, QStringLiteral("approve"), QStringLiteral("  ")),
                  QStringLiteral("reason_required"), both.value(QStringLiteral("id")).toString());
    // ... and by default (require_reason_on = "deny") a denial needs one.
    const QJsonObject deny = submitPending(QStringLiteral("test.any"));
    QVERIFY(!deny.isEmpty());
    checkRejected(*m_console, ConsoleClient::signDecision(*m_ari.key, deny, QStringLiteral("deny"), QString()),
                  QStringLiteral("reason_required"), deny.value(QStringLiteral("id")).toString());
}

void TestDecisions::killed()
{
    const QJsonObject action = submitPending(QStringLiteral("test.killme"));
    QVERIFY(!action.isEmpty());
    const QString id = action.value(QStringLiteral("id")).toString();
    auto oncall = console(m_oncall);
    QVERIFY(oncall);
    const QJsonObject engaged = oncall->killSwitch(
        ConsoleClient::signKillSwitch(*m_oncall.key, QStringLiteral("engage"), QStringLiteral("tool"),
                                      QStringLiteral("test.killme"), QStringLiteral("decision test")));
    QVERIFY2(engaged.value(QStringLiteral("accepted")).toBool(),
             qPrintable(engaged.value(QStringLiteral("message")).toString()));
    QCOMPARE(agent().status(id).body.value(QStringLiteral("status")).toString(), QStringLiteral("killed"));
    checkRejected(*m_console, ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("killed"), id);
    QVERIFY(
        oncall
            ->killSwitch(ConsoleClient::signKillSwitch(*m_oncall.key, QStringLiteral("release"), QStringLiteral("tool"),
                                                       QStringLiteral("test.killme"), QStringLiteral("done")))
            .value(QStringLiteral("accepted"))
            .toBool());
}

void TestDecisions::malformedNonCanonicalPayload()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    // Validly signed by Ari, but the payload is not RFC 8785 canonical JSON.
    const QByteArray payload
        = QJsonDocument(statement(action, QStringLiteral("approve"), {}, m_ari.keyId)).toJson(QJsonDocument::Indented);
    checkRejected(*m_console, sign(*m_ari.key, header(m_ari.keyId), payload), QStringLiteral("malformed"),
                  action.value(QStringLiteral("id")).toString());
}

void TestDecisions::malformedMissingFields()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    for (const QString &field : {QStringLiteral("nonce"), QStringLiteral("action_digest"), QStringLiteral("verdict")}) {
        QJsonObject s = statement(action, QStringLiteral("approve"), {}, m_ari.keyId);
        s.remove(field);
        checkRejected(*m_console, sign(*m_ari.key, header(m_ari.keyId), core::CanonicalJson::serializeOrEmpty(s)),
                      QStringLiteral("malformed"), action.value(QStringLiteral("id")).toString());
        if (QTest::currentTestFailed())
            return;
    }
}

void TestDecisions::malformedApproverIsNotTheSigningKey()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    // Signed by Ari, naming Bea as the approver.
    const QByteArray jws = ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QString(),
                                                       {{QStringLiteral("approver"), m_bea.keyId}});
    checkRejected(*m_console, jws, QStringLiteral("malformed"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::wrongPrincipal()
{
    const QJsonObject action = submitPending(QStringLiteral("test.any"));
    QVERIFY(!action.isEmpty());
    // Bea's valid signature, sent over the session logged in as Ari.
    checkRejected(*m_console, ConsoleClient::signDecision(*m_bea.key, action, QStringLiteral("approve"), QString()),
                  QStringLiteral("wrong_principal"), action.value(QStringLiteral("id")).toString());
}

void TestDecisions::alreadyDecided()
{
    const QJsonObject action = submitPending(QStringLiteral("test.quorum"));
    QVERIFY(!action.isEmpty());
    const QJsonObject one = m_console->decide(
        ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QStringLiteral("First.")));
    QVERIFY(one.value(QStringLiteral("accepted")).toBool());
    QCOMPARE(one.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    // A second, different statement by the same approver does not make a quorum.
    checkRejected(*m_console,
                  ConsoleClient::signDecision(*m_ari.key, action, QStringLiteral("approve"), QStringLiteral("Again.")),
                  QStringLiteral("already_decided"), action.value(QStringLiteral("id")).toString());
}

QTEST_GUILESS_MAIN(TestDecisions)
#include "TestDecisions.moc"
