#include "BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace countersign::bench {

const QByteArray kHeldRule = R"([[rules]]
id = "approve-bench"
description = "Held for a human"
action = "approve"
approver_roles = ["approver"]
deadline = "1h"
[rules.match]
tool = "bench.*"
)";
const QByteArray kHeldPolicy = "version = 1\n\n" + kHeldRule;

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QStringLiteral("unknown");
}

QString machineLine(const char *buildType)
{
    return QStringLiteral("machine: nproc=%1 cpu=\"%2\" build_type=%3 qt=%4")
        .arg(QThread::idealThreadCount())
        .arg(cpuModel(), QString::fromLatin1(buildType), QString::fromLatin1(qVersion()));
}

namespace {
qint64 statusField(qint64 pid, const QByteArray &field)
{
    QFile file(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts.at(1).toLongLong() : -1;
        }
    }
    return -1;
}
} // namespace

qint64 rssKb(qint64 pid)
{
    return statusField(pid, "VmRSS:");
}

qint64 peakRssKb()
{
    return statusField(0, "VmHWM:");
}

qint64 heapInUseKb()
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    return qint64((info.uordblks + info.hblkhd) / 1024);
#else
    return -1;
#endif
}

double cpuSeconds(qint64 pid)
{
    QFile file(pid > 0 ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = file.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(ticks > 0 ? ticks : 100);
}

Percentiles percentiles(QList<qint64> ns)
{
    Percentiles p;
    if (ns.isEmpty())
        return p;
    std::sort(ns.begin(), ns.end());
    auto at
        = [&](double q) { return double(ns.at(std::min<qsizetype>(ns.size() - 1, qsizetype(q * ns.size())))) / 1e6; };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    p.max = double(ns.last()) / 1e6;
    double sum = 0;
    for (qint64 v : std::as_const(ns))
        sum += double(v);
    p.mean = sum / double(ns.size()) / 1e6;
    return p;
}

QString formatMs(const Percentiles &p)
{
    return QStringLiteral("p50 %1 ms, p90 %2 ms, p99 %3 ms, max %4 ms, mean %5 ms")
        .arg(p.p50, 0, 'f', 2)
        .arg(p.p90, 0, 'f', 2)
        .arg(p.p99, 0, 'f', 2)
        .arg(p.max, 0, 'f', 2)
        .arg(p.mean, 0, 'f', 2);
}

double sqliteInsertRate(const QString &directory, int rows, int rowBytes)
{
    const QString path = directory + QStringLiteral("/raw-sqlite-limit.db");
    QFile::remove(path);
    double rate = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"})
                q.exec(QString::fromLatin1(pragma));
            q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)"));
            const QString payload(rowBytes, QLatin1Char('x'));
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO t (data) VALUES (?)"));
            QElapsedTimer clock;
            clock.start();
            for (int i = 0; i < rows; ++i) {
                db.transaction();
                insert.bindValue(0, payload);
                insert.exec();
                db.commit();
            }
            rate = double(rows) / (double(clock.nsecsElapsed()) / 1e9);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-raw"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return rate;
}

double opensslEd25519VerifyRate(int seconds)
{
    QProcess openssl;
    openssl.start(
        QStringLiteral("openssl"),
        {QStringLiteral("speed"), QStringLiteral("-seconds"), QString::number(seconds), QStringLiteral("ed25519")});
    if (!openssl.waitForFinished(60000))
        return 0;
    // "253 bits EdDSA (Ed25519)   0.0000s   0.0001s  22752.5   8414.3"
    static const QRegularExpression row(QStringLiteral("\\(Ed25519\\)\\s+\\S+\\s+\\S+\\s+([0-9.]+)\\s+([0-9.]+)"));
    const QRegularExpressionMatch match = row.match(QString::fromUtf8(openssl.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(2).toDouble() : 0;
}

double sha256sumRate(const QString &path)
{
    QProcess sum;
    QElapsedTimer clock;
    clock.start();
    sum.start(QStringLiteral("sha256sum"), {path});
    if (!sum.waitForFinished(600000) || sum.exitCode() != 0)
        return 0;
    return double(QFileInfo(path).size()) / (double(clock.nsecsElapsed()) / 1e9);
}

} // namespace countersign::bench
