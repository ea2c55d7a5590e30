#include "ui/eval/kappa_chart.h"

#include <algorithm>

#include "ui/charts/qcustomplot_include.h"
#include "ui/eval/chart_export.h"

namespace tbui {

QCustomPlot* createKappaPlot(QWidget* parent) {
    auto* plot = new QCustomPlot(parent);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(
        0, 0,
        new QCPTextElement(plot, QObject::tr("Judge vs human: Cohen's kappa per criterion (95% CI)"),
                           QFont(QStringLiteral("sans"), 10, QFont::Bold)));
    plot->setMinimumHeight(220);
    installChartExportMenu(plot, QStringLiteral("judge-agreement"));
    return plot;
}

void plotKappa(QCustomPlot* plot, const std::vector<KappaPoint>& points, double threshold) {
    plot->clearPlottables();
    plot->clearGraphs();
    plot->legend->setVisible(true);
    const int n = static_cast<int>(points.size());

    QCPGraph* kappa = plot->addGraph();
    kappa->setName(QObject::tr("kappa (95% CI)"));
    kappa->setLineStyle(QCPGraph::lsNone);
    kappa->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x1f, 0x77, 0xb4), 8));
    auto* bars = new QCPErrorBars(plot->xAxis, plot->yAxis);
    bars->removeFromLegend();
    bars->setDataPlottable(kappa);
    bars->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
    QVector<double> xs, ys, below, above;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < n; ++i) {
        const KappaPoint& point = points[static_cast<std::size_t>(i)];
        ticker->addTick(i + 1, point.criterion);
        if (!point.kappa) continue;  // undefined kappa: no point rather than a made-up one
        const double k = *point.kappa;
        const bool hasCi = point.ciLow && point.ciHigh;
        xs << i + 1;
        ys << k;
        below << (hasCi ? k - *point.ciLow : 0.0);
        above << (hasCi ? *point.ciHigh - k : 0.0);
    }
    kappa->setData(xs, ys);
    bars->setData(below, above);

    QCPGraph* line = plot->addGraph();
    line->setName(QObject::tr("threshold %1").arg(threshold, 0, 'f', 2));
    line->setPen(QPen(QColor(0xb0, 0x00, 0x20), 1.5, Qt::DashLine));
    line->setData(QVector<double>{0.4, std::max(n, 1) + 0.6}, QVector<double>{threshold, threshold});

    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(n > 5 ? 35 : 0);
    plot->xAxis->setRange(0.4, std::max(n, 1) + 0.6);
    double low = 0.0;
    for (int i = 0; i < ys.size(); ++i) low = std::min(low, ys[i] - below[i]);
    plot->yAxis->setRange(std::max(-1.0, low - 0.05), 1.05);
    plot->yAxis->setLabel(QObject::tr("Cohen's kappa"));
    plot->replot();
}

}  // namespace tbui
