#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

namespace countersign::testing {

// An agent talking HTTPS to a real broker, as an agent framework would.
class AgentClient
{
public:
    struct Reply
    {
        int status = 0;
        QJsonObject body;
        QByteArray raw;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    AgentClient(QUrl base, QSslConfiguration tls, QString token);

    Reply submit(const QByteArray &body, const QString &idempotencyKey);
    Reply submitFile(const QString &path, const QString &idempotencyKey);
    Reply status(const QString &id, int waitSeconds = 0);
    // Starts a long-poll and returns the reply to wait on (owned by the caller).
    QNetworkReply *startStatus(const QString &id, int waitSeconds);
    Reply report(const QString &id, const QJsonObject &result);
    Reply get(const QString &path);
    void setToken(const QString &token) { m_token = token; }

    static Reply finish(QNetworkReply *reply, int timeoutMs = 30000);

private:
    QNetworkRequest request(const QString &path) const;

    QNetworkAccessManager m_manager;
    QUrl m_base;
    QSslConfiguration m_tls;
    QString m_token;
};

} // namespace countersign::testing
