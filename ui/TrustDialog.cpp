#include "ui/TrustDialog.h"

#include "ui/DialogSeam.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace countersign::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("countersign::ui::TrustDialog", text);
}
} // namespace

bool TrustDialog::askFirstUse(QWidget *parent, const QString &host, const QString &fingerprint)
{
    const QString text = tr("This is the first connection to the broker at %1.\n\n"
                            "Its TLS certificate has the SHA-256 fingerprint\n\n%2\n\n"
                            "Compare it with the fingerprint your broker's operator gave you (printed by "
                            "`countersignd init`). Trust it only if they are identical; the console will then "
                            "refuse any other certificate for this broker.")
                             .arg(host, fingerprint);
    DialogSeam::recordShown(QString::fromLatin1(kSeamName), text);
    if (const auto answer = DialogSeam::takeAnswer(QString::fromLatin1(kSeamName)))
        return answer->toBool();
    QMessageBox box(QMessageBox::Question, tr("Trust this broker?"), text, QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton *trust = box.addButton(tr("Trust and connect"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == trust;
}

void TrustDialog::warnMismatch(QWidget *parent, const QString &host, const QString &pinned, const QString &presented)
{
    const QString text = tr("The broker at %1 presented a different certificate than the one you trusted.\n\n"
                            "Trusted:   %2\nPresented: %3\n\n"
                            "This can mean someone is intercepting the connection. The console will not connect. "
                            "If the broker's certificate was really replaced, ask its operator for the new "
                            "fingerprint and update the connection profile in Settings.")
                             .arg(host, pinned, presented);
    DialogSeam::recordShown(QString::fromLatin1(kMismatchSeamName), text);
    if (DialogSeam::takeAnswer(QString::fromLatin1(kMismatchSeamName)))
        return;
    QMessageBox box(QMessageBox::Critical, tr("Broker certificate changed"), text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace countersign::ui
