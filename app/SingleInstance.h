#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace countersign::app {

// One console per user and profile. The first `countersign` listens on a local
// socket in the user's runtime directory (XDG_RUNTIME_DIR, mode 0700, so no
// other user can reach it); a second one finds it, asks it to raise its
// window, and exits. Nothing but the word "raise" crosses the socket: a second
// launch cannot pass options or data to the running console.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &profileName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when another instance answered and was asked to raise its window.
    bool notifyRunning(int timeoutMs = 2000);
    // Listens for later launches; false (with *error) if the socket cannot be made.
    bool listen(QString *error);
    QString socketPath() const { return m_path; }

Q_SIGNALS:
    void raiseRequested();

private:
    void onNewConnection();

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace countersign::app
