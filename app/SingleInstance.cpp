#include "app/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace countersign::app {

namespace {

const QByteArray kRaise = QByteArrayLiteral("raise\n");
const QByteArray kRaised = QByteArrayLiteral("raised\n");

} // namespace

SingleInstance::SingleInstance(const QString &profileName, QObject *parent)
    : QObject(parent)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    // The profile name is the user's own input: hash it into a safe file name.
    const QByteArray hash = QCryptographicHash::hash(profileName.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = QDir(dir).filePath(QStringLiteral("countersign-%1.socket").arg(QString::fromLatin1(hash)));
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

bool SingleInstance::notifyRunning(int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(kRaise);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The answer proves a console (not a stale socket file) is behind the path.
    while (socket.bytesAvailable() < kRaised.size()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.read(kRaised.size()) == kRaised;
}

bool SingleInstance::listen(QString *error)
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        // A socket file left by a console that crashed: nobody answered on it.
        QLocalServer::removeServer(m_path);
        if (!m_server->listen(m_path)) {
            *error = m_server->errorString();
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        // Only a few bytes are ever expected; anything else is dropped with the socket.
        socket->setReadBufferSize(64);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() < kRaise.size())
                return;
            const bool raise = socket->read(kRaise.size()) == kRaise;
            if (raise) {
                socket->write(kRaised);
                socket->flush();
                Q_EMIT raiseRequested();
            }
            socket->disconnectFromServer();
        });
    }
}

} // namespace countersign::app
