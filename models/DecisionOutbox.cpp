#include "models/DecisionOutbox.h"

#include "net/BrokerConnection.h"
#include "storage/OutboxStore.h"

namespace countersign::models {

namespace {
const QString kPrefix = QStringLiteral("outbox-");
}

DecisionOutbox::DecisionOutbox(storage::Database &database, net::BrokerConnection *connection, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<storage::OutboxStore>(database))
    , m_connection(connection)
{
    connect(connection, &net::BrokerConnection::stateChanged, this, [this](net::BrokerConnection::State state) {
        if (state == net::BrokerConnection::State::Live)
            flush();
    });
    connect(connection, &net::BrokerConnection::reply, this, &DecisionOutbox::onReply);
}

DecisionOutbox::~DecisionOutbox() = default;

QString DecisionOutbox::requestId(qint64 entryId)
{
    return kPrefix + QString::number(entryId);
}

std::optional<qint64> DecisionOutbox::submit(const QString &actionId, const QString &verdict, const QByteArray &jws,
                                             QString *error)
{
    const auto id = m_store->enqueue(m_connection->brokerKeyId(), actionId, verdict, QString::fromLatin1(jws), error);
    if (!id)
        return std::nullopt;
    Q_EMIT pendingCountChanged(pendingCount());
    flush();
    return id;
}

int DecisionOutbox::pendingCount() const
{
    return m_store->count();
}

void DecisionOutbox::flush()
{
    if (!m_connection->isLive())
        return;
    for (const storage::OutboxStore::Entry &entry : m_store->pending(m_connection->brokerKeyId())) {
        m_store->noteAttempt(entry.id, QString());
        m_connection->send({{QStringLiteral("type"), QStringLiteral("decide")},
                            {QStringLiteral("id"), requestId(entry.id)},
                            {QStringLiteral("jws"), entry.jws}});
    }
}

void DecisionOutbox::onReply(const QJsonObject &reply)
{
    const QString id = reply.value(QStringLiteral("id")).toString();
    if (!id.startsWith(kPrefix))
        return;
    bool ok = false;
    const qint64 entryId = id.mid(kPrefix.size()).toLongLong(&ok);
    const auto entry = ok ? m_store->find(entryId) : std::nullopt;
    if (!entry)
        return; // already settled (a duplicate answer)
    const bool accepted = reply.value(QStringLiteral("accepted")).toBool();
    const QString code = reply.value(QStringLiteral("code")).toString();
    if (!accepted && code == QStringLiteral("unavailable")) {
        // The broker could not store it this time; it stays queued for the next flush.
        m_store->noteAttempt(entryId, reply.value(QStringLiteral("message")).toString());
        return;
    }
    m_store->remove(entryId);
    Q_EMIT pendingCountChanged(pendingCount());
    Q_EMIT answered(entry->actionId, reply);
}

} // namespace countersign::models
