#pragma once

#include <QGroupBox>

class QToolButton;
class QVBoxLayout;

namespace countersign::ui {

// One of the side-by-side review panes: a titled frame with a button that
// maximises it (hides its siblings) and back.
class ReviewPane : public QGroupBox
{
    Q_OBJECT

public:
    ReviewPane(const QString &title, QWidget *parent = nullptr);
    QVBoxLayout *body() const { return m_body; }
    void setMaximised(bool maximised);

Q_SIGNALS:
    void maximiseToggled(bool maximised);

private:
    QVBoxLayout *m_body;
    QToolButton *m_maximise;
};

} // namespace countersign::ui
