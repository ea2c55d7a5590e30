#pragma once
// The live charts of a training run (QCustomPlot): training and validation loss on one plot,
// the learning rate, and throughput in tokens/s, all against the optimizer step. Points come
// in one at a time while a run trains (replotted at most ~10 times a second, so a fast run
// cannot flood the GUI thread) or all at once from a stored run's metrics.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <QWidget>

class QCustomPlot;
class QTimer;

namespace tbui {

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    void clear();
    void addStep(std::int64_t step, double loss, double learningRate, double tokensPerSecond);
    void addValidation(std::int64_t step, double validationLoss);
    // A stored run: metric name ("train/loss", "train/lr", "train/tokens_per_s", "val/loss")
    // -> (step, value), as tb::run_metrics returns them. Replaces what is shown.
    void showSeries(const std::map<std::string, std::vector<std::pair<std::int64_t, double>>>& metrics);

    QCustomPlot* lossPlot() const { return lossPlot_; }
    QCustomPlot* learningRatePlot() const { return lrPlot_; }
    QCustomPlot* throughputPlot() const { return throughputPlot_; }
    int trainingLossPoints() const;
    int validationLossPoints() const;

    // Draws now (otherwise within ~100 ms of the last point).
    void replotNow();

private:
    void scheduleReplot();

    QCustomPlot* lossPlot_ = nullptr;
    QCustomPlot* lrPlot_ = nullptr;
    QCustomPlot* throughputPlot_ = nullptr;
    QTimer* replotTimer_ = nullptr;
};

}  // namespace tbui
