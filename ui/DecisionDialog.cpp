#include "ui/DecisionDialog.h"

#include "ui/DialogSeam.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace countersign::ui {

QString DecisionDialog::summary(const DecisionPreview &p)
{
    const QString verdict = p.verdict == QStringLiteral("approve") ? tr("APPROVE") : tr("DENY");
    return tr("You are about to sign:\n\n"
              "  Verdict:      %1\n"
              "  Action:       %2\n"
              "  Tool / agent: %3 / %4\n"
              "  Digest:       %5\n"
              "  Signed by:    %6\n"
              "  Time (UTC):   %7\n\n"
              "The digest was computed by this console from the action it displayed.")
        .arg(verdict, p.actionId, p.toolName, p.agentId, p.actionDigest, p.approverKeyId,
             p.issuedAt.toUTC().toString(Qt::ISODate));
}

std::optional<QString> DecisionDialog::ask(QWidget *parent, const DecisionPreview &preview)
{
    DialogSeam::recordShown(QString::fromLatin1(kSeamName), summary(preview));
    if (const auto answer = DialogSeam::takeAnswer(QString::fromLatin1(kSeamName))) {
        if (!answer->isValid() || answer->isNull())
            return std::nullopt;
        return answer->toString();
    }
    DecisionDialog dialog(preview, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.m_reason->toPlainText().trimmed();
}

DecisionDialog::DecisionDialog(const DecisionPreview &preview, QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
{
    setWindowTitle(preview.verdict == QStringLiteral("approve") ? tr("Approve and sign") : tr("Deny and sign"));
    auto *layout = new QVBoxLayout(this);
    auto *summaryLabel = new QLabel(summary(preview), this);
    summaryLabel->setTextFormat(Qt::PlainText);
    summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = summaryLabel->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    summaryLabel->setFont(mono);
    layout->addWidget(summaryLabel);
    auto *reasonLabel = new QLabel(preview.reasonRequired ? tr("Reason (required):") : tr("Reason (optional):"), this);
    layout->addWidget(reasonLabel);
    m_reason = new QPlainTextEdit(this);
    m_reason->setAccessibleName(tr("Reason for the decision"));
    m_reason->setTabChangesFocus(true);
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(m_reason);
    m_hint = new QLabel(this);
    m_hint->setTextFormat(Qt::PlainText);
    layout->addWidget(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_sign = buttons->addButton(tr("Sign and send"), QDialogButtonBox::AcceptRole);
    m_sign->setAccessibleName(tr("Sign and send the decision"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &DecisionDialog::updateButton);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    updateButton();
    m_reason->setFocus();
}

void DecisionDialog::updateButton()
{
    const bool missing = m_preview.reasonRequired && m_reason->toPlainText().trimmed().isEmpty();
    m_sign->setEnabled(!missing);
    m_hint->setText(missing ? tr("Policy requires a reason for this decision.") : QString());
}

} // namespace countersign::ui
