#pragma once
// The eval charts (QCustomPlot), drawn from core's per-run statistics (tb::EvalRunStats):
//   - scores across runs over time: pass rate or mean score of each run in start order, the
//     whole set as a thick line and, optionally, one thin line per tag;
//   - base vs tuned per tag: grouped bars of two runs, all items first, then each tag.
#include <vector>

#include <QString>
#include <QStringList>

#include "core/eval/run_history.h"

class QCustomPlot;

namespace tbui {

enum class EvalMetric { PassRate, MeanScore };

double metricValue(const tb::ScoreStats& stats, EvalMetric metric);
QString metricName(EvalMetric metric);

struct RunPoint {
    QString label;  // "#3 tuned-lr1e-4" (x tick)
    tb::EvalRunStats stats;
};

// x = run index (1..n, labelled), y = the metric. Graph 0 is "all items"; with `perTag`, one
// more graph per tag (a run without items of that tag leaves a gap). Returns the tags drawn.
QStringList plotRunTrend(QCustomPlot* plot, const std::vector<RunPoint>& runs, EvalMetric metric, bool perTag);

// Two bar sets (A then B) over the categories "all items" + the union of both runs' tags.
// Returns the categories in plot order.
QStringList plotTagComparison(QCustomPlot* plot, const RunPoint& a, const RunPoint& b, EvalMetric metric);

}  // namespace tbui
