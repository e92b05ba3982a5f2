#include "support/EvidenceHistory.h"

#include "support/AgentClient.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QJsonArray>

namespace countersign::testing {

namespace {

const QString kTenant = QStringLiteral("acme");
const QString kAgent = QStringLiteral("agent:evidence-tests");

const QByteArray kPolicy = R"(version = 1

[[rules]]
id = "allow-ev-read"
description = "Reads"
action = "allow"
[rules.match]
tool = "ev.read"

[[rules]]
id = "approve-ev-pay"
description = "Payments need two approvers"
action = "approve"
approver_roles = ["approver"]
quorum = 2
deadline = "1h"
[rules.match]
tool = "ev.pay"

[[rules]]
id = "approve-ev"
description = "Everything else is held for one approver"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "ev.*"
)";

} // namespace

bool EvidenceHistory::create(BrokerFixture &broker, QString *error)
{
    if (!broker.init(error) || !broker.writePolicy(kPolicy)
        || !broker.setConfigValue(QStringLiteral("audit"), QStringLiteral("checkpoint_every_entries"),
                                  QString::number(kCheckpointEvery))
        // A console can only bundle what a checkpoint covers; do not keep it waiting.
        || !broker.setConfigValue(QStringLiteral("audit"), QStringLiteral("checkpoint_every_seconds"),
                                  QStringLiteral("1"))) {
        *error = QStringLiteral("broker setup failed: ") + *error;
        return false;
    }
    const QString token = broker.createToken(kTenant, kAgent, {QStringLiteral("ev.*")});
    // Alice engages a tool switch, which reaches every tenant: her on-call key covers every tenant.
    alice = broker.enrolApprover(QStringLiteral("Alice"), {QStringLiteral("approver"), QStringLiteral("oncall")},
                                 {QStringLiteral("*")});
    bob = broker.enrolApprover(QStringLiteral("Bob"), {QStringLiteral("approver")}, {kTenant});
    if (token.isEmpty() || alice.keyId.isEmpty() || bob.keyId.isEmpty() || !broker.start(error)) {
        *error = QStringLiteral("token, approvers or start failed: ") + *error;
        return false;
    }

    AgentClient agent(broker.httpsUrl(QString()), broker.clientTls(), token);
    int key = 0;
    auto submit = [&](const QString &tool, int expected) {
        const auto reply
            = agent.submit(TestActions::bytes(TestActions::action(kTenant, kAgent, tool)), QString::number(++key));
        return reply.status == expected ? reply.body.value(QStringLiteral("id")).toString() : QString();
    };
    ConsoleClient aliceConsole(broker.consoleUrl(), broker.clientTls());
    ConsoleClient bobConsole(broker.consoleUrl(), broker.clientTls());
    if (!aliceConsole.login(*alice.key) || !bobConsole.login(*bob.key)) {
        *error = QStringLiteral("console login failed");
        return false;
    }
    // The action as a console receives it, which is what an approver signs.
    auto pendingAction = [&](ConsoleClient &console, const QString &id) {
        const QJsonObject page = console.request({{QStringLiteral("type"), QStringLiteral("history")},
                                                  {QStringLiteral("filter"), QJsonObject {}},
                                                  {QStringLiteral("limit"), 500}});
        for (const QJsonValue &item : page.value(QStringLiteral("items")).toArray()) {
            const QJsonObject action = item.toObject().value(QStringLiteral("action")).toObject();
            if (action.value(QStringLiteral("id")).toString() == id)
                return action;
        }
        return QJsonObject();
    };
    auto decide = [&](ConsoleClient &console, const BrokerFixture::Approver &who, const QString &id,
                      const QString &verdict, const QString &reason) {
        const QJsonObject action = pendingAction(console, id);
        if (action.isEmpty())
            return false;
        const QJsonObject answer = console.decide(ConsoleClient::signDecision(*who.key, action, verdict, reason));
        if (!answer.value(QStringLiteral("accepted")).toBool())
            qWarning() << "decision refused:" << answer;
        return answer.value(QStringLiteral("accepted")).toBool();
    };

    denyReason = QStringLiteral("Writes to a path outside the project; not what the ticket asked for.");
    approvedId = submit(QStringLiteral("ev.write"), 202);
    if (approvedId.isEmpty() || !decide(aliceConsole, alice, approvedId, QStringLiteral("approve"), QString())) {
        *error = QStringLiteral("the approved action failed");
        return false;
    }
    allowedId = submit(QStringLiteral("ev.read"), 200);
    deniedId = submit(QStringLiteral("ev.write"), 202);
    if (allowedId.isEmpty() || deniedId.isEmpty()
        || !decide(bobConsole, bob, deniedId, QStringLiteral("deny"), denyReason)) {
        *error = QStringLiteral("the allowed or denied action failed");
        return false;
    }
    // A kill switch in the middle of the log: entries without an action id.
    const QJsonObject engaged = aliceConsole.killSwitch(
        ConsoleClient::signKillSwitch(*alice.key, QStringLiteral("engage"), QStringLiteral("tool"),
                                      QStringLiteral("ev.delete"), QStringLiteral("evidence test")));
    if (!engaged.value(QStringLiteral("accepted")).toBool()) {
        *error = QStringLiteral("kill switch refused");
        return false;
    }
    quorumId = submit(QStringLiteral("ev.pay"), 202);
    if (quorumId.isEmpty() || !decide(aliceConsole, alice, quorumId, QStringLiteral("approve"), QString())
        || !decide(bobConsole, bob, quorumId, QStringLiteral("approve"), QStringLiteral("Matches invoice 4711."))) {
        *error = QStringLiteral("the quorum action failed");
        return false;
    }
    return true;
}

} // namespace countersign::testing
