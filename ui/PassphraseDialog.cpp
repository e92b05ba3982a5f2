#include "ui/PassphraseDialog.h"

#include "ui/DialogSeam.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace countersign::ui {

std::optional<core::SecureBytes> PassphraseDialog::ask(QWidget *parent, Mode mode, const QString &keyId,
                                                       const QString &problem)
{
    DialogSeam::recordShown(QString::fromLatin1(kSeamName), keyId + QLatin1Char('\n') + problem);
    if (const auto answer = DialogSeam::takeAnswer(QString::fromLatin1(kSeamName))) {
        if (answer->isNull())
            return std::nullopt;
        QByteArray bytes = answer->toString().toUtf8();
        return core::SecureBytes::take(bytes);
    }
    PassphraseDialog dialog(mode, keyId, problem, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    QByteArray bytes = dialog.m_first->text().toUtf8();
    dialog.m_first->clear();
    if (dialog.m_second)
        dialog.m_second->clear();
    return core::SecureBytes::take(bytes);
}

PassphraseDialog::PassphraseDialog(Mode mode, const QString &keyId, const QString &problem, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    setWindowTitle(mode == Mode::Unlock ? tr("Unlock your signing key") : tr("Protect your new signing key"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(mode == Mode::Unlock
                                 ? tr("Enter the passphrase of the key %1.").arg(keyId)
                                 : tr("Choose a passphrase for your new signing key. It encrypts the key on disk; "
                                      "there is no way to recover it."),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_first = new QLineEdit(this);
    m_first->setEchoMode(QLineEdit::Password);
    m_first->setAccessibleName(tr("Passphrase"));
    form->addRow(tr("&Passphrase:"), m_first);
    if (mode == Mode::Create) {
        m_second = new QLineEdit(this);
        m_second->setEchoMode(QLineEdit::Password);
        m_second->setAccessibleName(tr("Repeat passphrase"));
        form->addRow(tr("&Repeat:"), m_second);
    }
    layout->addLayout(form);
    m_error = new QLabel(problem, this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_first->text().isEmpty()) {
            m_error->setText(tr("The passphrase must not be empty."));
            return;
        }
        if (m_mode == Mode::Create && m_first->text() != m_second->text()) {
            m_error->setText(tr("The two passphrases differ."));
            return;
        }
        if (m_mode == Mode::Create && m_first->text().size() < 8) {
            m_error->setText(tr("Use at least 8 characters."));
            return;
        }
        accept();
    });
}

} // namespace countersign::ui
