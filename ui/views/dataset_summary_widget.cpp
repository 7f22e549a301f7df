#include "views/dataset_summary_widget.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "views/class_count_model.h"

namespace ps::ui {

DatasetSummaryWidget::DatasetSummaryWidget(QWidget* parent) : QWidget(parent) {
  title_ = new QLabel(this);
  QFont f = title_->font();
  f.setPointSizeF(f.pointSizeF() * 1.4);
  f.setBold(true);
  title_->setFont(f);
  details_ = new QLabel(this);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  model_ = new ClassCountModel(this);
  table_ = new QTableView(this);
  table_->setModel(model_);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(ClassCountModel::Name, QHeaderView::Stretch);
  table_->setAlternatingRowColors(true);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  skippedBox_ = new QGroupBox(this);
  skipped_ = new QListWidget(skippedBox_);
  auto* sl = new QVBoxLayout(skippedBox_);
  sl->addWidget(skipped_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title_);
  layout->addWidget(details_);
  layout->addWidget(table_, 3);
  layout->addWidget(skippedBox_, 1);
  clear(tr("No dataset open. Use File ▸ Open Fashion-MNIST, or open a folder or CSV manifest."));
}

void DatasetSummaryWidget::clear(const QString& message) {
  title_->setText(tr("No dataset"));
  details_->setText(message);
  model_->setSummary({});
  skippedBox_->hide();
}

void DatasetSummaryWidget::setSummary(const DatasetSummary& s) {
  title_->setText(QString::fromStdString(s.spec));
  details_->setText(tr("Format: %1    Train: %2    Test: %3    Image: %4 × %5 × %6 (H × W × C)    "
                       "Classes: %7    Fingerprint: %8")
                        .arg(QString::fromStdString(s.format))
                        .arg(s.train)
                        .arg(s.test)
                        .arg(s.shape.height)
                        .arg(s.shape.width)
                        .arg(s.shape.channels)
                        .arg(s.classes.size())
                        .arg(QString::fromStdString(s.fingerprint)));
  model_->setSummary(s);
  skipped_->clear();
  for (const SkippedFile& k : s.skipped)
    skipped_->addItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(k.path), QString::fromStdString(k.reason)));
  skippedBox_->setTitle(tr("Skipped files: %1").arg(s.skipped.size()));
  skippedBox_->setVisible(!s.skipped.empty());
}

}  // namespace ps::ui
