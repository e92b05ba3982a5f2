#include "app/ctl/Ctl.h"

#include "app/ctl/PassphraseSource.h"
#include "core/Action.h"
#include "core/AuditEntry.h"
#include "core/CanonicalJson.h"
#include "core/DecisionStatement.h"
#include "core/EvidenceBundle.h"
#include "core/JsonParser.h"
#include "core/Jws.h"
#include "core/KeyFile.h"
#include "core/KillSwitchOrder.h"
#include "core/ReviewTranscript.h"
#include "core/StatementType.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace countersign::ctl {

namespace {

const QString kPassphraseFileOption = QStringLiteral("passphrase-file");

struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
};

constexpr Command kCommands[] = {
    {"keygen", "keygen --out PREFIX [--passphrase-file F] [--force]",
     "create an Ed25519 key pair: PREFIX.key (encrypted PKCS#8, mode 0600) and PREFIX.pub"},
    {"key-id", "key-id FILE [--passphrase-file F]", "print the key id of a .pub or .key file"},
    {"canonicalize", "canonicalize [FILE]", "write the RFC 8785 canonical form of the JSON (no trailing newline)"},
    {"digest", "digest [FILE]", "print the action digest of an action"},
    {"sign", "sign --key KEYFILE --type TYP [--passphrase-file F] [FILE]",
     "print the JWS compact serialisation of the statement"},
    {"verify", "verify --pub PUBFILE [--type TYP] [FILE]",
     "verify a JWS; print its payload and exit 0, or print why not and exit 1"},
    {"validate", "validate [--kind action|decision|killswitch|audit-entry] [FILE]",
     "print ok, or every error as `path: message`"},
    {"verify-bundle", "verify-bundle DIR [--broker-key PUBFILE]",
     "verify an evidence bundle: every decision, the audit chain and the broker's checkpoints; exit 0 only if all "
     "verify, else 1 naming the first failure"},
    {"render", "render [--tenant-domain D]... [--allowed-domain D]... [--now TIME] [FILE]",
     "print a plain-text review transcript of an action with every flag the console shows"},
};

QString fromUtf8(const char *s)
{
    return QString::fromUtf8(s);
}

// Validates a parsed statement according to its kind; returns the errors.
core::ValidationErrors validateKind(const QString &kind, const QJsonObject &object)
{
    core::ValidationErrors errors;
    if (kind == QStringLiteral("action"))
        core::Action::read(object, &errors);
    else if (kind == QStringLiteral("decision"))
        core::DecisionStatement::read(object, &errors);
    else if (kind == QStringLiteral("killswitch"))
        core::KillSwitchOrder::read(object, &errors);
    else if (kind == QStringLiteral("audit-entry"))
        core::AuditEntry::read(object, &errors);
    return errors;
}

QString kindForType(const QString &typ)
{
    if (typ == core::statement_type::decision())
        return QStringLiteral("decision");
    if (typ == core::statement_type::killSwitch())
        return QStringLiteral("killswitch");
    return {};
}

} // namespace

Ctl::Ctl(QIODevice *in, QIODevice *out, QIODevice *err)
    : m_in(in)
    , m_out(out)
    , m_err(err)
{ }

void Ctl::out(QByteArrayView bytes)
{
    m_out->write(bytes.data(), bytes.size());
}

void Ctl::err(const QString &line)
{
    m_err->write((line + QLatin1Char('\n')).toUtf8());
}

QString Ctl::usage() const
{
    QString text = QStringLiteral("Usage: countersignctl COMMAND [OPTIONS]\n\n"
                                  "Signs, verifies and checks Countersign documents.\n\nCommands:\n");
    for (const Command &command : kCommands)
        text += QStringLiteral("  %1\n      %2\n").arg(fromUtf8(command.synopsis), fromUtf8(command.summary));
    text += QStringLiteral("\nFILE defaults to standard input. Passphrases come from --passphrase-file,\n"
                           "the COUNTERSIGN_PASSPHRASE environment variable, or a terminal prompt.\n\n"
                           "Exit codes:\n"
                           "  0  ok\n"
                           "  1  check failed (invalid document, bad signature)\n"
                           "  2  usage error\n"
                           "  3  I/O or key error (unreadable file, wrong passphrase)\n\n"
                           "Run `countersignctl COMMAND --help` for a command's options.\n");
    return text;
}

