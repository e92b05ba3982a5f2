// B5: the console's history view (ui::HistoryView over storage::HistoryStore
// and models::HistoryModel, real widgets on the offscreen platform) over a
// cache of N resolved actions (default 1,000,000): open, scroll to the end,
// filter by agent, full-text search. Beside each, the SQL the model runs for
// it (the COUNT and the first visible page), timed alone with QSqlQuery on the
// same file. The cache is built once (HistoryStore::insertMessages of
// syntheticMessage(n), in batches) into a file and reused. See
// docs/performance.md.

#include "BenchSupport.h"
#include "models/HistoryModel.h"
#include "storage/ConsoleSchema.h"
#include "storage/Database.h"
#include "storage/HistoryStore.h"
#include "ui/HistoryView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>

using namespace countersign;
using countersign::bench::say;

namespace {

const QString kRowSql = QStringLiteral(
    "SELECT row, id, seq, submitted_at, tenant, agent, user, tool, status, approvers, rule FROM history_actions ");
const QString kOrder = QStringLiteral("ORDER BY submitted_at DESC, row DESC ");

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Fills (or reuses) the cache file with n synthetic actions.
bool ensureCache(const QString &path, qint64 n)
{
    QString error;
    {
        auto db = storage::Database::open(path, &error);
        if (!db || !db->migrate(storage::ConsoleSchema::migrations(), &error)) {
            say(QStringLiteral("cannot open %1: %2").arg(path, error));
            return false;
        }
        storage::HistoryStore store(*db);
        const qint64 have = store.count({});
        if (have == n) {
            say(QStringLiteral("cache: reusing %1 (%2 actions)").arg(path).arg(have));
            return true;
        }
        if (have != 0 && !store.clear(&error)) {
            say(QStringLiteral("cannot clear the cache: %1").arg(error));
            return false;
        }
        QElapsedTimer t;
        t.start();
        constexpr qint64 kBatch = 50000;
        for (qint64 first = 1; first <= n; first += kBatch) {
            QList<QJsonObject> messages;
            const qint64 last = std::min(n, first + kBatch - 1);
            messages.reserve(int(last - first + 1));
            for (qint64 i = first; i <= last; ++i)
                messages.append(storage::HistoryStore::syntheticMessage(i));
            if (!store.insertMessages(messages, &error)) {
                say(QStringLiteral("insert failed: %1").arg(error));
                return false;
            }
        }
        say(QStringLiteral("cache: filled %1 with %2 actions in %3 s (setup, not a figure)")
                .arg(path)
                .arg(n)
                .arg(double(t.elapsed()) / 1000.0, 0, 'f', 1));
    }
    return true;
}

// The SQL the model runs: COUNT under the filter, then one page at offset.
double sqlTime(QSqlDatabase connection, const QString &where, const QVariantList &binds, qint64 offsetFromEnd,
               qint64 *countOut)
{
    QElapsedTimer t;
    t.start();
    QSqlQuery c(connection);
    c.prepare(QStringLiteral("SELECT COUNT(*) FROM history_actions ") + where);
    for (const QVariant &b : binds)
        c.addBindValue(b);
    qint64 count = c.exec() && c.next() ? c.value(0).toLongLong() : -1;
    QSqlQuery q(connection);
    q.setForwardOnly(true);
    q.prepare(kRowSql + where + kOrder + QStringLiteral("LIMIT ? OFFSET ?"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(256);
    q.addBindValue(offsetFromEnd < 0 ? 0 : std::max<qint64>(0, count - offsetFromEnd));
    int rows = 0;
    if (q.exec())
        while (q.next())
            rows += q.value(1).toString().isEmpty() ? 0 : 1;
    if (countOut)
        *countOut = count;
    return rows > 0 || count == 0 ? ms(t) : -1;
}

void paint(ui::HistoryView &view)
{
    QCoreApplication::processEvents();
    view.table()->viewport()->repaint();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B5: history view over a cache of N resolved actions."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Cached actions (default 1000000)."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Where the cache file is kept (default: bench-data next to bin/)."),
        QStringLiteral("DIR"));
    parser.addOption(countOption);
    parser.addOption(dirOption);
    parser.process(app);
    const qint64 n = parser.value(countOption).toLongLong();
    if (n < 100)
        return 2;
    const QString dir = parser.isSet(dirOption)
        ? parser.value(dirOption)
        : QCoreApplication::applicationDirPath() + QStringLiteral("/../bench-data");
    QDir().mkpath(dir);
    const QString path = QDir(dir).absoluteFilePath(QStringLiteral("history-%1.db").arg(n));

    say(QStringLiteral("B5 console history view over %1 cached actions").arg(n));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));
    if (!ensureCache(path, n))
        return 1;
    say(QStringLiteral("cache file: %1 MB").arg(double(QFileInfo(path).size()) / 1e6, 0, 'f', 0));

