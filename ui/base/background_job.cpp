#include "base/background_job.h"

#include "base/ui_wording.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "train/train_health.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
// A model that did not learn, said with the window's names of the settings to change:
// the scoring form's fields for a scoring, the study forms' for a study.
QString notLearnedInTheWindow(const NotLearnedError& e, const QString& kind) {
  SettingWords w;
  auto words = [](const QString& s) { return s.toStdString(); };
  const bool scoring = kind == runKindId(RunKind::Score);
  w.learningRate = words(scoring ? BackgroundJob::tr("“Learning rate” (under Training settings)")
                                 : BackgroundJob::tr("learning rate"));
  w.epochs = words(BackgroundJob::tr("“Epochs”"));
  w.batchSize = words(scoring ? BackgroundJob::tr("“Batch size” (under Training settings)")
                              : BackgroundJob::tr("the batch size (set in the Score form's Training settings)"));
  w.findLearningRate = words(BackgroundJob::tr("the Find… button beside it"));
  w.keepAnyway =
      scoring ? words(BackgroundJob::tr("untick “fail the run if the model does not learn” to keep such a run anyway"))
              : std::string();
  return QString::fromStdString(notLearnedMessage(e.health(), e.learningRate(), w));
}
}  // namespace

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
    } catch (const NotLearnedError& e) {
      running_ = false;
      emit failed(notLearnedInTheWindow(e, kind_));
    } catch (const std::exception& e) {
      running_ = false;
      emit failed(QString::fromStdString(describeError(e)));
    }
  });
}

void BackgroundJob::cancel() { token_.cancel(); }

}  // namespace ps::ui