int Ctl::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QStringLiteral("--help") || command == QStringLiteral("-h")
        || command == QStringLiteral("help")) {
        out(usage().toUtf8());
        return command.isEmpty() ? UsageError : Ok;
    }
    if (command == QStringLiteral("--version")) {
        out(QByteArrayLiteral("countersignctl " COUNTERSIGN_VERSION "\n"));
        return Ok;
    }
    const QStringList rest = arguments.mid(1);
    if (command == QStringLiteral("keygen"))
        return keygen(rest);
    if (command == QStringLiteral("key-id"))
        return keyId(rest);
    if (command == QStringLiteral("canonicalize"))
        return canonicalize(rest);
    if (command == QStringLiteral("digest"))
        return digest(rest);
    if (command == QStringLiteral("sign"))
        return sign(rest);
    if (command == QStringLiteral("verify"))
        return verify(rest);
    if (command == QStringLiteral("render"))
        return render(arguments.mid(1));
    if (command == QStringLiteral("validate"))
        return validate(rest);
    if (command == QStringLiteral("verify-bundle"))
        return verifyBundle(rest);
    err(QStringLiteral("countersignctl: unknown command '%1'").arg(command));
    m_err->write(usage().toUtf8());
    return UsageError;
}

bool Ctl::parse(QCommandLineParser &parser, const QStringList &arguments, int maxPositional, int *exitCode)
{
    const QString name = arguments.value(0);
    QString synopsis;
    for (const Command &command : kCommands) {
        if (fromUtf8(command.name) == name)
            synopsis = QStringLiteral("%1\n\n%2.").arg(fromUtf8(command.synopsis), fromUtf8(command.summary));
    }
    parser.setApplicationDescription(synopsis);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv = arguments;
    argv[0] = QStringLiteral("countersignctl ") + name;
    if (!parser.parse(argv)) {
        err(QStringLiteral("countersignctl %1: %2").arg(name, parser.errorText()));
        m_err->write(parser.helpText().toUtf8());
        *exitCode = UsageError;
        return false;
    }
    if (parser.isSet(help)) {
        out(parser.helpText().toUtf8());
        *exitCode = Ok;
        return false;
    }
    if (parser.positionalArguments().size() > maxPositional) {
        err(QStringLiteral("countersignctl %1: too many arguments").arg(name));
        m_err->write(parser.helpText().toUtf8());
        *exitCode = UsageError;
        return false;
    }
    return true;
}

std::optional<QByteArray> Ctl::readInput(const QStringList &positional, int *exitCode)
{
    const qsizetype limit = core::JsonLimits().maxBytes;
    if (positional.isEmpty() || positional.first() == QStringLiteral("-")) {
        QByteArray data = m_in->read(limit + 1);
        if (data.size() > limit) {
            err(QStringLiteral("countersignctl: standard input is larger than %1 bytes").arg(limit));
            *exitCode = CheckFailed;
            return std::nullopt;
        }
        return data;
    }
    QFile file(positional.first());
    if (!file.open(QIODevice::ReadOnly)) {
        err(QStringLiteral("countersignctl: cannot read %1: %2").arg(file.fileName(), file.errorString()));
        *exitCode = IoOrKeyError;
        return std::nullopt;
    }
    QByteArray data = file.read(limit + 1);
    if (data.size() > limit) {
        err(QStringLiteral("countersignctl: %1 is larger than %2 bytes").arg(file.fileName()).arg(limit));
        *exitCode = CheckFailed;
        return std::nullopt;
    }
    return data;
}

