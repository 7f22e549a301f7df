#pragma once
// How long a job will take, said before it starts. A job's work is counted from what it
// will really do (JobWork): examples through a training step, examples through an
// inference pass (a study's test evaluation after every epoch, a score's pass over the
// data), per-example gradients (GraNd), examples loaded into batches, and models trained
// (each with a fixed start-up cost). Each count is divided by a rate measured on this
// machine for the model, image shape, batch size and device (measureTrainingRates: the
// project's own training loop, data pipeline and evaluation on a few hundred examples of
// the dataset itself, timed after a warm-up by the median step, so one slow step of a
// busy machine does not swing it).
#include <cstdint>
#include <string>

#include "data/dataset.h"
#include "model/device_choice.h"
#include "score/score_config.h"
#include "study/frontier_study.h"
#include "study/scaling_study.h"
#include "study/study_config.h"

namespace ps {

class Store;

struct JobWork {
  double trainSteps = 0;  // examples through a training step (augmented, forward, backward, update)
  double evalPasses = 0;  // examples through an inference forward pass
  double gradPasses = 0;  // examples through a per-example gradient norm
  double loaded = 0;      // examples loaded into a batch source (each training loads its subset and the test set)
  double trainings = 0;   // models trained
  // Of the training steps, inference passes and gradients above, those of seeds trained
  // `together` at a time, each on its share of the cores (a scoring request's seeds):
  // estimateSeconds divides their time by the speed-up measured for that many at once.
  double togetherSteps = 0, togetherPasses = 0, togetherGrads = 0;
  int together = 1;
  JobWork& operator+=(const JobWork& o);  // adds the counts; `together` is the larger
  bool empty() const { return trainSteps <= 0 && evalPasses <= 0 && gradPasses <= 0 && trainings <= 0; }
};
JobWork operator*(JobWork w, double times);

// What this machine does per second for one model, image shape, batch size and device.
struct TrainingRates {
  double trainPerSecond = 0;      // training examples (one step each)
  double evalPerSecond = 0;       // inference examples (batches of 512)
  double gradPerSecond = 0;       // per-example gradient norms
  double loadPerSecond = 0;       // examples loaded and normalised
  double secondsPerTraining = 0;  // a model's start: built, its run recorded, its curve stored
  int together = 1;               // seeds trained at once that togetherSpeedup was measured for
  double togetherSpeedup = 1;     // their summed training rate over one seed's with every core
  bool valid() const { return trainPerSecond > 0 && evalPerSecond > 0 && gradPerSecond > 0 && loadPerSecond > 0; }
};

// Seconds `w` takes at `r`; < 0 when the rates are not valid. The work of seeds trained
// together takes its time divided by r.togetherSpeedup when r was measured for as many
// seeds at once as w trains (else one seed's rates, no gain counted).
double estimateSeconds(const JobWork& w, const TrainingRates& r);

// The work of a scoring request on `trainExamples` training examples (its limit
// applied): every seed's training, its passes over the data at the distinct epochs its
// scores read (EL2N's epoch, the final predictions, the prototypes' embeddings), GraNd's
// per-example gradients, and the self-supervised encoder's training when asked. The
// seeds' work is marked as trained `together` as the engine will (seedsTogether).
JobWork scoringWork(const ScoreConfig& c, int64_t trainExamples);
// The work of a study pruning a score of `scoredExamples` examples (the score's own run
// is not counted): every series (score × policy; random once) × kept fraction × seed
// trains on its kept examples for its budget's epochs; f = 1 keeps every example, the
// same subset for every series, so it is trained once per seed (per pool for a scaling
// study). Each training evaluates on min(2 000, test) examples after every epoch but the
// last and on all `testExamples` (its test limit applied) after the last.
JobWork frontierWork(const FrontierConfig& c, int64_t scoredExamples, int64_t testExamples);
JobWork scalingWork(const ScalingConfig& c, int64_t scoredExamples, int64_t testExamples);

// One study point's training on a test split of `testExamples` (its `testLimit` applied).
JobWork studyTrainingWork(const StudyPoint& p, int64_t testExamples, int64_t testLimit);
// A job's share of progress: its work in training steps, at the usual ratios of the other
// kinds of work to a training step (a study reports progress in proportion to it).
double progressWeight(const JobWork& w);

// The work a job started now against `store` would do: nothing for a finished run; a
// study's real points (its score's examples, the trainings the store already holds left
// out) when its score is stored, else the scoring it starts with plus the study on the
// examples that scoring will cover. ConfigError / StoreError as starting the job would.
JobWork scoringJobWork(const Dataset& ds, const Store& store, const ScoreConfig& c);
JobWork frontierJobWork(const Dataset& ds, Store& store, const FrontierConfig& c);
JobWork scalingJobWork(const Dataset& ds, Store& store, const ScalingConfig& c);

// Rates of `train`'s model, batch size and device on `ds`: a few training steps of the
// real training loop (augmentation included) on the first examples of its training split,
// after two warm-up steps, timed by the median step over at least `steps` steps and
// 0.5 s (at most 40 steps); inference on batches of 512 likewise (0.3 s), per-example
// gradients in the batches GraNd uses (2 calls, 0.2 s) and loading, each after one warm-up. ConfigError for an unknown
// model or device. With `together` > 1 (the JobWork's), also the speed-up of that many
// seeds training at once, each on its own thread with its share of the cores, as the
// engine trains them: their summed rate (median steps, as above) over the lone rate.
TrainingRates measureTrainingRates(const Dataset& ds, const TrainConfig& train, int steps = 4, int together = 1);

// Training examples per second of `model` on random inputs of `shape` (no dataset at
// hand): the median of at least `batches` steps and 0.3 s (at most 50) after two warm-up
// steps on `device`. ConfigError for an unknown model or device.
double measureTrainingRate(const std::string& model, const ImageShape& shape, int64_t classes, int batchSize,
                           const DeviceChoice& device, int batches = 3);

}  // namespace ps
