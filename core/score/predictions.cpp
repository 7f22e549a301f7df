#include "score/predictions.h"

#include <algorithm>

#include "store/store.h"
#include "util/errors.h"

namespace ps {

namespace {

std::vector<float> asFloats(const std::vector<int32_t>& v) { return {v.begin(), v.end()}; }

std::vector<int32_t> asClasses(const std::vector<float>& v, size_t numbers, const std::string& what) {
  if (v.size() != numbers) throw StoreError(what);
  std::vector<int32_t> out(v.size());
  for (size_t k = 0; k < v.size(); ++k) {
    if (!(v[k] >= -1.0f && v[k] < 1e6f)) throw StoreError(what);
    out[k] = static_cast<int32_t>(v[k]);
  }
  return out;
}

// Mean probability per class over the seeds, for one example, from each seed's top classes.
std::map<int32_t, double> meanTop(const std::vector<SeedPredictions>& seeds, size_t i) {
  std::map<int32_t, double> sum;
  for (const auto& s : seeds)
    for (size_t t = 0; t < kTopClasses; ++t) {
      const int32_t c = s.topClass[i * kTopClasses + t];
      if (c >= 0) sum[c] += s.topProb[i * kTopClasses + t];
    }
  for (auto& kv : sum) kv.second /= static_cast<double>(seeds.size());
  return sum;
}

// The most probable class among those confident enough by their own threshold (the
// given label `y` included), or -1 when none is.
int confidentClass(const Predictions& p, size_t i, int y, const std::vector<double>& threshold) {
  int confident = p.pLabel[i] >= threshold[static_cast<size_t>(y)] ? y : -1;
  double best = confident >= 0 ? p.pLabel[i] : -1.0;
  for (size_t t = 0; t < kTopClasses; ++t) {
    const int32_t c = p.topClass[i * kTopClasses + t];
    const double prob = p.topProb[i * kTopClasses + t];
    if (c < 0 || static_cast<size_t>(c) >= threshold.size() || c == y) continue;
    if (prob >= threshold[static_cast<size_t>(c)] && prob > best) {
      best = prob;
      confident = c;
    }
  }
  return confident;
}

}  // namespace

Predictions combineSeeds(const std::vector<SeedPredictions>& seeds, const std::vector<int>& labels) {
  Predictions p;
  if (seeds.empty()) return p;
  const size_t n = labels.size();
  p.seeds = static_cast<int>(seeds.size());
  p.predicted.assign(n, -1);
  p.pPredicted.assign(n, 0.f);
  p.pLabel.assign(n, 0.f);
  p.disagree.assign(n, 0.f);
  p.topClass.assign(n * kTopClasses, -1);
  p.topProb.assign(n * kTopClasses, 0.f);
  for (size_t i = 0; i < n; ++i) {
    std::map<int32_t, int> votes;
    double pl = 0;
    for (const auto& s : seeds) {
      const int32_t top = s.topClass[i * kTopClasses];
      ++votes[top];
      p.disagree[i] += top != labels[i] ? 1.f : 0.f;
      pl += s.pLabel[i];
    }
    p.disagree[i] /= static_cast<float>(seeds.size());
    p.pLabel[i] = static_cast<float>(pl / static_cast<double>(seeds.size()));
    const auto mean = meanTop(seeds, i);
    // The most frequent prediction; ties go to the higher mean probability.
    auto best = votes.begin();
    for (auto it = votes.begin(); it != votes.end(); ++it)
      if (it->second > best->second || (it->second == best->second && mean.at(it->first) > mean.at(best->first)))
        best = it;
    p.predicted[i] = best->first;
    p.pPredicted[i] = static_cast<float>(mean.at(best->first));
    std::vector<std::pair<double, int32_t>> ranked;
    ranked.reserve(mean.size());
    for (const auto& [c, prob] : mean) ranked.emplace_back(prob, c);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a > b; });
    for (size_t t = 0; t < std::min<size_t>(kTopClasses, ranked.size()); ++t) {
      p.topClass[i * kTopClasses + t] = ranked[t].second;
      p.topProb[i * kTopClasses + t] = static_cast<float>(ranked[t].first);
    }
  }
  return p;
}

void putPredictions(Store& store, int64_t runId, const Predictions& p) {
  if (p.empty()) return;
  store.putVectors(runId, {{"pred/class", asFloats(p.predicted)},
                           {"pred/p_class", p.pPredicted},
                           {"pred/p_label", p.pLabel},
                           {"pred/disagree", p.disagree},
                           {"pred/top_class", asFloats(p.topClass)},
                           {"pred/top_prob", p.topProb},
                           {"pred/seeds", {static_cast<float>(p.seeds)}}});
}

Predictions loadPredictions(const Store& store, int64_t runId, size_t n) {
  const auto names = store.vectorNames(runId);
  Predictions p;
  if (std::find(names.begin(), names.end(), "pred/class") == names.end()) return p;
  const std::string damaged = store.path() + ": run " + std::to_string(runId) +
                              "'s stored predictions do not fit its " + std::to_string(n) +
                              " examples; the store is damaged";
  const auto seeds = store.vector(runId, "pred/seeds");
  if (seeds.size() != 1 || !(seeds[0] >= 1 && seeds[0] <= 1000)) throw StoreError(damaged);
  p.seeds = static_cast<int>(seeds[0]);
  p.predicted = asClasses(store.vector(runId, "pred/class"), n, damaged);
  p.topClass = asClasses(store.vector(runId, "pred/top_class"), n * kTopClasses, damaged);
  p.pPredicted = store.vector(runId, "pred/p_class");
  p.pLabel = store.vector(runId, "pred/p_label");
  p.disagree = store.vector(runId, "pred/disagree");
  p.topProb = store.vector(runId, "pred/top_prob");
  for (const auto* v : {&p.pPredicted, &p.pLabel, &p.disagree})
    if (v->size() != n) throw StoreError(damaged);
  if (p.topProb.size() != n * kTopClasses) throw StoreError(damaged);
  return p;
}

LabelIssues findLabelIssues(const Predictions& p, const std::vector<int>& labels, size_t numClasses) {
  LabelIssues out;
  out.perClass.assign(numClasses, 0);
  out.disagreeing.assign(numClasses, 0);
  out.threshold.assign(numClasses, 0.0);
  if (p.empty() || labels.size() != p.size()) return out;
  const size_t n = p.size();
  std::vector<int64_t> count(numClasses, 0);
  for (size_t i = 0; i < n; ++i) {
    const auto y = static_cast<size_t>(labels[i]);
    out.threshold[y] += p.pLabel[i];
    ++count[y];
  }
  for (size_t c = 0; c < numClasses; ++c) out.threshold[c] = count[c] ? out.threshold[c] / count[c] : 1.0;
  out.flagged.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const int y = labels[i];
    if (p.predicted[i] != y && p.predicted[i] >= 0) ++out.disagreeing[static_cast<size_t>(y)];
    const int confident = confidentClass(p, i, y, out.threshold);
    if (confident >= 0 && confident != y && p.disagree[i] >= 0.5f && p.predicted[i] != y) {
      out.flagged[i] = 1;
      ++out.perClass[static_cast<size_t>(y)];
      ++out.total;
    }
  }
  return out;
}

}  // namespace ps
