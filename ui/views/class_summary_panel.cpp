#include "views/class_summary_panel.h"

#include <QAbstractTableModel>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

#include "base/score_catalog.h"
#include "charts/chart_view.h"

namespace ps::ui {

namespace {
constexpr int kSortRole = Qt::UserRole + 1;    // the number a column sorts by
constexpr int kSearchRole = Qt::UserRole + 2;  // "17 n01440764 tench": what the search matches
}  // namespace

// The rows as a table, read in place (a thousand rows of items took tens of ms to build).
class ClassSummaryModel : public QAbstractTableModel {
 public:
  using QAbstractTableModel::QAbstractTableModel;
  void set(std::vector<ClassSummaryRow> rows, const std::vector<std::string>* names) {
    beginResetModel();
    rows_ = std::move(rows);
    names_ = names;
    endResetModel();
  }
  int rowCount(const QModelIndex& parent = {}) const override {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
  }
  int columnCount(const QModelIndex& parent = {}) const override {
    return parent.isValid() ? 0 : ClassSummaryPanel::kColumns;
  }
  QVariant headerData(int section, Qt::Orientation o, int role) const override {
    if (o == Qt::Horizontal && role == Qt::ToolTipRole && section == ClassSummaryPanel::RemovedColumn)
      return ClassSummaryPanel::tr("The share of the class's examples the pruning above removes (how many)");
    if (o == Qt::Horizontal && role == Qt::ToolTipRole && section >= ClassSummaryPanel::MedianColumn)
      return ClassSummaryPanel::tr("Difficulty of the class's examples (higher = harder)");
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    const QStringList titles = {ClassSummaryPanel::tr("Id"),      ClassSummaryPanel::tr("Class"),
                                ClassSummaryPanel::tr("Removed"), ClassSummaryPanel::tr("Examples"),
                                ClassSummaryPanel::tr("Median"),  ClassSummaryPanel::tr("90th percentile")};
    return section >= 0 && section < titles.size() ? titles[section] : QVariant();
  }
  QVariant data(const QModelIndex& index, int role) const override {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const ClassSummaryRow& r = rows_[static_cast<size_t>(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole && column != ClassSummaryPanel::NameColumn)
      return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == kSearchRole) return QStringLiteral("%1 %2").arg(r.label).arg(name(r.label));
    if (role == kSortRole) return sortValue(r, column);
    if (role != Qt::DisplayRole) return {};
    switch (column) {
      case ClassSummaryPanel::ClassColumn: return r.label;
      case ClassSummaryPanel::NameColumn: return name(r.label);
      case ClassSummaryPanel::CountColumn: return static_cast<qlonglong>(r.count);
      case ClassSummaryPanel::MedianColumn: return QString::number(r.median, 'g', 4);
      case ClassSummaryPanel::P90Column: return QString::number(r.p90, 'g', 4);
      default: return ClassSummaryPanel::tr("%1 % (%2)").arg(r.removedShare * 100, 0, 'f', 1).arg(r.removed);
    }
  }

 private:
  QString name(int label) const {
    const auto at = static_cast<size_t>(label);
    return names_ && at < names_->size() ? QString::fromStdString((*names_)[at]) : QString();
  }
  QVariant sortValue(const ClassSummaryRow& r, int column) const {
    auto number = [](double v) { return QVariant(std::isnan(v) ? -1e300 : v); };
    switch (column) {
      case ClassSummaryPanel::ClassColumn: return r.label;
      case ClassSummaryPanel::NameColumn: return name(r.label);
      case ClassSummaryPanel::CountColumn: return static_cast<qlonglong>(r.count);
      case ClassSummaryPanel::MedianColumn: return number(r.median);
      case ClassSummaryPanel::P90Column: return number(r.p90);
      default: return r.removedShare;
    }
  }
  std::vector<ClassSummaryRow> rows_;
  const std::vector<std::string>* names_ = nullptr;
};

ClassSummaryPanel::ClassSummaryPanel(QWidget* parent)
    : QWidget(parent), task_(this, [this](ClassSummaryOutcome o) { show(std::move(o)); }) {
  search_ = new QLineEdit(this);
  search_->setPlaceholderText(tr("Find a class (name or id)"));
  search_->setClearButtonEnabled(true);
  policy_ = new QComboBox(this);
  policy_->addItem(tr("keep hardest"), QString::fromLatin1(PrunePolicy::KeepHard.name()));
  policy_->addItem(tr("keep easiest"), QString::fromLatin1(PrunePolicy::KeepEasy.name()));
  keep_ = new QDoubleSpinBox(this);
  keep_->setRange(0.01, 1.0);
  keep_->setSingleStep(0.05);
  keep_->setDecimals(2);
  keep_->setValue(0.7);
  keep_->setPrefix(QStringLiteral("f = "));
  keep_->setToolTip(
      tr("Kept fraction of the whole training set: the table gives each class's share this pruning "
         "removes (pruned over all classes at once, not class-balanced)"));
  info_ = new QLabel(this);
  info_->setWordWrap(true);
  model_ = new ClassSummaryModel(this);
  proxy_ = new QSortFilterProxyModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(kSortRole);
  proxy_->setFilterRole(kSearchRole);
  proxy_->setFilterKeyColumn(ClassColumn);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  makeTable();
  chart_ = new ChartView(this);
  auto* top = new QHBoxLayout;
  top->addWidget(search_, 1);
  top->addWidget(new QLabel(tr("Pruning"), this));
  top->addWidget(policy_);
  top->addWidget(keep_);
  auto* upper = new QWidget(this);
  auto* upperLayout = new QVBoxLayout(upper);
  upperLayout->setContentsMargins(0, 0, 0, 0);
  upperLayout->addLayout(top);
  upperLayout->addWidget(info_);
  upperLayout->addWidget(table_, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(upper);
  split->addWidget(chart_);
  split->setSizes({400, 300});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);
  connect(search_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
  connect(policy_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ClassSummaryPanel::recompute);
  connect(keep_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ClassSummaryPanel::recompute);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
    const int label = classAtRow(i.row());
    if (label >= 0) emit classChosen(label);
  });
}