int Ctl::keygen(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Write PREFIX.key and PREFIX.pub."),
                                       QStringLiteral("PREFIX"));
    const QCommandLineOption passOption(kPassphraseFileOption, QStringLiteral("Read the passphrase from F."),
                                        QStringLiteral("F"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Overwrite existing files."));
    parser.addOptions({outOption, passOption, force});
    int code = Ok;
    if (!parse(parser, arguments, 0, &code))
        return code;
    const QString prefix = parser.value(outOption);
    if (prefix.isEmpty()) {
        err(QStringLiteral("countersignctl keygen: --out PREFIX is required"));
        return UsageError;
    }
    const QString keyPath = prefix + QStringLiteral(".key");
    const QString pubPath = prefix + QStringLiteral(".pub");
    if (!parser.isSet(force) && (QFileInfo::exists(keyPath) || QFileInfo::exists(pubPath))) {
        err(QStringLiteral("countersignctl keygen: %1 or %2 exists; refusing to overwrite (use --force)")
                .arg(keyPath, pubPath));
        return IoOrKeyError;
    }
    QString error;
    const auto passphrase = PassphraseSource(parser.value(passOption))
                                .obtain(QStringLiteral("Passphrase for the new key: "), true, &error);
    if (!passphrase) {
        err(QStringLiteral("countersignctl keygen: ") + error);
        return IoOrKeyError;
    }
    const core::Ed25519PrivateKey key = core::Ed25519PrivateKey::generate();
    if (!core::KeyFile::writePrivateKey(keyPath, key, *passphrase, &error)
        || !core::KeyFile::writePublicKey(pubPath, key.publicKey(), &error)) {
        err(QStringLiteral("countersignctl keygen: ") + error);
        return IoOrKeyError;
    }
    out((key.keyId() + QLatin1Char('\n')).toUtf8());
    return Ok;
}

int Ctl::keyId(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption passOption(kPassphraseFileOption, QStringLiteral("Passphrase for a .key file."),
                                        QStringLiteral("F"));
    parser.addOption(passOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .pub or .key file."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    const QString path = parser.positionalArguments().value(0);
    if (path.isEmpty()) {
        err(QStringLiteral("countersignctl key-id: FILE is required"));
        return UsageError;
    }
    QString error;
    QString id;
    if (core::KeyFile::isPrivateKeyFile(path)) {
        const auto passphrase = PassphraseSource(parser.value(passOption))
                                    .obtain(QStringLiteral("Passphrase for %1: ").arg(path), false, &error);
        const auto key = passphrase ? core::KeyFile::readPrivateKey(path, *passphrase, &error) : std::nullopt;
        if (key)
            id = key->keyId();
    } else {
        const auto key = core::KeyFile::readPublicKey(path, &error);
        if (key)
            id = key->keyId();
    }
    if (id.isEmpty()) {
        err(QStringLiteral("countersignctl key-id: ") + error);
        return IoOrKeyError;
    }
    out((id + QLatin1Char('\n')).toUtf8());
    return Ok;
}

int Ctl::canonicalize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("JSON input (default: stdin)."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    const auto input = readInput(parser.positionalArguments(), &code);
    if (!input)
        return code;
    const auto parsed = core::JsonParser::parse(*input);
    if (!parsed.ok()) {
        err(parsed.error.toString());
        return CheckFailed;
    }
    out(core::CanonicalJson::serializeOrEmpty(*parsed.value));
    return Ok;
}

int Ctl::digest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Action JSON (default: stdin)."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    const auto input = readInput(parser.positionalArguments(), &code);
    if (!input)
        return code;
    core::ValidationErrors errors;
    const auto action = core::Action::parse(*input, &errors);
    if (!action) {
        for (const core::ValidationError &error : std::as_const(errors))
            err(error.toString());
        return CheckFailed;
    }
    out((action->digest() + QLatin1Char('\n')).toUtf8());
    return Ok;
}

int Ctl::render(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Action JSON (default: stdin)."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant-domain"),
        QStringLiteral("A domain of the tenant's own (repeatable); overrides what the broker stamped."),
        QStringLiteral("D"));
    const QCommandLineOption allowedOption(QStringLiteral("allowed-domain"),
                                           QStringLiteral("A partner domain the policy allows (repeatable)."),
                                           QStringLiteral("D"));
    const QCommandLineOption nowOption(QStringLiteral("now"),
                                       QStringLiteral("Check expiry against this RFC 3339 time instead of the clock."),
                                       QStringLiteral("TIME"));
    parser.addOptions({tenantOption, allowedOption, nowOption});
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(nowOption)) {
        now = QDateTime::fromString(parser.value(nowOption), Qt::ISODate);
        if (!now.isValid()) {
            err(QStringLiteral("countersignctl render: --now must be an RFC 3339 time"));
            return UsageError;
        }
    }
    const auto input = readInput(parser.positionalArguments(), &code);
    if (!input)
        return code;
    core::ValidationErrors errors;
    auto action = core::Action::parse(*input, &errors);
    if (!action) {
        for (const core::ValidationError &error : std::as_const(errors))
            err(error.toString());
        return CheckFailed;
    }
    if (parser.isSet(tenantOption) || parser.isSet(allowedOption)) {
        if (!action->policy)
            action->policy = core::PolicyOutcome();
        action->policy->tenantDomains = parser.values(tenantOption);
        action->policy->allowedDomains = parser.values(allowedOption);
    }
    out(core::ReviewTranscript::render(*action, now).toUtf8());
    return Ok;
}

