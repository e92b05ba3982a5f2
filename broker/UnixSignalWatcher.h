#pragma once

#include <QObject>

class QSocketNotifier;

namespace countersign::broker {

// Turns SIGHUP, SIGTERM and SIGINT into Qt signals (self-pipe trick), so the
// daemon reloads its policy or shuts down cleanly from its event loop.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void reloadRequested();
    void terminateRequested();

private:
    static void handler(int signal);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace countersign::broker
