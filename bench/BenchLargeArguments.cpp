// B6: an action whose tool arguments are S MB of JSON (default 10): time until
// the review panes (ui::ReviewPanel and its models, real widgets on the
// offscreen platform) are interactive, and memory, beside core::JsonParser
// parsing the same bytes alone. In process: the console's own path from the
// message text (QJsonDocument, as net::BrokerConnection parses it) through
// core::Action::read to ReviewPanel::showAction, then the event loop until a
// queued call runs (the panes accept input) and a forced repaint. The
// arguments are shaped to fit the product's JSON limits (core::JsonLimits:
// arrays and objects of at most 10 000, depth 64, strings 12 MB); the broker
// accepts such a submission only with [limits] max_body_bytes raised above its
// 1 MiB default. See docs/performance.md.

#include "BenchSupport.h"
#include "core/Action.h"
#include "core/JsonParser.h"
#include "support/TestActions.h"
#include "ui/RawJsonView.h"
#include "ui/ReviewPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTabWidget>
#include <QTimer>

using namespace countersign;
using countersign::bench::say;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Tool arguments of about `bytes` bytes: {"rows":[{…}, …]} with 1 KB rows.
QJsonObject bigArguments(qint64 bytes)
{
    QJsonArray rows;
    const qint64 count = std::max<qint64>(1, bytes / 1000);
    for (qint64 i = 0; i < count; ++i) {
        rows.append(QJsonObject {
            {QStringLiteral("id"), i},
            {QStringLiteral("email"), QStringLiteral("customer%1@example.org").arg(i)},
            {QStringLiteral("note"), QString(900, QChar(u'a' + int(i % 26)))},
            {QStringLiteral("amount"), double(i) * 1.25},
        });
    }
    return {{QStringLiteral("rows"), rows}};
}

// Runs the event loop until a queued call runs (the widget takes input), then paints it.
void settle(QWidget &widget)
{
    bool ran = false;
    QTimer::singleShot(0, &widget, [&ran] { ran = true; });
    while (!ran)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    widget.repaint();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B6: review panes for an action with S MB of tool arguments."));
    parser.addHelpOption();
    const QCommandLineOption sizeOption(QStringLiteral("kb"), QStringLiteral("Arguments size in kB (default 10000)."),
                                        QStringLiteral("KB"), QStringLiteral("10000"));
    parser.addOption(sizeOption);
    parser.process(app);
    const qint64 target = parser.value(sizeOption).toLongLong() * 1000;
    if (target < 1000)
        return 2;
    say(QStringLiteral("B6 review panes for an action with %1 kB of tool arguments").arg(target / 1000));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));

    QByteArray text;
    qint64 argumentBytes = 0;
    {
        QJsonObject action = testing::TestActions::action(QStringLiteral("acme"), QStringLiteral("agent:bench"),
                                                          QStringLiteral("bench.write"));
        const QJsonObject arguments = bigArguments(target);
        argumentBytes = QJsonDocument(arguments).toJson(QJsonDocument::Compact).size();
        action.insert(QStringLiteral("arguments"), arguments);
        text = QJsonDocument(action).toJson(QJsonDocument::Compact);
    }
    say(QStringLiteral("payload: arguments %1 MB, whole action %2 MB")
            .arg(double(argumentBytes) / 1e6, 0, 'f', 2)
            .arg(double(text.size()) / 1e6, 0, 'f', 2));

    ui::ReviewPanel panel;
    panel.resize(1400, 900);
    panel.show();
    QCoreApplication::processEvents();

    // The limit: the strict parser alone (what the broker runs on the body).
    QElapsedTimer t;
    t.start();
    const auto alone = core::JsonParser::parseObject(text);
    const double parseMs = ms(t);
    if (!alone.ok()) {
        say(QStringLiteral("core::JsonParser refused the payload: %1").arg(alone.error.message));
        return 1;
    }
    t.restart();
    const QJsonDocument qt = QJsonDocument::fromJson(text);
    const double qtParseMs = ms(t);

    const qint64 rssBefore = bench::rssKb();
    t.restart();
    core::ValidationErrors errors;
    const core::Action action = core::Action::read(QJsonDocument::fromJson(text).object(), &errors);
    if (!errors.isEmpty()) {
        say(QStringLiteral("the action does not validate"));
        return 1;
    }
    const double readMs = ms(t);
    panel.showAction(action);
    const double shownMs = ms(t);
    settle(panel);
    const double interactiveMs = ms(t);
    const qint64 rssAfter = bench::rssKb();
    const double growth = double(rssAfter - rssBefore) * 1024.0;

    say(QStringLiteral("limit: core::JsonParser alone %1 ms (QJsonDocument alone %2 ms)")
            .arg(parseMs, 0, 'f', 1)
            .arg(qtParseMs, 0, 'f', 1));
    say(QStringLiteral("console: parse + Action::read %1 ms, showAction returned at %2 ms, interactive at %3 ms | "
                       "target <= 1000 ms %4")
            .arg(readMs, 0, 'f', 1)
            .arg(shownMs, 0, 'f', 1)
            .arg(interactiveMs, 0, 'f', 1)
            .arg(interactiveMs <= 1000 ? QStringLiteral("MET") : QStringLiteral("MISSED")));
    say(QStringLiteral("memory: RSS %1 MB -> %2 MB while shown: +%3 MB = %4x the action's bytes | target <= 5x %5; "
                       "peak RSS %6 MB")
            .arg(double(rssBefore) / 1024.0, 0, 'f', 0)
            .arg(double(rssAfter) / 1024.0, 0, 'f', 0)
            .arg(growth / 1e6, 0, 'f', 0)
            .arg(growth / double(text.size()), 0, 'f', 1)
            .arg(growth <= 5.0 * double(text.size()) ? QStringLiteral("MET") : QStringLiteral("MISSED"))
            .arg(double(bench::peakRssKb()) / 1024.0, 0, 'f', 0));
    // The raw tab, opened by the approver: its text is built then.
    QElapsedTimer rawTimer;
    rawTimer.start();
    panel.argumentTabs()->setCurrentWidget(panel.rawArgumentsView());
    settle(panel);
    const double rawMs = ms(rawTimer);
    const qint64 rssRaw = bench::rssKb();
    const double rawGrowth = double(rssRaw - rssBefore) * 1024.0;
    say(QStringLiteral("raw tab opened: shown in %1 ms; RSS %2 MB: +%3 MB = %4x the action's bytes")
            .arg(rawMs, 0, 'f', 1)
            .arg(double(rssRaw) / 1024.0, 0, 'f', 0)
            .arg(rawGrowth / 1e6, 0, 'f', 0)
            .arg(rawGrowth / double(text.size()), 0, 'f', 1));
    const ui::RawJsonView *rawView = panel.rawArgumentsView();
    say(QStringLiteral("shown: raw arguments pane %1 bytes in %2 lines, %3 of them converted for the screen; "
                       "the view holds %4 MB = %5x the action's bytes")
            .arg(rawView->canonical().size())
            .arg(rawView->lineCount())
            .arg(rawView->convertedLines())
            .arg(double(rawView->memoryUsage()) / 1e6, 0, 'f', 1)
            .arg(double(rawView->memoryUsage()) / double(text.size()), 0, 'f', 2));
    return rawView->isEmpty() ? 1 : 0;
}
