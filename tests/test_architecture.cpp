// The architecture's rules, checked on the source tree so a break is caught when it is
// written: the folders of core and the rooms of ui depend only on the folders before them
// in docs/layers.txt (no include cycles), core never includes Qt, core headers keep
// torch/torch.h out, and the UI neither trains nor writes SQL itself.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

// The order of one part ("core" or "ui") from docs/layers.txt: each folder may include
// only the folders before it. The file is the one statement of the order; CONTRIBUTING.md
// quotes it.
QStringList layerOrder(const QString& part) {
  QFile f(QStringLiteral(PRUNESCOPE_SOURCE_DIR "/docs/layers.txt"));
  if (!f.open(QIODevice::ReadOnly)) return {};
  while (!f.atEnd()) {
    const QString line = QString::fromUtf8(f.readLine()).trimmed();
    if (line.startsWith(part + ':')) return line.mid(part.size() + 1).split(' ', Qt::SkipEmptyParts);
  }
  return {};
}

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
  void uiRoomsUseOnlyEarlierRooms();
  void contributingQuotesTheOrder();
  void coreHasNoQt();
  void coreHeadersKeepTorchOut();
  void uiNeitherTrainsNorWritesSql();
};

namespace {

// Checks that every folder of `part` includes only the folders before it in its order,
// that every folder on disk is in the order, and returns how many includes were checked.
int checkLayers(const QString& part, QStringList& broken) {
  const QStringList order = layerOrder(part);
  if (order.isEmpty()) {
    broken << "docs/layers.txt has no '" + part + ":' line";
    return 0;
  }
  int checked = 0;
  for (int k = 0; k < order.size(); ++k) {
    const QString folder = order[k];
    for (const Include& inc : includes(part + "/" + folder, true)) {
      const int at = order.indexOf(inc.target.section('/', 0, 0));
      if (at < 0 || !inc.target.contains('/')) continue;  // not one of this part's folders
      ++checked;
      if (at > k)
        broken << QString("%1:%2 includes %3, but %4/%5/ may use only %6")
                      .arg(inc.file)
                      .arg(inc.line)
                      .arg(inc.target, part, folder,
                           k == 0 ? QStringLiteral("none of the others") : order.mid(0, k).join(", "));
    }
  }
  // Every folder of the part is in the order (a new one must be placed in it), and no
  // source file sits outside the folders.
  const QDir root(QStringLiteral(PRUNESCOPE_SOURCE_DIR "/") + part);
  for (const QString& d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    if (!order.contains(d)) broken << part + "/" + d + " is not in the order of docs/layers.txt";
  for (const QString& f : root.entryList({"*.h", "*.cpp"}, QDir::Files))
    broken << part + "/" + f + " is outside the folders of docs/layers.txt";
  return checked;
}

}  // namespace

void TestArchitecture::coreFoldersUseOnlyEarlierFolders() {
  QStringList broken;
  QVERIFY(checkLayers("core", broken) > 100);
  QVERIFY2(broken.isEmpty(), qPrintable(broken.join("\n")));
}

void TestArchitecture::uiRoomsUseOnlyEarlierRooms() {
  QStringList broken;
  QVERIFY(checkLayers("ui", broken) > 100);
  QVERIFY2(broken.isEmpty(), qPrintable(broken.join("\n")));
}

void TestArchitecture::contributingQuotesTheOrder() {
  QFile f(QStringLiteral(PRUNESCOPE_SOURCE_DIR "/CONTRIBUTING.md"));
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(f.readAll());
  for (const QString& part : {QStringLiteral("core"), QStringLiteral("ui")}) {
    const QString line = part + ": " + layerOrder(part).join(' ');
    QVERIFY2(text.contains("\n  " + line + "\n"), qPrintable("CONTRIBUTING.md does not quote '" + line + "'"));
  }
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
