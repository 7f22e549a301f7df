#include "score/score_settings.h"

#include "util/wording.h"

namespace ps::setting {

// (the command line's help adds the names of the scores, from the registry)
const SettingSpec scores = textSetting("score", PS_WORDS("Setting", "Scores"), "default",
                                       PS_WORDS("Setting", "Comma-separated scores (higher = harder)"));
const SettingSpec scoreSeeds = integerSetting("seeds", PS_WORDS("Setting", "Seeds"), 1, 1, 1000, "",
                                              PS_WORDS("Setting", "Independent training runs to average over"));
const SettingSpec limit = integerSetting("limit", PS_WORDS("Setting", "Examples"), 0, 0, kUnbounded, "examples",
                                         PS_WORDS("Setting", "Score only the first N training examples (0 = all)"),
                                         PS_WORDS("Setting", "all"));
const SettingSpec el2nEpoch = integerSetting("el2n-epoch", PS_WORDS("Setting", "EL2N epoch"), -1, -1, 10000, "",
                                             PS_WORDS("Setting", "Epoch of EL2N (default: 20% of training)"),
                                             PS_WORDS("Setting", "auto (20 % of training)"));
const SettingSpec grandEpoch =
    integerSetting("grand-epoch", PS_WORDS("Setting", "GraNd epoch"), -1, -1, 10000, "",
                   PS_WORDS("Setting", "Epoch of GraNd; 0 = at initialisation (default: EL2N's)"),
                   PS_WORDS("Setting", "auto (EL2N's)"));
const SettingSpec prototypeK = integerSetting("prototype-k", PS_WORDS("Setting", "Prototype k"), 10, 1, kUnbounded, "",
                                              PS_WORDS("Setting", "k of the class-agnostic k-means"));
const SettingSpec prototypeKPerClass =
    integerSetting("prototype-k-per-class", PS_WORDS("Setting", "Prototype k per class"), 1, 1, kUnbounded, "",
                   PS_WORDS("Setting", "k per class (1 = class centroid)"));
const SettingSpec prototypeEmbedding =
    textSetting("prototype-embedding", PS_WORDS("Setting", "Prototype embedding"), "classifier",
                PS_WORDS("Setting",
                         "classifier (penultimate layer), ssl (built-in self-supervised encoder), or a "
                         "TorchScript encoder file"));
const SettingSpec sslEpochs = integerSetting("ssl-epochs", PS_WORDS("Setting", "Encoder epochs"), 5, 1, 10000, "epochs",
                                             PS_WORDS("Setting", "Epochs of the self-supervised encoder"));

const SettingSpec semdedupK =
    integerSetting("semdedup-k", PS_WORDS("Setting", "SemDeDup clusters"), 0, 0, kUnbounded, "",
                   PS_WORDS("Setting",
                            "Clusters of semdedup's k-means (0 = one per 8800 examples, the cluster size of "
                            "SemDeDup's 50 000 clusters on LAION-440M)"),
                   PS_WORDS("Setting", "auto"));

const std::vector<const SettingSpec*>& scoreSettings() {
  static const std::vector<const SettingSpec*> all = {
      &scores,    &scoreSeeds, &limit, &el2nEpoch, &grandEpoch, &prototypeK, &prototypeKPerClass, &prototypeEmbedding,
      &sslEpochs, &semdedupK};
  return all;
}

}  // namespace ps::setting
