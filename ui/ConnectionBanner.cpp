#include "ui/ConnectionBanner.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>

namespace countersign::ui {

ConnectionBanner::ConnectionBanner(net::BrokerConnection *connection, QWidget *parent)
    : QLabel(parent)
    , m_connection(connection)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setMargin(6);
    setObjectName(QStringLiteral("connectionBanner"));
    setAccessibleName(tr("Connection state"));
    connect(connection, &net::BrokerConnection::stateChanged, this, &ConnectionBanner::refresh);
    // The retry countdown in the text changes every second.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, &ConnectionBanner::refresh);
    tick->start(1000);
    refresh();
}

void ConnectionBanner::refresh()
{
    const bool live = m_connection->isLive();
    QString text = m_connection->stateText();
    if (!live)
        text += tr(" — nothing can be signed until the console is connected.");
    setText(text);
    setAccessibleDescription(text);
    // Green or red in the shade of the desktop's palette: light tints under a
    // light theme, deep ones under a dark theme, the text readable on both.
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QPalette p = palette();
    if (dark) {
        p.setColor(QPalette::Window, live ? QColor(0x1f, 0x4a, 0x2a) : QColor(0x5c, 0x1f, 0x1f));
        p.setColor(QPalette::WindowText, QColor(0xf2, 0xf2, 0xf2));
    } else {
        p.setColor(QPalette::Window, live ? QColor(0xd9, 0xf2, 0xd9) : QColor(0xf8, 0xd7, 0xd7));
        p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    }
    setAutoFillBackground(true);
    setPalette(p);
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    // The desktop switched between light and dark, or the language changed.
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

} // namespace countersign::ui
