#pragma once

#include "app/DemoAgent.h"

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace countersign::app {

// `countersign --demo`: a real countersignd in a temporary directory on
// 127.0.0.1, a demo approver key enrolled with every approving role, agent
// tokens, and the demo agent. Everything it starts it stops on exit.
class DemoBroker : public QObject
{
    Q_OBJECT

public:
    explicit DemoBroker(QObject *parent = nullptr);
    ~DemoBroker() override;

    // Blocks until the broker listens (a few hundred milliseconds).
    bool start(QString *error);
    void stop();

    QString consoleDataDirectory() const; // where the demo approver key lives
    QString passphrase() const { return QStringLiteral("demo"); }
    QUrl consoleUrl() const;
    QString certificateFingerprint() const { return m_fingerprint; }
    DemoAgent *agent() const { return m_agent.get(); }

    // countersignd next to countersign, else on PATH; tests name the one they built.
    static QString brokerProgram();
    static void setBrokerProgram(const QString &path);
    QString directory() const { return m_dir.path(); }
    bool isRunning() const;

private:
    bool run(const QStringList &arguments, QByteArray *out, QString *error) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_broker;
    std::unique_ptr<DemoAgent> m_agent;
    quint16 m_port = 0;
    QString m_fingerprint;
};

} // namespace countersign::app
