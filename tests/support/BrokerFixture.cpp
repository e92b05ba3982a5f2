#include "support/BrokerFixture.h"

#include "core/ChildProcess.h"
#include "core/KeyFile.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QUuid>

#include <csignal>

namespace countersign::testing {

BrokerFixture::BrokerFixture() = default;

BrokerFixture::~BrokerFixture()
{
    stop();
}

QString BrokerFixture::program()
{
    return QStringLiteral(COUNTERSIGND_PATH);
}

ProcessRunner::Result BrokerFixture::cli(const QStringList &arguments) const
{
    return ProcessRunner(program()).run(arguments);
}

bool BrokerFixture::init(QString *error, const QStringList &extraInitArgs)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const auto result
        = cli(QStringList {QStringLiteral("init"), m_dir.path(), QStringLiteral("--port"), QStringLiteral("0")}
              + extraInitArgs);
    if (result.exitCode != 0) {
        *error = QString::fromUtf8(result.err);
        return false;
    }
    return true;
}

bool BrokerFixture::appendConfig(const QByteArray &text) const
{
    QFile file(configPath());
    if (!file.open(QIODevice::Append))
        return false;
    return file.write(QByteArray('\n' + text + '\n')) > 0;
}

bool BrokerFixture::setConfigValue(const QString &table, const QString &key, const QString &value) const
{
    QFile file(configPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    file.close();
    const QString header = QLatin1Char('[') + table + QLatin1Char(']');
    const QRegularExpression keyLine(QStringLiteral("^\\s*") + QRegularExpression::escape(key)
                                     + QStringLiteral("\\s*="));
    const QString line = key + QStringLiteral(" = ") + value;
    qsizetype start = lines.indexOf(header);
    if (start < 0) {
        lines << QString() << header << line;
    } else {
        qsizetype end = start + 1;
        while (end < lines.size() && !lines.at(end).trimmed().startsWith(QLatin1Char('[')))
            ++end;
        qsizetype found = -1;
        for (qsizetype i = start + 1; i < end && found < 0; ++i) {
            if (keyLine.match(lines.at(i)).hasMatch())
                found = i;
        }
        if (found >= 0)
            lines[found] = line;
        else
            lines.insert(start + 1, line);
    }
    QSaveFile out(configPath());
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(lines.join(QLatin1Char('\n')).toUtf8());
    return out.commit();
}

bool BrokerFixture::writePolicy(const QByteArray &toml) const
{
    QSaveFile out(policyPath());
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(toml);
    return out.commit();
}

ProcessRunner::Result BrokerFixture::sql(const QString &statements) const
{
    return ProcessRunner(QStringLiteral("sqlite3"))
        .run({QStringLiteral("-batch"), QStringLiteral("-bail"), QStringLiteral("-cmd"),
              QStringLiteral(".timeout 10000"), databasePath(), statements});
}

QString BrokerFixture::sqlValue(const QString &query) const
{
    const ProcessRunner::Result result = sql(query);
    return result.exitCode == 0 ? QString::fromUtf8(result.out).trimmed() : QString();
}

qint64 BrokerFixture::auditHead() const
{
    return sqlValue(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit_log")).toLongLong();
}

bool BrokerFixture::copyTo(const QString &directory, QString *error) const
{
    const QDir from(m_dir.path());
    const QDir to(directory);
    for (const QString &sub : {QStringLiteral("keys"), QStringLiteral("tls")}) {
        if (!to.mkpath(sub)) {
            *error = QStringLiteral("cannot create %1").arg(to.filePath(sub));
            return false;
        }
        const QStringList files = QDir(from.filePath(sub)).entryList(QDir::Files);
        for (const QString &file : files) {
            const QString relative = sub + QLatin1Char('/') + file;
            if (!QFile::copy(from.filePath(relative), to.filePath(relative))) {
                *error = QStringLiteral("cannot copy %1").arg(relative);
                return false;
            }
        }
    }
    for (const QString &file : {QStringLiteral("countersignd.conf"), QStringLiteral("policy.toml")}) {
        if (!QFile::copy(from.filePath(file), to.filePath(file))) {
            *error = QStringLiteral("cannot copy %1").arg(file);
            return false;
        }
    }
    QString target = to.filePath(QStringLiteral("countersignd.db"));
    target.replace(QLatin1Char('\''), QStringLiteral("''"));
    const ProcessRunner::Result backup = sql(QStringLiteral(".backup '%1'").arg(target));
    if (backup.exitCode != 0) {
        *error = QString::fromUtf8(backup.err);
        return false;
    }
    return true;
}

bool BrokerFixture::start(QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setProcessEnvironment(m_environment);
    core::ChildProcess::endWithParent(*m_process);
    m_process->start(program(),
                     {QStringLiteral("serve"), QStringLiteral("--config"), configPath(), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0")});
    if (!m_process->waitForStarted(10000)) {
        *error = m_process->errorString();
        return false;
    }
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] {
        const QByteArray text = m_process->readAllStandardError();
        if (m_keepLog)
            m_log += text;
    });
    static const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        // Blocks on the child's stdout, not on a clock: returns as soon as it prints.
        if (!m_process->waitForReadyRead(int(deadline.remainingTime())))
            break;
        out += m_process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    m_log += m_process->readAllStandardError();
    *error = QStringLiteral("countersignd did not start: %1 %2").arg(QString::fromUtf8(out), QString::fromUtf8(m_log));
    return false;
}

void BrokerFixture::kill()
{
    if (!m_process)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10000);
    m_log += m_process->readAllStandardError();
    m_process.reset();
}

bool BrokerFixture::stop()
{
    if (!m_process)
        return true;
    m_process->terminate();
    const bool clean = m_process->waitForFinished(15000) && m_process->exitStatus() == QProcess::NormalExit;
    if (!clean) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_log += m_process->readAllStandardError();
    m_process.reset();
    return clean;
}

bool BrokerFixture::restart(QString *error)
{
    if (!stop()) {
        *error = QStringLiteral("countersignd did not stop cleanly on SIGTERM");
        return false;
    }
    return start(error);
}

int BrokerFixture::waitForExit(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return -1;
    m_log += m_process->readAllStandardError();
    const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_process.reset();
    return code;
}

bool BrokerFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 BrokerFixture::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool BrokerFixture::sendSignal(int signal) const
{
    return isRunning() && ::kill(pid_t(m_process->processId()), signal) == 0;
}

bool BrokerFixture::waitForLog(const QByteArray &needle, qsizetype from, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_log.indexOf(needle, from) < 0) {
        if (!isRunning() || deadline.hasExpired())
            return false;
        QSignalSpy spy(m_process.get(), &QProcess::readyReadStandardError);
        spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

QUrl BrokerFixture::httpsUrl(const QString &path) const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QUrl BrokerFixture::consoleUrl() const
{
    return QUrl(QStringLiteral("wss://127.0.0.1:%1/v1/console").arg(m_port));
}

QSslConfiguration BrokerFixture::clientTls() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("tls/broker.crt"))));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

