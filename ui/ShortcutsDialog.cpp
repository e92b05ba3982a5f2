#include "ui/ShortcutsDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace countersign::ui {

namespace {

QString plainText(QString text)
{
    // "&Deny…" → "Deny…"; "&&" stays one literal ampersand.
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &key : keys)
        if (!key.isEmpty())
            parts.append(key.toString(QKeySequence::NativeText));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_window(window)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_table->setColumnCount(2);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 480);
    fill();
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(const QWidget *window)
{
    QList<Entry> entries;
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        const QString keys = keysText(action->shortcuts());
        if (!keys.isEmpty() && !action->text().isEmpty())
            entries.append({plainText(action->text()), keys});
    }
    const QList<QAbstractButton *> buttons = window->findChildren<QAbstractButton *>();
    for (const QAbstractButton *button : buttons) {
        const QString keys = keysText({button->shortcut()});
        // A mnemonic alone (Alt+letter) is already underlined on the button.
        if (!keys.isEmpty() && !button->text().isEmpty()
            && !(button->shortcut()[0].keyboardModifiers() == Qt::AltModifier && button->text().contains(u'&')))
            entries.append(
                {plainText(button->accessibleName().isEmpty() ? button->text() : button->accessibleName()), keys});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return QString::localeAwareCompare(a.action, b.action) < 0; });
    return entries;
}

void ShortcutsDialog::fill()
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setAccessibleDescription(tr("Each command of the window and the keys that run it"));
    const QList<Entry> entries = collect(m_window);
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(entries.at(row).action));
        m_table->setItem(row, 1, new QTableWidgetItem(entries.at(row).keys));
    }
    m_table->resizeColumnToContents(0);
}

void ShortcutsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QDialog::changeEvent(event);
}

} // namespace countersign::ui
