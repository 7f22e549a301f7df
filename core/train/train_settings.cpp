#include "train/train_settings.h"

#include "util/wording.h"

namespace ps::setting {

const SettingSpec model =
    textSetting("model", PS_WORDS("Setting", "Model"), "small_cnn",
                PS_WORDS("Setting", "small_cnn, resnet18, small_cnn_nobn, or a TorchScript file (.pt)"));
const SettingSpec epochs = integerSetting("epochs", PS_WORDS("Setting", "Epochs"), 10, 1, 10000, "epochs",
                                          PS_WORDS("Setting", "Training epochs"));
const SettingSpec batchSize = integerSetting(
    "batch-size", PS_WORDS("Setting", "Batch size"), 128, 1, 65536, "examples",
    PS_WORDS("Setting",
             "Batch size (when not given, lowered for small training sets to give at least 20 steps per epoch)"));
const SettingSpec lr = realSetting("lr", PS_WORDS("Setting", "Learning rate"), 0.05, 0, true, kUnbounded, false, "",
                                   PS_WORDS("Setting", "Peak learning rate (SGD)"));
const SettingSpec momentum = realSetting("momentum", PS_WORDS("Setting", "Momentum"), 0.9, 0, false, 1, true, "",
                                         PS_WORDS("Setting", "SGD momentum"));
const SettingSpec weightDecay =
    realSetting("weight-decay", PS_WORDS("Setting", "Weight decay"), 5e-4, 0, false, kUnbounded, false, "",
                PS_WORDS("Setting", "Weight decay"), PS_WORDS("Setting", "off"));
const SettingSpec schedule = choiceSetting("schedule", PS_WORDS("Setting", "Schedule"), "cosine",
                                           PS_WORDS("Setting", "Learning-rate schedule after the warm-up"));
const SettingSpec warmup = realSetting(
    "warmup", PS_WORDS("Setting", "Warm-up"), 0.05, 0, false, 0.5, false, "fraction of training",
    PS_WORDS("Setting", "Linear learning-rate warm-up, as a fraction of training"), PS_WORDS("Setting", "none"));
const SettingSpec gradClip =
    realSetting("grad-clip", PS_WORDS("Setting", "Gradient clip"), 0, 0, false, kUnbounded, false, "L2 norm",
                PS_WORDS("Setting", "Clip the gradient's L2 norm to this (0 = off)"), PS_WORDS("Setting", "off"));
const SettingSpec augment =
    switchSetting("augment", PS_WORDS("Setting", "Augmentation"), true,
                  PS_WORDS("Setting", "Random crops with padding (and flips where allowed) while training"));
const SettingSpec flip = choiceSetting("flip", PS_WORDS("Setting", "Flips"), "auto",
                                       PS_WORDS("Setting", "Horizontal flips; auto: not for digits"));
const SettingSpec seed =
    integerSetting("seed", PS_WORDS("Setting", "Seed"), 0, 0, 9.0e18, "", PS_WORDS("Setting", "First seed"));
const SettingSpec healthChecks =
    switchSetting("health-checks", PS_WORDS("Setting", "Health checks"), true,
                  PS_WORDS("Setting",
                           "Fail a run whose model did not learn, and leave out a score without spread (recorded with "
                           "the run); a diverged loss fails the run either way"));
const SettingSpec threads =
    integerSetting("threads", PS_WORDS("Setting", "Threads"), 0, 0, 1024, "",
                   PS_WORDS("Setting", "CPU threads (0 = every core)"), PS_WORDS("Setting", "every core"));
const SettingSpec device = textSetting("device", PS_WORDS("Setting", "Device"), "auto",
                                       PS_WORDS("Setting", "auto (a GPU when there is one), cpu, cuda or cuda:N"));

const std::vector<const SettingSpec*>& trainSettings() {
  static const std::vector<const SettingSpec*> all = {&model,       &epochs,   &batchSize,    &lr,       &momentum,
                                                      &weightDecay, &schedule, &warmup,       &gradClip, &augment,
                                                      &flip,        &seed,     &healthChecks, &threads,  &device};
  return all;
}

}  // namespace ps::setting
