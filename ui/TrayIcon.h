#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace countersign::ui {

// The console in the system tray: the application icon with the number of
// pending actions painted on it (and in the tooltip, for screen readers), a
// menu to show the window, lock the key or quit. Clicking it raises the window.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // Null where the desktop has no tray (QSystemTrayIcon::isSystemTrayAvailable()).
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    void setPendingCount(int count);
    int pendingCount() const { return m_count; }
    QString toolTip() const;
    // The icon for `count` pending actions at the given device pixel size.
    static QPixmap badgePixmap(int count, int size, qreal devicePixelRatio);

Q_SIGNALS:
    void showWindowRequested();
    void lockRequested();
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateIcon();

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_quit = nullptr;
    int m_count = 0;
};

} // namespace countersign::ui
