#pragma once
// Runs the work of a recorded run: a cancel marks the run interrupted (it resumes on
// the next identical request), any other error marks it failed with the message; both
// are rethrown. The work itself marks the run done.
#include <exception>
#include <string>

#include "store/store.h"
#include "util/errors.h"

namespace ps {

template <typename Work>
auto runRecorded(Store& store, int64_t runId, const std::string& onCancel, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const Cancelled&) {
    store.finishRun(runId, RunStatus::Interrupted, onCancel);
    throw;
  } catch (const std::exception& e) {
    store.finishRun(runId, RunStatus::Failed, e.what());
    throw;
  }
}

}  // namespace ps
