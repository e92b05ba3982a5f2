#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

#include <optional>

namespace countersign::ui {

// The small seam every modal dialog goes through (compare KeePassXC's
// MessageBox::setNextAnswer): a test queues the answer a dialog would have
// been given, and can read back what the dialog would have shown.
class DialogSeam
{
public:
    static void setNextAnswer(const QString &dialog, const QVariant &answer);
    // The queued answer for `dialog`, if any (consumed).
    static std::optional<QVariant> takeAnswer(const QString &dialog);
    static void recordShown(const QString &dialog, const QString &text);
    static QString lastShown(const QString &dialog);
    static void clear();

private:
    static QHash<QString, QList<QVariant>> &answers();
    static QHash<QString, QString> &shown();
};

} // namespace countersign::ui
