#pragma once

#include <QObject>

class QSocketNotifier;

namespace countersign::core {

// Turns SIGHUP, SIGTERM and SIGINT into Qt signals (self-pipe trick), so a
// program shuts down from its event loop, running its destructors (the broker
// also reloads its policy on SIGHUP; the console wipes its keys and stops its
// demo broker).
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

} // namespace countersign::core
