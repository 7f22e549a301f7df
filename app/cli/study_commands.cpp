// prunescope-cli: prune, frontier, scaling, audit and theory.
#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "cli/registry_help.h"
#include "cli/score_source.h"
#include "cli/setting_options.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "prune/subset_export.h"
#include "score/prediction_columns.h"
#include "score/predictions.h"
#include "score/score_engine.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "study/fairness_audit.h"
#include "study/frontier_study.h"
#include "study/group_audit.h"
#include "study/group_error.h"
#include "study/policy_inputs.h"
#include "study/scaling_envelope.h"
#include "study/scaling_study.h"
#include "study/study_runner.h"
#include "theory/perceptron_theory.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "util/text_list.h"

namespace ps {

namespace {

// What every study command shares: the dataset, the score it prunes by, the store.
struct StudyCommon {
  std::string dataset, db, out, json;
  StudyScore score;
  bool quiet = false;
  bool trainingGiven = false;  // the command line set the scoring run's training (--score-epochs, ...)
};

// Which run the command prunes by, said before any work (see cli/score_source.h).
void settleScore(const Dataset& ds, const Store& store, StudyCommon& c, StudyScore& score,
                 const std::vector<std::string>& names, std::ostream& out) {
  chooseScoreSource(ds, store, score, names, c.trainingGiven, out);
}

void addCommon(CLI::App* cmd, StudyCommon& c, bool needsOut) {
  cmd->add_option("dataset", c.dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("--score", c.score.name, "Score to prune by (computed and cached when missing)")
      ->capture_default_str();
  cmd->add_option("--score-run", c.score.runId, "Use this finished score or import run instead");
  addScoreRunOptions(cmd, c.score.config, "score-");
  cmd->add_option("--db", c.db, "Store file (shared with the GUI)");
  auto* o = cmd->add_option("--out", c.out, "CSV file of the results");
  if (needsOut) o->required();
  cmd->add_option("--json", c.json, "JSON file of the results with provenance (default: the CSV name + .json)");
  cmd->add_flag("--quiet", c.quiet, "No progress line");
  cmd->add_flag("--exclude-tagged", c.score.excludeTagged,
                "Leave out examples tagged 'exclude' (see the tag command); recorded in the settings");
}

std::string jsonPath(const StudyCommon& c) { return c.json.empty() ? c.out + ".json" : c.json; }

// Group-balanced on a dataset with no attribute to group by: refused before any work.
void checkGroupsFor(const Dataset& ds, const std::vector<PrunePolicy>& policies) {
  if (std::find(policies.begin(), policies.end(), PrunePolicy::GroupBalanced) != policies.end()) poolGroups(ds, {});
}

// `names` (the scores a command prunes by) and those its policies read (dedup: semdedup),
// each once: what one scoring run must hold.
std::vector<std::string> withPolicyScores(std::vector<std::string> names, const std::vector<PrunePolicy>& policies) {
  for (const auto& n : scoresPoliciesNeed(policies))
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  return names;
}

// ---- prune ----
struct PruneOptions {
  StudyCommon common;
  std::string policy = PrunePolicy::KeepHard.name();
  PruneSpec spec;
  TrainConfig train;  // the robust policy's held-out model
  bool keepGiven = false, epsilonGiven = false, scoreGiven = false;
};

// A .csv subset carries the predictions of the score run it was pruned by, when the run
// stored them (as a score's CSV export does); exports the subset.
void exportPruned(const Dataset& ds, const Store& store, const std::vector<int64_t>& idx,
                  const std::vector<float>& vals, const SubsetProvenance& prov, const std::string& path) {
  const bool csv = endsWith(toLower(path), ".csv");
  const std::vector<int64_t> runIndices = csv ? loadRunIndices(store, prov.scoreRunId) : std::vector<int64_t>();
  const Predictions predictions = csv ? loadPredictions(store, prov.scoreRunId, runIndices.size()) : Predictions();
  const PredictionColumns columns(predictions, runIndices, ds.labelsOf(Split::Train, runIndices), ds.classNames());
  const ExtraCsvColumns extra{PredictionColumns::header(),
                              [&columns](CsvWriter& w, int64_t i) { columns.write(w, i); }};
  exportSubset(ds, idx, vals, prov, path, columns.empty() ? nullptr : &extra);
}

// --keep, or dedup's --epsilon in its place; dedup prunes by semdedup unless --score names another.
void settlePruneSpec(PruneOptions& o) {
  o.spec.policy = parsePrunePolicy(o.policy);
  if (o.epsilonGiven && !(o.spec.epsilon > 0 && o.spec.epsilon < 1)) {
    std::ostringstream s;
    s << "--epsilon " << o.spec.epsilon
      << " is outside (0, 1): dedup keeps one of every group of examples whose cosine similarity exceeds 1 - epsilon";
    throw ConfigError(s.str());
  }
  if (o.epsilonGiven && o.keepGiven)
    throw ConfigError("--keep and --epsilon both say how many examples to keep: give one");
  if (!o.keepGiven && !(o.epsilonGiven && o.spec.policy.info().options.epsilon))
    throw ConfigError("--keep f is required (or --epsilon E with a policy that takes it: dedup)");
  if (o.spec.policy.info().needsRedundancy && !o.scoreGiven && o.common.score.runId == 0)
    o.common.score.name = "semdedup";
  o.spec.validate();  // before any scoring
}

int runPrune(PruneOptions& o, CliIo io) {
  settlePruneSpec(o);
  o.common.score.excludeTagged = true;  // an exported subset never holds an example tagged 'exclude'
  Store store(storePathOr(o.common.db));
  auto ds = openDatasetFor(o.common.dataset, store, io.err);
  checkGroupsFor(*ds, {o.spec.policy});
  const std::vector<std::string> needed = withPolicyScores({o.common.score.name}, {o.spec.policy});
  settleScore(*ds, store, o.common, o.common.score, needed, io.out);
  return withJob(o.common.quiet, io.err, [&](JobContext& ctx) {
    ResolvedScore score = resolveStudyScore(*ds, store, o.common.score, ctx, "", needed);
    attachPolicyInputs(*ds, store, {o.spec.policy}, o.train, score, ctx);
    if (score.excluded > 0) io.out << "left out " << score.excluded << " examples tagged 'exclude'\n";
    const std::vector<int> labels = ds->labelsOf(Split::Train, score.indices);
    const auto kept = selectSubset(score.difficulty, labels, o.spec, score.tieBreak(), &score.inputs);
    std::vector<int64_t> idx;
    std::vector<float> vals;
    std::vector<int64_t> perClass(ds->numClasses(), 0), total(ds->numClasses(), 0);
    for (int l : labels) ++total[static_cast<size_t>(l)];
    for (int64_t p : kept) {
      idx.push_back(score.indices[static_cast<size_t>(p)]);
      vals.push_back(score.difficulty[static_cast<size_t>(p)]);
      ++perClass[static_cast<size_t>(labels[static_cast<size_t>(p)])];
    }
    SubsetProvenance prov{ds->spec(), ds->fingerprint(), score.runId, o.common.score.name, o.spec, {}, score.excluded};
    exportPruned(*ds, store, idx, vals, prov, o.common.out);
    io.out << o.spec.label() << " by " << o.common.score.name << ": kept " << idx.size() << " of " << labels.size()
           << " examples -> " << o.common.out << "\n";
    for (size_t c = 0; c < perClass.size(); ++c)
      io.out << "  " << std::left << std::setw(14) << ds->classNames()[c] << std::right << std::setw(7) << perClass[c]
             << " / " << total[c] << "\n";
    return 0;
  });
}

// ---- frontier ----
struct FrontierOptions {
  StudyCommon common;
  std::string policies = setting::policies.text, keeps = setting::frontierKeeps.text;
  FrontierConfig config;
  FrontierMetric metric = FrontierMetric::Error;  // what the printed table and its Pareto front show
};

// The points with the chosen metric ("error", "worst-class" or "worst-group") and its
// Pareto front (*).
void printFrontierPoints(const FrontierResult& study, FrontierMetric metric, std::ostream& out) {
  const FrontierResult r = frontierByMetric(study, metric);
  const std::string name =
      metric == FrontierMetric::Error ? "error" : enumName(frontierMetricNames(), metric) + std::string(" error");
  out << "  score       policy   keep    kept  epochs  " << name << " (mean +- std)  pareto\n";
  for (const auto& p : r.points)
    out << "  " << std::left << std::setw(12) << (p.score.empty() ? "-" : p.score) << std::setw(7) << p.policy
        << std::right << std::setw(6) << p.keep << std::setw(8) << p.kept << std::setw(8) << p.epochs << "   "
        << std::fixed << std::setprecision(4) << p.errorMean << " " << spreadText(p.errorStd, p.errors.size())
        << std::defaultfloat << (p.pareto ? "   *" : "") << "\n";
}

// The study's settings from the parsed options (the local command and slurm frontier).
void prepareFrontier(FrontierOptions& o) {
  o.config.score = o.common.score;
  const auto names = splitList(o.common.score.name);  // frontier compares several scores
  if (names.empty()) throw ConfigError("no score named: expected --score el2n[,forgetting,...]");
  o.config.score.name = names.front();
  o.config.moreScores.assign(names.begin() + 1, names.end());
  o.config.policies = splitList(o.policies);
  o.config.keeps = parseDoubles(o.keeps, "kept fraction");
  o.config.validate();
}

int runFrontier(FrontierOptions& o, CliIo io) {
  prepareFrontier(o);
  Store store(storePathOr(o.common.db));
  auto ds = openDatasetFor(o.common.dataset, store, io.err);
  std::vector<std::string> names = {o.config.score.name};
  names.insert(names.end(), o.config.moreScores.begin(), o.config.moreScores.end());
  checkGroupsFor(*ds, parsePolicies(o.config.policies));
  if (o.metric == FrontierMetric::WorstGroup && testGroups(*ds).empty())
    throw ConfigError("--metric worst-group: the dataset " + o.common.dataset +
                      " has no attribute to group by (its attributes: " + attributeNames(ds->attributes()) + ")");
  settleScore(*ds, store, o.common, o.config.score, withPolicyScores(names, parsePolicies(o.config.policies)), io.out);
  return withJob(o.common.quiet, io.err, [&](JobContext& ctx) {
    const FrontierResult r = runFrontierStudy(*ds, store, o.config, ctx);
    OutputGroup files;  // the CSV and its sidecar change together
    writeFrontierCsv(r, o.common.out);
    writeFrontierJson(r, o.config.toJson(), ds->fingerprint(), jsonPath(o.common));
    files.commit();
    io.out << "frontier study (run " << r.runId << (r.fromCache ? ", from the store" : "") << "), score " << r.scoreName
           << ", " << enumName(budgetNames(), o.config.budget) << " budget\n";
    printFrontierPoints(r, o.metric, io.out);
    io.out << "wrote " << o.common.out << " and " << jsonPath(o.common) << "\n";
    return 0;
  });
}

// ---- scaling ----
struct ScalingOptions {
  StudyCommon common;
  std::string policies = setting::policies.text, keeps = setting::scalingKeeps.text, sizes;
  ScalingConfig config;
};

void prepareScaling(ScalingOptions& o) {
  o.config.score = o.common.score;
  o.config.policies = splitList(o.policies);
  o.config.keeps = parseDoubles(o.keeps, "kept fraction");
  if (!splitList(o.sizes).empty())
    for (double s : parseDoubles(o.sizes, "size")) o.config.sizes.push_back(static_cast<int64_t>(s));
  o.config.validate();
}

int runScaling(ScalingOptions& o, CliIo io) {
  prepareScaling(o);
  Store store(storePathOr(o.common.db));
  auto ds = openDatasetFor(o.common.dataset, store, io.err);
  settleScore(*ds, store, o.common, o.config.score,
              withPolicyScores({o.config.score.name}, parsePolicies(o.config.policies)), io.out);
  return withJob(o.common.quiet, io.err, [&](JobContext& ctx) {
    const ScalingResult r = runScalingStudy(*ds, store, o.config, ctx);
    OutputGroup files;
    writeScalingCsv(r, o.common.out);
    writeScalingJson(r, o.config.toJson(), ds->fingerprint(), jsonPath(o.common));
    files.commit();
    io.out << "scaling study (run " << r.runId << (r.fromCache ? ", from the store" : "") << "), score " << r.scoreName
           << "\n  policy   keep    pool    kept  error\n";
    for (const auto& p : r.points)
      io.out << "  " << std::left << std::setw(7) << p.policy << std::right << std::setw(6) << p.keep << std::setw(8)
             << p.pool << std::setw(8) << p.kept << "  " << std::fixed << std::setprecision(4) << p.errorMean
             << std::defaultfloat << "\n";
    io.out << "power-law fits (error against examples kept):\n";
    for (const auto& c : r.curves)
      io.out << "  " << std::left << std::setw(7) << c.policy << std::right << std::setw(6) << c.keep << "  "
             << (c.fitted ? c.fit.str() : std::string("too few points")) << "\n";
    for (const auto& x : r.crossovers) io.out << "  f=" << x.keep << ": " << x.description << "\n";
    io.out << "wrote " << o.common.out << " and " << jsonPath(o.common) << "\n";
    return 0;
  });
}

// ---- audit ----
struct AuditOptions {
  StudyCommon common;
  std::string policy = PrunePolicy::KeepHard.name();
  AuditConfig config;
  bool classBalanced = false;
  std::string groupBy;
  GroupAuditConfig groups;
};

// audit --group-by: the audit by group of the policy (in its class-balanced form with
// --class-balanced), written as CSV (one row per group) and JSON (the summary).
int runAuditByGroup(AuditOptions& o, CliIo io) {
  Store store(storePathOr(o.common.db));
  auto ds = openDatasetFor(o.common.dataset, store, io.err);
  settleScore(*ds, store, o.common, o.config.score, withPolicyScores({o.config.score.name}, {o.config.spec.policy}),
              io.out);
  o.groups.audit = o.config;
  o.groups.audit.spec.classBalanced = o.classBalanced;
  o.groups.groupBy = splitList(o.groupBy);
  return withJob(o.common.quiet, io.err, [&](JobContext& ctx) {
    const GroupAuditResult r = runGroupAudit(*ds, store, o.groups, ctx);
    OutputGroup files;
    writeGroupAuditCsv(r, o.common.out);
    writeGroupAuditJson(r, ds->fingerprint(), jsonPath(o.common));
    files.commit();
    std::string by;
    for (const std::string& a : r.attributes) by += (by.empty() ? "" : ", ") + a;
    io.out << "audit of " << r.policy << " by " << r.scoreName << ", grouped by class x " << by << ": kept " << r.kept
           << " of " << r.pool << ", " << r.groups.size() << " groups, " << r.seeds << " seed(s)\n";
    auto metric = [&](const char* what, const GroupMetric& m) {
      io.out << "  " << what << " " << std::fixed << std::setprecision(4) << m.value << " +/- " << m.spread << " ["
             << m.low << ", " << m.high << "]" << std::defaultfloat << (m.group.empty() ? "" : " (" + m.group + ")")
             << "\n";
    };
    for (const auto* side : {&r.subset, &r.full}) {
      if (!r.hasAccuracy) break;
      io.out << (side == &r.subset ? "subset model:\n" : "full-data model:\n");
      metric("average accuracy    ", side->average);
      metric("worst-group accuracy", side->worstGroup);
      metric("gap                 ", side->gap);
      metric("worst-class accuracy", side->worstClass);
    }
    io.out << "wrote " << o.common.out << " and " << jsonPath(o.common) << "\n" << worstGroupLine(r) << "\n";
    return 0;
  });
}

int runAudit(AuditOptions& o, CliIo io) {
  o.config.score = o.common.score;
  o.config.spec.policy = parsePrunePolicy(o.policy);
  if (!o.groupBy.empty()) return runAuditByGroup(o, io);
  Store store(storePathOr(o.common.db));
  auto ds = openDatasetFor(o.common.dataset, store, io.err);
  settleScore(*ds, store, o.common, o.config.score, withPolicyScores({o.config.score.name}, {o.config.spec.policy}),
              io.out);
  return withJob(o.common.quiet, io.err, [&](JobContext& ctx) {
    const AuditResult r = runFairnessAudit(*ds, store, o.config, ctx);
    OutputGroup files;
    writeAuditCsv(r, o.common.out);
    writeAuditJson(r, ds->fingerprint(), jsonPath(o.common));
    files.commit();
    auto show = [&](const AuditSide& s) {
      io.out << s.label << ": kept " << s.kept;
      if (s.hasAccuracy)
        io.out << ", test error " << std::fixed << std::setprecision(4) << s.errorSubset << " (full data "
               << s.errorFull << "), worst class " << s.worstClass << " at " << s.worstAccuracy << std::defaultfloat;
      io.out << "\n  class          kept/total  kept frac";
      if (s.hasAccuracy) io.out << "  acc subset  acc full  change";
      io.out << "\n";
      for (const auto& a : s.classes) {
        io.out << "  " << std::left << std::setw(14) << a.name << std::right << std::setw(5) << a.kept << "/"
               << std::left << std::setw(6) << a.total << std::right << std::fixed << std::setprecision(3)
               << std::setw(9) << a.keptFraction;
        if (s.hasAccuracy)
          io.out << std::setw(12) << a.accuracySubset << std::setw(10) << a.accuracyFull << std::showpos << std::setw(8)
                 << a.change << std::noshowpos;
        io.out << std::defaultfloat << (a.disproportionate ? "  pruned disproportionately" : "") << "\n";
      }
    };
    const AuditSide& first = o.classBalanced ? r.balanced : r.policy;
    const AuditSide& second = o.classBalanced ? r.policy : r.balanced;
    io.out << "audit by " << r.scoreName << " at f=" << r.keep << " (flag: a class keeps < " << r.threshold
           << " x f)\n";
    show(first);
    io.out << "compared with:\n";
    show(second);
    if (!r.policy.hasAccuracy)
      io.out << "(no accuracy columns: no models for these subsets in the store; --train trains them)\n";
    io.out << "wrote " << o.common.out << " and " << jsonPath(o.common) << "\n";
    return 0;
  });
}

// ---- theory ----
struct TheoryOptions {
  TheoryConfig config;
  std::string alphaTot = "1,2,5,10,20", keeps = setting::frontierKeeps.text, policies = joinList(theoryPolicyNames());
  std::string out, json;
};

int runTheory(TheoryOptions& o, CliIo io) {
  o.config.alphaTot = parseDoubles(o.alphaTot, "alpha_tot");
  o.config.keeps = parseDoubles(o.keeps, "kept fraction");
  o.config.policies = splitList(o.policies);
  JobContext ctx;
  const auto points = simulatePerceptron(o.config, ctx);
  const std::string json = o.json.empty() ? o.out + ".json" : o.json;
  OutputGroup files;
  writeTheoryCsv(points, o.out);
  writeTheoryJson(points, o.config, json);
  files.commit();
  io.out << "perceptron theory: N=" << o.config.dim << ", theta=" << o.config.thetaDegrees << " deg, "
         << o.config.trials << " trials\n  alpha_tot  keep  policy  alpha_prune  error (mean +- sem)\n";
  for (const auto& p : points)
    io.out << "  " << std::setw(9) << p.alphaTot << std::setw(6) << p.keep << "  " << std::left << std::setw(7)
           << p.policy << std::right << std::setw(11) << p.alphaPrune << "   " << std::fixed << std::setprecision(4)
           << p.errorMean << " +- " << p.errorSem << std::defaultfloat << (p.pareto ? "  pareto" : "") << "\n";
  io.out << "wrote " << o.out << " and " << json << "\n";
  return 0;
}

void addPruneOptions(CLI::App* cmd, PruneSpec& s, bool withKeep) {
  if (withKeep) addSetting(cmd, setting::keep, s.keep)->required();
  addSetting(cmd, setting::beta, s.beta);
  addSetting(cmd, setting::strata, s.strata);
  addSetting(cmd, setting::pruneSeed, s.seed);
}

// What the frontier and scaling commands share (study/study_config.h's StudySettings),
// from the declarations; `keeps` is the study's own grid.
void addStudySettings(CLI::App* cmd, StudySettings& c, std::string& policies, std::string& keeps,
                      const SettingSpec& keepsSetting) {
  addSetting(cmd, setting::policies, policies)->description(policyOptionHelp(true));
  addSetting(cmd, keepsSetting, keeps);
  addSwitch(cmd, setting::classBalanced, c.classBalanced, setting::classBalanced.help);
  addSetting(cmd, setting::beta, c.beta);
  addSetting(cmd, setting::strata, c.strata);
  addChoice(cmd, setting::budget, c.budget, budgetNames());
  addSetting(cmd, setting::studySeeds, c.seeds);
  addSetting(cmd, setting::testLimit, c.testLimit);
  addTrainOptions(cmd, c.train);
}

CLI::App* addFrontierCommand(CLI::App* parent, FrontierOptions& o) {
  auto* cmd =
      parent->add_subcommand("frontier", "Test error against kept fraction per policy, with the Pareto frontier");
  addCommon(cmd, o.common, true);
  addStudySettings(cmd, o.config, o.policies, o.keeps, setting::frontierKeeps);
  addEnumOption(cmd, "--metric", o.metric, frontierMetricNames(),
                "What the table and its Pareto front show: test error, the worst class's error, or the worst "
                "group's error (class x the dataset's attributes)");
  return cmd;
}

CLI::App* addScalingCommand(CLI::App* parent, ScalingOptions& o) {
  auto* cmd = parent->add_subcommand("scaling", "Test error against training-set size, with power-law fits");
  addCommon(cmd, o.common, true);
  addStudySettings(cmd, o.config, o.policies, o.keeps, setting::scalingKeeps);
  addSetting(cmd, setting::sizes, o.sizes);
  addSetting(cmd, setting::minSize, o.config.minSize);
  addSetting(cmd, setting::steps, o.config.steps);
  return cmd;
}

CLI::App* addPruneCommand(CLI::App& app, PruneOptions& prune) {
  auto* cmd = app.add_subcommand("prune", "Select a pruned subset and export it (.txt, .npy or .csv)");
  addCommon(cmd, prune.common, true);
  cmd->add_option("--policy", prune.policy, policyOptionHelp(false))->capture_default_str();
  cmd->add_flag("--class-balanced", prune.spec.classBalanced, "Every class keeps the same fraction");
  addPruneOptions(cmd, prune.spec, true);
  cmd->get_option("--keep")->required(false);  // dedup's --epsilon may stand in its place
  addSetting(cmd, setting::epsilon, prune.spec.epsilon);
  addTrainOptions(cmd, prune.train);  // the robust policy's held-out model
  return cmd;
}

CLI::App* addAuditCommand(CLI::App& app, AuditOptions& audit) {
  auto* cmd = app.add_subcommand("audit", "Per-class fairness audit of a pruning, against its class-balanced form");
  addCommon(cmd, audit.common, true);
  cmd->add_option("--policy", audit.policy, policyOptionHelp(false))->capture_default_str();
  cmd->add_flag("--class-balanced", audit.classBalanced, "List the class-balanced form first");
  addPruneOptions(cmd, audit.config.spec, true);
  cmd->add_option("--threshold", audit.config.threshold, "Flag classes keeping < threshold x f")->capture_default_str();
  cmd->add_flag("--train", audit.config.trainModels, "Train the subset and full-data models when not in the store");
  addSetting(cmd, setting::testLimit, audit.config.testLimit);
  addTrainOptions(cmd, audit.config.train);
  cmd->add_option("--group-by", audit.groupBy,
                  "Audit by group: class x these attributes (comma-separated), with attribute-only margins");
  cmd->add_option("--seeds", audit.groups.seeds, "With --group-by: models per side (seeds --seed, --seed+1, ...)")
      ->capture_default_str();
  cmd->add_option("--bootstrap", audit.groups.bootstrap,
                  "With --group-by: bootstrap resamples of the test examples for the intervals")
      ->capture_default_str();
  cmd->add_option("--bootstrap-seed", audit.groups.bootstrapSeed, "Seed of the bootstrap")->capture_default_str();
  return cmd;
}

CLI::App* addTheoryCommand(CLI::App& app, TheoryOptions& theory) {
  auto* cmd = app.add_subcommand("theory", "Teacher-student perceptron simulation of data pruning");
  cmd->add_option("--dim", theory.config.dim, "Input dimension N")->capture_default_str();
  cmd->add_option("--alpha-tot", theory.alphaTot, "Examples per dimension before pruning")->capture_default_str();
  cmd->add_option("--keep", theory.keeps, "Kept fractions")->capture_default_str();
  cmd->add_option("--policy", theory.policies, "Comma-separated policies the theory simulates")->capture_default_str();
  cmd->add_option("--theta", theory.config.thetaDegrees, "Probe angle to the teacher, degrees")->capture_default_str();
  cmd->add_option("--trials", theory.config.trials, "Monte-Carlo trials per point")->capture_default_str();
  cmd->add_option("--seed", theory.config.seed, "Seed")->capture_default_str();
  cmd->add_option("--out", theory.out, "CSV file")->required();
  cmd->add_option("--json", theory.json, "JSON file (default: the CSV name + .json)");
  return cmd;
}

}  // namespace

void addStudyPlanCommands(CLI::App* parent, std::vector<CliCommand>& commands,
                          const std::function<void(CLI::App*)>& extra, const StudyPlanner& plan) {
  auto frontier = std::make_shared<FrontierOptions>();
  CLI::App* f = addFrontierCommand(parent, *frontier);
  extra(f);
  commands.push_back({f, [frontier, f, plan] {
                        prepareFrontier(*frontier);
                        const FrontierConfig cfg = frontier->config;
                        return plan({runKindName(RunKind::Frontier), frontier->common.dataset, frontier->common.db,
                                     [cfg](const Dataset& ds, Store& store, JobContext& ctx) {
                                       return frontierStudyPoints(ds, store, cfg, ctx);
                                     }},
                                    f);
                      }});
  auto scaling = std::make_shared<ScalingOptions>();
  CLI::App* sc = addScalingCommand(parent, *scaling);
  extra(sc);
  commands.push_back({sc, [scaling, sc, plan] {
                        prepareScaling(*scaling);
                        const ScalingConfig cfg = scaling->config;
                        return plan({runKindName(RunKind::Scaling), scaling->common.dataset, scaling->common.db,
                                     [cfg](const Dataset& ds, Store& store, JobContext& ctx) {
                                       return scalingStudyPoints(ds, store, cfg, ctx);
                                     }},
                                    sc);
                      }});
}

void addStudyCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto prune = std::make_shared<PruneOptions>();
  auto* pruneCmd = addPruneCommand(app, *prune);
  commands.push_back({pruneCmd, [prune, pruneCmd, io] {
                        prune->common.trainingGiven = scoreTrainingGiven(*pruneCmd, "score-");
                        prune->keepGiven = pruneCmd->get_option("--keep")->count() > 0;
                        prune->epsilonGiven = pruneCmd->get_option("--epsilon")->count() > 0;
                        prune->scoreGiven = pruneCmd->get_option("--score")->count() > 0;
                        return runPrune(*prune, io);
                      }});
  auto frontier = std::make_shared<FrontierOptions>();
  auto* frontierCmd = addFrontierCommand(&app, *frontier);
  commands.push_back({frontierCmd, [frontier, frontierCmd, io] {
                        frontier->common.trainingGiven = scoreTrainingGiven(*frontierCmd, "score-");
                        return runFrontier(*frontier, io);
                      }});
  auto scaling = std::make_shared<ScalingOptions>();
  auto* scalingCmd = addScalingCommand(&app, *scaling);
  commands.push_back({scalingCmd, [scaling, scalingCmd, io] {
                        scaling->common.trainingGiven = scoreTrainingGiven(*scalingCmd, "score-");
                        return runScaling(*scaling, io);
                      }});
  auto audit = std::make_shared<AuditOptions>();
  auto* auditCmd = addAuditCommand(app, *audit);
  commands.push_back({auditCmd, [audit, auditCmd, io] {
                        audit->common.trainingGiven = scoreTrainingGiven(*auditCmd, "score-");
                        return runAudit(*audit, io);
                      }});
  auto theory = std::make_shared<TheoryOptions>();
  auto* theoryCmd = addTheoryCommand(app, *theory);
  commands.push_back({theoryCmd, [theory, io] { return runTheory(*theory, io); }});
}

}  // namespace ps
