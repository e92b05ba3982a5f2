#include "ui/FullTextDialog.h"

#include "ui/DialogSeam.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace countersign::ui {

void FullTextDialog::show(QWidget *parent, const QString &title, const QString &formattedText)
{
    DialogSeam::recordShown(QString::fromLatin1(kSeamName), formattedText);
    if (DialogSeam::takeAnswer(QString::fromLatin1(kSeamName)))
        return;
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QPlainTextEdit(&dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    text->setPlainText(formattedText);
    text->setAccessibleName(title);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(900, 600);
    dialog.exec();
}

} // namespace countersign::ui
