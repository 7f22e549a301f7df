// The input pipeline: the worker pool (errors, cancellation), batch augmentation with
// tensor ops equal to the per-image crops it replaced, image files decoded and augmented
// by workers giving the same batches for a seed whatever the number of workers and the
// same as the data held in memory, training on either giving the same model, and a
// file that stops decoding reported by name, and running out of (GPU) memory reported
// with the batch size to lower.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>

#include "data/dataset_opener.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "support/test_data.h"
#include "train/augment_plan.h"
#include "train/batch_source.h"
#include "train/train_hook.h"
#include "train/trainer.h"
#include "util/errors.h"
#include "util/worker_pool.h"

namespace {

// The augmentation as it was written before the pipeline: per image, narrow the padded
// batch and flip, drawing dy, dx and the coin in that order.
torch::Tensor perImageAugment(const torch::Tensor& x, bool flip, std::mt19937_64& rng) {
  const int64_t b = x.size(0), h = x.size(2), w = x.size(3);
  const int64_t pad = std::max<int64_t>(1, std::min(h, w) / 8);
  auto padded = torch::constant_pad_nd(x, {pad, pad, pad, pad}, 0.0);
  auto out = torch::empty_like(x);
  std::uniform_int_distribution<int64_t> shift(0, 2 * pad);
  std::bernoulli_distribution coin(0.5);
  for (int64_t i = 0; i < b; ++i) {
    const int64_t dy = shift(rng), dx = shift(rng);
    auto crop = padded[i].narrow(1, dy, h).narrow(2, dx, w);
    if (flip && coin(rng)) crop = crop.flip({2});
    out[i].copy_(crop);
  }
  return out;
}

std::vector<torch::Tensor> epochBatches(const ps::BatchSource& data, const std::vector<int64_t>& order, uint64_t seed,
                                        bool augment) {
  std::mt19937_64 rng(seed);
  std::vector<torch::Tensor> out;
  ps::BatchAugmentation aug;
  if (augment) aug = {&rng, true};
  data.forEachBatch(
      order, 64, [&](const std::vector<int64_t>&, const torch::Tensor& x) { out.push_back(x.clone()); }, aug);
  return out;
}

// Throws what LibTorch throws when CUDA runs out of memory, at the second batch.
class OutOfMemoryHook : public ps::TrainHook {
 public:
  void onBatch(const ps::BatchObservation&) override {
    if (++batches_ == 2) throw c10::OutOfMemoryError({__func__, __FILE__, __LINE__}, "CUDA out of memory.");
  }
  std::map<std::string, ps::ScoreValues> results() const override { return {}; }

 private:
  int batches_ = 0;
};

bool sameBatches(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (!a[k].sizes().equals(b[k].sizes()) || !torch::equal(a[k], b[k])) return false;
  return true;
}

}  // namespace

class TestBatchPipeline : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }
  std::vector<int64_t> shuffled(size_t n) const {
    std::vector<int64_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(5);
    std::shuffle(order.begin(), order.end(), rng);
    return order;
  }

 private slots:
  void initTestCase() { torch::set_num_threads(2); }
  void poolRunsEveryItemAndRethrowsTheFirstError();
  void poolStopsWhenCancelledOrDestroyed();
  void augmentPlanEqualsPerImageCrops();
  void streamedBatchesSameForAnyWorkerCount_data();
  void streamedBatchesSameForAnyWorkerCount();
  void trainingOnStreamedFilesEqualsInMemory();
  void fileThatStopsDecodingIsNamed();
  void callerExceptionStopsTheWorkers();
  void outOfMemoryNamesTheBatchSize();
};

void TestBatchPipeline::poolRunsEveryItemAndRethrowsTheFirstError() {
  ps::WorkerPool pool(3);
  QCOMPARE(pool.workers(), 3);
  std::vector<std::atomic<int>> hits(1000);
  pool.submit(hits.size(), 7, [&](size_t i) { ++hits[i]; })->wait();
  for (const auto& h : hits) QCOMPARE(h.load(), 1);
  auto failing = pool.submit(100, 1, [](size_t i) {
    if (i == 42) throw ps::DatasetError("item 42 is broken");
  });
  QVERIFY_THROWS_EXCEPTION(ps::DatasetError, failing->wait());
  pool.submit(10, 1, [](size_t) {})->wait();  // the pool still works after a failed group
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::setDefaultWorkerCount(-1));
}

