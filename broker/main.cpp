#include "broker/BrokerCommandLine.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char *argv[])
{
    // journald reads a <N> priority prefix on each line of a service's stderr.
    qSetMessagePattern(qEnvironmentVariableIsSet("JOURNAL_STREAM")
                           ? QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                                            "%{if-critical}<3>%{endif}%{if-fatal}<2>%{endif}%{category}: %{message}")
                           : QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzzt} %{type} %{category}: %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("countersignd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
    QFile out, err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    return countersign::broker::BrokerCommandLine(&out, &err).run(QCoreApplication::arguments());
}
