#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace countersign::testing {

// Runs a real program (countersignctl, openssl, …) to completion and keeps what
// it printed. Tests use it to drive the shipped binaries exactly as users do.
class ProcessRunner
{
public:
    struct Result
    {
        int exitCode = -1;
        bool crashed = false;
        QByteArray out;
        QByteArray err;
    };

    explicit ProcessRunner(QString program);

    ProcessRunner &setWorkingDirectory(const QString &dir);
    ProcessRunner &setEnvironmentVariable(const QString &name, const QString &value);
    ProcessRunner &unsetEnvironmentVariable(const QString &name);

    Result run(const QStringList &arguments, const QByteArray &input = QByteArray()) const;

private:
    QString m_program;
    QString m_workingDirectory;
    QProcessEnvironment m_environment;
};

} // namespace countersign::testing
