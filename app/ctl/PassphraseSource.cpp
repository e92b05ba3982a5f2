#include "app/ctl/PassphraseSource.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace countersign::ctl {

namespace {

void stripLineEnd(QByteArray &bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    if (newline >= 0) {
        const QByteArray rest = bytes.mid(newline);
        bytes.truncate(newline);
        QByteArray wipeMe = rest;
        core::SecureBytes::wipe(wipeMe);
    }
    if (bytes.endsWith('\r'))
        bytes.chop(1);
}

} // namespace

PassphraseSource::PassphraseSource(QString passphraseFile)
    : m_file(std::move(passphraseFile))
{ }

std::optional<core::SecureBytes> PassphraseSource::obtain(const QString &prompt, bool confirm, QString *error) const
{
    if (!m_file.isEmpty()) {
        QFile file(m_file);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read passphrase file %1: %2").arg(m_file, file.errorString());
            return std::nullopt;
        }
        QByteArray bytes = file.read(4096);
        stripLineEnd(bytes);
        if (bytes.isEmpty()) {
            *error = QStringLiteral("passphrase file %1 is empty").arg(m_file);
            return std::nullopt;
        }
        return core::SecureBytes::take(bytes);
    }
    QByteArray env = qgetenv("COUNTERSIGN_PASSPHRASE");
    if (!env.isEmpty())
        return core::SecureBytes::take(env);
    auto first = promptTerminal(prompt, error);
    if (!first || !confirm)
        return first;
    auto second = promptTerminal(QStringLiteral("Repeat passphrase: "), error);
    if (!second)
        return std::nullopt;
    if (first->view() != second->view()) {
        *error = QStringLiteral("the passphrases do not match");
        return std::nullopt;
    }
    return first;
}

std::optional<core::SecureBytes> PassphraseSource::promptTerminal(const QString &prompt, QString *error)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty) {
        *error = QStringLiteral("no passphrase: use --passphrase-file, COUNTERSIGN_PASSPHRASE or run on a terminal");
        return std::nullopt;
    }
    const int fd = fileno(tty);
    termios saved {};
    const bool haveTermios = tcgetattr(fd, &saved) == 0;
    if (haveTermios) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &silent);
    }
    std::fputs(prompt.toLocal8Bit().constData(), tty);
    std::fflush(tty);
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(tty)) != EOF && c != '\n' && line.size() < 4096)
        line.append(char(c));
    if (haveTermios)
        tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    std::fclose(tty);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QStringLiteral("empty passphrase");
        return std::nullopt;
    }
    return core::SecureBytes::take(line);
}

} // namespace countersign::ctl
