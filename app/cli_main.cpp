#include <iostream>

#include "cli/cli_app.h"

int main(int argc, char** argv) { return ps::runCli(argc, argv, std::cout, std::cerr); }
