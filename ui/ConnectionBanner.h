#pragma once

#include "net/BrokerConnection.h"

#include <QLabel>

namespace countersign::ui {

// The strip above the queue that says, in words, whether the console is
// connected — and therefore whether anything can be signed.
class ConnectionBanner : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionBanner(net::BrokerConnection *connection, QWidget *parent = nullptr);
    void refresh();
    // True when the banner shows the dark variant of its colours.
    bool usesDarkColours() const { return palette().color(QPalette::WindowText).lightness() > 128; }

protected:
    void changeEvent(QEvent *event) override;

private:
    net::BrokerConnection *m_connection;
};

} // namespace countersign::ui
