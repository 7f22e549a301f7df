#include "background_job.h"

#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

BackgroundJob::BackgroundJob(QString kind, QString title, QString storePath, Work work, QObject* parent)
    : QObject(parent),
      kind_(std::move(kind)),
      title_(std::move(title)),
      storePath_(std::move(storePath)),
      work_(std::move(work)) {}

BackgroundJob::~BackgroundJob() { stop(); }

void BackgroundJob::stop() {
  token_.cancel();
  if (thread_.joinable()) thread_.join();
}

void BackgroundJob::start() {
  if (running_) return;
  if (thread_.joinable()) thread_.join();
  token_.reset();
  running_ = true;
  thread_ = std::thread([this] {
    // Signals are emitted from this thread; Qt queues them to the receivers' thread.
    JobContext ctx(&token_, [this](const Progress& p) {
      emit progress(p.fraction, QString::fromStdString(p.message), p.etaSeconds);
    });
    ctx.setLog([this](const std::string& line) { emit logged(QString::fromStdString(line)); });
    try {
      Store store(storePath_.toStdString());
      const JobOutcome outcome = work_(store, ctx);
      running_ = false;
      emit finished(outcome.runId, outcome.fromCache);
    } catch (const Cancelled&) {
      running_ = false;
      emit cancelled();
    } catch (const std::exception& e) {
      running_ = false;
      emit failed(QString::fromStdString(describeError(e)));
    }
  });
}

void BackgroundJob::cancel() { token_.cancel(); }

}  // namespace ps::ui