int Ctl::sign(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("Encrypted private key file."),
                                       QStringLiteral("KEYFILE"));
    const QCommandLineOption typeOption(
        QStringLiteral("type"),
        QStringLiteral("Statement type for the JWS typ header, e.g. %1.").arg(core::statement_type::decision()),
        QStringLiteral("TYP"));
    const QCommandLineOption passOption(kPassphraseFileOption, QStringLiteral("Read the passphrase from F."),
                                        QStringLiteral("F"));
    parser.addOptions({keyOption, typeOption, passOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Statement JSON (default: stdin)."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    if (!parser.isSet(keyOption) || parser.value(typeOption).isEmpty()) {
        err(QStringLiteral("countersignctl sign: --key and --type are required"));
        return UsageError;
    }
    const auto input = readInput(parser.positionalArguments(), &code);
    if (!input)
        return code;
    const auto parsed = core::JsonParser::parseObject(*input);
    if (!parsed.ok()) {
        err(parsed.error.toString());
        return CheckFailed;
    }
    const QString typ = parser.value(typeOption);
    const QString kind = kindForType(typ);
    const core::ValidationErrors errors = validateKind(kind, parsed.value->toObject());
    if (!errors.isEmpty()) {
        for (const core::ValidationError &error : errors)
            err(error.toString());
        return CheckFailed;
    }
    QString error;
    const QString keyPath = parser.value(keyOption);
    const auto passphrase = PassphraseSource(parser.value(passOption))
                                .obtain(QStringLiteral("Passphrase for %1: ").arg(keyPath), false, &error);
    const auto key = passphrase ? core::KeyFile::readPrivateKey(keyPath, *passphrase, &error) : std::nullopt;
    if (!key) {
        err(QStringLiteral("countersignctl sign: ") + error);
        return IoOrKeyError;
    }
    const auto jws = core::Jws::signStatement(*key, typ, parsed.value->toObject(), &error);
    if (!jws) {
        err(QStringLiteral("countersignctl sign: ") + error);
        return CheckFailed;
    }
    out(QByteArray(*jws + '\n'));
    return Ok;
}

