#pragma once
// The evaluation screen: the project's eval runs (golden set and settings from their config),
// scores across runs over time (pass rate or mean score; the whole set and, optionally, each
// tag), base vs tuned per tag for two chosen runs, the per-item diff between them (improved
// green, regressed red; core's compare_runs with McNemar and a bootstrap CI in the summary),
// every chart exportable as PNG and PDF, and "Report..." writing the HTML run report of the
// candidate run against the baseline (core/eval/run_report). "Evaluate..." opens the eval
// dialog (ui/eval/eval_dialog.h) and runs core's eval runner on a worker thread, with
// progress and cancel; the runs refresh when it finishes.
//
// Above the runs, each golden set they scored says its age (days since its last item was
// added, core's eval_set_age), in a warning style past 90 days: a set nobody adds to stops
// measuring what users ask as the production distribution drifts.
#include <cstdint>
#include <optional>
#include <vector>

#include <QWidget>

#include "core/eval/run_history.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tb {
class ProjectFile;
struct EvalRunResult;
}  // namespace tb

namespace tbui {

class ItemDiffTable;
class JobRunner;
struct EvalRequest;

class EvalPanel : public QWidget {
    Q_OBJECT
public:
    explicit EvalPanel(tb::ProjectFile& project, QWidget* parent = nullptr);

    // Re-reads the runs (after an eval finished); keeps the chosen runs when they still exist.
    void refresh();
    // Chooses the two runs compared (A = baseline, B = candidate); false when either is unknown.
    bool selectRuns(std::int64_t baselineRunId, std::int64_t candidateRunId);
    std::optional<std::int64_t> baselineRunId() const;
    std::optional<std::int64_t> candidateRunId() const;

    // The HTML report of the candidate against the baseline; shows an error and returns false
    // on failure.
    bool writeReport(const QString& path);

    QTableWidget* runsTable() const { return runsTable_; }
    QCustomPlot* trendPlot() const { return trendPlot_; }
    QCustomPlot* tagPlot() const { return tagPlot_; }
    ItemDiffTable* diffTable() const { return diffTable_; }
    QLabel* comparisonLabel() const { return comparisonLabel_; }
    QComboBox* metricCombo() const { return metricCombo_; }
    QCheckBox* perTagCheck() const { return perTagCheck_; }
    QPushButton* evaluateButton() const { return evaluateButton_; }
    QPushButton* cancelEvalButton() const { return cancelEvalButton_; }
    QProgressBar* evalProgress() const { return evalProgress_; }
    QLabel* evalStatusLabel() const { return evalStatus_; }
    // The age line of a golden set the runs scored; nullptr when no run scored it.
    QLabel* setAgeLabel(const QString& goldenSet) const;
    QWidget* setAgeBox() const { return setAgeBox_; }

    // Starts an eval run on the worker thread; false (and nothing started) while one runs.
    bool startEvaluation(const EvalRequest& request);
    bool isEvaluating() const;

public Q_SLOTS:
    void chooseReportFile();
    // Opens the eval dialog; on OK, starts the run.
    void openEvalDialog();
    void cancelEvaluation();

Q_SIGNALS:
    // An eval run started from this panel ended; the runs were refreshed before these.
    void evaluationFinished(qint64 runId, double passRate, double meanScore);
    void evaluationFailed(const QString& message);  // also a cancellation ("cancelled")

private:
    void onEvaluationDone(const tb::EvalRunResult& result, const QString& set);
    void restoreEvaluationControls();
    void fillRunsTable();
    void showSetAges();
    void plotTrend();
    void compareSelected();
    void exportPlotWithDialog(QCustomPlot* plot, const QString& baseName);
    const tb::Run* runById(std::int64_t id) const;
    std::size_t indexOf(std::int64_t id) const;

    tb::ProjectFile& project_;
    std::vector<tb::Run> runs_;
    std::vector<std::vector<tb::EvalItemDetail>> items_;  // per run, same order as runs_
    std::vector<tb::EvalRunStats> stats_;

    QTableWidget* runsTable_ = nullptr;
    QWidget* setAgeBox_ = nullptr;
    std::vector<QLabel*> setAgeLabels_;  // one per golden set with runs, in first-run order
    QComboBox* metricCombo_ = nullptr;
    QCheckBox* perTagCheck_ = nullptr;
    QCustomPlot* trendPlot_ = nullptr;
    QComboBox* baselineCombo_ = nullptr;
    QComboBox* candidateCombo_ = nullptr;
    QCustomPlot* tagPlot_ = nullptr;
    QLabel* comparisonLabel_ = nullptr;
    QCheckBox* changedOnlyCheck_ = nullptr;
    ItemDiffTable* diffTable_ = nullptr;
    QPushButton* reportButton_ = nullptr;
    QPushButton* evaluateButton_ = nullptr;
    QPushButton* cancelEvalButton_ = nullptr;
    QProgressBar* evalProgress_ = nullptr;
    QLabel* evalStatus_ = nullptr;
    JobRunner* evalRunner_ = nullptr;
};

}  // namespace tbui
