#include "ui/TrayIcon.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace countersign::ui {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_menu = new QMenu;
        m_show = m_menu->addAction(QString());
        m_lock = m_menu->addAction(QString());
        m_menu->addSeparator();
        m_quit = m_menu->addAction(QString());
        connect(m_show, &QAction::triggered, this, &TrayIcon::showWindowRequested);
        connect(m_lock, &QAction::triggered, this, &TrayIcon::lockRequested);
        connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT showWindowRequested();
        });
    }
    // The tray is no widget: it hears of language changes through the application.
    qApp->installEventFilter(this);
    retranslate();
    if (m_tray)
        m_tray->show();
}

TrayIcon::~TrayIcon()
{
    qApp->removeEventFilter(this);
    delete m_menu;
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void TrayIcon::retranslate()
{
    if (m_show) {
        m_show->setText(tr("&Show Countersign"));
        m_lock->setText(tr("&Lock signing key"));
        m_quit->setText(tr("&Quit"));
    }
    updateIcon();
}

void TrayIcon::setPendingCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    updateIcon();
}

QString TrayIcon::toolTip() const
{
    if (m_count == 0)
        return tr("Countersign: no actions waiting");
    return tr("Countersign: %n action(s) waiting for approval", nullptr, m_count);
}

QPixmap TrayIcon::badgePixmap(int count, int size, qreal devicePixelRatio)
{
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap = QIcon(QStringLiteral(":/countersign/icons/countersign.svg")).pixmap(pixels, pixels);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    if (count <= 0)
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString text = count > 99 ? QStringLiteral("99+") : QLocale().toString(count);
    const qreal diameter = size * 0.62;
    const QRectF badge(size - diameter, 0, diameter, diameter);
    // Red with a white ring: readable on light and dark panels alike.
    painter.setPen(QPen(Qt::white, size / 24.0));
    painter.setBrush(QColor(0xc6, 0x28, 0x28));
    painter.drawEllipse(badge);
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPixelSize(qMax(6, int(diameter * (text.size() > 2 ? 0.42 : 0.6))));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    return pixmap;
}

void TrayIcon::updateIcon()
{
    if (!m_tray)
        return;
    QIcon icon;
    const qreal ratio = qApp->devicePixelRatio();
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(badgePixmap(m_count, size, ratio));
    m_tray->setIcon(icon);
    m_tray->setToolTip(toolTip());
}

} // namespace countersign::ui