int Ctl::verify(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption pubOption(QStringLiteral("pub"), QStringLiteral("Public key file (PEM)."),
                                       QStringLiteral("PUBFILE"));
    const QCommandLineOption typeOption(QStringLiteral("type"), QStringLiteral("Require this statement type."),
                                        QStringLiteral("TYP"));
    parser.addOptions({pubOption, typeOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("JWS compact serialisation (default: stdin)."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    if (!parser.isSet(pubOption)) {
        err(QStringLiteral("countersignctl verify: --pub is required"));
        return UsageError;
    }
    QString error;
    const auto key = core::KeyFile::readPublicKey(parser.value(pubOption), &error);
    if (!key) {
        err(QStringLiteral("countersignctl verify: ") + error);
        return IoOrKeyError;
    }
    auto input = readInput(parser.positionalArguments(), &code);
    if (!input)
        return code;
    // A file may end with one newline; anything else around the JWS is an error.
    if (input->endsWith('\n'))
        input->chop(1);
    const core::JwsResult result = core::Jws::verifyStatement(*input, *key, parser.value(typeOption));
    if (!result.ok()) {
        err(QStringLiteral("countersignctl verify: %1: %2")
                .arg(core::JwsResult::errorName(result.error), result.message));
        return CheckFailed;
    }
    const core::ValidationErrors errors = validateKind(kindForType(result.typ), result.statement);
    if (!errors.isEmpty()) {
        for (const core::ValidationError &e : errors)
            err(QStringLiteral("countersignctl verify: statement: ") + e.toString());
        return CheckFailed;
    }
    out(result.payload);
    return Ok;
}

int Ctl::validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        QStringLiteral("What the document is: action (default), decision, "
                                                       "killswitch or audit-entry."),
                                        QStringLiteral("KIND"), QStringLiteral("action"));
    parser.addOption(kindOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("JSON document (default: stdin)."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    const QString kind = parser.value(kindOption);
    const QStringList kinds {QStringLiteral("action"), QStringLiteral("decision"), QStringLiteral("killswitch"),
                             QStringLiteral("audit-entry")};
    if (!kinds.contains(kind)) {
        err(QStringLiteral("countersignctl validate: unknown --kind '%1'").arg(kind));
        return UsageError;
    }
    const auto input = readInput(parser.positionalArguments(), &code);
    if (!input)
        return code;
    const auto parsed = core::JsonParser::parseObject(*input);
    core::ValidationErrors errors;
    if (!parsed.ok())
        errors.append(parsed.error);
    else
        errors = validateKind(kind, parsed.value->toObject());
    if (!errors.isEmpty()) {
        for (const core::ValidationError &error : std::as_const(errors))
            out((error.toString() + QLatin1Char('\n')).toUtf8());
        return CheckFailed;
    }
    out(QByteArrayLiteral("ok\n"));
    return Ok;
}

int Ctl::verifyBundle(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption keyOption(QStringLiteral("broker-key"),
                                       QStringLiteral("The broker's public key (PEM) from a trusted source; without "
                                                      "it the bundle's own keys/broker.pub is used."),
                                       QStringLiteral("PUBFILE"));
    parser.addOption(keyOption);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The evidence bundle's directory."));
    int code = Ok;
    if (!parse(parser, arguments, 1, &code))
        return code;
    const QString dir = parser.positionalArguments().value(0);
    if (dir.isEmpty()) {
        err(QStringLiteral("countersignctl verify-bundle: DIR is required"));
        return UsageError;
    }
    if (!QDir(dir).exists()) {
        err(QStringLiteral("countersignctl verify-bundle: %1 is not a directory").arg(dir));
        return IoOrKeyError;
    }
    core::EvidenceBundle::VerifyOptions options;
    if (parser.isSet(keyOption)) {
        QString error;
        options.trustedBrokerKey = core::KeyFile::readPublicKey(parser.value(keyOption), &error);
        if (!options.trustedBrokerKey) {
            err(QStringLiteral("countersignctl verify-bundle: ") + error);
            return IoOrKeyError;
        }
    }
    const core::EvidenceBundleReport report = core::EvidenceBundle::verify(dir, options);
    out((report.summary() + QLatin1Char('\n')).toUtf8());
    if (!report.ok) {
        err(QStringLiteral("countersignctl verify-bundle: FAILED: ") + report.failure);
        return CheckFailed;
    }
    return Ok;
}

} // namespace countersign::ctl
