#include "jobs/job_estimate.h"

#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QTabWidget>
#include <QtConcurrent>

#include "base/ui_wording.h"
#include "data/dataset.h"
#include "job/job.h"
#include "study/work_estimate.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
constexpr qint64 kRemeasureMs = qint64(5) * 60 * 1000;
}  // namespace

JobEstimate::JobEstimate(std::function<std::optional<FormWork>()> current, QWidget* parent)
    : QLabel(parent), current_(std::move(current)) {
  probePool_.setMaxThreadCount(1);
  connect(&probe_, &QFutureWatcher<Rate>::finished, this, [this] { measured(probe_.result()); });
  setWordWrap(true);
  setObjectName(QStringLiteral("jobEstimate"));
  connect(&poll_, &QTimer::timeout, this, &JobEstimate::refresh);
  poll_.start(1000);
}

void JobEstimate::measured(const Rate& r) {
  measuring_.clear();
  if (r.error.isEmpty())
    rates_[r.key] = {r.rates, QDateTime::currentMSecsSinceEpoch()};
  else
    failed_[r.key] = r.error;  // said, and not measured again every second
  refresh();
}

void JobEstimate::watch(QWidget* form) {
  auto again = [this] { refresh(); };
  for (auto* w : form->findChildren<QAbstractSpinBox*>()) connect(w, &QAbstractSpinBox::editingFinished, this, again);
  for (auto* w : form->findChildren<QSpinBox*>()) connect(w, qOverload<int>(&QSpinBox::valueChanged), this, again);
  for (auto* w : form->findChildren<QComboBox*>())
    connect(w, qOverload<int>(&QComboBox::currentIndexChanged), this, again);
  for (auto* w : form->findChildren<QLineEdit*>()) connect(w, &QLineEdit::textChanged, this, again);
  for (auto* w : form->findChildren<QListWidget*>()) connect(w, &QListWidget::itemChanged, this, again);
  for (auto* w : form->findChildren<QTabWidget*>()) connect(w, &QTabWidget::currentChanged, this, again);
}

void JobEstimate::setDataset(std::shared_ptr<const Dataset> dataset) {
  dataset_ = std::move(dataset);
  refresh();
}

std::string JobEstimate::keyOf(const FormWork& w) const {
  const TrainConfig& t = w.train;
  return t.model + "|" + dataset_->spec() + "|" + dataset_->shape().str() + "|" +
         std::to_string(dataset_->numClasses()) + "|" + std::to_string(t.batchSize) + "|" + std::to_string(t.augment) +
         "|" + std::to_string(t.threads) + "|" + t.device.str() + "|" + std::to_string(w.work.together);
}

void JobEstimate::refresh() {
  seconds_ = -1;
  const std::optional<FormWork> w = dataset_ && isVisible() ? current_() : std::nullopt;
  if (!w || w->work.empty()) {
    clear();
    return;
  }
  const std::string key = keyOf(*w);
  if (const auto failed = failed_.find(key); failed != failed_.end()) {
    setText(tr("No time estimate: %1").arg(failed->second));
    setStyleSheet(QString());
    return;
  }
  const auto rate = rates_.find(key);
  const bool known = rate != rates_.end() && rate->second.rates.valid();
  const bool stale = known && QDateTime::currentMSecsSinceEpoch() - rate->second.at > kRemeasureMs;
  if (!known || stale) {
    if (measuring_ != key) {  // a few steps of the training loop on the dataset, off the GUI thread
      measuring_ = key;
      auto ds = dataset_;
      probe_.setFuture(QtConcurrent::run(&probePool_, [ds, key, f = *w]() {
        Rate r;
        r.key = key;
        try {
          r.rates = measureTrainingRates(*ds, f.train, 4, f.work.together);  // with seeds trained together
        } catch (const std::exception& e) {
          r.error = QString::fromStdString(describeError(e));
        }
        return r;
      }));
    }
    if (!known) {
      setText(tr("Estimating the time this job takes…"));
      setStyleSheet(QString());
      return;
    }
  }
  const TrainingRates& rates = rate->second.rates;
  seconds_ = estimateSeconds(w->work, rates);
  const QString how = tr("training measured at %1 images/s").arg(QString::number(rates.trainPerSecond, 'f', 0));
  const QString time = durationWord(seconds_);
  if (seconds_ > 600) {
    setText(tr("<b>A long job: about %1</b> (%2). It can be cancelled and resumed.").arg(time, how));
    setStyleSheet(QStringLiteral("color: #a05000;"));
  } else {
    setText(tr("About %1 (%2).").arg(time, how));
    setStyleSheet(QStringLiteral("color: palette(mid);"));
  }
}

}  // namespace ps::ui