    // Limit first (it also warms the OS page cache for the view that follows).
    QString error;
    qint64 total = 0, agentCount = 0, textCount = 0;
    double sqlOpen = 0, sqlEnd = 0, sqlAgent = 0, sqlText = 0;
    {
        auto raw = storage::Database::open(path, &error);
        if (!raw) {
            say(error);
            return 1;
        }
        sqlOpen = sqlTime(raw->connection(), QString(), {}, -1, &total);
        sqlEnd = sqlTime(raw->connection(), QString(), {}, 256, nullptr);
        sqlAgent = sqlTime(raw->connection(), QStringLiteral("WHERE agent = ? "), {QStringLiteral("agent:bench-7")}, -1,
                           &agentCount);
        sqlText = sqlTime(raw->connection(),
                          QStringLiteral("WHERE row IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?) "),
                          {QStringLiteral("\"customer17@example.org\"*")}, -1, &textCount);
    }

    // The view: open the database, build the view, show it, until painted.
    QElapsedTimer t;
    t.start();
    auto db = storage::Database::open(path, &error);
    if (!db || !db->migrate(storage::ConsoleSchema::migrations(), &error)) {
        say(error);
        return 1;
    }
    storage::HistoryStore store(*db);
    ui::HistoryView view(&store, nullptr, nullptr);
    view.resize(1280, 800);
    view.show();
    paint(view);
    const double open = ms(t);
    const int openRows = view.model()->rowCount();

    t.restart();
    view.table()->scrollToBottom();
    paint(view);
    const double end = ms(t);
    const QString lastShown = view.model()->index(view.model()->rowCount() - 1, 0).data().toString();

    t.restart();
    view.agentEdit()->setText(QStringLiteral("agent:bench-7"));
    view.applyFilter();
    paint(view);
    const double agent = ms(t);
    const int agentRows = view.model()->rowCount();

    t.restart();
    view.agentEdit()->clear();
    view.searchEdit()->setText(QStringLiteral("customer17@example.org"));
    view.applyFilter(); // what the 250 ms typing delay would call
    paint(view);
    const double text = ms(t);
    const int textRows = view.model()->rowCount();

    say(QStringLiteral("rows: all %1 (SQL %2), agent %3 (SQL %4), search %5 (SQL %6); last row shown %7")
            .arg(openRows)
            .arg(total)
            .arg(agentRows)
            .arg(agentCount)
            .arg(textRows)
            .arg(textCount)
            .arg(lastShown));
    const bool consistent = openRows == total && agentRows == agentCount && textRows == textCount && total == n;
    auto line = [](const char *what, double viewMs, double sql, double target) {
        say(QStringLiteral("%1: view %2 ms | same SQL alone %3 ms | target <= %4 ms %5")
                .arg(QLatin1String(what))
                .arg(viewMs, 0, 'f', 1)
                .arg(sql, 0, 'f', 1)
                .arg(target, 0, 'f', 0)
                .arg(viewMs <= target ? QStringLiteral("MET") : QStringLiteral("MISSED")));
    };
    line("open (db open + view shown + first page painted)", open, sqlOpen, 500);
    line("scroll to end", end, sqlEnd, 200);
    line("filter agent", agent, sqlAgent, 200);
    line("full-text search", text, sqlText, 200);
    say(QStringLiteral("model pages cached: %1; peak RSS %2 MB")
            .arg(view.model()->cachedPages())
            .arg(double(bench::peakRssKb()) / 1024.0, 0, 'f', 0));
    if (!consistent) {
        say(QStringLiteral("row counts differ from SQL"));
        return 1;
    }
    return 0;
}
