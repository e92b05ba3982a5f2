#pragma once

class QProcess;

namespace countersign::core {

// Ties a child process to this one: the child gets SIGTERM when this process
// ends, however it ends. A crash or SIGKILL runs no destructor that could stop
// the child, and a broker left running would keep its port, its database and
// any pipe its parent's parent waits on.
class ChildProcess
{
public:
    // Call before process.start().
    static void endWithParent(QProcess &process);
};

} // namespace countersign::core
