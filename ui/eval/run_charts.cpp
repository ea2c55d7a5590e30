#include "ui/eval/run_charts.h"

#include <cmath>
#include <iterator>
#include <limits>
#include <set>

#include "ui/charts/qcustomplot_include.h"

namespace tbui {
namespace {

const QColor kPalette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                           QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                           QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
                           QColor(0x17, 0xbe, 0xcf)};

void resetPlot(QCustomPlot* plot) {
    plot->clearPlottables();
    plot->clearGraphs();
    plot->legend->setVisible(true);
}

void categoryAxis(QCPAxis* axis, const QStringList& labels) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < labels.size(); ++i) ticker->addTick(i + 1, labels[i]);
    axis->setTicker(ticker);
    axis->setTickLabelRotation(labels.size() > 5 ? 35 : 0);
    axis->setRange(0.4, labels.size() + 0.6);
}

void valueAxis(QCPAxis* axis, EvalMetric metric) {
    axis->setLabel(metricName(metric));
    axis->setRange(0.0, 1.05);  // both metrics live in [0, 1]
}

}  // namespace

double metricValue(const tb::ScoreStats& stats, EvalMetric metric) {
    return metric == EvalMetric::PassRate ? stats.pass_rate : stats.mean_score;
}

QString metricName(EvalMetric metric) {
    return metric == EvalMetric::PassRate ? QObject::tr("pass rate") : QObject::tr("mean score");
}

QStringList plotRunTrend(QCustomPlot* plot, const std::vector<RunPoint>& runs, EvalMetric metric, bool perTag) {
    resetPlot(plot);
    QStringList labels;
    for (const auto& run : runs) labels << run.label;

    QCPGraph* overall = plot->addGraph();
    overall->setName(QObject::tr("all items"));
    overall->setPen(QPen(Qt::black, 2.4));
    overall->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].stats.overall.items > 0)
            overall->addData(double(i + 1), metricValue(runs[i].stats.overall, metric));

    QStringList tags;
    if (perTag) {
        std::set<std::string> all;
        for (const auto& run : runs)
            for (const auto& [tag, stats] : run.stats.per_tag) all.insert(tag);
        int colour = 0;
        for (const auto& tag : all) {
            QCPGraph* graph = plot->addGraph();
            graph->setName(QString::fromStdString(tag));
            graph->setPen(QPen(kPalette[colour++ % std::size(kPalette)], 1.2));
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
            for (std::size_t i = 0; i < runs.size(); ++i) {
                auto it = runs[i].stats.per_tag.find(tag);
                // NaN breaks the line: a run without this tag is a gap, not a zero.
                graph->addData(double(i + 1), it == runs[i].stats.per_tag.end()
                                                  ? std::numeric_limits<double>::quiet_NaN()
                                                  : metricValue(it->second, metric));
            }
            tags << QString::fromStdString(tag);
        }
    }
    categoryAxis(plot->xAxis, labels);
    valueAxis(plot->yAxis, metric);
    plot->replot();
    return tags;
}

QStringList plotTagComparison(QCustomPlot* plot, const RunPoint& a, const RunPoint& b, EvalMetric metric) {
    resetPlot(plot);
    QStringList categories{QObject::tr("all items")};
    std::set<std::string> tags;
    for (const auto& [tag, stats] : a.stats.per_tag) tags.insert(tag);
    for (const auto& [tag, stats] : b.stats.per_tag) tags.insert(tag);
    for (const auto& tag : tags) categories << QString::fromStdString(tag);

    auto* group = new QCPBarsGroup(plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(2);
    auto addBars = [&](const RunPoint& run, const QColor& colour) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(run.label);
        bars->setWidth(0.38);
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(colour);
        bars->setBarsGroup(group);
        bars->addData(1.0, metricValue(run.stats.overall, metric));
        int x = 2;
        for (const auto& tag : tags) {
            auto it = run.stats.per_tag.find(tag);
            bars->addData(double(x++), it == run.stats.per_tag.end() ? 0.0 : metricValue(it->second, metric));
        }
        return bars;
    };
    addBars(a, QColor(0x9e, 0x9e, 0x9e));
    addBars(b, QColor(0x1f, 0x77, 0xb4));
    categoryAxis(plot->xAxis, categories);
    valueAxis(plot->yAxis, metric);
    plot->replot();
    return categories;
}

}  // namespace tbui
