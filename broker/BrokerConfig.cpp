#include "broker/BrokerConfig.h"

#include "broker/TomlDocument.h"
#include "core/JsonReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace countersign::broker {

namespace {

template<typename T> void readInt(core::JsonReader &r, const QString &key, T &out, qint64 minimum)
{
    if (const auto value = r.integer(key, core::JsonReader::Optional, minimum))
        out = T(*value);
}

} // namespace

QByteArray BrokerConfig::defaultText(quint16 port)
{
    return QStringLiteral("# countersignd configuration, written by `countersignd init`.\n"
                          "# Relative paths are resolved against the directory of this file.\n"
                          "# See docs/operations.md for every setting.\n\n"
                          "[server]\n"
                          "# Loopback by default: put a reverse proxy or a firewall rule in front before widening it.\n"
                          "listen = \"127.0.0.1:%1\"\n"
                          "tls_certificate = \"tls/broker.crt\"\n"
                          "tls_key = \"tls/broker-tls.key\"\n\n"
                          "[broker]\n"
                          "database = \"countersignd.db\"\n"
                          "signing_key = \"keys/broker.key\"\n"
                          "signing_key_passphrase_file = \"keys/broker.pass\"\n"
                          "policy = \"policy.toml\"\n\n"
                          "[limits]\n"
                          "max_body_bytes = 1048576\n"
                          "max_json_depth = 32\n"
                          "max_array_length = 10000\n"
                          "max_pending_per_agent = 1000\n"
                          "max_websocket_message_bytes = 1048576\n"
                          "login_attempts_per_minute = 10\n"
                          "max_wait_seconds = 60\n"
                          "max_history_page = 500\n"
                          "# The shortest approval deadline a policy rule may set (seconds).\n"
                          "min_approval_deadline_seconds = 60\n\n"
                          "[audit]\n"
                          "checkpoint_every_entries = 1000\n"
                          "checkpoint_every_seconds = 10\n\n"
                          "[retention]\n"
                          "# Raw tool arguments, evidence content and memory text are purged after this many days;\n"
                          "# metadata, digests, decisions and the audit chain are kept.\n"
                          "content_days = 90\n"
                          "# [retention.tenants]\n"
                          "# acme = 30\n")
        .arg(port)
        .toUtf8();
}

std::optional<BrokerConfig> BrokerConfig::load(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    const auto document = TomlDocument::parse(file.read(1024 * 1024), path, errors);
    if (!document)
        return std::nullopt;

    BrokerConfig config;
    config.path = QFileInfo(path).absoluteFilePath();
    config.directory = QFileInfo(path).absolutePath();
    core::ValidationErrors problems;
    core::JsonReader root(document->root(), QString(), &problems);

    core::JsonReader server(root.object(QStringLiteral("server")), QStringLiteral("server"), &problems);
    const QString listen = server.string(QStringLiteral("listen"), core::JsonReader::Optional);
    if (!listen.isEmpty()) {
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const uint port = listen.mid(colon + 1).toUInt(&portOk);
        QString host = listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host);
        if (colon <= 0 || !portOk || port > 65535 || address.isNull())
            server.error(QStringLiteral("listen"), QStringLiteral("expected ADDRESS:PORT, e.g. 127.0.0.1:8443"));
        config.listenAddress = address;
        config.listenPort = quint16(port);
    }
    config.tlsCertificate = config.resolve(server.string(QStringLiteral("tls_certificate")));
    config.tlsKey = config.resolve(server.string(QStringLiteral("tls_key")));
    server.finish();

    core::JsonReader broker(root.object(QStringLiteral("broker")), QStringLiteral("broker"), &problems);
    config.database = config.resolve(broker.string(QStringLiteral("database")));
    config.signingKey = config.resolve(broker.string(QStringLiteral("signing_key")));
    config.signingKeyPassphraseFile
        = config.resolve(broker.string(QStringLiteral("signing_key_passphrase_file"), core::JsonReader::Optional));
    config.policy = config.resolve(broker.string(QStringLiteral("policy")));
    broker.finish();

    core::JsonReader limits(root.object(QStringLiteral("limits"), core::JsonReader::Optional), QStringLiteral("limits"),
                            &problems);
    readInt(limits, QStringLiteral("max_body_bytes"), config.maxBodyBytes, 1024);
    readInt(limits, QStringLiteral("max_json_depth"), config.maxJsonDepth, 4);
    readInt(limits, QStringLiteral("max_array_length"), config.maxArrayLength, 1);
    readInt(limits, QStringLiteral("max_pending_per_agent"), config.maxPendingPerAgent, 1);
    readInt(limits, QStringLiteral("max_websocket_message_bytes"), config.maxWebSocketMessageBytes, 1024);
    readInt(limits, QStringLiteral("login_attempts_per_minute"), config.loginAttemptsPerMinute, 1);
    readInt(limits, QStringLiteral("max_wait_seconds"), config.maxWaitSeconds, 0);
    readInt(limits, QStringLiteral("max_history_page"), config.maxHistoryPage, 1);
    readInt(limits, QStringLiteral("min_approval_deadline_seconds"), config.minApprovalDeadlineSeconds, 1);
    readInt(limits, QStringLiteral("commit_window_ms"), config.commitWindowMs, 0);
    readInt(limits, QStringLiteral("commit_max_batch"), config.commitMaxBatch, 1);
    limits.finish();

    core::JsonReader audit(root.object(QStringLiteral("audit"), core::JsonReader::Optional), QStringLiteral("audit"),
                           &problems);
    readInt(audit, QStringLiteral("checkpoint_every_entries"), config.checkpointEveryEntries, 1);
    readInt(audit, QStringLiteral("checkpoint_every_seconds"), config.checkpointEverySeconds, 1);
    audit.finish();

    core::JsonReader retention(root.object(QStringLiteral("retention"), core::JsonReader::Optional),
                               QStringLiteral("retention"), &problems);
    readInt(retention, QStringLiteral("content_days"), config.retentionDays, 1);
    const QJsonObject tenants = retention.object(QStringLiteral("tenants"), core::JsonReader::Optional);
    for (auto it = tenants.begin(); it != tenants.end(); ++it) {
        if (!it.value().isDouble() || it.value().toInteger() < 1)
            problems.append({QStringLiteral("retention.tenants.") + it.key(),
                             QStringLiteral("expected a number of days (at least 1)")});
        else
            config.retentionDaysByTenant.insert(it.key(), int(it.value().toInteger()));
    }
    retention.finish();
    root.finish();

    for (const core::ValidationError &problem : std::as_const(problems))
        errors->append(document->locate(problem));
    if (!problems.isEmpty())
        return std::nullopt;
    return config;
}

QString BrokerConfig::resolve(const QString &relative) const
{
    if (relative.isEmpty())
        return {};
    return QDir::cleanPath(QDir(directory).absoluteFilePath(relative));
}

QString BrokerConfig::listenUrl() const
{
    const QString host = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + listenAddress.toString() + QLatin1Char(']')
        : listenAddress.toString();
    return QStringLiteral("https://%1:%2").arg(host).arg(listenPort);
}

} // namespace countersign::broker
