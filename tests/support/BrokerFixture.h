#pragma once

#include "core/Ed25519PrivateKey.h"
#include "support/ProcessRunner.h"

#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace countersign::testing {

// A real countersignd in a temporary directory: `countersignd init`, then
// `countersignd serve --listen 127.0.0.1:0` as a child process, and the CLI
// for enrolling approvers and creating tokens (compare KDE Connect's
// TestDaemon, but with the real daemon rather than a stand-in).
class BrokerFixture
{
public:
    struct Approver
    {
        QString name;
        QString keyId;
        QString pubPath;
        std::shared_ptr<core::Ed25519PrivateKey> key;
    };

    BrokerFixture();
    ~BrokerFixture();

    bool init(QString *error, const QStringList &extraInitArgs = {});
    // Starts `serve` on a fresh port; may be called again after kill() or stop()
    // to restart on the same directory (the port changes).
    bool start(QString *error);
    // SIGKILL: no chance to clean up, exactly like a crash.
    void kill();
    // SIGTERM and wait for a clean exit.
    bool stop();
    // stop(), then start() on the same directory.
    bool restart(QString *error);
    bool isRunning() const;
    qint64 pid() const;
    // Sends `signal` (e.g. SIGHUP) to the running broker.
    bool sendSignal(int signal) const;

    QString dir() const { return m_dir.path(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("countersignd.conf")); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("countersignd.db")); }
    QString policyPath() const { return m_dir.filePath(QStringLiteral("policy.toml")); }
    quint16 port() const { return m_port; }
    QUrl httpsUrl(const QString &path) const;
    QUrl consoleUrl() const;
    QSslConfiguration clientTls() const;
    QString brokerKeyId() const;
    QByteArray serverLog() const { return m_log; }
    // Whether the broker's stderr is kept for serverLog() and waitForLog()
    // (the default) or read and dropped: a benchmark running for minutes
    // would otherwise measure its own copy of the log.
    void setKeepLog(bool keep) { m_keepLog = keep; }
    // Set in the broker's environment from the next start() on.
    void setEnvironment(const QString &name, const QString &value) { m_environment.insert(name, value); }
    // Waits for the broker to end by itself; its exit code, or -1 if it did
    // not end in time or was killed by a signal.
    int waitForExit(int timeoutMs);
    // Waits (on the broker's stderr, not on a clock) until the log after offset
    // `from` contains `needle`.
    bool waitForLog(const QByteArray &needle, qsizetype from = 0, int timeoutMs = 15000);

    // countersignd with the given arguments (the config is not added automatically).
    ProcessRunner::Result cli(const QStringList &arguments) const;
    // `token create`; returns the bearer token or an empty string (and its id in *tokenId).
    QString createToken(const QString &tenant, const QString &agent, const QStringList &tools,
                        const QString &ttl = QString(), QString *tokenId = nullptr) const;
    // A fresh key, enrolled with `approver add`.
    Approver enrolApprover(const QString &name, const QStringList &roles, const QStringList &tenants,
                           const QString &identity = QString()) const;
    // Appends to countersignd.conf (new tables only: TOML refuses a table or key twice).
    bool appendConfig(const QByteArray &text) const;
    // Sets `key = value` (value in TOML syntax, e.g. "5" or "\"x\"") in [table] of
    // countersignd.conf, replacing the line init wrote or adding it; before start().
    bool setConfigValue(const QString &table, const QString &key, const QString &value) const;
    // Replaces policy.toml.
    bool writePolicy(const QByteArray &toml) const;

    // The sqlite3 program on the broker's database, as an operator (or an
    // attacker with file access) would use it. Output is sqlite3's list mode.
    ProcessRunner::Result sql(const QString &statements) const;
    // The trimmed output of a query (empty on error).
    QString sqlValue(const QString &query) const;
    qint64 auditHead() const;
    // A copy of the broker's directory in `directory` (configuration, policy,
    // keys, TLS files, and a consistent sqlite3 .backup of the database), e.g.
    // to tamper with while the original keeps running.
    bool copyTo(const QString &directory, QString *error) const;

    static QString program();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_log;
    bool m_keepLog = true;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};

} // namespace countersign::testing
