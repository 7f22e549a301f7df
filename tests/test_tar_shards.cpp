// Tar shards in the WebDataset layout (key.png + key.cls [+ key.json]), read in place:
// the same examples as the PNG folder they were made from, the split by shard name, a
// fingerprint that follows each shard, and a clear error for a truncated shard.
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <filesystem>
#include <map>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/dataset_opener.h"
#include "support/tar_writer.h"
#include "support/test_data.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;
using namespace pstest;

namespace {

std::string png(const cv::Mat& rgb) {
  cv::Mat bgr;
  if (rgb.channels() == 3)
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  else
    bgr = rgb;
  std::vector<uint8_t> buf;
  cv::imencode(".png", bgr, buf);
  return std::string(buf.begin(), buf.end());
}

// Samples [from, to) as members "<first index>/<i>.png" + ".cls" (+ ".json" for even i).
std::string shard(const std::vector<Sample>& s, size_t from, size_t to, size_t first) {
  std::string tar;
  for (size_t i = from; i < to; ++i) {
    const std::string key = "part/" + std::to_string(first + i);
    appendTarMember(tar, key + ".png", png(s[i].image));
    appendTarMember(tar, key + ".cls", std::to_string(s[i].label) + "\n");
    if (i % 2 == 0) appendTarMember(tar, key + ".json", "{\"i\": " + std::to_string(i) + "}");
  }
  endTar(tar);
  return tar;
}

bool sameImage(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

std::string baseName(const std::string& source) {
  const size_t cut = source.find_last_of("/#");
  return source.substr(cut + 1);
}

}  // namespace

class TestTarShards : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }
  std::vector<Sample> train_, test_;

 private slots:
  void initTestCase();
  void shardsEqualTheirPngFolder();
  void fingerprintFollowsEachShard();
  void truncatedShardIsNamed();
};

void TestTarShards::initTestCase() {
  train_ = colourSamples(60);
  test_ = colourSamples(20, true);
  const std::vector<std::string> classes = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  writeImageFolder(path("folder"), "train", train_, classes);
  // The folder names test files 0..19 too; the shards key them from 1000 to keep keys apart.
  writeImageFolder(path("folder"), "test", test_, classes);
  fs::create_directories(path("shards"));
  writeText(path("shards/data-train-000.tar"), shard(train_, 0, 35, 0));
  writeText(path("shards/data-train-001.tar"), shard(train_, 35, 60, 0));
  writeText(path("shards/data-test-000.tar"), shard(test_, 0, 20, 1000));
}

void TestTarShards::shardsEqualTheirPngFolder() {
  auto folder = ps::openDataset(path("folder"));
  auto tar = ps::openDataset(path("shards"));
  QCOMPARE(QString::fromStdString(tar->format()), QString("tar"));
  QCOMPARE(tar->size(ps::Split::Train), size_t(60));
  QCOMPARE(tar->size(ps::Split::Test), size_t(20));
  QVERIFY(tar->shape() == folder->shape());
  QCOMPARE(tar->numClasses(), folder->numClasses());
  for (ps::Split split : {ps::Split::Train, ps::Split::Test}) {
    // The folder's example of each file name (its files are <i>.png under the class).
    std::map<std::string, size_t> inFolder;
    for (size_t i = 0; i < folder->size(split); ++i) inFolder[baseName(folder->source(split, i))] = i;
    const size_t offset = split == ps::Split::Test ? 1000 : 0;
    for (size_t i = 0; i < tar->size(split); ++i) {
      const std::string src = tar->source(split, i);
      QVERIFY2(src.find(".tar#part/") != std::string::npos, src.c_str());
      const size_t key = std::stoul(baseName(src).substr(0, baseName(src).find('.')));
      const size_t j = inFolder.at(std::to_string(key - offset) + ".png");
      QCOMPARE(tar->label(split, i), folder->label(split, j));
      QVERIFY2(sameImage(tar->image(split, i), folder->image(split, j)), src.c_str());
    }
  }
  // Labels come from the .cls members: the first shard's first key is training sample 0.
  QCOMPARE(tar->label(ps::Split::Train, 0), train_[0].label);
}

void TestTarShards::fingerprintFollowsEachShard() {
  fs::create_directories(path("fp"));
  writeText(path("fp/a-train.tar"), shard(train_, 0, 30, 0));
  writeText(path("fp/b-train.tar"), shard(train_, 30, 60, 0));
  const std::string before = ps::openDataset(path("fp"))->fingerprint();
  QCOMPARE(ps::openDataset(path("fp"))->fingerprint(), before);
  // One pixel of one image in the second shard changes: the fingerprint follows.
  std::vector<Sample> changed = train_;
  changed[45].image = changed[45].image.clone();
  changed[45].image.at<cv::Vec3b>(0, 0)[0] ^= 0x40;
  writeText(path("fp/b-train.tar"), shard(changed, 30, 60, 0));
  QVERIFY(ps::openDataset(path("fp"))->fingerprint() != before);
}

void TestTarShards::truncatedShardIsNamed() {
  fs::create_directories(path("cut"));
  const std::string whole = shard(train_, 0, 30, 0);
  writeText(path("cut/ok-train.tar"), whole);
  writeText(path("cut/cut-train.tar"), whole.substr(0, whole.size() / 2 + 100));
  try {
    ps::openDataset(path("cut"));
    QFAIL("a truncated shard must be refused");
  } catch (const ps::DatasetError& e) {
    const std::string m = e.what();
    QVERIFY2(m.find("cut-train.tar") != std::string::npos && m.find("truncated") != std::string::npos, m.c_str());
  }
}

QTEST_GUILESS_MAIN(TestTarShards)
#include "test_tar_shards.moc"
