#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

namespace countersign::app {

// The demo's agent: submits the bundled scenarios to the real broker at a
// steady pace, waits (long-poll) for each outcome, and reports a simulated
// execution for what was approved — so a newcomer sees the whole loop.
class DemoAgent : public QObject
{
    Q_OBJECT

public:
    struct Scenario
    {
        QString name;
        QByteArray body;
        QString token; // the bearer token of the agent that submits it
    };

    DemoAgent(QUrl broker, QSslConfiguration tls, QList<Scenario> scenarios, QObject *parent = nullptr);

    void start(int intervalMs);
    void stop();
    int submitted() const { return m_submitted; }

Q_SIGNALS:
    void submittedAction(const QString &name, const QString &id, const QString &status);
    void outcome(const QString &id, const QString &status);

private:
    void submitNext();
    void poll(const QString &id, const QString &token);
    QNetworkRequest request(const QString &path, const QString &token) const;

    QNetworkAccessManager m_network;
    QUrl m_broker;
    QSslConfiguration m_tls;
    QList<Scenario> m_scenarios;
    QTimer m_timer;
    int m_next = 0;
    int m_submitted = 0;
};

} // namespace countersign::app
