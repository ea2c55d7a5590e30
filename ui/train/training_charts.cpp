#include "ui/train/training_charts.h"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/charts/qcustomplot_include.h"
#include "ui/eval/chart_export.h"

namespace tbui {
namespace {

constexpr int kReplotIntervalMs = 100;

QCustomPlot* makePlot(QWidget* parent, const QString& title, const QString& yLabel) {
    auto* plot = new QCustomPlot(parent);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont(QStringLiteral("sans"), 10, QFont::Bold)));
    plot->xAxis->setLabel(QObject::tr("step"));
    plot->yAxis->setLabel(yLabel);
    plot->setMinimumHeight(160);
    return plot;
}

QCPGraph* addLine(QCustomPlot* plot, const QString& name, const QColor& color) {
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(color, 1.6));
    return graph;
}

void rescale(QCustomPlot* plot) {
    plot->rescaleAxes();
    // A single point (or a flat line) gives an empty range: widen it so the point is visible.
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        QCPRange r = axis->range();
        // Padding relative to the value: a learning rate of 1e-4 must not sit on a +-1 axis.
        if (r.size() <= 0.0) {
            const double pad = axis == plot->xAxis ? 1.0 : std::max(std::abs(r.lower) * 0.1, 1e-12);
            axis->setRange(r.lower - pad, r.upper + pad);
        } else if (axis == plot->yAxis)
            axis->setRange(r.lower - 0.05 * r.size(), r.upper + 0.05 * r.size());
    }
}

}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    lossPlot_ = makePlot(this, tr("Loss"), tr("loss"));
    addLine(lossPlot_, tr("training loss"), QColor(0x1f, 0x77, 0xb4));
    QCPGraph* val = addLine(lossPlot_, tr("validation loss"), QColor(0xd6, 0x27, 0x28));
    val->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    lossPlot_->legend->setVisible(true);
    layout->addWidget(lossPlot_, 2);

    auto* bottom = new QHBoxLayout;
    lrPlot_ = makePlot(this, tr("Learning rate"), tr("lr"));
    addLine(lrPlot_, tr("learning rate"), QColor(0x2c, 0xa0, 0x2c));
    throughputPlot_ = makePlot(this, tr("Throughput"), tr("tokens/s"));
    addLine(throughputPlot_, tr("tokens/s"), QColor(0x94, 0x67, 0xbd));
    bottom->addWidget(lrPlot_);
    bottom->addWidget(throughputPlot_);
    layout->addLayout(bottom, 1);

    installChartExportMenu(lossPlot_, QStringLiteral("training-loss"));
    installChartExportMenu(lrPlot_, QStringLiteral("learning-rate"));
    installChartExportMenu(throughputPlot_, QStringLiteral("tokens-per-second"));

    replotTimer_ = new QTimer(this);
    replotTimer_->setSingleShot(true);
    replotTimer_->setInterval(kReplotIntervalMs);
    connect(replotTimer_, &QTimer::timeout, this, &TrainingCharts::replotNow);
}

void TrainingCharts::clear() {
    for (QCustomPlot* plot : {lossPlot_, lrPlot_, throughputPlot_})
        for (int i = 0; i < plot->graphCount(); ++i) plot->graph(i)->data()->clear();
    replotNow();
}

void TrainingCharts::addStep(std::int64_t step, double loss, double learningRate, double tokensPerSecond) {
    const double x = static_cast<double>(step);
    lossPlot_->graph(0)->addData(x, loss);
    lrPlot_->graph(0)->addData(x, learningRate);
    throughputPlot_->graph(0)->addData(x, tokensPerSecond);
    scheduleReplot();
}

void TrainingCharts::addValidation(std::int64_t step, double validationLoss) {
    lossPlot_->graph(1)->addData(static_cast<double>(step), validationLoss);
    scheduleReplot();
}

void TrainingCharts::showSeries(const std::map<std::string, std::vector<std::pair<std::int64_t, double>>>& metrics) {
    for (QCustomPlot* plot : {lossPlot_, lrPlot_, throughputPlot_})
        for (int i = 0; i < plot->graphCount(); ++i) plot->graph(i)->data()->clear();
    auto fill = [&](const char* name, QCPGraph* graph) {
        auto it = metrics.find(name);
        if (it == metrics.end()) return;
        QVector<double> xs, ys;
        for (const auto& [step, value] : it->second) {
            xs << static_cast<double>(step);
            ys << value;
        }
        graph->setData(xs, ys, /*alreadySorted=*/true);
    };
    fill("train/loss", lossPlot_->graph(0));
    fill("val/loss", lossPlot_->graph(1));
    fill("train/lr", lrPlot_->graph(0));
    fill("train/tokens_per_s", throughputPlot_->graph(0));
    replotNow();
}

int TrainingCharts::trainingLossPoints() const { return lossPlot_->graph(0)->dataCount(); }
int TrainingCharts::validationLossPoints() const { return lossPlot_->graph(1)->dataCount(); }

void TrainingCharts::scheduleReplot() {
    if (!replotTimer_->isActive()) replotTimer_->start();
}

void TrainingCharts::replotNow() {
    replotTimer_->stop();
    for (QCustomPlot* plot : {lossPlot_, lrPlot_, throughputPlot_}) {
        rescale(plot);
        plot->replot();  // throttled by replotTimer_ already; immediate, so a grab right after shows it
    }
}

}  // namespace tbui
