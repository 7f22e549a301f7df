#pragma once
// What the score view shows: a score's distribution per class (histograms on one common
// binning), and how much the cached scores agree (Spearman rank correlation and top-k
// overlap on the training examples every compared score covers). Plain data, no torch.
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

struct ClassHistograms {
  double lo = 0, hi = 0;  // the bins split [lo, hi] into equal widths
  int bins = 0;
  std::vector<std::string> classNames;
  std::vector<std::vector<int64_t>> counts;  // [class][bin]
  double binCentre(int b) const { return lo + (hi - lo) * (b + 0.5) / bins; }
};
// NaN values are skipped. ConfigError for bins < 1, a label outside the class list, or
// vectors of different lengths.
ClassHistograms classHistograms(const std::vector<float>& values, const std::vector<int>& labels,
                                const std::vector<std::string>& classNames, int bins);
void writeHistogramCsv(const ClassHistograms& h, const std::string& path);  // bin_lo, bin_hi, <class>...

struct ScoreSeries {
  std::string name;              // "el2n (run 3)"
  std::vector<int64_t> indices;  // training indices
  std::vector<float> values;     // difficulty, one per index
};

// The training examples every series covers (in the first series' order) and each
// series' values on them. ConfigError when none is common or a series' lengths differ.
struct AlignedScores {
  std::vector<int64_t> indices;
  std::vector<std::vector<float>> values;  // [series][i]
};
AlignedScores alignScores(const std::vector<ScoreSeries>& series);

struct ScoreAgreement {
  std::vector<std::string> names;
  int64_t common = 0;  // training examples every score covers (the comparison is on them)
  size_t k = 0;        // top-k size: topFraction of `common`
  double topFraction = 0;
  std::vector<std::vector<double>> spearman, topK;  // [i][j]
};
// ConfigError when fewer than two series are given, topFraction is outside (0, 1], or
// the series cover no training example in common.
ScoreAgreement scoreAgreement(const std::vector<ScoreSeries>& series, double topFraction);
void writeAgreementCsv(const ScoreAgreement& a, const std::string& path);  // score_a, score_b, spearman, top_k_overlap

}  // namespace ps
