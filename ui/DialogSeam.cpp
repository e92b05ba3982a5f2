#include "ui/DialogSeam.h"

namespace countersign::ui {

QHash<QString, QList<QVariant>> &DialogSeam::answers()
{
    static QHash<QString, QList<QVariant>> s_answers;
    return s_answers;
}

QHash<QString, QString> &DialogSeam::shown()
{
    static QHash<QString, QString> s_shown;
    return s_shown;
}

void DialogSeam::setNextAnswer(const QString &dialog, const QVariant &answer)
{
    answers()[dialog].append(answer);
}

std::optional<QVariant> DialogSeam::takeAnswer(const QString &dialog)
{
    auto it = answers().find(dialog);
    if (it == answers().end() || it->isEmpty())
        return std::nullopt;
    return it->takeFirst();
}

void DialogSeam::recordShown(const QString &dialog, const QString &text)
{
    shown()[dialog] = text;
}

QString DialogSeam::lastShown(const QString &dialog)
{
    return shown().value(dialog);
}

void DialogSeam::clear()
{
    answers().clear();
    shown().clear();
}

} // namespace countersign::ui
