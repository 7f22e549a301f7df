#pragma once
// prunescope-cli run in-process, as the tests call it: its exit code and both streams.
#include <string>
#include <vector>

namespace pstest {

struct CliResult {
  int code;
  std::string out, err;
};
// `args` without the program name.
CliResult cli(std::vector<std::string> args);

}  // namespace pstest