void TestBatchPipeline::poolStopsWhenCancelledOrDestroyed() {
  std::atomic<int> ran{0};
  {
    ps::WorkerPool pool(2);
    auto g = pool.submit(1000, 1, [&](size_t) {
      ++ran;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    g->cancel();
    g->wait();  // returns promptly: the items not started are skipped
    QVERIFY2(ran.load() < 200, std::to_string(ran.load()).c_str());
    pool.submit(1000, 1, [&](size_t) { std::this_thread::sleep_for(std::chrono::milliseconds(2)); });
  }  // destroyed with work queued: the queue is dropped and every thread joined
  QVERIFY(true);
}

void TestBatchPipeline::augmentPlanEqualsPerImageCrops() {
  const auto x = torch::randn({9, 3, 12, 10});
  for (bool flip : {false, true}) {
    std::mt19937_64 a(11), b(11);
    const auto expected = perImageAugment(x, flip, a);
    const auto got = ps::applyAugmentPlan(x, ps::drawAugmentPlan(9, 12, 10, flip, b));
    QVERIFY(torch::equal(expected, got));
    QCOMPARE(a(), b());  // the same number of draws
  }
}

void TestBatchPipeline::streamedBatchesSameForAnyWorkerCount_data() {
  QTest::addColumn<QString>("ext");
  QTest::addColumn<bool>("grey");
  QTest::newRow("png") << ".png" << false;
  QTest::newRow("jpeg") << ".jpg" << false;
  QTest::newRow("grey png") << ".png" << true;
}

void TestBatchPipeline::streamedBatchesSameForAnyWorkerCount() {
  // 300 colour images, batches of 64 (the last one short), augmented from seed 3: the
  // data held in memory and augmented with tensor ops (the GPU path, here on the CPU),
  // the per-image crops of old, and files decoded and augmented by 1, 2, 3 or 5 workers
  // all give the same floats.
  QFETCH(QString, ext);
  QFETCH(bool, grey);
  const std::string dir = path((grey ? "grey" : "colour") + ext.toStdString());
  pstest::writeImageFolder(dir, "train", grey ? pstest::fashionSamples(300) : pstest::colourSamples(300),
                           {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, ext.toStdString());
  ps::OpenOptions noCache;
  noCache.cacheBytes = 0;
  auto ds = ps::openDataset(dir, noCache);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  const auto order = shuffled(all.size());
  ps::BatchSource memory(*ds, ps::Split::Train, all, torch::kCPU, size_t(1) << 30);
  QVERIFY(memory.inMemory());
  QCOMPARE(memory.shape().channels, grey ? 1 : 3);
  const auto reference = epochBatches(memory, order, 3, true);
  QCOMPARE(reference.size(), size_t(5));
  std::mt19937_64 rng(3);
  for (size_t k = 0; k < reference.size(); ++k) {
    const std::vector<int64_t> pos(order.begin() + static_cast<long>(k * 64),
                                   order.begin() + static_cast<long>(std::min(order.size(), k * 64 + 64)));
    QVERIFY(torch::equal(reference[k], perImageAugment(memory.batch(pos), true, rng)));
  }
  for (int workers : {1, 2, 3, 5}) {
    ps::BatchSource streamed(*ds, ps::Split::Train, all, torch::kCPU, 0);
    streamed.setWorkers(workers);
    QVERIFY(!streamed.inMemory());
    QVERIFY2(sameBatches(epochBatches(streamed, order, 3, true), reference), std::to_string(workers).c_str());
    QVERIFY(sameBatches(epochBatches(streamed, order, 0, false), epochBatches(memory, order, 0, false)));
  }
}

void TestBatchPipeline::trainingOnStreamedFilesEqualsInMemory() {
  const std::string dir = path("train_eq");
  pstest::writeImageFolder(dir, "train", pstest::colourSamples(256),
                           {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  auto ds = ps::openDataset(dir);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  ps::TrainConfig cfg;
  cfg.epochs = 2;
  cfg.batchSize = 32;
  cfg.seed = 4;
  cfg.healthChecks = false;
  std::vector<std::vector<torch::Tensor>> params;
  for (size_t budget : {size_t(1) << 30, size_t(0)}) {
    ps::BatchSource data(*ds, ps::Split::Train, all, torch::kCPU, budget);
    data.setWorkers(budget == 0 ? 3 : 1);
    auto model = ps::makeClassifier("small_cnn", ds->shape(), 10, cfg.seed);
    ps::Trainer trainer(*model, data, cfg, torch::kCPU);
    ps::JobContext ctx;
    trainer.run(ctx, {}, "k", {});
    params.push_back(model->parameters());
  }
  QCOMPARE(params[0].size(), params[1].size());
  for (size_t i = 0; i < params[0].size(); ++i) QVERIFY(torch::equal(params[0][i], params[1][i]));
}

void TestBatchPipeline::fileThatStopsDecodingIsNamed() {
  // A file that was fine when the folder was opened and is damaged before it is read:
  // the error reaches the caller from the worker, naming the file.
  const std::string dir = path("damaged");
  pstest::writeImageFolder(dir, "train", pstest::colourSamples(200),
                           {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  ps::OpenOptions noCache;
  noCache.cacheBytes = 0;
  auto ds = ps::openDataset(dir, noCache);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource streamed(*ds, ps::Split::Train, all, torch::kCPU, 0);
  const std::string victim = ds->source(ps::Split::Train, 150);
  std::ofstream(victim, std::ios::binary | std::ios::trunc) << "not a picture";
  int batches = 0;
  try {
    streamed.forEachBatch(all, 64, [&](const std::vector<int64_t>&, const torch::Tensor&) { ++batches; });
    QFAIL("no error for a damaged file");
  } catch (const ps::DatasetError& e) {
    QVERIFY2(std::string(e.what()).find(victim) != std::string::npos, e.what());
  }
  QCOMPARE(batches, 2);  // the batches before the damaged one were delivered
}

void TestBatchPipeline::callerExceptionStopsTheWorkers() {
  const std::string dir = path("stop");
  pstest::writeImageFolder(dir, "train", pstest::colourSamples(600),
                           {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  ps::OpenOptions noCache;
  noCache.cacheBytes = 0;
  auto ds = ps::openDataset(dir, noCache);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource streamed(*ds, ps::Split::Train, all, torch::kCPU, 0);
  int batches = 0;
  QVERIFY_THROWS_EXCEPTION(ps::TrainingError,
                           streamed.forEachBatch(all, 16, [&](const std::vector<int64_t>&, const torch::Tensor&) {
                             if (++batches == 2) throw ps::TrainingError("stop here");
                           }));
  QCOMPARE(batches, 2);
  // The source is usable again at once (no worker left behind holds anything).
  batches = 0;
  streamed.forEachBatch(all, 128, [&](const std::vector<int64_t>&, const torch::Tensor&) { ++batches; });
  QCOMPARE(batches, 5);
}

void TestBatchPipeline::outOfMemoryNamesTheBatchSize() {
  const std::string dir = path("oom");
  pstest::writeImageFolder(dir, "train", pstest::colourSamples(100),
                           {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  auto ds = ps::openDataset(dir);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource data(*ds, ps::Split::Train, all, torch::kCPU, size_t(1) << 30);
  ps::TrainConfig cfg;
  cfg.epochs = 1;
  cfg.batchSize = 16;
  auto model = ps::makeClassifier("small_cnn", ds->shape(), 10, 0);
  ps::Trainer trainer(*model, data, cfg, torch::kCPU);
  ps::JobContext ctx;
  OutOfMemoryHook hook;
  try {
    trainer.run(ctx, {&hook}, "k", {});
    QFAIL("no error");
  } catch (const ps::TrainingError& e) {
    QCOMPARE(std::string(e.what()), std::string("out of memory at batch size 16 on cpu: lower --batch-size"));
  }
}

QTEST_GUILESS_MAIN(TestBatchPipeline)
#include "test_batch_pipeline.moc"
