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

// Every score the engine computes, in display order.
const std::vector<std::string>& allScoreNames();
// One training run gives these at once (the "default sweep").
const std::vector<std::string>& defaultScoreNames();
// "higher = harder" meaning of each score, one line, for help texts and CSV headers.
std::string scoreDescription(const std::string& name, const Wording& w = englishWording());
// Splits "el2n,grand" (also accepts "default" and "all"); ConfigError on an unknown name.
std::vector<std::string> parseScoreList(const std::string& list);

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

  int resolvedEl2nEpoch() const;
  int resolvedGrandEpoch() const;
  bool needsClassifier() const;  // any score that trains the classifier
  // Throws ConfigError naming the bad setting (numExamples = examples to be scored).
  void validate(int64_t numExamples) const;
  std::string toJson() const;  // canonical: sorted keys, every setting that changes results
  // Reads back what toJson wrote (a stored run's config, a cluster plan's task), so that
  // toJson gives the same text again; device and threads keep their defaults. ConfigError
  // naming the member when one is missing or of the wrong type.
  static ScoreConfig fromJson(const std::string& json);
};

}  // namespace ps
