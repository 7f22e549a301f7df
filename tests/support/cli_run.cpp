#include "support/cli_run.h"

#include <sstream>

#include "cli/cli_app.h"

namespace pstest {

CliResult cli(std::vector<std::string> args) {
  args.insert(args.begin(), "prunescope-cli");
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = ps::runCli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace pstest
