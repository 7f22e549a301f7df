// prunescope-cli: plan-prune (which kept fraction and policy for a budget or a target
// error, from the measured studies) and report (one self-contained HTML file).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>

#include "cli/cli_command.h"
#include "data/dataset.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "prune/policy_registry.h"
#include "report/study_report.h"
#include "store/store.h"
#include "study/pruning_planner.h"
#include "study/scaling_envelope.h"
#include "theory/optimal_keep.h"
#include "util/errors.h"
#include "util/text_list.h"

namespace ps {

namespace {

struct PlanOptions {
  std::string dataset, db;
  std::string budget, targetError;  // parsed here: their messages name the accepted range
  bool json = false, theory = true;
};

void printTheory(std::ostream& out) {
  JobContext ctx;
  const TheoryConfig config = optimalKeepTheoryConfig();
  const auto curve = optimalKeepCurve(simulatePerceptron(config, ctx));
  out << "THEORY, for comparison only (teacher-student perceptron, N=" << config.dim << ", " << config.trials
      << " trials; not this dataset). alpha_tot = examples per dimension before pruning.\n"
      << "  alpha_tot  lowest error: policy  f   error   | f=1 error | winning policy per kept fraction\n";
  for (const auto& o : curve) {
    out << "  " << std::setw(9) << o.alphaTot << "  " << std::setw(20)
        << (o.keep >= 1.0 ? std::string("none") : o.policy) << std::setw(5) << o.keep << "  " << std::fixed
        << std::setprecision(4) << o.error << " |  " << o.unprunedError << "   |";
    for (const auto& w : o.winners) out << " f=" << std::setprecision(1) << w.keep << " " << w.policy;
    out << std::defaultfloat << std::setprecision(6) << "\n";
  }
}

void printPlan(const PruningPlan& plan, std::ostream& out) {
  out << plan.answer << "\n";
  for (const auto& n : plan.notes) out << "note: " << n << "\n";
  if (plan.options.empty()) return;
  out << "options, best first:\n  run  score        policy  keep      pool      kept   "
      << (plan.byBudget ? "error +- std" : "pool range (error -+ std)") << "  seeds  how\n";
  for (const auto& o : plan.options) {
    const bool unpruned = o.keep >= 1.0;  // f = 1 prunes by nothing
    out << "  " << std::setw(3) << o.runId << "  " << std::left << std::setw(12)
        << (unpruned || !policyUsesScore(o.policy) ? std::string("-") : o.score) << " " << std::setw(7)
        << (unpruned ? std::string("none") : o.policy) << std::right << std::setw(5) << o.keep << std::fixed
        << std::setprecision(0) << std::setw(10) << o.pool << std::setw(10) << o.kept << "   ";
    if (plan.byBudget)
      out << std::setprecision(4) << o.error << " " << spreadText(o.errorStd, static_cast<size_t>(o.seeds));
    else
      out << std::setw(8) << o.poolLo << " to " << std::setw(8) << o.poolHi;
    out << std::defaultfloat << std::setw(5) << o.seeds << "  " << o.how << "\n";
  }
}

// The value of --budget or --target-error as typed; NaN when it is not a number (the
// planner's checks then refuse it, naming the text and the accepted range).
double numberOption(const std::string& text) { return parseNumber(text).value_or(std::nan("")); }

int runPlan(const PlanOptions& o, CliIo io) {
  if (o.budget.empty() == o.targetError.empty())
    throw ConfigError("give exactly one of --budget N (examples before pruning) or --target-error E (0 < E < 1)");
  // checked before the dataset is opened: a typo fails at once
  const double budget = numberOption(o.budget), target = numberOption(o.targetError);
  if (o.budget.empty())
    checkTargetError(target, o.targetError);
  else
    checkBudget(budget, o.budget);
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, io.err);
  const PlanInputs in = loadPlanInputs(store, ds->fingerprint());
  const PruningPlan plan = o.budget.empty() ? planForTarget(in, target) : planForBudget(in, budget);
  if (o.json) {
    io.out << planJson(plan) << "\n";
    return 0;
  }
  io.out << "pruning plan for " << ds->spec() << " (fingerprint " << ds->fingerprint() << ", " << in.runs.size()
         << " study runs in " << store.path() << ")\n";
  printPlan(plan, io.out);
  if (o.theory) printTheory(io.out);
  return 0;
}

struct ReportCliOptions {
  std::string dataset, db, out, budget;
  ReportOptions report;
};

int runReport(ReportCliOptions& o, CliIo io) {
  if (!o.budget.empty()) {
    o.report.budget = numberOption(o.budget);
    checkBudget(o.report.budget, o.budget);
  }
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, io.err);
  JobContext ctx;
  const size_t bytes = writeStudyReport(*ds, store, o.report, ctx, o.out);
  io.out << "wrote " << o.out << " (" << bytes << " bytes): the studies of " << ds->spec() << " in " << store.path()
         << "\n";
  return 0;
}

}  // namespace

void addDecisionCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto plan = std::make_shared<PlanOptions>();
  auto* planCmd = app.add_subcommand(
      "plan-prune", "Which kept fraction and policy to expect best for a budget or a target error, from the studies");
  planCmd->add_option("dataset", plan->dataset, "A dataset path or fashion-mnist")->required();
  planCmd->add_option("--db", plan->db, "Store file (shared with the GUI)");
  auto* budget = planCmd->add_option("--budget", plan->budget, "Examples available before pruning (1 to 1e12)");
  auto* target = planCmd->add_option("--target-error", plan->targetError, "Test error to reach, in (0, 1)");
  budget->excludes(target);
  planCmd->add_flag("--json", plan->json, "Print the plan as JSON");
  planCmd->add_flag("!--no-theory", plan->theory, "Leave out the perceptron theory's optimal kept fraction");
  commands.push_back({planCmd, [plan, io] { return runPlan(*plan, io); }});

  auto report = std::make_shared<ReportCliOptions>();
  auto* reportCmd = app.add_subcommand(
      "report", "One self-contained HTML file: studies, envelope, plan, agreement, audit and provenance");
  reportCmd->add_option("dataset", report->dataset, "A dataset path or fashion-mnist")->required();
  reportCmd->add_option("--db", report->db, "Store file (shared with the GUI)");
  reportCmd->add_option("--out", report->out, "The HTML file to write")->required();
  reportCmd->add_option("--budget", report->budget,
                        "The plan's budget, examples before pruning (default: the largest pool measured)");
  reportCmd->add_flag("!--no-theory", report->report.theory, "Leave out the perceptron theory's optimal kept fraction");
  commands.push_back({reportCmd, [report, io] { return runReport(*report, io); }});
}

}  // namespace ps
