#include "scoring_job.h"

#include <QMetaObject>

#include "data/dataset.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

ScoringJob::ScoringJob(std::shared_ptr<const Dataset> dataset, ScoreConfig config, QString storePath, QObject* parent)
    : QObject(parent), dataset_(std::move(dataset)), config_(std::move(config)), storePath_(std::move(storePath)) {}

ScoringJob::~ScoringJob() {
  token_.cancel();
  if (thread_.joinable()) thread_.join();
}

QString ScoringJob::summary() const {
  QStringList names;
  for (const auto& s : config_.scores) names << QString::fromStdString(s);
  return tr("%1 · %2 · epochs: %3 · seeds: %4")
      .arg(names.join(QStringLiteral(", ")), QString::fromStdString(config_.train.model))
      .arg(config_.train.epochs)
      .arg(config_.seeds);
}

void ScoringJob::start() {
  if (running_) return;
  if (thread_.joinable()) thread_.join();
  token_.reset();
  running_ = true;
  thread_ = std::thread([this] {
    // Signals are emitted from this thread; Qt queues them to the receivers' thread.
    JobContext ctx(&token_, [this](const Progress& p) {
      emit progress(p.fraction, QString::fromStdString(p.message), p.etaSeconds);
    });
    try {
      Store store(storePath_.toStdString());
      const ScoreRun run = scoreDataset(*dataset_, store, config_, ctx);
      running_ = false;
      emit finished(run.runId, run.fromCache);
    } catch (const Cancelled&) {
      running_ = false;
      emit cancelled();
    } catch (const std::exception& e) {
      running_ = false;
      emit failed(QString::fromStdString(e.what()));
    }
  });
}

void ScoringJob::cancel() { token_.cancel(); }

}  // namespace ps::ui
