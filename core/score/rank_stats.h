#pragma once
// Rank statistics used to compare score vectors: average ranks (ties share the mean
// rank), Spearman correlation, and the overlap of the top-k sets.
#include <cstddef>
#include <vector>

namespace ps {

std::vector<double> averageRanks(const std::vector<float>& v);
double spearman(const std::vector<float>& a, const std::vector<float>& b);  // NaN if constant
// 1 + how many values are larger than v[i]: 1 is the largest (the hardest example).
size_t descendingRank(const std::vector<float>& v, size_t i);
// Fraction of the k largest of `a` that are also among the k largest of `b`.
double topKOverlap(const std::vector<float>& a, const std::vector<float>& b, size_t k);

}  // namespace ps
