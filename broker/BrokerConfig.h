#pragma once

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace countersign::broker {

// countersignd.conf: TOML, written by `countersignd init`, relative paths
// resolved against the file's directory. Every limit has a safe default.
struct BrokerConfig
{
    QString path;
    QString directory;

    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;
    QString tlsCertificate;
    QString tlsKey;

    QString database;
    QString signingKey;
    QString signingKeyPassphraseFile;
    QString policy;

    qint64 maxBodyBytes = 1024 * 1024;
    int maxJsonDepth = 32;
    int maxArrayLength = 10000;
    int maxPendingPerAgent = 1000;
    qint64 maxWebSocketMessageBytes = 1024 * 1024;
    int loginAttemptsPerMinute = 10;
    int maxWaitSeconds = 60;
    int maxHistoryPage = 500;
    // The shortest approval deadline a policy rule may set. Short deadlines fail
    // closed (an expired action is denied), so lowering this is safe; it exists
    // to catch a rule that gives approvers no time to read what they sign.
    qint64 minApprovalDeadlineSeconds = 60;
    // Group commit (docs/architecture.md): how long a batch transaction stays
    // open for more work after it opened (0: until the event loop is idle), and
    // how many requests it holds at most.
    int commitWindowMs = 0;
    int commitMaxBatch = 256;

    int checkpointEveryEntries = 1000;
    int checkpointEverySeconds = 10;

    int retentionDays = 90;
    QMap<QString, int> retentionDaysByTenant;

    static std::optional<BrokerConfig> load(const QString &path, QStringList *errors);
    static QByteArray defaultText(quint16 port);
    QString resolve(const QString &relative) const;
    QString listenUrl() const;
};

} // namespace countersign::broker
