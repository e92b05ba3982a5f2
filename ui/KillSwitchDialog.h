#pragma once

#include "ui/KillSwitchPreview.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace countersign::ui {

// Confirms a kill-switch engage or release: states in words what will stop,
// asks for the reason and, for global and tenant, for the target's name typed out.
class KillSwitchDialog : public QDialog
{
    Q_OBJECT

public:
    // Seam answer: a QVariantMap {"reason": QString, "confirmation": QString}; a null QVariant cancels.
    static constexpr const char *kSeamName = "KillSwitchDialog";

    struct Answer
    {
        QString reason;
        QString confirmation; // the typed name (empty when none was asked for)
    };

    static std::optional<Answer> ask(QWidget *parent, const KillSwitchPreview &preview);
    static QString text(const KillSwitchPreview &preview);

private:
    KillSwitchDialog(const KillSwitchPreview &preview, QWidget *parent);
    void updateButton();

    KillSwitchPreview m_preview;
    QPlainTextEdit *m_reason;
    QLineEdit *m_confirm = nullptr;
    QPushButton *m_ok;
    QLabel *m_hint;
};

} // namespace countersign::ui
