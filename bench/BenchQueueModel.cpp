// B4: the console's queue model holding N pending actions (default 100,000):
// load, insert one more, re-sort, filter, resolve one; peak memory. In process,
// models::PendingQueueModel behind the PendingQueueProxyModel the queue view
// uses (sorted by deadline, dynamic). The action messages are clones of one a
// real broker sent (BrokerFixture), with their own ids, seqs, agents and
// deadlines. See docs/performance.md.

#include "BenchSupport.h"
#include "models/PendingQueueModel.h"
#include "models/PendingQueueProxyModel.h"
#include "support/AgentClient.h"
#include "support/BrokerFixture.h"
#include "support/ConsoleClient.h"
#include "support/TestActions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>

using namespace countersign;
using namespace countersign::testing;
using countersign::bench::say;

namespace {

// One real action message from a real broker, as the console receives it.
QJsonObject templateMessage()
{
    BrokerFixture broker;
    QString error;
    if (!broker.init(&error) || !broker.writePolicy(bench::kHeldPolicy))
        return {};
    const QString token
        = broker.createToken(QStringLiteral("acme"), QStringLiteral("agent:bench"), {QStringLiteral("bench.*")});
    const auto approver
        = broker.enrolApprover(QStringLiteral("Ada"), {QStringLiteral("approver")}, {QStringLiteral("*")});
    if (!broker.start(&error))
        return {};
    AgentClient agent(broker.httpsUrl(QString()), broker.clientTls(), token);
    agent.submit(TestActions::bytes(TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:bench"),
                                                        QStringLiteral("bench.write"))),
                 QStringLiteral("template"));
    ConsoleClient console(broker.consoleUrl(), broker.clientTls());
    if (!console.login(*approver.key))
        return {};
    const QList<QJsonObject> pending = console.subscribe(0);
    broker.stop();
    return pending.isEmpty() ? QJsonObject() : pending.first();
}

QJsonObject clone(const QJsonObject &message, qint64 seq, int agent, const QDateTime &expires)
{
    QJsonObject action = message.value(QStringLiteral("action")).toObject();
    action.insert(QStringLiteral("id"), QStringLiteral("act_bench_%1").arg(seq));
    action.insert(QStringLiteral("seq"), seq);
    action.insert(QStringLiteral("expires_at"), expires.toString(Qt::ISODateWithMs));
    QJsonObject agentObject = action.value(QStringLiteral("agent")).toObject();
    agentObject.insert(QStringLiteral("id"), QStringLiteral("agent:bench-%1").arg(agent));
    action.insert(QStringLiteral("agent"), agentObject);
    QJsonObject out = message;
    out.insert(QStringLiteral("seq"), seq);
    out.insert(QStringLiteral("action"), action);
    return out;
}

// The proxy maps lazily; touching its first and last rows makes each figure
// include the work a view would trigger on its next paint.
void touch(const QAbstractItemModel &model)
{
    if (model.rowCount() > 0) {
        (void)model.index(0, 0).data();
        (void)model.index(model.rowCount() - 1, 0).data();
    }
}

