#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QWidget;

namespace countersign::ui {

// The fixed texts of a widget, kept in the current language: each function
// added runs at once and again whenever the widget receives
// QEvent::LanguageChange (which Qt passes down from the window to every child),
// so a language switched in the settings reaches labels, tabs and accessible
// names without a restart.
class Retranslation : public QObject
{
    Q_OBJECT

public:
    explicit Retranslation(QWidget *widget);
    void add(std::function<void()> apply);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QList<std::function<void()>> m_apply;
};

} // namespace countersign::ui
