#include "score/score_agreement.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <unordered_map>

#include "score/rank_stats.h"
#include "util/csv_writer.h"
#include "util/errors.h"

namespace ps {

ClassHistograms classHistograms(const std::vector<float>& values, const std::vector<int>& labels,
                                const std::vector<std::string>& classNames, int bins) {
  if (bins < 1) throw ConfigError("histogram bins " + std::to_string(bins) + " must be at least 1");
  if (values.size() != labels.size())
    throw ConfigError("histogram of " + std::to_string(values.size()) + " values with " +
                      std::to_string(labels.size()) + " labels");
  ClassHistograms h;
  h.bins = bins;
  h.classNames = classNames;
  h.counts.assign(classNames.size(), std::vector<int64_t>(static_cast<size_t>(bins), 0));
  bool any = false;
  for (float v : values) {
    if (std::isnan(v)) continue;
    if (!any) h.lo = h.hi = v;
    h.lo = std::min<double>(h.lo, v);
    h.hi = std::max<double>(h.hi, v);
    any = true;
  }
  if (!any) return h;
  if (h.hi == h.lo) h.hi = h.lo + 1;  // one value: one non-empty bin
  const double width = (h.hi - h.lo) / bins;
  for (size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    const int l = labels[i];
    if (l < 0 || static_cast<size_t>(l) >= classNames.size())
      throw ConfigError("label " + std::to_string(l) + " outside the " + std::to_string(classNames.size()) +
                        " classes");
    const int b = std::min(bins - 1, static_cast<int>((values[i] - h.lo) / width));
    ++h.counts[static_cast<size_t>(l)][static_cast<size_t>(b)];
  }
  return h;
}

void writeHistogramCsv(const ClassHistograms& h, const std::string& path) {
  std::vector<std::string> header = {"bin_lo", "bin_hi"};
  header.insert(header.end(), h.classNames.begin(), h.classNames.end());
  CsvWriter csv(header);
  const double width = (h.hi - h.lo) / std::max(1, h.bins);
  for (int b = 0; b < h.bins; ++b) {
    csv.number(h.lo + width * b, 9).number(h.lo + width * (b + 1), 9);
    for (const auto& c : h.counts) csv.integer(static_cast<int64_t>(c[static_cast<size_t>(b)]));
    csv.endRow();
  }
  csv.save(path);
}

AlignedScores alignScores(const std::vector<ScoreSeries>& series) {
  if (series.empty()) throw ConfigError("no scores to align");
  // The training indices every series covers, in the first series' order.
  std::unordered_map<int64_t, int> seen;
  for (const auto& s : series) {
    if (s.indices.size() != s.values.size())
      throw ConfigError("score " + s.name + " has " + std::to_string(s.values.size()) + " values for " +
                        std::to_string(s.indices.size()) + " examples");
    for (int64_t i : s.indices) ++seen[i];
  }
  AlignedScores out;
  for (int64_t i : series.front().indices)
    if (seen[i] == static_cast<int>(series.size())) out.indices.push_back(i);
  if (out.indices.empty()) throw ConfigError("the scores compared cover no training example in common");
  for (const auto& s : series) {
    std::unordered_map<int64_t, float> at;
    at.reserve(s.indices.size());
    for (size_t i = 0; i < s.indices.size(); ++i) at[s.indices[i]] = s.values[i];
    std::vector<float> v;
    v.reserve(out.indices.size());
    for (int64_t i : out.indices) v.push_back(at[i]);
    out.values.push_back(std::move(v));
  }
  return out;
}

ScoreAgreement scoreAgreement(const std::vector<ScoreSeries>& series, double topFraction) {
  if (series.size() < 2) throw ConfigError("score agreement needs at least two scores");
  if (!(topFraction > 0 && topFraction <= 1))
    throw ConfigError("top-k fraction " + std::to_string(topFraction) + " is outside (0, 1]");
  const AlignedScores aligned = alignScores(series);
  ScoreAgreement a;
  for (const auto& s : series) a.names.push_back(s.name);
  a.common = static_cast<int64_t>(aligned.indices.size());
  a.topFraction = topFraction;
  a.k = std::max<size_t>(1, static_cast<size_t>(std::llround(topFraction * static_cast<double>(a.common))));
  const size_t n = series.size();
  a.spearman.assign(n, std::vector<double>(n, 1.0));
  a.topK.assign(n, std::vector<double>(n, 1.0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      a.spearman[i][j] = a.spearman[j][i] = spearman(aligned.values[i], aligned.values[j]);
      a.topK[i][j] = a.topK[j][i] = topKOverlap(aligned.values[i], aligned.values[j], a.k);
    }
  return a;
}

void writeAgreementCsv(const ScoreAgreement& a, const std::string& path) {
  CsvWriter csv({"score_a", "score_b", "spearman", "top_k_overlap", "k", "common_examples"});
  for (size_t i = 0; i < a.names.size(); ++i)
    for (size_t j = 0; j < a.names.size(); ++j)
      csv.text(a.names[i])
          .text(a.names[j])
          .number(a.spearman[i][j], 9)
          .number(a.topK[i][j], 9)
          .integer(static_cast<int64_t>(a.k))
          .integer(static_cast<int64_t>(a.common))
          .endRow();
  csv.save(path);
}

}  // namespace ps
