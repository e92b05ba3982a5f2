#pragma once

#include <QDialog>
#include <QList>

class QTableWidget;

namespace countersign::ui {

// Help → Keyboard shortcuts: every shortcut the window offers, read from its
// actions and buttons when the dialog opens, so a shortcut added anywhere in
// the window is listed without anyone editing a table.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString action; // the command, without its mnemonic ampersand
        QString keys; // in the platform's native notation, several separated by ", "
    };

    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // The shortcuts of `window`'s actions and buttons, sorted by command.
    static QList<Entry> collect(const QWidget *window);
    QTableWidget *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    const QWidget *m_window;
    QTableWidget *m_table;
};

} // namespace countersign::ui
