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
    explicit ReviewPane(QWidget *parent = nullptr);
    // The frame's title, which also names the pane and its maximise button for screen readers.
    void setPaneTitle(const QString &title);
    QVBoxLayout *body() const { return m_body; }
    void setMaximised(bool maximised);

Q_SIGNALS:
    void maximiseToggled(bool maximised);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateMaximiseText();

    QVBoxLayout *m_body;
    QToolButton *m_maximise;
};

} // namespace countersign::ui
