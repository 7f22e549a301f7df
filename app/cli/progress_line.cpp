#include "cli/progress_line.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace ps {

ProgressLine::ProgressLine(std::ostream& out, bool quiet)
    : out_(out), quiet_(quiet), tty_(&out == &std::cerr && isatty(STDERR_FILENO)) {}

void ProgressLine::update(const Progress& p) {
  if (quiet_) return;
  const int width = 24;
  const int filled = static_cast<int>(std::lround(p.fraction * width));
  char pct[16];
  std::snprintf(pct, sizeof pct, "%5.1f%%", 100.0 * p.fraction);
  const std::string eta = p.etaSeconds >= 0 ? formatDuration(p.etaSeconds) + " left" : "";
  if (tty_) {
    out_ << "\r[" << std::string(static_cast<size_t>(filled), '#')
         << std::string(static_cast<size_t>(width - filled), '.') << "] " << pct << "  " << p.message << "  "
         << formatDuration(p.elapsedSeconds) << " elapsed  " << eta << "\033[K" << std::flush;
    drawn_ = true;
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - lastPlain_ < std::chrono::seconds(5) && p.fraction < 1.0) return;
  lastPlain_ = now;
  out_ << "progress " << pct << "  " << p.message << "  " << formatDuration(p.elapsedSeconds) << " elapsed  " << eta
       << "\n";
}

void ProgressLine::log(const std::string& line) {
  if (drawn_)
    out_ << "\r" << line << "\033[K\n" << std::flush;
  else
    out_ << line << "\n" << std::flush;
  drawn_ = false;
}

void ProgressLine::finish() {
  if (drawn_) out_ << "\n";
  drawn_ = false;
}

}  // namespace ps
