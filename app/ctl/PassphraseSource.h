#pragma once

#include "core/SecureBytes.h"

#include <QString>

#include <optional>

namespace countersign::ctl {

// Where countersignctl gets a passphrase, in order: --passphrase-file, the
// COUNTERSIGN_PASSPHRASE environment variable, then a prompt on the terminal
// with echo off. The passphrase is never printed or logged.
class PassphraseSource
{
public:
    explicit PassphraseSource(QString passphraseFile);

    // `confirm` asks twice on a terminal (for new keys).
    std::optional<core::SecureBytes> obtain(const QString &prompt, bool confirm, QString *error) const;

private:
    static std::optional<core::SecureBytes> promptTerminal(const QString &prompt, QString *error);

    QString m_file;
};

} // namespace countersign::ctl
