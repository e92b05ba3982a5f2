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
    bool start(QString *error);
    // SIGKILL: no chance to clean up, exactly like a crash.
    void kill();
    // SIGTERM and wait for a clean exit.
    bool stop();
    bool isRunning() const;

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

    // countersignd with the given arguments (the config is not added automatically).
    ProcessRunner::Result cli(const QStringList &arguments) const;
    // `token create`; returns the bearer token or an empty string.
    QString createToken(const QString &tenant, const QString &agent, const QStringList &tools,
                        const QString &ttl = QString()) const;
    // A fresh key, enrolled with `approver add`.
    Approver enrolApprover(const QString &name, const QStringList &roles, const QStringList &tenants,
                           const QString &identity = QString()) const;
    // Appends to countersignd.conf (e.g. a [limits] override) before start().
    bool appendConfig(const QByteArray &text) const;

    static QString program();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

} // namespace countersign::testing
