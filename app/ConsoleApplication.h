#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace countersign::app {

// `countersign`: parses the command line, runs the first-run setup, the demo
// or a normal session, and the event loop.
class ConsoleApplication
{
    Q_DECLARE_TR_FUNCTIONS(countersign::app::ConsoleApplication)

public:
    static int run(int argc, char *argv[]);
};

} // namespace countersign::app
