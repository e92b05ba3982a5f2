#include "app/DemoAgent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUuid>

namespace countersign::app {

DemoAgent::DemoAgent(QUrl broker, QSslConfiguration tls, QList<Scenario> scenarios, QObject *parent)
    : QObject(parent)
    , m_broker(std::move(broker))
    , m_tls(std::move(tls))
    , m_scenarios(std::move(scenarios))
{
    connect(&m_timer, &QTimer::timeout, this, &DemoAgent::submitNext);
}

void DemoAgent::start(int intervalMs)
{
    submitNext();
    m_timer.start(intervalMs);
}

void DemoAgent::stop()
{
    m_timer.stop();
}

QNetworkRequest DemoAgent::request(const QString &path, const QString &token) const
{
    QUrl url = m_broker;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest r(url);
    r.setSslConfiguration(m_tls);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    r.setTransferTimeout(90000);
    return r;
}

void DemoAgent::submitNext()
{
    if (m_scenarios.isEmpty())
        return;
    const Scenario scenario = m_scenarios.at(m_next++ % m_scenarios.size());
    QNetworkRequest r = request(QStringLiteral("/v1/actions"), scenario.token);
    r.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    QNetworkReply *reply = m_network.post(r, scenario.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, scenario] {
        reply->deleteLater();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QString id = body.value(QStringLiteral("id")).toString();
        const QString status = body.value(QStringLiteral("status")).toString();
        ++m_submitted;
        Q_EMIT submittedAction(scenario.name, id, status);
        if (status == QStringLiteral("pending"))
            poll(id, scenario.token);
    });
}

void DemoAgent::poll(const QString &id, const QString &token)
{
    QNetworkReply *reply = m_network.get(request(QStringLiteral("/v1/actions/%1?wait=60").arg(id), token));
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, token] {
        reply->deleteLater();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QString status = body.value(QStringLiteral("status")).toString();
        if (reply->error() != QNetworkReply::NoError || status.isEmpty())
            return; // the broker went away (the demo is ending)
        if (status == QStringLiteral("pending")) {
            poll(id, token);
            return;
        }
        Q_EMIT outcome(id, status);
        if (status == QStringLiteral("approved")) {
            const QJsonObject result {
                {QStringLiteral("outcome"), QStringLiteral("executed")},
                {QStringLiteral("summary"), tr("Demo: the tool call was simulated, nothing was sent.")}};
            QNetworkReply *report = m_network.post(request(QStringLiteral("/v1/actions/%1/result").arg(id), token),
                                                   QJsonDocument(result).toJson(QJsonDocument::Compact));
            connect(report, &QNetworkReply::finished, report, &QObject::deleteLater);
        }
    });
}

} // namespace countersign::app
