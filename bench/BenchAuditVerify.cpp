// B7: audit verification over N entries (default 1,000,000), beside
// `sha256sum` over the same bytes (the canonical JSON each entry's hash covers)
// and the SQLite read of the rows alone. The log is written by the broker's own
// AuditLog (hash chain, a signed checkpoint every 1000 entries) and verified by
// AuditLog::verify, which `countersignd audit verify` runs. See
// docs/performance.md.

#include "BenchSupport.h"
#include "broker/AuditLog.h"
#include "core/AuditEntry.h"
#include "core/CanonicalJson.h"
#include "core/Ed25519PrivateKey.h"
#include "storage/BrokerSchema.h"
#include "storage/Database.h"
#include "storage/RawQuery.h"
#include "storage/Transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace countersign;
using countersign::bench::say;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("B7: audit verification beside sha256sum over the same bytes."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Entries (default 1000000)."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    parser.addOption(countOption);
    const QCommandLineOption repeatOption(
        QStringLiteral("repeat"), QStringLiteral("Extra warm verify runs before the timed one (for profiling)."),
        QStringLiteral("R"), QStringLiteral("1"));
    parser.addOption(repeatOption);
    parser.process(app);
    const qint64 count = parser.value(countOption).toLongLong();
    if (count < 1)
        return 2;
    say(QStringLiteral("B7 audit verification"));
    say(bench::machineLine(COUNTERSIGN_BUILD_TYPE));

    QTemporaryDir dir;
    QString error;
    auto database = storage::Database::open(dir.filePath(QStringLiteral("audit.db")), &error);
    if (!database || !database->migrate(storage::BrokerSchema::migrations(), &error)) {
        say(QStringLiteral("setup failed: ") + error);
        return 1;
    }
    const core::Ed25519PrivateKey brokerKey = core::Ed25519PrivateKey::generate();
    broker::AuditLog audit(*database);
    audit.setCheckpointing(&brokerKey, 1000);

    // Entries shaped like a submission's: the commonest event in a real log.
    QElapsedTimer clock;
    clock.start();
    constexpr qint64 kChunk = 10000;
    for (qint64 done = 0; done < count; done += kChunk) {
        QList<broker::AuditLog::NewEntry> entries;
        for (qint64 i = done; i < std::min(count, done + kChunk); ++i) {
            const QString id = QStringLiteral("act_%1").arg(i, 20, 10, QLatin1Char('0'));
            entries.append(
                {QStringLiteral("submitted"),
                 id,
                 {{QStringLiteral("digest"), QStringLiteral("sha256:9fXk1bq2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t")},
                  {QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("agent"), QStringLiteral("agent:bench-%1").arg(i % 50)},
                  {QStringLiteral("tool"), QStringLiteral("fs.write_file")},
                  {QStringLiteral("user"), QStringLiteral("alice@acme.example")},
                  {QStringLiteral("token"), QStringLiteral("tok_0123456789abcdef")},
                  {QStringLiteral("trace_id"), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736")},
                  {QStringLiteral("request_received_at"), QStringLiteral("2026-12-04T14:00:00.123Z")}}});
        }
        storage::Transaction transaction(*database);
        if (!transaction.begin(&error) || !audit.appendMany(entries, &error) || !transaction.commit(&error)) {
            say(QStringLiteral("writing the log failed: ") + error);
            return 1;
        }
    }
    say(QStringLiteral("wrote %1 entries in %2 ms (setup, not measured)").arg(count).arg(clock.elapsed()));

    // The bytes the chain hashes: each entry's canonical JSON without its hash.
    const QString bytesPath = dir.filePath(QStringLiteral("hashed-bytes"));
    qint64 hashedBytes = 0;
    {
        QFile out(bytesPath);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        for (qint64 from = 1; from <= audit.headSeq(); from += kChunk) {
            for (const core::AuditEntry &entry : audit.entries(from, from + kChunk - 1, kChunk)) {
                QJsonObject json = entry.toJson();
                json.remove(QStringLiteral("hash"));
                const QByteArray bytes = core::CanonicalJson::serializeOrEmpty(json);
                hashedBytes += bytes.size();
                out.write(bytes);
            }
        }
    }
    // sha256sum twice; the second run reads from the page cache, as verify
    // reads a database the broker keeps warm.
    bench::sha256sumRate(bytesPath);
    const double shaRate = bench::sha256sumRate(bytesPath);
    const double shaMs = double(hashedBytes) / shaRate * 1000.0;
    say(QStringLiteral("limit: sha256sum over the same %1 MB: %2 ms (%3 MB/s)")
            .arg(double(hashedBytes) / 1e6, 0, 'f', 1)
            .arg(shaMs, 0, 'f', 0)
            .arg(shaRate / 1e6, 0, 'f', 0));

    clock.restart();
    qint64 rows = 0;
    {
        QSqlQuery q(database->connection());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT seq, at, event, action_id, data, prev_hash, hash FROM audit_log ORDER BY seq"));
        while (q.next()) {
            ++rows;
            (void)q.value(4).toString();
        }
    }
    say(QStringLiteral("limit: SQLite reading the %1 rows alone (Qt SQL, no parsing): %2 ms")
            .arg(rows)
            .arg(clock.elapsed()));
    clock.restart();
    {
        // What AuditLog::verify reads with: sqlite3 directly, no QVariant.
        const auto raw = storage::RawQuery::prepare(
            *database, "SELECT seq, at, event, action_id, data, prev_hash, hash, rowid FROM audit_log ORDER BY seq",
            &error);
        qint64 bytes = 0;
        rows = 0;
        while (raw && raw->next()) {
            ++rows;
            bytes += raw->text(4).size();
        }
        say(QStringLiteral("limit: SQLite reading the %1 rows alone (storage::RawQuery, %2 MB of data): %3 ms")
                .arg(rows)
                .arg(double(bytes) / 1e6, 0, 'f', 1)
                .arg(clock.elapsed()));
    }

    // Twice, reporting the second (warm) run like sha256sum.
    for (int i = 0; i < std::max(1, parser.value(repeatOption).toInt()); ++i)
        audit.verify(brokerKey.publicKey());
    clock.restart();
    const broker::AuditLog::Report report = audit.verify(brokerKey.publicKey());
    const double verifyMs = double(clock.nsecsElapsed()) / 1e6;
    say(QStringLiteral("audit verify: %1").arg(report.summary()));
    say(QStringLiteral("audit verify: %1 ms for %2 entries = %3 MB/s hashed, %4% of the sha256sum rate "
                       "(%5 entries re-derived in full)")
            .arg(verifyMs, 0, 'f', 0)
            .arg(report.entries)
            .arg(double(hashedBytes) / (verifyMs / 1000.0) / 1e6, 0, 'f', 1)
            .arg(100.0 * shaMs / verifyMs, 0, 'f', 1)
            .arg(report.fullRederivations));

    // The path before the fast one, for comparison: every entry re-derived.
    clock.restart();
    const broker::AuditLog::Report full = audit.verify(brokerKey.publicKey(), 1, broker::AuditLog::VerifyMode::Full);
    const double fullMs = double(clock.nsecsElapsed()) / 1e6;
    say(QStringLiteral("full re-derivation (VerifyMode::Full, the path before): %1 ms = %2 MB/s, %3% of the "
                       "sha256sum rate")
            .arg(fullMs, 0, 'f', 0)
            .arg(double(hashedBytes) / (fullMs / 1000.0) / 1e6, 0, 'f', 1)
            .arg(100.0 * shaMs / fullMs, 0, 'f', 1));
    const bool same = full.ok == report.ok && full.entries == report.entries
        && full.checkpointsVerified == report.checkpointsVerified && full.summary() == report.summary();
    if (!same)
        say(QStringLiteral("the two paths disagree: %1 / %2").arg(report.summary(), full.summary()));
    const bool ok = report.ok && report.entries == count && same && report.fullRederivations == 0;
    say(ok ? QStringLiteral("OK") : QStringLiteral("FAILED"));
    return ok ? 0 : 1;
}
