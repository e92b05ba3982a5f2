#include "app/ConsoleApplication.h"

int main(int argc, char *argv[])
{
    return countersign::app::ConsoleApplication::run(argc, argv);
}
