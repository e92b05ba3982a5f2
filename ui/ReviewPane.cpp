#include "ui/ReviewPane.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace countersign::ui {

ReviewPane::ReviewPane(QWidget *parent)
    : QGroupBox(parent)
{
    auto *outer = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addStretch();
    m_maximise = new QToolButton(this);
    m_maximise->setCheckable(true);
    bar->addWidget(m_maximise);
    outer->addLayout(bar);
    m_body = new QVBoxLayout;
    outer->addLayout(m_body, 1);
    connect(m_maximise, &QToolButton::toggled, this, [this](bool on) {
        updateMaximiseText();
        Q_EMIT maximiseToggled(on);
    });
    updateMaximiseText();
}

void ReviewPane::setPaneTitle(const QString &title)
{
    setTitle(title);
    setAccessibleName(title);
    m_maximise->setAccessibleName(tr("Maximise the %1 pane").arg(title));
}

void ReviewPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateMaximiseText();
    QGroupBox::changeEvent(event);
}

void ReviewPane::updateMaximiseText()
{
    m_maximise->setText(m_maximise->isChecked() ? tr("Restore") : tr("Maximise"));
}

void ReviewPane::setMaximised(bool maximised)
{
    m_maximise->setChecked(maximised);
}

} // namespace countersign::ui
