#include "broker/BrokerCommandLine.h"

#include "broker/BrokerConfig.h"
#include "broker/BrokerServer.h"
#include "broker/BrokerService.h"
#include "broker/KillSwitchClient.h"
#include "broker/KillSwitchRegistry.h"
#include "broker/PolicyDecision.h"
#include "core/Action.h"
#include "core/Base64Url.h"
#include "core/EvidenceBundle.h"
#include "core/Identifiers.h"
#include "core/Jws.h"
#include "core/KeyFile.h"
#include "core/KillSwitchOrder.h"
#include "core/StatementType.h"
#include "core/TlsIdentity.h"
#include "core/UnixSignalWatcher.h"
#include "core/Vocabulary.h"
#include "storage/BrokerSchema.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace countersign::broker {

namespace {

const QString kConfigOption = QStringLiteral("config");

QCommandLineOption configOption()
{
    return QCommandLineOption(kConfigOption, QStringLiteral("Path to countersignd.conf."), QStringLiteral("FILE"));
}

bool writeSecretFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writePlainFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

core::SecureBytes randomPassphrase()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    QByteArray text = core::Base64Url::encode(bytes);
    core::SecureBytes::wipe(bytes);
    return core::SecureBytes::take(text);
}

std::optional<core::SecureBytes> readPassphrase(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        QByteArray env = qgetenv("COUNTERSIGND_KEY_PASSPHRASE");
        if (env.isEmpty()) {
            *error = QStringLiteral("no passphrase for the broker key: set signing_key_passphrase_file or "
                                    "COUNTERSIGND_KEY_PASSPHRASE");
            return std::nullopt;
        }
        return core::SecureBytes::take(env);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.read(4096);
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return core::SecureBytes::take(bytes);
}

qint64 parseTtl(const QString &text, bool *ok)
{
    if (text.isEmpty()) {
        *ok = true;
        return 0;
    }
    const auto seconds = PolicyDecision::parseDuration(text);
    *ok = seconds.has_value() && *seconds > 0;
    return seconds.value_or(0);
}

} // namespace

BrokerCommandLine::BrokerCommandLine(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err)
{ }

void BrokerCommandLine::print(const QString &line)
{
    m_out->write((line + QLatin1Char('\n')).toUtf8());
}

void BrokerCommandLine::warn(const QString &line)
{
    m_err->write((line + QLatin1Char('\n')).toUtf8());
}

QString BrokerCommandLine::usage() const
{
    return QStringLiteral(
        "Usage: countersignd COMMAND [OPTIONS]\n\n"
        "The Countersign broker: holds agent actions under policy, verifies signed decisions,\n"
        "keeps a tamper-evident audit log and enforces kill switches.\n\n"
        "Commands:\n"
        "  init DIR                          create a configuration, keys, TLS certificate and example policy\n"
        "  serve --config FILE [--listen HOST:PORT]\n"
        "                                    run the broker (port 0 picks a free port)\n"
        "  approver add --config FILE --name NAME --role ROLE... --tenant TENANT... --pubkey FILE [--identity USER]\n"
        "  approver list --config FILE\n"
        "  approver revoke --config FILE KEY_ID_OR_NAME\n"
        "  token create --config FILE --tenant T --agent ID --tool GLOB... [--ttl DURATION]\n"
        "  token list --config FILE\n"
        "  token revoke --config FILE TOKEN_ID\n"
        "  policy check [--config FILE] FILE validate a policy file\n"
        "  policy explain [--config FILE] FILE ACTION.json\n"
        "                                    show which rule decides an action, and why\n"
        "  audit verify --config FILE [--from SEQ]\n"
        "  audit export --config FILE [--from SEQ] [--to SEQ] [--out FILE]\n"
        "  audit export --config FILE --bundle DIR [--action ID]... [--from SEQ] [--to SEQ]\n"
        "                                    write an evidence bundle (docs/evidence-bundle.md)\n"
        "  retention run --config FILE       purge content older than the retention period now\n"
        "  killswitch engage|release|drill --config FILE [--url https://HOST:PORT] --key ONCALL.key\n"
        "                                    [--passphrase-file F] --scope SCOPE [--target T] --reason TEXT\n"
        "                                    send a signed kill switch order to the running broker\n"
        "  killswitch list --config FILE [--url https://HOST:PORT --key KEY [--passphrase-file F]]\n"
        "                                    active kill switches and their history\n\n"
        "Run `countersignd COMMAND --help` for details. Exit codes: 0 ok, 1 failed, 2 usage, 3 I/O.\n");
}

int BrokerCommandLine::groupUsage(const QString &group, bool requested)
{
    // The group's lines of the overall usage, with their continuation lines.
    QString text = QStringLiteral("Usage:\n");
    bool inGroup = false;
    const QStringList lines = usage().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("  ")) && !line.startsWith(QStringLiteral("   ")))
            inGroup = line.startsWith(QStringLiteral("  ") + group + QLatin1Char(' '));
        else if (!line.startsWith(QStringLiteral("   ")))
            inGroup = false;
        if (inGroup)
            text += line + QLatin1Char('\n');
    }
    text += QStringLiteral("\nRun `countersignd %1 SUBCOMMAND --help` for details.\n").arg(group);
    (requested ? m_out : m_err)->write(text.toUtf8());
    return requested ? Ok : UsageError;
}

int BrokerCommandLine::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QStringLiteral("--help") || command == QStringLiteral("-h")
        || command == QStringLiteral("help")) {
        m_out->write(usage().toUtf8());
        return command.isEmpty() ? UsageError : Ok;
    }
    if (command == QStringLiteral("--version")) {
        print(QStringLiteral("countersignd " COUNTERSIGN_VERSION));
        return Ok;
    }
    const QStringList rest = arguments.mid(1);
    if (command == QStringLiteral("init"))
        return init(rest);
    if (command == QStringLiteral("serve"))
        return serve(rest);
    if (command == QStringLiteral("approver"))
        return approver(rest);
    if (command == QStringLiteral("token"))
        return token(rest);
    if (command == QStringLiteral("policy"))
        return policy(rest);
    if (command == QStringLiteral("audit"))
        return audit(rest);
    if (command == QStringLiteral("retention"))
        return retention(rest);
    if (command == QStringLiteral("killswitch"))
        return killswitch(rest);
    warn(QStringLiteral("countersignd: unknown command '%1'").arg(command));
    m_err->write(usage().toUtf8());
    return UsageError;
}

