// The architecture's rules, checked on the source tree so a break is caught when it is
// written: core folders depend only on the folders before them (no include cycles), core
// never includes Qt, core headers keep torch/torch.h out, and the UI neither trains nor
// writes SQL itself.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

// The core folders in dependency order: each may include only the folders before it.
const QStringList kCoreOrder = {"util",  "job",   "data",  "store",  "model",  "train",
                                "prune", "score", "study", "theory", "report", "cluster"};

struct Include {
  QString file;
  int line;
  QString target;
};

// Every #include "..." and #include <...> of the sources under `dir` (relative to the
// source tree), with the file and line it is on.
std::vector<Include> includes(const QString& dir, bool quoted) {
  std::vector<Include> out;
  const QString root = QStringLiteral(PRUNESCOPE_SOURCE_DIR "/") + dir;
  const QRegularExpression re(quoted ? QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\"")
                                     : QStringLiteral("^\\s*#\\s*include\\s+<([^>]+)>"));
  QDirIterator it(root, {"*.h", "*.cpp", "*.h.in"}, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) continue;
    int n = 0;
    while (!f.atEnd()) {
      const QString line = QString::fromUtf8(f.readLine());
      ++n;
      const auto m = re.match(line);
      if (m.hasMatch()) out.push_back({path.mid(QStringLiteral(PRUNESCOPE_SOURCE_DIR "/").size()), n, m.captured(1)});
    }
  }
  return out;
}

}  // namespace

class TestArchitecture : public QObject {
  Q_OBJECT
 private slots:
  void coreFoldersUseOnlyEarlierFolders();
  void coreHasNoQt();
  void coreHeadersKeepTorchOut();
  void uiNeitherTrainsNorWritesSql();
};

void TestArchitecture::coreFoldersUseOnlyEarlierFolders() {
  QStringList broken;
  int checked = 0;
  for (int k = 0; k < kCoreOrder.size(); ++k) {
    const QString folder = kCoreOrder[k];
    for (const Include& inc : includes("core/" + folder, true)) {
      const QString target = inc.target.section('/', 0, 0);
      const int at = kCoreOrder.indexOf(target);
      if (at < 0 || !inc.target.contains('/')) continue;  // not a core folder
      ++checked;
      if (at > k)
        broken << QString("%1:%2 includes %3, but %4/ may use only %5")
                      .arg(inc.file)
                      .arg(inc.line)
                      .arg(inc.target, folder, kCoreOrder.mid(0, k).join(", "));
    }
  }
  QVERIFY(checked > 100);
  QVERIFY2(broken.isEmpty(), qPrintable(broken.join("\n")));
  // Every folder of core is in the order (a new one must be placed in it).
  for (const QString& d :
       QDir(QStringLiteral(PRUNESCOPE_SOURCE_DIR "/core")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    QVERIFY2(kCoreOrder.contains(d), qPrintable("core/" + d + " is not in the dependency order"));
}

void TestArchitecture::coreHasNoQt() {
  QStringList broken;
  for (const Include& inc : includes("core", false))
    if (inc.target.startsWith('Q') || inc.target.startsWith("qt"))
      broken << inc.file + ":" + QString::number(inc.line) + " includes <" + inc.target + ">";
  QVERIFY2(broken.isEmpty(), qPrintable(broken.join("\n")));
}

void TestArchitecture::coreHeadersKeepTorchOut() {
  QStringList broken;
  for (const Include& inc : includes("core", false))
    if (inc.file.endsWith(".h") && (inc.target == "torch/torch.h" || inc.target == "torch/script.h"))
      broken << inc.file + ":" + QString::number(inc.line) + " includes <" + inc.target + "> (about 20 s per file)";
  QVERIFY2(broken.isEmpty(), qPrintable(broken.join("\n")));
}

void TestArchitecture::uiNeitherTrainsNorWritesSql() {
  QStringList broken;
  for (const Include& inc : includes("ui", true))
    if (inc.target == "store/sqlite_db.h" || inc.target == "train/trainer.h" || inc.target == "train/batch_source.h")
      broken << inc.file + ":" + QString::number(inc.line) + " includes " + inc.target;
  for (const Include& inc : includes("ui", false))
    if (inc.target == "sqlite3.h" || inc.target.startsWith("torch/"))
      broken << inc.file + ":" + QString::number(inc.line) + " includes <" + inc.target + ">";
  QVERIFY2(broken.isEmpty(), qPrintable(broken.join("\n")));
}

QTEST_GUILESS_MAIN(TestArchitecture)
#include "test_architecture.moc"
