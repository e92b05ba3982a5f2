#include "ui/SettingsDialog.h"

#include "ui/DialogSeam.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace countersign::ui {

std::optional<SettingsDialog::Values> SettingsDialog::ask(QWidget *parent, const Values &current)
{
    if (const auto answer = DialogSeam::takeAnswer(QString::fromLatin1(kSeamName))) {
        if (answer->isNull())
            return std::nullopt;
        Values v = current;
        v.url = QUrl(answer->toString());
        return v;
    }
    SettingsDialog dialog(current, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.values();
}

SettingsDialog::SettingsDialog(const Values &current, QWidget *parent)
    : QDialog(parent)
    , m_pinned(current.pinnedFingerprint)
{
    setWindowTitle(tr("Countersign settings"));
    auto *form = new QFormLayout(this);
    m_url = new QLineEdit(current.url.toString(), this);
    m_url->setPlaceholderText(QStringLiteral("wss://broker.example:8443/v1/console"));
    m_url->setAccessibleName(tr("Broker address"));
    form->addRow(tr("&Broker:"), m_url);
    m_caFile = new QLineEdit(current.caFile, this);
    m_caFile->setAccessibleName(tr("CA certificate file (optional)"));
    form->addRow(tr("&CA file (optional):"), m_caFile);
    m_fingerprint
        = new QLabel(current.pinnedFingerprint.isEmpty() ? tr("not pinned yet") : current.pinnedFingerprint, this);
    m_fingerprint->setTextFormat(Qt::PlainText);
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setAccessibleName(tr("Pinned certificate fingerprint"));
    auto *forget = new QPushButton(tr("&Forget pinned certificate"), this);
    forget->setAccessibleDescription(tr("The next connection asks you to confirm the broker's fingerprint again"));
    connect(forget, &QPushButton::clicked, this, [this] {
        m_pinned.clear();
        m_fingerprint->setText(tr("not pinned: you will be asked to confirm the fingerprint on the next connection"));
    });
    form->addRow(tr("Pinned certificate:"), m_fingerprint);
    form->addRow(QString(), forget);
    m_idle = new QSpinBox(this);
    m_idle->setRange(1, 240);
    m_idle->setSuffix(tr(" min"));
    m_idle->setValue(current.idleLockMinutes);
    m_idle->setAccessibleName(tr("Lock the signing key after this much inactivity"));
    form->addRow(tr("&Lock key when idle for:"), m_idle);
    m_notifications = new QCheckBox(tr("Notify when a new action arrives"), this);
    m_notifications->setChecked(current.notifications);
    m_notifications->setAccessibleDescription(
        tr("Shows the tool and the agent of each new action; never its arguments or the agent's text"));
    form->addRow(QString(), m_notifications);
    m_sound = new QCheckBox(tr("Play a &sound with each notification"), this);
    m_sound->setChecked(current.sound);
    form->addRow(QString(), m_sound);
    m_doNotDisturb = new QCheckBox(tr("&Do not disturb: no notifications and no sound"), this);
    m_doNotDisturb->setChecked(current.doNotDisturb);
    m_doNotDisturb->setAccessibleDescription(
        tr("The tray icon still counts the pending actions. The desktop's own do-not-disturb is respected as well."));
    form->addRow(QString(), m_doNotDisturb);
    m_language = new QComboBox(this);
    // Each language in its own name, so it can be found by someone who cannot read the current one.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(current.language)));
    m_language->setAccessibleName(tr("Language of the console"));
    form->addRow(tr("Lan&guage:"), m_language);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SettingsDialog::Values SettingsDialog::values() const
{
    Values v;
    v.url = QUrl(m_url->text().trimmed());
    v.caFile = m_caFile->text().trimmed();
    v.pinnedFingerprint = m_pinned;
    v.idleLockMinutes = m_idle->value();
    v.notifications = m_notifications->isChecked();
    v.sound = m_sound->isChecked();
    v.doNotDisturb = m_doNotDisturb->isChecked();
    v.language = m_language->currentData().toString();
    return v;
}

} // namespace countersign::ui