bool BrokerCommandLine::parse(QCommandLineParser &parser, const QStringList &arguments, const QString &name,
                              const QString &description, int *exitCode)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv = arguments;
    argv[0] = QStringLiteral("countersignd ") + name;
    // QCommandLineParser names the executable's path in its usage line; say which command this is.
    QString helpText = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    if (!program.isEmpty() && helpText.startsWith(QStringLiteral("Usage: ") + program))
        helpText.replace(7, program.size(), argv.first());
    if (!parser.parse(argv)) {
        warn(QStringLiteral("countersignd %1: %2").arg(name, parser.errorText()));
        m_err->write(helpText.toUtf8());
        *exitCode = UsageError;
        return false;
    }
    if (parser.isSet(help)) {
        m_out->write(helpText.toUtf8());
        *exitCode = Ok;
        return false;
    }
    return true;
}

std::unique_ptr<BrokerService> BrokerCommandLine::openService(const QString &configPath, bool requirePolicy,
                                                              int *exitCode)
{
    if (configPath.isEmpty()) {
        warn(QStringLiteral("countersignd: --config FILE is required"));
        *exitCode = UsageError;
        return nullptr;
    }
    QStringList errors;
    auto config = BrokerConfig::load(configPath, &errors);
    if (!config) {
        for (const QString &e : std::as_const(errors))
            warn(e);
        *exitCode = Failed;
        return nullptr;
    }
    QString error;
    auto database = storage::Database::open(config->database, &error);
    if (!database || !database->migrate(storage::BrokerSchema::migrations(), &error)) {
        warn(QStringLiteral("countersignd: ") + error);
        *exitCode = IoError;
        return nullptr;
    }
    const auto passphrase = readPassphrase(config->signingKeyPassphraseFile, &error);
    auto key = passphrase ? core::KeyFile::readPrivateKey(config->signingKey, *passphrase, &error) : std::nullopt;
    if (!key) {
        warn(QStringLiteral("countersignd: ") + error);
        *exitCode = IoError;
        return nullptr;
    }
    auto loaded = Policy::load(config->policy, &errors, config->minApprovalDeadlineSeconds);
    if (!loaded) {
        for (const QString &e : std::as_const(errors))
            warn(e);
        if (requirePolicy) {
            warn(QStringLiteral("countersignd: refusing to start with an invalid policy"));
            *exitCode = Failed;
            return nullptr;
        }
        loaded = Policy();
    }
    return std::make_unique<BrokerService>(*config, std::move(database), std::move(*key), std::move(*loaded));
}

int BrokerCommandLine::init(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port written to the configuration."),
                                        QStringLiteral("PORT"), QStringLiteral("8443"));
    const QCommandLineOption hostOption(QStringLiteral("hostname"),
                                        QStringLiteral("Extra DNS name for the TLS certificate (repeatable)."),
                                        QStringLiteral("NAME"));
    parser.addOptions({portOption, hostOption});
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Directory to create."));
    int code = Ok;
    if (!parse(parser, arguments, QStringLiteral("init"),
               QStringLiteral("Creates DIR/countersignd.conf, the broker's signing key, a self-signed TLS certificate, "
                              "the example policy and an admin key."),
               &code))
        return code;
    const QString dirPath = parser.positionalArguments().value(0);
    if (dirPath.isEmpty() || parser.positionalArguments().size() > 1) {
        warn(QStringLiteral("countersignd init: exactly one DIR is required"));
        return UsageError;
    }
    QDir dir(dirPath);
    // Every file init writes, and the database it creates: replacing any of them
    // (the broker key above all) would orphan what is already there.
    for (const QString &file :
         {QStringLiteral("countersignd.conf"), QStringLiteral("countersignd.db"), QStringLiteral("policy.toml"),
          QStringLiteral("keys/broker.key"), QStringLiteral("keys/broker.pass"), QStringLiteral("keys/broker.pub"),
          QStringLiteral("keys/admin.key"), QStringLiteral("keys/admin.pass"), QStringLiteral("keys/admin.pub"),
          QStringLiteral("tls/broker.crt"), QStringLiteral("tls/broker-tls.key")}) {
        if (QFileInfo::exists(dir.filePath(file))) {
            warn(QStringLiteral("countersignd init: %1 already exists; refusing to overwrite it")
                     .arg(dir.absoluteFilePath(file)));
            return IoError;
        }
    }
    QString error;
    if (!QDir().mkpath(dir.absoluteFilePath(QStringLiteral("keys")))
        || !QDir().mkpath(dir.absoluteFilePath(QStringLiteral("tls")))
        || !QFile::setPermissions(dir.absoluteFilePath(QStringLiteral("keys")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        warn(QStringLiteral("countersignd init: cannot create %1").arg(dir.absolutePath()));
        return IoError;
    }
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        warn(QStringLiteral("countersignd init: --port must be 0..65535"));
        return UsageError;
    }

    // The broker's signing key: checkpoints are signed with it.
    const core::Ed25519PrivateKey brokerKey = core::Ed25519PrivateKey::generate();
    const core::SecureBytes brokerPass = randomPassphrase();
    // The first administrator's key, enrolled with every role so the operator can log in at once.
    const core::Ed25519PrivateKey adminKey = core::Ed25519PrivateKey::generate();
    const core::SecureBytes adminPass = randomPassphrase();
    QStringList dns {QStringLiteral("localhost")};
    const QString host = QHostInfo::localHostName();
    if (!host.isEmpty() && host != QStringLiteral("localhost"))
        dns.append(host);
    dns += parser.values(hostOption);
    const auto tls
        = core::TlsIdentity::generateSelfSigned(host.isEmpty() ? QStringLiteral("countersignd") : host, dns,
                                                {QStringLiteral("127.0.0.1"), QStringLiteral("::1")}, 825, &error);
    QFile policyTemplate(QStringLiteral(":/countersign/policy/example-policy.toml"));
    if (!tls || !policyTemplate.open(QIODevice::ReadOnly)) {
        warn(QStringLiteral("countersignd init: ") + (tls ? QStringLiteral("example policy missing") : error));
        return IoError;
    }
    const QString keys = dir.absoluteFilePath(QStringLiteral("keys/"));
    if (!writeSecretFile(keys + QStringLiteral("broker.pass"), QByteArray(brokerPass.data(), brokerPass.size()) + '\n',
                         &error)
        || !core::KeyFile::writePrivateKey(keys + QStringLiteral("broker.key"), brokerKey, brokerPass, &error)
        || !core::KeyFile::writePublicKey(keys + QStringLiteral("broker.pub"), brokerKey.publicKey(), &error)
        || !writeSecretFile(keys + QStringLiteral("admin.pass"), QByteArray(adminPass.data(), adminPass.size()) + '\n',
                            &error)
        || !core::KeyFile::writePrivateKey(keys + QStringLiteral("admin.key"), adminKey, adminPass, &error)
        || !core::KeyFile::writePublicKey(keys + QStringLiteral("admin.pub"), adminKey.publicKey(), &error)
        || !writePlainFile(dir.absoluteFilePath(QStringLiteral("tls/broker.crt")), tls->certificatePem, &error)
        || !writeSecretFile(dir.absoluteFilePath(QStringLiteral("tls/broker-tls.key")), tls->privateKeyPem, &error)
        || !writePlainFile(dir.absoluteFilePath(QStringLiteral("policy.toml")), policyTemplate.readAll(), &error)
        || !writePlainFile(dir.absoluteFilePath(QStringLiteral("countersignd.conf")),
                           BrokerConfig::defaultText(quint16(port)), &error)) {
        warn(QStringLiteral("countersignd init: ") + error);
        return IoError;
    }
    int openCode = Ok;
    auto service = openService(dir.absoluteFilePath(QStringLiteral("countersignd.conf")), true, &openCode);
    if (!service)
        return openCode;
    if (!service->enrolApprover(QStringLiteral("admin"), QStringLiteral("admin"), adminKey.publicKey(),
                                {QStringLiteral("admin"), QStringLiteral("oncall"), QStringLiteral("reviewer")},
                                {QStringLiteral("*")}, &error)) {
        warn(QStringLiteral("countersignd init: ") + error);
        return Failed;
    }
    service->checkpointNow();
    print(QStringLiteral("Created %1").arg(dir.absolutePath()));
    print(QStringLiteral("  configuration   %1").arg(dir.absoluteFilePath(QStringLiteral("countersignd.conf"))));
    print(QStringLiteral("  policy          %1").arg(dir.absoluteFilePath(QStringLiteral("policy.toml"))));
    print(QStringLiteral("  broker key id   %1").arg(brokerKey.keyId()));
    print(QStringLiteral("  admin key id    %1 (keys/admin.key, passphrase in keys/admin.pass)").arg(adminKey.keyId()));
    print(QStringLiteral("  TLS certificate %1").arg(dir.absoluteFilePath(QStringLiteral("tls/broker.crt"))));
    print(QStringLiteral("  TLS SHA-256 fingerprint (consoles pin this):"));
    print(QStringLiteral("    %1").arg(core::TlsIdentity::fingerprintSha256(tls->certificatePem)));
    return Ok;
}

