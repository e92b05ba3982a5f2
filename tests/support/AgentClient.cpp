#include "support/AgentClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>

namespace countersign::testing {

AgentClient::AgentClient(QUrl base, QSslConfiguration tls, QString token)
    : m_base(std::move(base))
    , m_tls(std::move(tls))
    , m_token(std::move(token))
{ }

QNetworkRequest AgentClient::request(const QString &path) const
{
    QUrl url = m_base;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(90000);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    return request;
}

AgentClient::Reply AgentClient::finish(QNetworkReply *reply, int timeoutMs)
{
    Reply out;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(timeoutMs);
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.raw = reply->readAll();
    out.body = QJsonDocument::fromJson(out.raw).object();
    out.error = reply->error();
    reply->deleteLater();
    return out;
}

AgentClient::Reply AgentClient::submit(const QByteArray &body, const QString &idempotencyKey)
{
    QNetworkRequest r = request(QStringLiteral("/v1/actions"));
    if (!idempotencyKey.isNull())
        r.setRawHeader("Idempotency-Key", idempotencyKey.toLatin1());
    return finish(m_manager.post(r, body));
}

AgentClient::Reply AgentClient::submitFile(const QString &path, const QString &idempotencyKey)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return submit(file.readAll(), idempotencyKey);
}

QNetworkReply *AgentClient::startStatus(const QString &id, int waitSeconds)
{
    return m_manager.get(request(QStringLiteral("/v1/actions/%1?wait=%2").arg(id).arg(waitSeconds)));
}

AgentClient::Reply AgentClient::status(const QString &id, int waitSeconds)
{
    return finish(startStatus(id, waitSeconds), (waitSeconds + 30) * 1000);
}

AgentClient::Reply AgentClient::report(const QString &id, const QJsonObject &result)
{
    return finish(m_manager.post(request(QStringLiteral("/v1/actions/%1/result").arg(id)),
                                 QJsonDocument(result).toJson(QJsonDocument::Compact)));
}

AgentClient::Reply AgentClient::get(const QString &path)
{
    return finish(m_manager.get(request(path)));
}

} // namespace countersign::testing