QString BrokerFixture::brokerKeyId() const
{
    const auto key = core::KeyFile::readPublicKey(m_dir.filePath(QStringLiteral("keys/broker.pub")));
    return key ? key->keyId() : QString();
}

QString BrokerFixture::createToken(const QString &tenant, const QString &agent, const QStringList &tools,
                                   const QString &ttl, QString *tokenId) const
{
    QStringList args {QStringLiteral("token"),    QStringLiteral("create"),
                      QStringLiteral("--config"), configPath(),
                      QStringLiteral("--tenant"), tenant,
                      QStringLiteral("--agent"),  agent};
    for (const QString &tool : tools)
        args << QStringLiteral("--tool") << tool;
    if (!ttl.isEmpty())
        args << QStringLiteral("--ttl") << ttl;
    const auto result = cli(args);
    if (tokenId) {
        // `created tok_… for AGENT in TENANT` on stderr; the secret alone on stdout.
        static const QRegularExpression created(QStringLiteral("created (tok_[A-Za-z0-9_-]+)"));
        *tokenId = created.match(QString::fromUtf8(result.err)).captured(1);
    }
    return result.exitCode == 0 ? QString::fromUtf8(result.out.trimmed()) : QString();
}

BrokerFixture::Approver BrokerFixture::enrolApprover(const QString &name, const QStringList &roles,
                                                     const QStringList &tenants, const QString &identity) const
{
    Approver approver;
    approver.name = name;
    approver.key = std::make_shared<core::Ed25519PrivateKey>(core::Ed25519PrivateKey::generate());
    approver.keyId = approver.key->keyId();
    approver.pubPath
        = m_dir.filePath(QStringLiteral("approver-%1.pub").arg(QUuid::createUuid().toString(QUuid::Id128)));
    core::KeyFile::writePublicKey(approver.pubPath, approver.key->publicKey());
    QStringList args {QStringLiteral("approver"), QStringLiteral("add"),
                      QStringLiteral("--config"), configPath(),
                      QStringLiteral("--name"),   name,
                      QStringLiteral("--pubkey"), approver.pubPath};
    for (const QString &role : roles)
        args << QStringLiteral("--role") << role;
    for (const QString &tenant : tenants)
        args << QStringLiteral("--tenant") << tenant;
    if (!identity.isEmpty())
        args << QStringLiteral("--identity") << identity;
    if (cli(args).exitCode != 0)
        approver.keyId.clear();
    return approver;
}

} // namespace countersign::testing
