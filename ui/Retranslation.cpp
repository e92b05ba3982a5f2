#include "ui/Retranslation.h"

#include <QEvent>
#include <QWidget>

namespace countersign::ui {

Retranslation::Retranslation(QWidget *widget)
    : QObject(widget)
{
    widget->installEventFilter(this);
}

void Retranslation::add(std::function<void()> apply)
{
    apply();
    m_apply.append(std::move(apply));
}

bool Retranslation::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == parent()) {
        for (const auto &apply : std::as_const(m_apply))
            apply();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace countersign::ui
