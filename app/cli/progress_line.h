#pragma once
// The CLI's progress line: a bar redrawn in place on a terminal, or a plain line every
// few seconds when stderr is a file or pipe.
#include <chrono>
#include <iosfwd>
#include <string>

#include "job/job.h"

namespace ps {

class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool quiet);
  void update(const Progress& p);
  // A line to keep (an epoch's health, a finished point): printed above the bar, even
  // when quiet.
  void log(const std::string& line);
  void finish();

 private:
  std::ostream& out_;
  bool quiet_, tty_, drawn_ = false;
  std::chrono::steady_clock::time_point lastPlain_;
};

// Runs `fn(ctx)` with a job context that draws its progress and log on `err`.
template <typename Fn>
int withJob(bool quiet, std::ostream& err, Fn&& fn) {
  ProgressLine line(err, quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  ctx.setLog([&](const std::string& l) { line.log(l); });
  const int rc = fn(ctx);
  line.finish();
  return rc;
}

}  // namespace ps