double msSince(QElapsedTimer &clock)
{
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    clock.restart();
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B4: queue model with N pending actions."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Pending actions (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOption(countOption);
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    if (count < 2)
        return 2;
    say(QStringLiteral("B4 console queue model with %1 pending actions").arg(count));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));
    const QJsonObject message = templateMessage();
    if (message.isEmpty()) {
        say(QStringLiteral("could not get an action message from a broker"));
        return 1;
    }
    say(QStringLiteral("action message: %1 bytes of JSON")
            .arg(QJsonDocument(message).toJson(QJsonDocument::Compact).size()));
    const qint64 rssBefore = bench::rssKb();

    // Deadlines spread over the next hour, agents over 100, in arrival order.
    // Kept as the text the broker sends and parsed one at a time as
    // net::BrokerConnection does, so the model cannot share the JSON with
    // this list and its memory figure is what a console pays.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QByteArray> messages;
    messages.reserve(count + 1);
    for (int i = 0; i <= count; ++i)
        messages.append(QJsonDocument(clone(message, i + 1, i % 100, now.addSecs(60 + (i * 7919) % 3600)))
                            .toJson(QJsonDocument::Compact));
    const qint64 rssMessages = bench::rssKb();
    const auto received = [&messages](int i) { return QJsonDocument::fromJson(messages.at(i)).object(); };

    models::PendingQueueModel queue;
    models::PendingQueueProxyModel proxy;
    proxy.setSourceModel(&queue);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i)
        queue.applyMessage(received(i));
    touch(proxy);
    const double loadMs = msSince(clock);
    const qint64 rssLoaded = bench::rssKb();
    const QJsonObject last = received(count);
    clock.restart();
    queue.applyMessage(last);
    touch(proxy);
    const double insertMs = msSince(clock);
    proxy.setSortMode(models::PendingQueueProxyModel::SortMode::Risk);
    touch(proxy);
    const double sortRiskMs = msSince(clock);
    proxy.setSortMode(models::PendingQueueProxyModel::SortMode::Deadline);
    touch(proxy);
    const double sortDeadlineMs = msSince(clock);
    proxy.setAgentFilter(QStringLiteral("agent:bench-7"));
    touch(proxy);
    const double filterMs = msSince(clock);
    const int filtered = proxy.rowCount();
    proxy.clearFilters();
    touch(proxy);
    const double unfilterMs = msSince(clock);
    QJsonObject resolved = received(count / 2);
    QJsonObject resolvedAction = resolved.value(QStringLiteral("action")).toObject();
    resolvedAction.insert(QStringLiteral("status"), QStringLiteral("approved"));
    resolvedAction.insert(QStringLiteral("seq"), count + 10);
    resolved.insert(QStringLiteral("action"), resolvedAction);
    resolved.insert(QStringLiteral("seq"), count + 10);
    resolved.insert(QStringLiteral("resolution"), QJsonObject {{QStringLiteral("status"), QStringLiteral("approved")}});
    clock.restart();
    queue.applyMessage(resolved);
    touch(proxy);
    const double resolveMs = msSince(clock);

    say(QStringLiteral("load %1 actions one message at a time (JSON parse included): %2 ms (%3 us each)")
            .arg(count)
            .arg(loadMs, 0, 'f', 0)
            .arg(loadMs * 1000.0 / count, 0, 'f', 1));
    say(QStringLiteral("insert one more into %1: %2 ms").arg(count).arg(insertMs, 0, 'f', 2));
    say(QStringLiteral("re-sort by risk: %1 ms; back to deadline: %2 ms")
            .arg(sortRiskMs, 0, 'f', 1)
            .arg(sortDeadlineMs, 0, 'f', 1));
    say(QStringLiteral("filter by agent (%1 rows left): %2 ms; clear the filter: %3 ms")
            .arg(filtered)
            .arg(filterMs, 0, 'f', 1)
            .arg(unfilterMs, 0, 'f', 1));
    say(QStringLiteral("resolve one (row removed): %1 ms").arg(resolveMs, 0, 'f', 2));
    say(QStringLiteral("memory: RSS %1 MB before, %2 MB with the messages built, %3 MB with the model loaded (model "
                       "about %4 MB); peak %5 MB")
            .arg(double(rssBefore) / 1024, 0, 'f', 0)
            .arg(double(rssMessages) / 1024, 0, 'f', 0)
            .arg(double(rssLoaded) / 1024, 0, 'f', 0)
            .arg(double(rssLoaded - rssMessages) / 1024, 0, 'f', 0)
            .arg(double(bench::peakRssKb()) / 1024, 0, 'f', 0));
    const bool ok = queue.rowCount() == count && proxy.rowCount() == count && filtered > 0;
    say(ok ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    return ok ? 0 : 1;
}
