#pragma once

// Small helpers shared by the core test suites. Hashing and base64url here use
// Qt's own implementations (QCryptographicHash, QByteArray::toBase64), not
// core's, so that tests can compute digests and key ids independently of the
// code under test.

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <unistd.h>

namespace countersign::coretest {

inline QString scenarioDir()
{
    return QStringLiteral(COUNTERSIGN_SCENARIO_DIR);
}

// The file names of the shipped scenarios (e.g. `customer-refund.json`), sorted.
inline QStringList scenarioNames()
{
    return QDir(scenarioDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

// The whole file, or a null QByteArray when it cannot be read.
inline QByteArray readFileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QByteArray bytes = file.readAll();
    if (bytes.isNull())
        bytes = QByteArray(""); // an empty but readable file
    return bytes;
}

inline QByteArray scenarioBytes(const QString &name)
{
    return readFileBytes(QDir(scenarioDir()).filePath(name));
}

inline bool writeFileBytes(const QString &path, QByteArrayView bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes.data(), bytes.size()) == bytes.size();
}

inline QByteArray independentSha256(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

inline QByteArray independentBase64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// `prefix` + base64url(SHA-256(bytes)): the form of action digests, audit
// hashes (`sha256:`) and key ids (`ed25519:`).
inline QString independentPrefixedHash(const QString &prefix, QByteArrayView bytes)
{
    return prefix + QString::fromLatin1(independentBase64Url(independentSha256(bytes)));
}

struct ProcessResult
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

// Runs a program to completion in a new session, so that it has no controlling
// terminal: anything that would prompt fails at once or reads the given stdin
// (which is closed after `input`, or /dev/null when `input` is null).
inline ProcessResult runProcess(const QString &program, const QStringList &arguments, const QByteArray &input = QByteArray(),
                                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([] { ::setsid(); });
    if (input.isNull())
        process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(30000))
        return result;
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
    result.finished = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace countersign::coretest
