#include "ui/ConnectionBanner.h"

#include <QTimer>

namespace countersign::ui {

ConnectionBanner::ConnectionBanner(net::BrokerConnection *connection, QWidget *parent)
    : QLabel(parent)
    , m_connection(connection)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setMargin(6);
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
    QPalette p = palette();
    p.setColor(QPalette::Window, live ? QColor(0xd9, 0xf2, 0xd9) : QColor(0xf8, 0xd7, 0xd7));
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setAutoFillBackground(true);
    setPalette(p);
}

} // namespace countersign::ui
