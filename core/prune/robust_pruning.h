#pragma once
// Pruning policies that protect the worst-off classes and groups. No torch, no Qt.
//
// DRoP ("robust"): Vysogorets, Ahuja and Kempe, "DRoP: Distributionally Robust Data
// Pruning", ICLR 2025 (arXiv 2404.05579), Algorithm 1. Class k (N_k examples, recall r_k
// of a model trained on the rest of the data, measured on a held-out part) gets a kept
// density d_k proportional to its error 1 − r_k: the budget E = f·N is spread as
// d_k += E·(1 − r_k) / Σ_{j unsaturated} N_j·(1 − r_j), a class reaching d_k > 1 is
// capped at 1 and its excess spread again over the others, until nothing is left. Within
// each class the examples kept are drawn at random.
//
// Group-balanced: every group (class × attribute values) keeps the same fraction, by the
// class-balanced rule of prune/prune_policy.h applied to groups, each group's examples
// chosen by the spec's policy.
#include <cstdint>
#include <vector>

#include "prune/prune_policy.h"

namespace ps {

// The DRoP densities d_k in [0, 1] (0 for an empty class). ConfigError for a recall
// outside [0, 1] or NaN, sizes and recalls of different lengths, or keep outside (0, 1].
// When every unsaturated class has recall 1 the rest is spread in proportion to size.
std::vector<double> dropDensities(const std::vector<int64_t>& classSizes, const std::vector<double>& recall,
                                  double keep);
// Whole quotas from the densities: floor(N_k·d_k), then the largest remainders (ties to
// the lower class) until they sum to round(keep·N) (as keptCount), never above N_k.
std::vector<int64_t> dropQuotas(const std::vector<int64_t>& classSizes, const std::vector<double>& recall, double keep);
// Positions (ascending) DRoP keeps: each class's quota drawn at random with `seed`.
std::vector<int64_t> selectRobust(const std::vector<int>& labels, const std::vector<double>& recall, double keep,
                                  uint64_t seed);

// Dense group ids (0..G-1, in order of first appearance) of class × the given attribute
// codes, one per example; every codes vector must have one entry per label.
std::vector<int> groupIds(const std::vector<int>& labels, const std::vector<std::vector<uint16_t>>& codes);
// Positions kept when every group keeps the same fraction spec.keep (largest-remainder
// budgets per group), chosen within each group by spec.policy.
std::vector<int64_t> selectGroupBalanced(const std::vector<float>& difficulty, const std::vector<int>& groups,
                                         const PruneSpec& spec);

}  // namespace ps
