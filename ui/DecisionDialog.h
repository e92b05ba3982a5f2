#pragma once

#include "ui/DecisionPreview.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace countersign::ui {

// Asks for the reason and shows, before anything is signed, exactly what will
// be: verdict, action id, the console-computed digest, the key id and the time.
class DecisionDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char *kSeamName = "DecisionDialog";

    // The reason to sign with, or nullopt when the approver cancelled.
    static std::optional<QString> ask(QWidget *parent, const DecisionPreview &preview);
    static QString summary(const DecisionPreview &preview);

private:
    DecisionDialog(const DecisionPreview &preview, QWidget *parent);
    void updateButton();

    DecisionPreview m_preview;
    QPlainTextEdit *m_reason;
    QPushButton *m_sign;
    QLabel *m_hint;
};

} // namespace countersign::ui
