#pragma once

#include <QIODevice>
#include <QJsonObject>
#include <QStringList>

#include <memory>

class QCommandLineParser;

namespace countersign::core {
class Ed25519PublicKey;
}

namespace countersign::broker {

class BrokerService;
struct BrokerConfig;

// countersignd's command line: init, serve, approver, token, policy, audit,
// retention, killswitch. `serve` runs the event loop; everything else returns at once.
class BrokerCommandLine
{
public:
    enum ExitCode { Ok = 0, Failed = 1, UsageError = 2, IoError = 3 };

    BrokerCommandLine(QIODevice *out, QIODevice *err);
    int run(const QStringList &arguments);

private:
    int init(const QStringList &arguments);
    int serve(const QStringList &arguments);
    int approver(const QStringList &arguments);
    int token(const QStringList &arguments);
    int policy(const QStringList &arguments);
    int audit(const QStringList &arguments);
    int exportBundle(BrokerService &service, const core::Ed25519PublicKey &brokerKey, const QString &directory,
                     const QStringList &actionIds, qint64 from, qint64 to);
    int retention(const QStringList &arguments);
    int killswitch(const QStringList &arguments);
    int killswitchList(const BrokerConfig &config);
    void printSwitch(const QJsonObject &ks);

    bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &name,
               const QString &description, int *exitCode);
    // Loads the configuration, opens and migrates the database, loads the broker key and policy.
    std::unique_ptr<BrokerService> openService(const QString &configPath, bool requirePolicy, int *exitCode);
    void print(const QString &line);
    void warn(const QString &line);
    QString usage() const;
    // `countersignd GROUP` alone (a usage error) or with --help: that group's commands.
    int groupUsage(const QString &group, bool requested);

    QIODevice *m_out;
    QIODevice *m_err;
};

} // namespace countersign::broker
