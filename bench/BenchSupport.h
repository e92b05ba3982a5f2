#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Shared by the benchmarks: machine facts and the physical limits each figure
// is printed beside, measured in the same run (docs/performance.md).
namespace countersign::bench {

// The rule that holds every `bench.*` tool for a human with the approver
// role, and a policy of that rule alone.
extern const QByteArray kHeldRule;
extern const QByteArray kHeldPolicy;

void say(const QString &line);
QString cpuModel();
// "machine: nproc=2 cpu=\"…\" build_type=…" — the first line of every benchmark.
QString machineLine(const char *buildType);
// Resident set size of a process (this one when pid is 0), in kB; -1 if unknown.
qint64 rssKb(qint64 pid = 0);
qint64 peakRssKb();
// Bytes this process's heap has handed out and not had back (glibc's
// mallinfo2: small blocks and mmapped ones), in kB; -1 if unknown. Beside the
// RSS it tells a growing heap from an allocator keeping freed pages.
qint64 heapInUseKb();
// CPU time (user + system) a process has used so far (this one when pid is 0),
// in seconds, from /proc; -1 if unknown.
double cpuSeconds(qint64 pid = 0);

struct Percentiles
{
    double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};
// Of durations in nanoseconds, reported in milliseconds.
Percentiles percentiles(QList<qint64> nanoseconds);
QString formatMs(const Percentiles &p);

// Limits.
// One-row-per-transaction inserts into a fresh SQLite file in `directory`
// with the broker's durability settings (WAL, synchronous=FULL); rows/s.
double sqliteInsertRate(const QString &directory, int rows, int rowBytes = 600);
// `openssl speed -seconds S ed25519` run as a process: verifications/s (0 if it failed).
double opensslEd25519VerifyRate(int seconds = 2);
// `sha256sum` run as a process over `path`: bytes/s (0 if it failed).
double sha256sumRate(const QString &path);

} // namespace countersign::bench
