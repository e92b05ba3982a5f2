#include "ui/KillSwitchDialog.h"

#include "ui/DialogSeam.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVariantMap>

namespace countersign::ui {

QString KillSwitchDialog::text(const KillSwitchPreview &p)
{
    QString verb = p.operation == QStringLiteral("release") ? tr("RELEASE kill switch") : tr("ENGAGE kill switch");
    QString out = tr("%1\n\n%2").arg(verb, p.summary);
    if (!p.typedNameRequired.isEmpty())
        out += tr("\n\nType \"%1\" to confirm.").arg(p.typedNameRequired);
    out += tr("\n\nThe order is signed with your key and sent to the broker at once.");
    return out;
}

std::optional<KillSwitchDialog::Answer> KillSwitchDialog::ask(QWidget *parent, const KillSwitchPreview &preview)
{
    const QString seam = QString::fromLatin1(kSeamName);
    DialogSeam::recordShown(seam, text(preview));
    if (const auto answer = DialogSeam::takeAnswer(seam)) {
        if (!answer->isValid() || answer->isNull())
            return std::nullopt;
        const QVariantMap map = answer->toMap();
        return Answer {map.value(QStringLiteral("reason")).toString(),
                       map.value(QStringLiteral("confirmation")).toString()};
    }
    KillSwitchDialog dialog(preview, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Answer {dialog.m_reason->toPlainText().trimmed(),
                   dialog.m_confirm ? dialog.m_confirm->text().trimmed() : QString()};
}

KillSwitchDialog::KillSwitchDialog(const KillSwitchPreview &preview, QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
{
    setWindowTitle(preview.operation == QStringLiteral("release") ? tr("Release kill switch")
                                                                  : tr("Engage kill switch"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(text(preview), this);
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary);
    auto *reasonLabel = new QLabel(tr("Reason (required):"), this);
    layout->addWidget(reasonLabel);
    m_reason = new QPlainTextEdit(this);
    m_reason->setAccessibleName(tr("Reason for the kill-switch order"));
    m_reason->setTabChangesFocus(true);
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(m_reason);
    if (!preview.typedNameRequired.isEmpty()) {
        auto *confirmLabel = new QLabel(tr("Type \"%1\" to confirm:").arg(preview.typedNameRequired), this);
        confirmLabel->setTextFormat(Qt::PlainText);
        layout->addWidget(confirmLabel);
        m_confirm = new QLineEdit(this);
        m_confirm->setAccessibleName(tr("Typed confirmation of the target's name"));
        confirmLabel->setBuddy(m_confirm);
        layout->addWidget(m_confirm);
        connect(m_confirm, &QLineEdit::textChanged, this, &KillSwitchDialog::updateButton);
    }
    m_hint = new QLabel(this);
    m_hint->setTextFormat(Qt::PlainText);
    layout->addWidget(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(preview.operation == QStringLiteral("release") ? tr("Sign and release")
                                                                             : tr("Sign and engage"),
                              QDialogButtonBox::AcceptRole);
    m_ok->setAccessibleName(tr("Sign and send the kill-switch order"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &KillSwitchDialog::updateButton);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    updateButton();
    m_reason->setFocus();
}

void KillSwitchDialog::updateButton()
{
    QString hint;
    if (m_reason->toPlainText().trimmed().isEmpty())
        hint = tr("A reason is required.");
    else if (m_confirm && m_confirm->text().trimmed().compare(m_preview.typedNameRequired, Qt::CaseInsensitive) != 0)
        hint = tr("Type the target's name exactly to confirm.");
    m_ok->setEnabled(hint.isEmpty());
    m_hint->setText(hint);
}

} // namespace countersign::ui