void ClassSummaryPanel::makeTable() {
  table_ = new QTableView(this);
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().lineSpacing() + 6);
  // Widths from the header's texts, not the contents: ResizeToContents measures every row
  // again at every change, a stall with a thousand rows.
  for (int c = 0; c < kColumns; ++c)
    table_->setColumnWidth(
        c, table_->fontMetrics().horizontalAdvance(model_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()) +
               24);
  table_->setColumnWidth(NameColumn, 180);
  table_->setColumnWidth(RemovedColumn,
                         table_->fontMetrics().horizontalAdvance(QStringLiteral("100.0 % (10000)")) + 16);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->sortByColumn(RemovedColumn, Qt::DescendingOrder);
}

void ClassSummaryPanel::setScore(std::shared_ptr<const ScoreCatalog> catalog, size_t entry,
                                 std::vector<std::string> classNames) {
  catalog_ = std::move(catalog);
  entry_ = entry;
  names_ = std::move(classNames);
  recompute();
}

void ClassSummaryPanel::clear() {
  catalog_.reset();
  recompute();
}

void ClassSummaryPanel::recompute() {
  if (!catalog_ || entry_ >= catalog_->entries.size() || names_.empty()) {
    task_.run([] { return ClassSummaryOutcome{}; });  // after any summary still running
    return;
  }
  PruneSpec spec;
  spec.policy = parsePrunePolicy(policy_->currentData().toString().toStdString());
  spec.keep = keep_->value();
  info_->setText(tr("Computing…"));
  task_.run([catalog = catalog_, entry = entry_, classes = static_cast<int>(names_.size()), spec] {
    ClassSummaryOutcome out;
    try {
      out.rows = classSummary(catalog->difficulty(entry), catalog->labels(entry), classes, spec);
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
}

void ClassSummaryPanel::show(ClassSummaryOutcome outcome) {
  rows_ = std::move(outcome.rows);
  fillTable();
  QString text = outcome.error;
  if (text.isEmpty() && !rows_.empty())
    text = tr("%1 classes, the most affected first (largest share removed, then highest median). Click a class to "
              "draw its distribution below; sort by any column.")
               .arg(rows_.size());
  info_->setText(text);
  emit summaryShown();
}

void ClassSummaryPanel::fillTable() {
  const int shown = classAtRow(table_->currentIndex().row());
  std::vector<ClassSummaryRow> ordered;  // the most affected first: ties keep this order when sorted
  ordered.reserve(rows_.size());
  for (int label : mostAffectedFirst(rows_)) ordered.push_back(rows_[static_cast<size_t>(label)]);
  model_->set(std::move(ordered), &names_);
  // The class drawn stays drawn; the first time, the most affected class.
  int row = 0;
  for (int r = 0; shown >= 0 && r < proxy_->rowCount(); ++r)
    if (classAtRow(r) == shown) row = r;
  if (proxy_->rowCount() > 0) table_->setCurrentIndex(proxy_->index(row, NameColumn));
}

int ClassSummaryPanel::classAtRow(int row) const {
  if (row < 0 || row >= proxy_->rowCount()) return -1;
  return proxy_->index(row, ClassColumn).data(Qt::DisplayRole).toInt();
}

}  // namespace ps::ui
