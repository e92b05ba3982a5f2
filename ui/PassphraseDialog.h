#pragma once

#include "core/SecureBytes.h"

#include <QDialog>

#include <optional>

class QLineEdit;
class QLabel;

namespace countersign::ui {

// Asks for the key's passphrase (unlock) or a new one twice (setup).
class PassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char *kSeamName = "PassphraseDialog";
    enum class Mode { Unlock, Create };

    static std::optional<core::SecureBytes> ask(QWidget *parent, Mode mode, const QString &keyId,
                                                const QString &problem = QString());

private:
    PassphraseDialog(Mode mode, const QString &keyId, const QString &problem, QWidget *parent);

    Mode m_mode;
    QLineEdit *m_first;
    QLineEdit *m_second = nullptr;
    QLabel *m_error;
};

} // namespace countersign::ui
