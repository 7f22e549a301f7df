#include "views/study_run_view.h"

#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "charts/chart_view.h"

namespace ps::ui {

StudyRunView::StudyRunView(std::string kind, QString empty, Reader reader, QWidget* parent)
    : QWidget(parent),
      kind_(std::move(kind)),
      empty_(std::move(empty)),
      reader_(std::move(reader)),
      loadTask_(this, [this](StudyLoad l) { loaded(l); }) {
  runs_ = new QComboBox(this);
  info_ = new QLabel(empty_, this);
  info_->setWordWrap(true);
  view_ = new ChartView(this);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Study"), this));
  top->addWidget(runs_, 1);
  export_ = makeExportButton(
      this, view_, [this](const std::string& path) { exportCsv(path); },
      [this](const QString& reason) { emit exportFailed(reason); });
  export_->setEnabled(false);
  top->addWidget(export_);
  top_ = top;
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(info_);
  layout->addWidget(view_, 1);
  connect(runs_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
    if (i >= 0 && static_cast<size_t>(i) < records_.size()) showRun(records_[static_cast<size_t>(i)].id);
  });
}

void StudyRunView::setRuns(const std::vector<RunRecord>& runs, const QString& storePath, qint64 select) {
  if (select == 0 && storePath == storePath_) select = shownRun();  // keep showing the same study
  storePath_ = storePath;
  records_.clear();
  for (const auto& r : runs)
    if (r.kind == kind_ && r.status == RunStatus::Done) records_.push_back(r);
  const QSignalBlocker block(runs_);
  runs_->clear();
  int current = records_.empty() ? -1 : 0;
  for (size_t i = 0; i < records_.size(); ++i) {
    runs_->addItem(runLabel(records_[i]));
    if (records_[i].id == select) current = static_cast<int>(i);
  }
  runs_->setCurrentIndex(current);
  if (current >= 0) {
    showRun(records_[static_cast<size_t>(current)].id);
  } else {
    clear();
    draw();
  }
}

void StudyRunView::showRun(qint64 runId) {
  for (size_t i = 0; i < records_.size(); ++i)
    if (records_[i].id == runId && runs_->currentIndex() != static_cast<int>(i)) {
      const QSignalBlocker block(runs_);
      runs_->setCurrentIndex(static_cast<int>(i));
    }
  loadTask_.run([path = storePath_.toStdString(), runId, reader = reader_] {
    StudyLoad l;
    l.runId = runId;
    try {
      Store store(path);  // this worker's own connection
      l.study = reader(store, runId);
      const RunRecord run = store.run(runId);
      l.config = run.config;
      for (const auto& d : store.datasets())
        if (d.id == run.datasetId) l.fingerprint = d.fingerprint;
    } catch (const std::exception& e) {
      l.error = QString::fromStdString(e.what());
    }
    return l;
  });
}

void StudyRunView::loaded(const StudyLoad& l) {
  if (!l.error.isEmpty()) {
    clear();
    emit loadFailed(l.error);
  } else {
    adopt(l.study);
    configJson_ = l.config;
    fingerprint_ = l.fingerprint;
  }
  draw();
  emit runShown(l.error.isEmpty() ? l.runId : 0);
}

void StudyRunView::exportCsv(const std::string& path) const {
  writeCsv(path);
  writeJson(path + ".json");
}

void StudyRunView::addControl(QWidget* control) { top_->insertWidget(top_->count() - 1, control); }

void StudyRunView::draw() {
  QString text;
  QChart* chart = makeChart(&text);
  view_->showChart(chart ? chart : new QChart);
  info_->setText(chart ? text + QLatin1Char('\n') + ChartView::navigationHint() : empty_);
  export_->setEnabled(chart != nullptr);
}

}  // namespace ps::ui
