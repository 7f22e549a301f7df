#pragma once
// The CLI's progress line: a bar redrawn in place on a terminal, or a plain line every
// few seconds when stderr is a file or pipe.
#include <chrono>
#include <iosfwd>

#include "job/job.h"

namespace ps {

class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool quiet);
  void update(const Progress& p);
  void finish();

 private:
  std::ostream& out_;
  bool quiet_, tty_, drawn_ = false;
  std::chrono::steady_clock::time_point lastPlain_;
};

}  // namespace ps
