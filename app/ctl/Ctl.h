#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace countersign::ctl {

// countersignctl: the operators' and auditors' command line over core/.
// Every command reads from a file or stdin, writes its result to stdout and
// its diagnostics to stderr, and exits with one of the codes below.
class Ctl
{
public:
    enum ExitCode { Ok = 0, CheckFailed = 1, UsageError = 2, IoOrKeyError = 3 };

    Ctl(QIODevice *in, QIODevice *out, QIODevice *err);
    int run(const QStringList &arguments);

private:
    int keygen(const QStringList &arguments);
    int keyId(const QStringList &arguments);
    int canonicalize(const QStringList &arguments);
    int digest(const QStringList &arguments);
    int sign(const QStringList &arguments);
    int verify(const QStringList &arguments);
    int validate(const QStringList &arguments);
    int verifyBundle(const QStringList &arguments);
    int render(const QStringList &arguments);

    // Parses a subcommand's options; prints usage and returns false on error.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, int maxPositional, int *exitCode);
    std::optional<QByteArray> readInput(const QStringList &positional, int *exitCode);
    void out(QByteArrayView bytes);
    void err(const QString &line);
    QString usage() const;

    QIODevice *m_in;
    QIODevice *m_out;
    QIODevice *m_err;
};

} // namespace countersign::ctl
