#pragma once
// The prunescope-cli command line: parsing and every command. app/cli_main.cpp only
// calls runCli(); tests call it in-process.
#include <iosfwd>

namespace ps {

// Returns the process exit status: 0 on success, 1 on an error (a one-line message on
// `err`), 2 on a usage error.
int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace ps
