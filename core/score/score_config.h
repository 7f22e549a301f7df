#pragma once
// What a scoring run computes. Plain data (no torch): the CLI and GUI fill it in, the
// engine runs it, and its canonical JSON is what the cache key hashes.
#include <cstdint>
#include <string>
#include <vector>

#include "score/score_settings.h"
#include "train/train_config.h"

#include "util/wording.h"

namespace ps {

// Every score the engine computes, in display order (score/score_registry.h's names).
std::vector<std::string> allScoreNames();
// One training run gives these at once (the "default sweep").
std::vector<std::string> defaultScoreNames();
// "higher = harder" meaning of each score, one line, for help texts and CSV headers.
std::string scoreDescription(const std::string& name, const Wording& w = englishWording());
// "el2n, grand, ... and random": the registered names, for messages and help texts.
std::string scoreNameList(const std::string& lastJoin = ", ");
// What a score costs in training: "read at the EL2N epoch" for the early ones, "the whole
// training" for the others, "no training" for those that need none.
std::string scoreTrainingCost(const std::string& name, const Wording& w = englishWording());
// True for a score the engine computes from the embedding (ScoreTraining::Embedding, no hook).
bool isEmbeddingScore(const std::string& name);
// Splits "el2n,grand" (also accepts "default" and "all"); ConfigError on an unknown name.
std::vector<std::string> parseScoreList(const std::string& list);

struct ScoreInfo;
// Examples per cluster of semdedup's k-means when the setting leaves k to the dataset's
// size: the paper's 50 000 clusters for LAION-440M (Abbas et al. 2023) hold about 8 800
// examples each.
constexpr int64_t kSemDedupClusterSize = 8800;
// The clusters of n examples: `setting` when positive, else ceil(n / kSemDedupClusterSize);
// at least 1, never more than n.
int64_t semDedupClusters(int64_t n, int64_t setting);

struct ScoreConfig {
  std::vector<std::string> scores = defaultScoreNames();
  TrainConfig train;
  // The defaults are the declaration's (score/score_settings.h).
  int el2nEpoch = setting::el2nEpoch.intValue();    // -1: 20% of training (at least 1), as early-training EL2N
  int grandEpoch = setting::grandEpoch.intValue();  // -1: same as EL2N; 0 = at initialisation
  int seeds = setting::scoreSeeds.intValue();       // independent runs with seeds train.seed, train.seed+1, ...
  int64_t limit = setting::limit.int64Value();      // score only the first N training examples (0 = all)
  int prototypeK = setting::prototypeK.intValue();  // clusters for the class-agnostic prototype score
  int prototypeKPerClass = setting::prototypeKPerClass.intValue();    // clusters per class (1 = class centroid)
  std::string prototypeEmbedding = setting::prototypeEmbedding.text;  // classifier | ssl | path to an encoder
  int sslEpochs = setting::sslEpochs.intValue();  // training of the built-in self-supervised encoder
  // Clusters of semdedup's k-means (0 = one per kSemDedupClusterSize examples, the paper's
  // cluster size; score/semdedup.h); in the cache key only when semdedup is requested.
  int semdedupK = setting::semdedupK.intValue();
  // How the seeds are computed (the results are the same either way, so neither is part
  // of the cache key): packSeeds = seeds trained together (0 = as many as the cores and
  // memory allow), sequentialSeeds = one seed after another.
  int packSeeds = 0;
  bool sequentialSeeds = false;
  // Trains the whole schedule even when every requested score is read early: the same
  // scores, and the final model's predictions with them (part of the cache key when set).
  bool wholeSchedule = false;

  int resolvedEl2nEpoch() const;
  int resolvedGrandEpoch() const;
  bool needsClassifier() const;  // any score that trains the classifier
  // Any score computed on the embedding prototypeEmbedding names (prototype, prototype_class,
  // semdedup).
  bool needsEmbedding() const;
  // Epochs the classifier trains: the last epoch a requested score is read at when every
  // requested score is read early (EL2N, GraNd at their epochs), else train.epochs (the
  // scores of the whole training, the final model's scores and predictions).
  int trainedEpochs() const;
  // The epoch an early-read score is read at (its registered fraction, or --el2n-epoch /
  // --grand-epoch), and whether a score trains the classifier under this request.
  int readEpoch(const ScoreInfo& info) const;
  bool needsTraining(const ScoreInfo& info) const;
  // Throws ConfigError naming the bad setting (numExamples = examples to be scored).
  void validate(int64_t numExamples) const;
  std::string toJson() const;  // canonical: sorted keys, every setting that changes results
  // Reads back what toJson wrote (a stored run's config, a cluster plan's task), so that
  // toJson gives the same text again; device and threads keep their defaults. ConfigError
  // naming the member when one is missing or of the wrong type.
  static ScoreConfig fromJson(const std::string& json);
};

}  // namespace ps
