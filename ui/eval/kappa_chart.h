#pragma once
// The judge validation's chart (QCustomPlot): Cohen's kappa of the judge against the human
// grades per criterion, its 95% confidence interval as error bars, and the kappa threshold
// the judge must reach as a dashed line.
#include <optional>
#include <vector>

#include <QString>

class QCustomPlot;
class QWidget;

namespace tbui {

struct KappaPoint {
    QString criterion;            // x tick
    std::optional<double> kappa;  // none when undefined (no point is drawn)
    std::optional<double> ciLow, ciHigh;
};

// An empty chart with its title, exportable from its context menu (ui/eval/chart_export.h).
QCustomPlot* createKappaPlot(QWidget* parent);

// x = criterion (1..n, labelled), y = kappa. Graph 0 is kappa with its CI bars, graph 1 the
// threshold.
void plotKappa(QCustomPlot* plot, const std::vector<KappaPoint>& points, double threshold);

}  // namespace tbui
