#pragma once
// The frontier plot: test error against kept fraction, one series per policy with
// ±1 std error bars over seeds, and the Pareto frontier drawn on top. Each score × policy
// line carries its score and policy as the properties "ps_score" and "ps_policy"; the
// Pareto markers (a scatter series) carry "ps_pareto"; every hoverable series carries the
// indices of its points in the result (pointId).
#include <QString>

#include "study/frontier_study.h"

class QChart;

namespace ps::ui {

// `yTitle`: the y axis's title (default "test error"; frontierByMetric gives the others).
QChart* makeFrontierChart(const FrontierResult& result, const QString& title, const QString& yTitle = QString());
// The legend's name of a point's line: "keep hard (el2n)", "random".
QString frontierLineName(const FrontierPoint& point);

}  // namespace ps::ui
