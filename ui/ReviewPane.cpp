#include "ui/ReviewPane.h"

#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace countersign::ui {

ReviewPane::ReviewPane(const QString &title, QWidget *parent)
    : QGroupBox(title, parent)
{
    setAccessibleName(title);
    auto *outer = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addStretch();
    m_maximise = new QToolButton(this);
    m_maximise->setCheckable(true);
    m_maximise->setText(tr("Maximise"));
    m_maximise->setAccessibleName(tr("Maximise the %1 pane").arg(title));
    bar->addWidget(m_maximise);
    outer->addLayout(bar);
    m_body = new QVBoxLayout;
    outer->addLayout(m_body, 1);
    connect(m_maximise, &QToolButton::toggled, this, [this](bool on) {
        m_maximise->setText(on ? tr("Restore") : tr("Maximise"));
        Q_EMIT maximiseToggled(on);
    });
}

void ReviewPane::setMaximised(bool maximised)
{
    m_maximise->setChecked(maximised);
}

} // namespace countersign::ui