int BrokerCommandLine::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption config = configOption();
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address and port, overriding the configuration (port 0 picks "
                                                         "a free one)."),
                                          QStringLiteral("HOST:PORT"));
    parser.addOptions({config, listenOption});
    int code = Ok;
    if (!parse(parser, arguments, QStringLiteral("serve"), QStringLiteral("Runs the broker."), &code))
        return code;
    auto service = openService(parser.value(config), true, &code);
    if (!service)
        return code;
    QHostAddress address = service->config().listenAddress;
    quint16 port = service->config().listenPort;
    if (parser.isSet(listenOption)) {
        const QString listen = parser.value(listenOption);
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint p = listen.mid(colon + 1).toUInt(&ok);
        address = QHostAddress(listen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
        if (colon <= 0 || !ok || p > 65535 || address.isNull()) {
            warn(QStringLiteral("countersignd serve: --listen expects HOST:PORT"));
            return UsageError;
        }
        port = quint16(p);
    }
    QFile certFile(service->config().tlsCertificate);
    QFile keyFile(service->config().tlsKey);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        warn(QStringLiteral("countersignd serve: cannot read the TLS certificate or key"));
        return IoError;
    }
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    QByteArray keyPem = keyFile.readAll();
    const QSslKey tlsKey(keyPem, QSsl::Ec, QSsl::Pem);
    core::SecureBytes::wipe(keyPem);
    if (certificate.isNull() || tlsKey.isNull()) {
        warn(QStringLiteral("countersignd serve: the TLS certificate or key is not valid PEM (EC P-256 expected)"));
        return IoError;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(tlsKey);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);

    QString error;
    if (!service->start(&error)) {
        warn(QStringLiteral("countersignd serve: ") + error);
        return IoError;
    }
    BrokerServer server(service.get());
    const quint16 bound = server.listen(address, port, tls, &error);
    if (bound == 0) {
        warn(QStringLiteral("countersignd serve: ") + error);
        return IoError;
    }
    core::UnixSignalWatcher watcher;
    QObject::connect(&watcher, &core::UnixSignalWatcher::reloadRequested, service.get(), [this, &service] {
        QString reloadError;
        if (service->reloadPolicy(&reloadError))
            warn(QStringLiteral("countersignd: policy reloaded (%1)").arg(service->policy().sha256()));
        else
            warn(QStringLiteral("countersignd: policy reload failed, keeping the previous policy:\n") + reloadError);
    });
    QObject::connect(&watcher, &core::UnixSignalWatcher::terminateRequested, qApp, &QCoreApplication::quit);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
        : address.toString();
    print(QStringLiteral("listening on https://%1:%2").arg(host).arg(bound));
    if (auto *file = qobject_cast<QFile *>(m_out))
        file->flush();
    const int rc = QCoreApplication::exec();
    service->checkpointNow();
    return rc;
}

