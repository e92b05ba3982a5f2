#include "app/DemoBroker.h"

#include "app/KeyStore.h"
#include "core/ChildProcess.h"
#include "net/BrokerConnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QStandardPaths>

namespace countersign::app {

namespace {

struct DemoAgentSpec
{
    const char *scenario;
    const char *tenant;
    const char *agent;
    const char *tools;
};

// Which demo agent submits which bundled scenario, and what its token may call.
constexpr DemoAgentSpec kAgents[] = {
    {"renewal-outreach-email", "acme", "agent:sales-assistant", "email.*"},
    {"customer-refund", "globex-retail", "agent:support-copilot", "payments.*"},
    {"prod-schema-migration", "acme", "agent:code-assistant", "*"},
    {"iam-role-grant", "acme", "agent:ops-assistant", "cloud.*"},
    {"mcp-file-write", "acme", "agent:code-assistant", "*"},
};

} // namespace

DemoBroker::DemoBroker(QObject *parent)
    : QObject(parent)
{ }

DemoBroker::~DemoBroker()
{
    stop();
}

namespace {
QString &programOverride()
{
    static QString s_program;
    return s_program;
}
} // namespace

void DemoBroker::setBrokerProgram(const QString &path)
{
    programOverride() = path;
}

bool DemoBroker::isRunning() const
{
    return m_broker && m_broker->state() == QProcess::Running;
}

QString DemoBroker::brokerProgram()
{
    if (!programOverride().isEmpty())
        return programOverride();
    const QString sibling = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("countersignd"));
    if (QFile::exists(sibling))
        return sibling;
    return QStandardPaths::findExecutable(QStringLiteral("countersignd"));
}

QString DemoBroker::consoleDataDirectory() const
{
    return m_dir.filePath(QStringLiteral("console"));
}

QUrl DemoBroker::consoleUrl() const
{
    return QUrl(QStringLiteral("wss://127.0.0.1:%1/v1/console").arg(m_port));
}

bool DemoBroker::run(const QStringList &arguments, QByteArray *out, QString *error) const
{
    QProcess process;
    process.start(brokerProgram(), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = tr("countersignd %1 failed: %2")
                     .arg(arguments.value(0), QString::fromUtf8(process.readAllStandardError()).trimmed());
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

bool DemoBroker::start(QString *error)
{
    if (brokerProgram().isEmpty()) {
        *error = tr("countersignd was not found next to countersign or on PATH");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = tr("cannot create a temporary directory");
        return false;
    }
    const QString config = m_dir.filePath(QStringLiteral("broker/countersignd.conf"));
    if (!run({QStringLiteral("init"), m_dir.filePath(QStringLiteral("broker")), QStringLiteral("--port"),
              QStringLiteral("0")},
             nullptr, error))
        return false;

    KeyStore keys(consoleDataDirectory());
    QByteArray demoPassphrase = passphrase().toUtf8();
    if (!keys.create(core::SecureBytes::take(demoPassphrase), error))
        return false;
    QStringList enrol {QStringLiteral("approver"),   QStringLiteral("add"),
                       QStringLiteral("--config"),   config,
                       QStringLiteral("--name"),     QStringLiteral("Demo Approver"),
                       QStringLiteral("--identity"), QStringLiteral("demo.approver@countersign.example"),
                       QStringLiteral("--pubkey"),   keys.publicKeyPath(),
                       QStringLiteral("--tenant"),   QStringLiteral("*")};
    for (const char *role : {"approver", "sales-approver", "payments-approver", "db-owner", "oncall", "reviewer"})
        enrol << QStringLiteral("--role") << QString::fromLatin1(role);
    if (!run(enrol, nullptr, error))
        return false;

    QHash<QString, QString> tokens; // agent id -> token
    QList<DemoAgent::Scenario> scenarios;
    for (const DemoAgentSpec &spec : kAgents) {
        const QString agent = QString::fromLatin1(spec.agent);
        if (!tokens.contains(agent)) {
            QByteArray out;
            if (!run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--config"), config,
                      QStringLiteral("--tenant"), QString::fromLatin1(spec.tenant), QStringLiteral("--agent"), agent,
                      QStringLiteral("--tool"), QString::fromLatin1(spec.tools)},
                     &out, error))
                return false;
            tokens.insert(agent, QString::fromLatin1(out.trimmed()));
        }
        QFile file(QStringLiteral(":/countersign/scenarios/%1.json").arg(QString::fromLatin1(spec.scenario)));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("the bundled scenario %1 is missing").arg(QString::fromLatin1(spec.scenario));
            return false;
        }
        scenarios.append({QString::fromLatin1(spec.scenario), file.readAll(), tokens.value(agent)});
    }

    m_broker = std::make_unique<QProcess>();
    m_broker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    core::ChildProcess::endWithParent(*m_broker);
    m_broker->start(brokerProgram(),
                    {QStringLiteral("serve"), QStringLiteral("--config"), config, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")});
    static const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    while (m_port == 0 && !deadline.hasExpired() && m_broker->waitForReadyRead(int(deadline.remainingTime()))) {
        out += m_broker->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch())
            m_port = quint16(match.captured(1).toUInt());
    }
    if (m_port == 0) {
        *error = tr("the demo broker did not start");
        return false;
    }
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("broker/tls/broker.crt")));
    if (certificates.isEmpty()) {
        *error = tr("the demo broker has no certificate");
        return false;
    }
    m_fingerprint = net::BrokerConnection::fingerprintOf(certificates.first());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(certificates);
    m_agent = std::make_unique<DemoAgent>(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)), tls, scenarios);
    return true;
}

void DemoBroker::stop()
{
    if (m_agent)
        m_agent->stop();
    m_agent.reset();
    if (m_broker) {
        m_broker->terminate();
        if (!m_broker->waitForFinished(10000))
            m_broker->kill();
        m_broker->waitForFinished(5000);
        m_broker.reset();
    }
}

} // namespace countersign::app
