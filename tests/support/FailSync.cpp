// An LD_PRELOAD shim for tests: fdatasync() and fsync() fail with EIO while
// the file named by COUNTERSIGN_TEST_FAIL_SYNC exists, as a failing disk
// makes them fail. Every other call goes to the C library.
#include <cerrno>
#include <cstdlib>
#include <dlfcn.h>
#include <sys/stat.h>

namespace {

bool failing()
{
    const char *path = std::getenv("COUNTERSIGN_TEST_FAIL_SYNC");
    struct stat info;
    return path && ::stat(path, &info) == 0;
}

using SyncFunction = int (*)(int);

SyncFunction next(const char *name)
{
    return reinterpret_cast<SyncFunction>(::dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" int fdatasync(int fd)
{
    static const SyncFunction real = next("fdatasync");
    if (failing()) {
        errno = EIO;
        return -1;
    }
    return real(fd);
}

extern "C" int fsync(int fd)
{
    static const SyncFunction real = next("fsync");
    if (failing()) {
        errno = EIO;
        return -1;
    }
    return real(fd);
}