int BrokerCommandLine::approver(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h"))
        return groupUsage(QStringLiteral("approver"), !sub.isEmpty());
    QCommandLineParser parser;
    const QCommandLineOption config = configOption();
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("NAME"));
    const QCommandLineOption identity(QStringLiteral("identity"),
                                      QStringLiteral("The person's user id as it appears in request.user (for the "
                                                     "self-approval check); defaults to the name."),
                                      QStringLiteral("USER"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Role (repeatable)."), QStringLiteral("ROLE"));
    const QCommandLineOption tenant(QStringLiteral("tenant"), QStringLiteral("Tenant, or * for all (repeatable)."),
                                    QStringLiteral("TENANT"));
    const QCommandLineOption pubkey(QStringLiteral("pubkey"), QStringLiteral("Public key file (PEM)."),
                                    QStringLiteral("FILE"));
    parser.addOption(config);
    if (sub == QStringLiteral("add"))
        parser.addOptions({name, identity, role, tenant, pubkey});
    if (sub == QStringLiteral("revoke"))
        parser.addPositionalArgument(QStringLiteral("KEY_ID_OR_NAME"), QStringLiteral("The approver to revoke."));
    int code = Ok;
    QStringList rest = arguments.mid(1);
    if (rest.isEmpty())
        rest.append(QStringLiteral("approver"));
    if (!parse(parser, rest, QStringLiteral("approver ") + sub, QStringLiteral("Manages enrolled approver keys."),
               &code))
        return code;
    if (sub != QStringLiteral("add") && sub != QStringLiteral("list") && sub != QStringLiteral("revoke")) {
        warn(QStringLiteral("countersignd approver: expected add, list or revoke"));
        return UsageError;
    }
    auto service = openService(parser.value(config), false, &code);
    if (!service)
        return code;
    QString error;
    if (sub == QStringLiteral("list")) {
        for (const ApproverRegistry::Approver &a : service->approvers().list())
            print(QStringLiteral("%1  %2  roles=%3  tenants=%4  %5")
                      .arg(a.keyId, a.name, a.roles.join(QLatin1Char(',')), a.tenants.join(QLatin1Char(',')),
                           a.isActive() ? QStringLiteral("active")
                                        : QStringLiteral("revoked ") + core::JsonReader::formatTimestamp(a.revokedAt)));
        return Ok;
    }
    if (sub == QStringLiteral("revoke")) {
        const auto revoked = service->revokeApprover(parser.positionalArguments().value(0), &error);
        if (!revoked) {
            warn(QStringLiteral("countersignd approver revoke: ") + error);
            return Failed;
        }
        print(QStringLiteral("revoked %1 (%2)").arg(revoked->keyId, revoked->name));
        return Ok;
    }
    if (!parser.isSet(name) || !parser.isSet(role) || !parser.isSet(tenant) || !parser.isSet(pubkey)) {
        warn(QStringLiteral("countersignd approver add: --name, --role, --tenant and --pubkey are required"));
        return UsageError;
    }
    const auto key = core::KeyFile::readPublicKey(parser.value(pubkey), &error);
    if (!key) {
        warn(QStringLiteral("countersignd approver add: ") + error);
        return IoError;
    }
    const auto added = service->enrolApprover(parser.value(name), parser.value(identity), *key, parser.values(role),
                                              parser.values(tenant), &error);
    if (!added) {
        warn(QStringLiteral("countersignd approver add: ") + error);
        return Failed;
    }
    print(QStringLiteral("enrolled %1 (%2) roles=%3 tenants=%4")
              .arg(added->keyId, added->name, added->roles.join(QLatin1Char(',')),
                   added->tenants.join(QLatin1Char(','))));
    return Ok;
}

int BrokerCommandLine::token(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h"))
        return groupUsage(QStringLiteral("token"), !sub.isEmpty());
    QCommandLineParser parser;
    const QCommandLineOption config = configOption();
    const QCommandLineOption tenant(QStringLiteral("tenant"), QStringLiteral("Tenant."), QStringLiteral("TENANT"));
    const QCommandLineOption agent(QStringLiteral("agent"), QStringLiteral("Agent id."), QStringLiteral("ID"));
    const QCommandLineOption tool(QStringLiteral("tool"), QStringLiteral("Allowed tool glob (repeatable)."),
                                  QStringLiteral("GLOB"));
    const QCommandLineOption ttl(QStringLiteral("ttl"), QStringLiteral("Lifetime, e.g. 30d, 12h (default: none)."),
                                 QStringLiteral("DURATION"));
    parser.addOption(config);
    if (sub == QStringLiteral("create"))
        parser.addOptions({tenant, agent, tool, ttl});
    if (sub == QStringLiteral("revoke"))
        parser.addPositionalArgument(QStringLiteral("TOKEN_ID"), QStringLiteral("The token to revoke."));
    int code = Ok;
    QStringList rest = arguments.mid(1);
    if (rest.isEmpty())
        rest.append(QStringLiteral("token"));
    if (!parse(parser, rest, QStringLiteral("token ") + sub, QStringLiteral("Manages agent tokens."), &code))
        return code;
    if (sub != QStringLiteral("create") && sub != QStringLiteral("list") && sub != QStringLiteral("revoke")) {
        warn(QStringLiteral("countersignd token: expected create, list or revoke"));
        return UsageError;
    }
    bool ttlOk = true;
    const qint64 ttlSeconds = sub == QStringLiteral("create") ? parseTtl(parser.value(ttl), &ttlOk) : 0;
    if (!ttlOk) {
        warn(QStringLiteral("countersignd token create: --ttl expects a duration such as 90s, 15m, 12h or 30d"));
        return UsageError;
    }
    auto service = openService(parser.value(config), false, &code);
    if (!service)
        return code;
    QString error;
    if (sub == QStringLiteral("list")) {
        for (const TokenRegistry::AgentToken &t : service->tokens().list())
            print(QStringLiteral("%1  tenant=%2  agent=%3  tools=%4  %5")
                      .arg(t.id, t.tenant, t.agentId, t.tools.join(QLatin1Char(',')),
                           t.isRevoked() ? QStringLiteral("revoked")
                               : t.expiresAt.isValid()
                               ? QStringLiteral("expires ") + core::JsonReader::formatTimestamp(t.expiresAt)
                               : QStringLiteral("no expiry")));
        return Ok;
    }
    if (sub == QStringLiteral("revoke")) {
        const auto revoked = service->revokeToken(parser.positionalArguments().value(0), &error);
        if (!revoked) {
            warn(QStringLiteral("countersignd token revoke: ") + error);
            return Failed;
        }
        print(QStringLiteral("revoked %1").arg(revoked->id));
        return Ok;
    }
    if (!parser.isSet(tenant) || !parser.isSet(agent) || !parser.isSet(tool)) {
        warn(QStringLiteral("countersignd token create: --tenant, --agent and --tool are required"));
        return UsageError;
    }
    QString secret;
    const auto created = service->createToken(parser.value(tenant), parser.value(agent), parser.values(tool),
                                              ttlSeconds, &secret, &error);
    if (!created) {
        warn(QStringLiteral("countersignd token create: ") + error);
        return Failed;
    }
    warn(QStringLiteral("created %1 for %2 in %3; the token is shown once:")
             .arg(created->id, created->agentId, created->tenant));
    print(secret);
    return Ok;
}

int BrokerCommandLine::policy(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h"))
        return groupUsage(QStringLiteral("policy"), !sub.isEmpty());
    QCommandLineParser parser;
    const QCommandLineOption config(kConfigOption,
                                    QStringLiteral("Apply the limits of this countersignd.conf (e.g. "
                                                   "min_approval_deadline_seconds), as the broker does."),
                                    QStringLiteral("FILE"));
    parser.addOption(config);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Policy file."));
    if (sub == QStringLiteral("explain"))
        parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("Action JSON file."));
    int code = Ok;
    QStringList rest = arguments.mid(1);
    if (rest.isEmpty())
        rest.append(QStringLiteral("policy"));
    if (!parse(parser, rest, QStringLiteral("policy ") + sub, QStringLiteral("Checks and explains policy files."),
               &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if ((sub == QStringLiteral("check") && positional.size() != 1)
        || (sub == QStringLiteral("explain") && positional.size() != 2)
        || (sub != QStringLiteral("check") && sub != QStringLiteral("explain"))) {
        warn(QStringLiteral("countersignd policy: expected `check FILE` or `explain FILE ACTION.json`"));
        return UsageError;
    }
    QStringList errors;
    qint64 minDeadlineSeconds = PolicyRule::kMinDeadlineSeconds;
    if (parser.isSet(config)) {
        const auto brokerConfig = BrokerConfig::load(parser.value(config), &errors);
        if (!brokerConfig) {
            for (const QString &e : std::as_const(errors))
                warn(e);
            return Failed;
        }
        minDeadlineSeconds = brokerConfig->minApprovalDeadlineSeconds;
    }
    const auto loaded = Policy::load(positional.first(), &errors, minDeadlineSeconds);
    if (!loaded) {
        for (const QString &e : std::as_const(errors))
            warn(e);
        return Failed;
    }
    if (sub == QStringLiteral("check")) {
        print(QStringLiteral("ok: %1 rules, sha256 %2").arg(loaded->rules().size()).arg(loaded->sha256()));
        return Ok;
    }
    QFile file(positional.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        warn(QStringLiteral("countersignd policy explain: cannot read %1").arg(file.fileName()));
        return IoError;
    }
    core::ValidationErrors problems;
    const auto action = core::Action::parse(file.read(16 * 1024 * 1024), &problems);
    if (!action) {
        for (const core::ValidationError &e : std::as_const(problems))
            warn(e.toString());
        return Failed;
    }
    const PolicyDecision decision = loaded->evaluate(*action);
    for (const QString &line : decision.explanation)
        print(line);
    print(decision.summary());
    return Ok;
}

int BrokerCommandLine::audit(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h"))
        return groupUsage(QStringLiteral("audit"), !sub.isEmpty());
    QCommandLineParser parser;
    const QCommandLineOption config = configOption();
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First seq."), QStringLiteral("SEQ"),
                                  QStringLiteral("1"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last seq (default: the head)."),
                                QStringLiteral("SEQ"), QStringLiteral("0"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption bundle(QStringLiteral("bundle"),
                                    QStringLiteral("Write an evidence bundle into DIR (docs/evidence-bundle.md) "
                                                   "instead of JSON lines."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption action(QStringLiteral("action"),
                                    QStringLiteral("With --bundle: include this action (repeatable)."),
                                    QStringLiteral("ID"));
    parser.addOptions({config, from});
    if (sub == QStringLiteral("export"))
        parser.addOptions({to, out, bundle, action});
    int code = Ok;
    QStringList rest = arguments.mid(1);
    if (rest.isEmpty())
        rest.append(QStringLiteral("audit"));
    if (!parse(parser, rest, QStringLiteral("audit ") + sub,
               QStringLiteral("Verifies or exports the hash-chained audit log."), &code))
        return code;
    if (sub != QStringLiteral("verify") && sub != QStringLiteral("export")) {
        warn(QStringLiteral("countersignd audit: expected verify or export"));
        return UsageError;
    }
    auto service = openService(parser.value(config), false, &code);
    if (!service)
        return code;
    const qint64 fromSeq = std::max<qint64>(1, parser.value(from).toLongLong());
    // Verification uses the public key file, not anything stored with the data being checked.
    QString error;
    const QString pubPath = QFileInfo(service->config().signingKey).path() + QStringLiteral("/")
        + QFileInfo(service->config().signingKey).completeBaseName() + QStringLiteral(".pub");
    const auto brokerPub = core::KeyFile::readPublicKey(pubPath, &error);
    if (!brokerPub) {
        warn(QStringLiteral("countersignd audit: ") + error);
        return IoError;
    }
    if (sub == QStringLiteral("verify")) {
        const AuditLog::Report report = service->audit().verify(*brokerPub, fromSeq);
        if (!report.ok) {
            warn(report.summary());
            return Failed;
        }
        print(report.summary());
        return Ok;
    }
    service->checkpointNow(); // so the exported tail is covered by a signature
    if (parser.isSet(bundle)) {
        if (parser.isSet(out)) {
            warn(QStringLiteral("countersignd audit export: --bundle and --out exclude each other"));
            return UsageError;
        }
        return exportBundle(*service, *brokerPub, parser.value(bundle), parser.values(action),
                            parser.isSet(from) ? fromSeq : 0, parser.value(to).toLongLong());
    }
    if (parser.isSet(action)) {
        warn(QStringLiteral("countersignd audit export: --action needs --bundle"));
        return UsageError;
    }
    QFile outFile;
    if (parser.isSet(out)) {
        outFile.setFileName(parser.value(out));
        if (!outFile.open(QIODevice::WriteOnly)) {
            warn(QStringLiteral("countersignd audit export: cannot write %1").arg(outFile.fileName()));
            return IoError;
        }
    }
    if (!service->audit().exportRange(parser.isSet(out) ? &outFile : m_out, *brokerPub, fromSeq,
                                      parser.value(to).toLongLong(), &error)) {
        warn(QStringLiteral("countersignd audit export: ") + error);
        return IoError;
    }
    return Ok;
}

int BrokerCommandLine::exportBundle(BrokerService &service, const core::Ed25519PublicKey &brokerKey,
                                    const QString &directory, const QStringList &actionIds, qint64 from, qint64 to)
{
    const qint64 head = service.audit().headSeq();
    const bool range = from > 0 || to > 0;
    QStringList ids;
    QSet<QString> seen;
    auto addId = [&](const QString &id) {
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    };
    for (const QString &id : actionIds) {
        if (!service.store().find(id)) {
            warn(QStringLiteral("countersignd audit export: no action %1").arg(id));
            return Failed;
        }
        addId(id);
    }
    // A range (or nothing at all: the whole log) selects every action it mentions.
    if (range || actionIds.isEmpty()) {
        const qint64 first = std::max<qint64>(1, from);
        const qint64 last = to > 0 ? std::min(to, head) : head;
        for (qint64 chunk = first; chunk <= last; chunk += 5000) {
            for (const core::AuditEntry &entry : service.audit().entries(chunk, std::min(last, chunk + 4999), 5000))
                addId(entry.actionId);
        }
    }
    core::EvidenceBundle::Contents contents;
    contents.brokerKey = brokerKey;
    contents.fromSeq = range ? std::max<qint64>(1, from) : (actionIds.isEmpty() ? 1 : 0);
    contents.toSeq = range ? (to > 0 ? std::min(to, head) : head) : (actionIds.isEmpty() ? head : 0);
    qint64 first = contents.fromSeq;
    qint64 lastWanted = contents.toSeq;
    for (const QString &id : std::as_const(ids)) {
        const auto stored = service.store().find(id);
        if (!stored)
            continue;
        contents.actions.append(service.store().assemble(*stored));
        for (const core::AuditEntry &entry : service.audit().entriesForAction(id)) {
            first = first == 0 ? entry.seq : std::min(first, entry.seq);
            lastWanted = std::max(lastWanted, entry.seq);
        }
    }
    if (first == 0 || lastWanted == 0) {
        warn(QStringLiteral("countersignd audit export: nothing to export (the audit log is empty)"));
        return Failed;
    }
    qint64 last = lastWanted;
    for (const AuditLog::Checkpoint &cp : service.audit().checkpoints(lastWanted, 0)) {
        last = cp.seq;
        break;
    }
    for (qint64 chunk = first; chunk <= last; chunk += 5000)
        contents.entries += service.audit().entries(chunk, std::min(last, chunk + 4999), 5000);
    for (const AuditLog::Checkpoint &cp : service.audit().checkpoints(first, last))
        contents.checkpoints.append({cp.seq, cp.jws.toLatin1()});
    for (const ApproverRegistry::Approver &approver : service.approvers().list())
        contents.approverKeys.append({approver.publicKey, approver.name});
    contents.createdBy = QStringLiteral("countersignd %1 audit export on %2")
                             .arg(QStringLiteral(COUNTERSIGN_VERSION), QHostInfo::localHostName());
    QStringList selection;
    if (!actionIds.isEmpty())
        selection.append(QStringLiteral("actions %1").arg(actionIds.join(QStringLiteral(", "))));
    if (range)
        selection.append(QStringLiteral("audit seq %1 to %2 and every action it mentions")
                             .arg(contents.fromSeq)
                             .arg(contents.toSeq));
    if (selection.isEmpty())
        selection.append(QStringLiteral("the whole audit log and every action it mentions"));
    contents.selection = selection.join(QStringLiteral("; "));

    QString error;
    if (!core::EvidenceBundle::write(directory, contents, &error)) {
        warn(QStringLiteral("countersignd audit export: ") + error);
        return IoError;
    }
    // Check what was written with the broker's key file, as an auditor would.
    core::EvidenceBundle::VerifyOptions options;
    options.trustedBrokerKey = brokerKey;
    const core::EvidenceBundleReport report = core::EvidenceBundle::verify(directory, options);
    print(QStringLiteral("wrote evidence bundle %1").arg(directory));
    if (!report.ok) {
        warn(QStringLiteral("countersignd audit export: the bundle does not verify: ") + report.failure);
        return Failed;
    }
    print(report.summary());
    return Ok;
}

int BrokerCommandLine::retention(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption config = configOption();
    parser.addOption(config);
    int code = Ok;
    QStringList rest = arguments.mid(1);
    if (rest.isEmpty() || rest.first() == QStringLiteral("--help") || rest.first() == QStringLiteral("-h"))
        return groupUsage(QStringLiteral("retention"), !rest.isEmpty());
    if (rest.first() != QStringLiteral("run")) {
        warn(QStringLiteral("countersignd retention: expected `run --config FILE`"));
        return UsageError;
    }
    if (!parse(parser, rest, QStringLiteral("retention run"),
               QStringLiteral("Purges raw content older than the retention period."), &code))
        return code;
    auto service = openService(parser.value(config), false, &code);
    if (!service)
        return code;
    QString error;
    const int purged = service->runRetention(QDateTime::currentDateTimeUtc(), &error);
    if (purged < 0) {
        warn(QStringLiteral("countersignd retention run: ") + error);
        return Failed;
    }
    print(QStringLiteral("purged the content of %1 action(s)").arg(purged));
    return Ok;
}

} // namespace countersign::broker

namespace countersign::broker {

namespace {

constexpr int kKillSwitchTimeoutMs = 30000;

QString orNone(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

} // namespace

void BrokerCommandLine::printSwitch(const QJsonObject &ks)
{
    const bool active = ks.value(QStringLiteral("active")).toBool();
    QStringList agents;
    for (const QJsonValue &a : ks.value(QStringLiteral("agents")).toArray())
        agents.append(a.toString());
    print(QStringLiteral("%1  %2  %3  %4  engaged %5 by %6  killed=%7  refused=%8  agents=%9")
              .arg(QString::number(ks.value(QStringLiteral("id")).toInteger()).rightJustified(4),
                   active ? QStringLiteral("ACTIVE  ") : QStringLiteral("released"),
                   ks.value(QStringLiteral("scope")).toString().leftJustified(6),
                   orNone(ks.value(QStringLiteral("target")).toString()),
                   ks.value(QStringLiteral("engaged_at")).toString(), ks.value(QStringLiteral("engaged_by")).toString())
              .arg(ks.value(QStringLiteral("killed_count")).toInteger())
              .arg(ks.value(QStringLiteral("refused_count")).toInteger())
              .arg(orNone(agents.join(QLatin1Char(',')))));
    print(QStringLiteral("      reason: %1").arg(ks.value(QStringLiteral("reason")).toString()));
    if (!active)
        print(QStringLiteral("      released %1 by %2: %3")
                  .arg(ks.value(QStringLiteral("released_at")).toString(),
                       ks.value(QStringLiteral("released_by")).toString(),
                       ks.value(QStringLiteral("release_reason")).toString()));
}

int BrokerCommandLine::killswitchList(const BrokerConfig &config)
{
    // Local operator access: the database named by the configuration.
    QString error;
    auto database = storage::Database::open(config.database, &error);
    if (!database || !database->migrate(storage::BrokerSchema::migrations(), &error)) {
        warn(QStringLiteral("countersignd killswitch list: ") + error);
        return IoError;
    }
    KillSwitchRegistry registry(*database);
    const QList<KillSwitchRegistry::KillSwitch> active = registry.active();
    print(QStringLiteral("Active kill switches: %1").arg(active.size()));
    for (const KillSwitchRegistry::KillSwitch &k : active)
        printSwitch(k.toJson());
    const QList<KillSwitchRegistry::KillSwitch> all = registry.all();
    print(QStringLiteral("History (newest first): %1").arg(all.size()));
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        printSwitch(it->toJson());
    return Ok;
}

int BrokerCommandLine::killswitch(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h"))
        return groupUsage(QStringLiteral("killswitch"), !sub.isEmpty());
    const bool order
        = sub == QStringLiteral("engage") || sub == QStringLiteral("release") || sub == QStringLiteral("drill");
    QCommandLineParser parser;
    const QCommandLineOption config = configOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("The running broker (default: the configuration's listen address)."),
                                 QStringLiteral("https://HOST:PORT"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("The on-call private key file."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption passphraseFile(
        QStringLiteral("passphrase-file"),
        QStringLiteral("File holding the key's passphrase (default: COUNTERSIGN_PASSPHRASE)."), QStringLiteral("F"));
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("global, tenant, user, agent or tool."),
                                   QStringLiteral("SCOPE"));
    const QCommandLineOption target(QStringLiteral("target"),
                                    QStringLiteral("The tenant, user, agent id or tool (none for global)."),
                                    QStringLiteral("T"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why (required)."),
                                    QStringLiteral("TEXT"));
    parser.addOptions({config, url, key, passphraseFile});
    if (order)
        parser.addOptions({scope, target, reason});
    int code = Ok;
    const QString description = order
        ? QStringLiteral("Signs a kill switch order (%1) with the on-call key and sends it to the running broker.\n"
                         "Exit codes: 0 accepted, 1 refused by the broker, 2 usage, 3 I/O or key error.")
              .arg(sub)
        : QStringLiteral("Lists the active kill switches and their history: from the database, or with --url\n"
                         "(and --key) from the running broker.");
    if (!parse(parser, arguments.mid(1), QStringLiteral("killswitch ") + sub, description, &code))
        return code;
    if (!order && sub != QStringLiteral("list")) {
        warn(QStringLiteral("countersignd killswitch: expected engage, release, drill or list"));
        return UsageError;
    }
    if (!parser.isSet(config)) {
        warn(QStringLiteral("countersignd killswitch %1: --config FILE is required").arg(sub));
        return UsageError;
    }
    if (order) {
        QStringList missing;
        if (!parser.isSet(key))
            missing.append(QStringLiteral("--key"));
        if (!parser.isSet(scope))
            missing.append(QStringLiteral("--scope"));
        if (parser.value(reason).trimmed().isEmpty())
            missing.append(QStringLiteral("--reason"));
        if (!missing.isEmpty()) {
            warn(
                QStringLiteral("countersignd killswitch %1: %2 required").arg(sub, missing.join(QStringLiteral(", "))));
            return UsageError;
        }
        const bool global = parser.value(scope) == QStringLiteral("global");
        if (!core::vocabulary::killSwitchScope().contains(parser.value(scope))
            || global == !parser.value(target).isEmpty()) {
            warn(QStringLiteral("countersignd killswitch %1: --scope is one of global, tenant, user, agent, tool; "
                                "every scope but global needs --target")
                     .arg(sub));
            return UsageError;
        }
    } else if (parser.isSet(url) && !parser.isSet(key)) {
        warn(QStringLiteral("countersignd killswitch list: --url needs --key to log in"));
        return UsageError;
    }
    const QUrl brokerUrl(parser.value(url));
    if (parser.isSet(url) && (brokerUrl.scheme() != QStringLiteral("https") || brokerUrl.host().isEmpty())) {
        warn(QStringLiteral("countersignd killswitch %1: --url expects https://HOST:PORT").arg(sub));
        return UsageError;
    }

    QStringList errors;
    const auto loaded = BrokerConfig::load(parser.value(config), &errors);
    if (!loaded) {
        for (const QString &e : std::as_const(errors))
            warn(e);
        return IoError;
    }
    if (!order && !parser.isSet(url))
        return killswitchList(*loaded);

    QString error;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(loaded->tlsCertificate);
    if (certificates.isEmpty()) {
        warn(QStringLiteral("countersignd killswitch %1: cannot read the broker certificate %2")
                 .arg(sub, loaded->tlsCertificate));
        return IoError;
    }
    QByteArray passphrase;
    if (parser.isSet(passphraseFile)) {
        QFile file(parser.value(passphraseFile));
        if (!file.open(QIODevice::ReadOnly)) {
            warn(QStringLiteral("countersignd killswitch %1: cannot read %2: %3")
                     .arg(sub, file.fileName(), file.errorString()));
            return IoError;
        }
        passphrase = file.read(4096);
        while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
            passphrase.chop(1);
    } else {
        passphrase = qgetenv("COUNTERSIGN_PASSPHRASE");
    }
    const auto privateKey
        = core::KeyFile::readPrivateKey(parser.value(key), core::SecureBytes::take(passphrase), &error);
    if (!privateKey) {
        warn(QStringLiteral("countersignd killswitch %1: %2").arg(sub, error));
        return IoError;
    }

    QUrl wsUrl = parser.isSet(url) ? brokerUrl : QUrl(loaded->listenUrl());
    wsUrl.setScheme(QStringLiteral("wss"));
    wsUrl.setPath(QStringLiteral("/v1/console"));
    KillSwitchClient client(wsUrl, certificates.first());
    QString refusedCode;
    if (!client.login(*privateKey, kKillSwitchTimeoutMs, &error, &refusedCode)) {
        if (!refusedCode.isEmpty()) {
            warn(QStringLiteral("refused: %1: %2").arg(refusedCode, error));
            return Failed;
        }
        warn(QStringLiteral("countersignd killswitch %1: cannot reach %2: %3").arg(sub, wsUrl.toString(), error));
        return IoError;
    }

    QJsonObject request;
    if (order) {
        core::KillSwitchOrder ks;
        ks.operation = sub;
        ks.scope = parser.value(scope);
        ks.target = parser.value(target);
        ks.reason = parser.value(reason);
        ks.issuedBy = privateKey->keyId();
        ks.issuedAt = QDateTime::currentDateTimeUtc();
        ks.nonce = core::Identifiers::newNonce();
        const auto jws = core::Jws::signStatement(*privateKey, core::statement_type::killSwitch(), ks.toJson());
        if (!jws) {
            warn(QStringLiteral("countersignd killswitch %1: could not sign the order").arg(sub));
            return IoError;
        }
        request = {{QStringLiteral("type"), QStringLiteral("killswitch")},
                   {QStringLiteral("jws"), QString::fromLatin1(*jws)}};
    } else {
        request = {{QStringLiteral("type"), QStringLiteral("killswitches")}};
    }
    const auto reply = client.request(request, kKillSwitchTimeoutMs, &error);
    client.close();
    if (!reply) {
        warn(QStringLiteral("countersignd killswitch %1: %2").arg(sub, error));
        return IoError;
    }
    const QString type = reply->value(QStringLiteral("type")).toString();
    if (!order) {
        if (type != QStringLiteral("killswitches")) {
            warn(QStringLiteral("refused: %1: %2")
                     .arg(reply->value(QStringLiteral("code")).toString(),
                          reply->value(QStringLiteral("message")).toString()));
            return Failed;
        }
        const QJsonArray active = reply->value(QStringLiteral("active")).toArray();
        print(QStringLiteral("Active kill switches: %1").arg(active.size()));
        for (const QJsonValue &k : active)
            printSwitch(k.toObject());
        const QJsonArray history = reply->value(QStringLiteral("history")).toArray();
        print(QStringLiteral("History (newest first): %1").arg(history.size()));
        for (const QJsonValue &k : history)
            printSwitch(k.toObject());
        return Ok;
    }
    if (type != QStringLiteral("killswitch_result") || !reply->value(QStringLiteral("accepted")).toBool()) {
        warn(QStringLiteral("refused: %1: %2")
                 .arg(reply->value(QStringLiteral("code")).toString(),
                      reply->value(QStringLiteral("message")).toString()));
        return Failed;
    }
    print(QStringLiteral("accepted: %1").arg(reply->value(QStringLiteral("message")).toString()));
    if (sub == QStringLiteral("drill")) {
        const QJsonArray wouldKill = reply->value(QStringLiteral("would_kill")).toArray();
        print(QStringLiteral("would kill %1 pending action(s):").arg(wouldKill.size()));
        for (const QJsonValue &v : wouldKill) {
            const QJsonObject a = v.toObject();
            print(QStringLiteral("  %1  tenant=%2  agent=%3  tool=%4  user=%5  expires=%6")
                      .arg(a.value(QStringLiteral("id")).toString(), a.value(QStringLiteral("tenant")).toString(),
                           a.value(QStringLiteral("agent")).toString(), a.value(QStringLiteral("tool")).toString(),
                           orNone(a.value(QStringLiteral("user")).toString()),
                           orNone(a.value(QStringLiteral("expires_at")).toString())));
        }
        QStringList agents;
        for (const QJsonValue &a : reply->value(QStringLiteral("agents")).toArray())
            agents.append(a.toString());
        print(QStringLiteral("agents affected: %1").arg(orNone(agents.join(QStringLiteral(", ")))));
        const QJsonArray tokens = reply->value(QStringLiteral("tokens")).toArray();
        print(QStringLiteral("tokens that would stop working: %1").arg(tokens.size()));
        for (const QJsonValue &v : tokens) {
            const QJsonObject t = v.toObject();
            print(QStringLiteral("  %1  tenant=%2  agent=%3")
                      .arg(t.value(QStringLiteral("id")).toString(), t.value(QStringLiteral("tenant")).toString(),
                           t.value(QStringLiteral("agent")).toString()));
        }
        print(QStringLiteral("nothing was engaged"));
    } else {
        QJsonObject ks = *reply;
        ks.insert(QStringLiteral("id"), reply->value(QStringLiteral("killswitch_id"))); // not the request id
        printSwitch(ks);
    }
    return Ok;
}

} // namespace countersign::broker
