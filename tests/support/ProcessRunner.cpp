#include "support/ProcessRunner.h"

#include <QProcess>

#include <unistd.h>

namespace countersign::testing {

ProcessRunner::ProcessRunner(QString program)
    : m_program(std::move(program))
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    // A passphrase in the test runner's environment must never leak into a test.
    m_environment.remove(QStringLiteral("COUNTERSIGN_PASSPHRASE"));
}

ProcessRunner &ProcessRunner::setWorkingDirectory(const QString &dir)
{
    m_workingDirectory = dir;
    return *this;
}

ProcessRunner &ProcessRunner::setEnvironmentVariable(const QString &name, const QString &value)
{
    m_environment.insert(name, value);
    return *this;
}

ProcessRunner &ProcessRunner::unsetEnvironmentVariable(const QString &name)
{
    m_environment.remove(name);
    return *this;
}

ProcessRunner::Result ProcessRunner::run(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    if (!m_workingDirectory.isEmpty())
        process.setWorkingDirectory(m_workingDirectory);
    // No controlling terminal and no stdin unless given: a passphrase prompt
    // must fail at once instead of waiting for someone to type.
    process.setChildProcessModifier([] { ::setsid(); });
    if (input.isNull())
        process.setStandardInputFile(QProcess::nullDevice());
    process.start(m_program, arguments, input.isNull() ? QIODevice::ReadOnly : QIODevice::ReadWrite);
    Result result;
    if (!process.waitForStarted(30000))
        return result;
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(120000);
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace countersign::testing
