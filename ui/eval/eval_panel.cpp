#include "ui/eval/eval_panel.h"

#include <algorithm>
#include <map>

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/curation/golden_sets.h"
#include "core/eval/compare.h"
#include "core/eval/eval_sets.h"
#include "core/eval/run_report.h"
#include "core/project/project_file.h"
#include "ui/charts/qcustomplot_include.h"
#include "ui/common/job_runner.h"
#include "ui/common/message_hook.h"
#include "ui/common/run_status_text.h"
#include "ui/eval/chart_export.h"
#include "ui/eval/eval_dialog.h"
#include "ui/eval/eval_jobs.h"
#include "ui/eval/item_diff_table.h"
#include "ui/eval/run_charts.h"

namespace tbui {
namespace {

enum RunColumn {
    ColRun,
    ColName,
    ColGoldenSet,
    ColStatus,
    ColStarted,
    ColItems,
    ColPassRate,
    ColMeanScore,
    ColumnCount
};

QString runLabel(const tb::Run& run) {
    QString label = QStringLiteral("#%1").arg(run.id);
    if (!run.name.empty()) label += QLatin1Char(' ') + QString::fromStdString(run.name);
    return label;
}

// The golden set an eval run scored: whatever name or id its config recorded.
QString goldenSetOf(const nlohmann::json& config) {
    for (const char* key : {"golden_set", "golden_set_name", "set"}) {
        auto it = config.find(key);
        if (it != config.end() && it->is_string()) return QString::fromStdString(it->get<std::string>());
    }
    for (const char* key : {"golden_set_id", "set_id"}) {
        auto it = config.find(key);
        if (it != config.end() && it->is_number_integer()) return QStringLiteral("#%1").arg(it->get<std::int64_t>());
    }
    return QString();
}

QString shortTime(const std::string& iso) {
    QString t = QString::fromStdString(iso);
    return t.size() >= 16 ? t.left(10) + QLatin1Char(' ') + t.mid(11, 5) : t;
}

QTableWidgetItem* cell(const QString& text, bool number = false) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QCustomPlot* makePlot(QWidget* parent, const QString& title) {
    auto* plot = new QCustomPlot(parent);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont(QStringLiteral("sans"), 10, QFont::Bold)));
    plot->setMinimumHeight(220);
    return plot;
}

}  // namespace

EvalPanel::EvalPanel(tb::ProjectFile& project, QWidget* parent) : QWidget(parent), project_(project) {
    runsTable_ = new QTableWidget(0, ColumnCount, this);
    runsTable_->setHorizontalHeaderLabels({tr("Run"), tr("Name"), tr("Golden set"), tr("Status"), tr("Started"),
                                           tr("Items"), tr("Pass rate"), tr("Mean score")});
    runsTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsTable_->verticalHeader()->setVisible(false);
    runsTable_->horizontalHeader()->setStretchLastSection(true);

    // --- scores across runs ---
    metricCombo_ = new QComboBox(this);
    metricCombo_->addItem(tr("Pass rate"), static_cast<int>(EvalMetric::PassRate));
    metricCombo_->addItem(tr("Mean score"), static_cast<int>(EvalMetric::MeanScore));
    perTagCheck_ = new QCheckBox(tr("per tag"), this);
    trendPlot_ = makePlot(this, tr("Scores across runs (in start order)"));
    installChartExportMenu(trendPlot_, QStringLiteral("eval-runs-over-time"));
    auto* trendExport = new QToolButton(this);
    trendExport->setText(tr("Export..."));
    connect(trendExport, &QToolButton::clicked, this,
            [this] { exportPlotWithDialog(trendPlot_, QStringLiteral("eval-runs-over-time")); });
    auto* trendBox = new QWidget(this);
    auto* trendLayout = new QVBoxLayout(trendBox);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    auto* trendControls = new QHBoxLayout;
    trendControls->addWidget(new QLabel(tr("Metric"), trendBox));
    trendControls->addWidget(metricCombo_);
    trendControls->addWidget(perTagCheck_);
    trendControls->addStretch(1);
    trendControls->addWidget(trendExport);
    trendLayout->addLayout(trendControls);
    trendLayout->addWidget(trendPlot_, 1);

    // --- base vs tuned ---
    baselineCombo_ = new QComboBox(this);
    candidateCombo_ = new QComboBox(this);
    tagPlot_ = makePlot(this, tr("Baseline vs candidate per tag"));
    installChartExportMenu(tagPlot_, QStringLiteral("eval-per-tag"));
    auto* tagExport = new QToolButton(this);
    tagExport->setText(tr("Export..."));
    connect(tagExport, &QToolButton::clicked, this,
            [this] { exportPlotWithDialog(tagPlot_, QStringLiteral("eval-per-tag")); });
    auto* tagBox = new QWidget(this);
    auto* tagLayout = new QVBoxLayout(tagBox);
    tagLayout->setContentsMargins(0, 0, 0, 0);
    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Baseline"), tagBox));
    pick->addWidget(baselineCombo_, 1);
    pick->addWidget(new QLabel(tr("Candidate"), tagBox));
    pick->addWidget(candidateCombo_, 1);
    pick->addWidget(tagExport);
    tagLayout->addLayout(pick);
    tagLayout->addWidget(tagPlot_, 1);

    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(trendBox);
    charts->addWidget(tagBox);

    // --- per-item diff ---
    comparisonLabel_ = new QLabel(this);
    comparisonLabel_->setWordWrap(true);
    comparisonLabel_->setTextFormat(Qt::RichText);
    changedOnlyCheck_ = new QCheckBox(tr("only changed items"), this);
    reportButton_ = new QPushButton(tr("Report..."), this);
    reportButton_->setToolTip(tr("Write an HTML report of the candidate run against the baseline"));
    diffTable_ = new ItemDiffTable(this);
    auto* diffBox = new QWidget(this);
    auto* diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    auto* diffControls = new QHBoxLayout;
    diffControls->addWidget(comparisonLabel_, 1);
    diffControls->addWidget(changedOnlyCheck_);
    diffControls->addWidget(reportButton_);
    diffLayout->addLayout(diffControls);
    diffLayout->addWidget(diffTable_, 1);

    // --- the golden sets' ages, above their runs ---
    setAgeBox_ = new QWidget(this);
    setAgeBox_->setObjectName(QStringLiteral("setAges"));
    auto* setAgeLayout = new QVBoxLayout(setAgeBox_);
    setAgeLayout->setContentsMargins(0, 0, 0, 0);
    setAgeLayout->setSpacing(2);
    auto* runsBox = new QWidget(this);
    auto* runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(setAgeBox_);
    runsLayout->addWidget(runsTable_, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(runsBox);
    split->addWidget(charts);
    split->addWidget(diffBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 2);
    // --- starting an eval run ---
    evaluateButton_ = new QPushButton(tr("Evaluate..."), this);
    evaluateButton_->setToolTip(
        tr("Evaluate a model (optionally with an adapter) or an OpenAI-compatible endpoint on a golden set, the "
           "validation split or the general set"));
    evalProgress_ = new QProgressBar(this);
    evalProgress_->setVisible(false);
    cancelEvalButton_ = new QPushButton(tr("Cancel"), this);
    cancelEvalButton_->setVisible(false);
    evalStatus_ = new QLabel(this);
    evalStatus_->setWordWrap(true);
    evalRunner_ = new JobRunner(this);
    auto* evalControls = new QHBoxLayout;
    evalControls->addWidget(evaluateButton_);
    evalControls->addWidget(evalProgress_, 1);
    evalControls->addWidget(cancelEvalButton_);
    evalControls->addWidget(evalStatus_, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(evalControls);
    layout->addWidget(split);

    connect(evaluateButton_, &QPushButton::clicked, this, &EvalPanel::openEvalDialog);
    connect(cancelEvalButton_, &QPushButton::clicked, this, &EvalPanel::cancelEvaluation);
    connect(evalRunner_, &JobRunner::progressChanged, this, [this](qint64 done, qint64 total, const QString& stage) {
        evalProgress_->setRange(0, total > 0 ? static_cast<int>(total) : 0);
        if (total > 0) evalProgress_->setValue(static_cast<int>(done));
        evalProgress_->setFormat(stage.isEmpty() ? QStringLiteral("%v / %m") : stage + QStringLiteral(": %v / %m"));
    });
    // A run that ends without a result (its result goes to onEvaluationDone).
    connect(evalRunner_, &JobRunner::cancelled, this, [this] {
        restoreEvaluationControls();
        refresh();  // the run is stored as cancelled
        evalStatus_->setText(tr("Evaluation cancelled."));
        Q_EMIT evaluationFailed(tr("cancelled"));
    });
    connect(evalRunner_, &JobRunner::failed, this, [this](const QString& message) {
        restoreEvaluationControls();
        refresh();  // a failure while generating leaves a failed run
        evalStatus_->setStyleSheet(QStringLiteral("color: #b00020;"));
        evalStatus_->setText(tr("Evaluation failed: %1").arg(message));
        showError(this, tr("Evaluation"), message);
        Q_EMIT evaluationFailed(message);
    });

    connect(metricCombo_, &QComboBox::currentIndexChanged, this, [this] {
        plotTrend();
        compareSelected();
    });
    connect(perTagCheck_, &QCheckBox::toggled, this, &EvalPanel::plotTrend);
    connect(baselineCombo_, &QComboBox::currentIndexChanged, this, &EvalPanel::compareSelected);
    connect(candidateCombo_, &QComboBox::currentIndexChanged, this, &EvalPanel::compareSelected);
    connect(changedOnlyCheck_, &QCheckBox::toggled, diffTable_, &ItemDiffTable::setChangedOnly);
    connect(reportButton_, &QPushButton::clicked, this, &EvalPanel::chooseReportFile);
    refresh();
}

void EvalPanel::refresh() {
    const auto keepA = baselineRunId();
    const auto keepB = candidateRunId();
    runs_.clear();
    items_.clear();
    stats_.clear();
    try {
        runs_ = tb::list_runs(project_, tb::RunKind::Eval);
        for (const auto& run : runs_) {
            items_.push_back(tb::eval_run_items(project_, run.id));
            stats_.push_back(tb::summarize_eval_items(items_.back()));
        }
    } catch (const std::exception& e) {
        runs_.resize(items_.size());
        showError(this, tr("Eval runs"), e);
    }
    fillRunsTable();
    showSetAges();
    {
        const QSignalBlocker blockA(baselineCombo_), blockB(candidateCombo_);
        baselineCombo_->clear();
        candidateCombo_->clear();
        for (const auto& run : runs_) {
            baselineCombo_->addItem(runLabel(run), QVariant::fromValue<qint64>(run.id));
            candidateCombo_->addItem(runLabel(run), QVariant::fromValue<qint64>(run.id));
        }
        // Default: the two latest runs, the older as the baseline.
        const int n = static_cast<int>(runs_.size());
        baselineCombo_->setCurrentIndex(n >= 2 ? n - 2 : n - 1);
        candidateCombo_->setCurrentIndex(n - 1);
        if (keepA && keepB && runById(*keepA) && runById(*keepB)) {
            baselineCombo_->setCurrentIndex(baselineCombo_->findData(QVariant::fromValue<qint64>(*keepA)));
            candidateCombo_->setCurrentIndex(candidateCombo_->findData(QVariant::fromValue<qint64>(*keepB)));
        }
    }
    plotTrend();
    compareSelected();
}

void EvalPanel::fillRunsTable() {
    runsTable_->setRowCount(0);
    runsTable_->setRowCount(static_cast<int>(runs_.size()));
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        const auto& run = runs_[i];
        const auto& stats = stats_[i].overall;
        const int row = static_cast<int>(i);
        auto* id = cell(QStringLiteral("#%1").arg(run.id));
        id->setData(Qt::UserRole, QVariant::fromValue<qint64>(run.id));
        runsTable_->setItem(row, ColRun, id);
        runsTable_->setItem(row, ColName, cell(QString::fromStdString(run.name)));
        auto* set = cell(goldenSetOf(run.config));
        set->setToolTip(QString::fromStdString(run.config.dump(2)));  // every setting of the run
        runsTable_->setItem(row, ColGoldenSet, set);
        runsTable_->setItem(row, ColStatus, cell(runStatusText(run)));
        runsTable_->setItem(row, ColStarted, cell(shortTime(run.started_at.empty() ? run.created_at : run.started_at)));
        runsTable_->setItem(row, ColItems, cell(QString::number(stats.items), true));
        runsTable_->setItem(row, ColPassRate,
                            cell(QStringLiteral("%1%").arg(stats.pass_rate * 100.0, 0, 'f', 1), true));
        runsTable_->setItem(row, ColMeanScore, cell(QString::number(stats.mean_score, 'f', 3), true));
    }
    runsTable_->resizeColumnsToContents();
}

void EvalPanel::showSetAges() {
    for (QLabel* label : setAgeLabels_) delete label;
    setAgeLabels_.clear();
    std::vector<std::string> sets;
    for (const auto& run : runs_) {
        const auto it = run.config.find("golden_set");
        if (it == run.config.end() || !it->is_string() || it->get<std::string>().empty()) continue;
        const std::string name = it->get<std::string>();
        if (std::find(sets.begin(), sets.end(), name) == sets.end()) sets.push_back(name);
    }
    const int staleDays = static_cast<int>(tb::kStaleEvalSetDays);
    for (const auto& name : sets) {
        const QString set = QString::fromStdString(name);
        auto* label = new QLabel(setAgeBox_);
        label->setObjectName(QStringLiteral("setAge:") + set);
        label->setWordWrap(true);
        try {
            if (!tb::find_golden_set(project_, name)) {
                delete label;  // the set was deleted since: its runs stay, its age is gone
                continue;
            }
            const tb::EvalSetAge age = tb::eval_set_age(project_, name);
            const int days = static_cast<int>(age.days);
            // Spelled out rather than %n: without an English translation file, %n would read "day(s)".
            if (age.last_added_at.empty())
                label->setText(tr("Golden set '%1' has no items yet.").arg(set));
            else if (age.stale)
                label->setText(tr("Golden set '%1': last item added %2 days ago, over %3 days: re-review it and add "
                                  "items from recent traffic")
                                   .arg(set)
                                   .arg(days)
                                   .arg(staleDays));
            else if (days == 0)
                label->setText(tr("Golden set '%1': last item added today").arg(set));
            else if (days == 1)
                label->setText(tr("Golden set '%1': last item added 1 day ago").arg(set));
            else
                label->setText(tr("Golden set '%1': last item added %2 days ago").arg(set).arg(days));
            label->setProperty("stale", age.stale);
            label->setStyleSheet(age.stale ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
            label->setToolTip(
                tr("Days since the last item was added to this golden set (%1 UTC). Re-review a golden set every few "
                   "months: the production distribution drifts, and a set nobody adds to stops measuring what "
                   "users ask. Past %2 days the set is flagged.")
                    .arg(shortTime(age.last_added_at))
                    .arg(staleDays));
        } catch (const std::exception& e) {
            // A timestamp core cannot read: say so where the age would be, not in a box per refresh.
            label->setText(tr("Golden set '%1': age unknown (%2)").arg(set, QString::fromStdString(e.what())));
            label->setStyleSheet(QStringLiteral("color: #b00020;"));
        }
        setAgeBox_->layout()->addWidget(label);
        setAgeLabels_.push_back(label);
    }
    setAgeBox_->setVisible(!setAgeLabels_.empty());
}

QLabel* EvalPanel::setAgeLabel(const QString& goldenSet) const {
    for (QLabel* label : setAgeLabels_)
        if (label->objectName() == QStringLiteral("setAge:") + goldenSet) return label;
    return nullptr;
}

void EvalPanel::plotTrend() {
    std::vector<RunPoint> points;
    for (std::size_t i = 0; i < runs_.size(); ++i) points.push_back(RunPoint{runLabel(runs_[i]), stats_[i]});
    plotRunTrend(trendPlot_, points, static_cast<EvalMetric>(metricCombo_->currentData().toInt()),
                 perTagCheck_->isChecked());
}

std::optional<std::int64_t> EvalPanel::baselineRunId() const {
    if (baselineCombo_->currentIndex() < 0) return std::nullopt;
    return baselineCombo_->currentData().toLongLong();
}

std::optional<std::int64_t> EvalPanel::candidateRunId() const {
    if (candidateCombo_->currentIndex() < 0) return std::nullopt;
    return candidateCombo_->currentData().toLongLong();
}

bool EvalPanel::selectRuns(std::int64_t baselineRunId, std::int64_t candidateRunId) {
    const int a = baselineCombo_->findData(QVariant::fromValue<qint64>(baselineRunId));
    const int b = candidateCombo_->findData(QVariant::fromValue<qint64>(candidateRunId));
    if (a < 0 || b < 0) return false;
    {
        const QSignalBlocker blockA(baselineCombo_), blockB(candidateCombo_);
        baselineCombo_->setCurrentIndex(a);
        candidateCombo_->setCurrentIndex(b);
    }
    compareSelected();
    return true;
}

const tb::Run* EvalPanel::runById(std::int64_t id) const {
    for (const auto& run : runs_)
        if (run.id == id) return &run;
    return nullptr;
}

std::size_t EvalPanel::indexOf(std::int64_t id) const {
    for (std::size_t i = 0; i < runs_.size(); ++i)
        if (runs_[i].id == id) return i;
    return runs_.size();
}

void EvalPanel::compareSelected() {
    const auto a = baselineRunId();
    const auto b = candidateRunId();
    const std::size_t ia = a ? indexOf(*a) : runs_.size();
    const std::size_t ib = b ? indexOf(*b) : runs_.size();
    reportButton_->setEnabled(ib < runs_.size());
    if (ia >= runs_.size() || ib >= runs_.size()) {
        tagPlot_->clearPlottables();
        tagPlot_->replot();
        diffTable_->setComparison(tb::Comparison{});
        comparisonLabel_->setText(runs_.empty() ? tr("No eval runs in this project yet.") : QString());
        return;
    }
    const auto metric = static_cast<EvalMetric>(metricCombo_->currentData().toInt());
    plotTagComparison(tagPlot_, RunPoint{runLabel(runs_[ia]), stats_[ia]}, RunPoint{runLabel(runs_[ib]), stats_[ib]},
                      metric);
    try {
        const tb::Comparison comparison =
            tb::compare_runs(tb::to_item_results(items_[ia]), tb::to_item_results(items_[ib]));
        std::map<std::string, std::pair<std::string, std::string>> outputs;
        for (const auto& item : items_[ia]) outputs[item.id].first = item.output;
        for (const auto& item : items_[ib]) outputs[item.id].second = item.output;
        diffTable_->setComparison(comparison, outputs);
        std::size_t improved = 0, regressed = 0;
        for (const auto& item : comparison.items) {
            improved += item.change == tb::ItemChange::improved;
            regressed += item.change == tb::ItemChange::regressed;
        }
        const auto& o = comparison.overall;
        QString text = tr("%1 paired items: pass rate %2% → %3%, <span style='color:#1b7a1b'>%4 improved</span>, "
                          "<span style='color:#b00020'>%5 regressed</span>; McNemar p = %6; mean score difference "
                          "%7 [%8, %9]")
                           .arg(o.items)
                           .arg(o.pass_rate_a * 100.0, 0, 'f', 1)
                           .arg(o.pass_rate_b * 100.0, 0, 'f', 1)
                           .arg(improved)
                           .arg(regressed)
                           .arg(o.mcnemar.p_value, 0, 'g', 3)
                           .arg(o.score_diff.estimate, 0, 'f', 3)
                           .arg(o.score_diff.low, 0, 'f', 3)
                           .arg(o.score_diff.high, 0, 'f', 3);
        if (comparison.has_regression()) text += tr(" — <b style='color:#b00020'>regression flagged</b>");
        comparisonLabel_->setText(text);
    } catch (const std::exception& e) {
        // e.g. a run that answered an item twice: compare_runs asks to aggregate first.
        diffTable_->setComparison(tb::Comparison{});
        comparisonLabel_->setText(
            tr("Cannot compare these runs: %1").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
    }
}

void EvalPanel::exportPlotWithDialog(QCustomPlot* plot, const QString& baseName) {
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), baseName + QStringLiteral(".png"),
                                                tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (!exportChart(plot, path))
        showError(this, tr("Export chart"),
                  tr("Could not write %1: use a .png or .pdf name in a writable folder.").arg(path));
}

bool EvalPanel::writeReport(const QString& path) {
    const auto b = candidateRunId();
    if (!b) return false;
    auto a = baselineRunId();
    if (a && *a == *b) a.reset();  // a run against itself says nothing
    try {
        tb::write_run_report(project_, *b, a, path.toStdString());
    } catch (const std::exception& e) {
        showError(this, tr("Run report"), e);
        return false;
    }
    return true;
}

bool EvalPanel::isEvaluating() const { return evalRunner_->isRunning(); }

void EvalPanel::openEvalDialog() {
    if (isEvaluating()) return;
    EvalDialog dialog(project_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    startEvaluation(dialog.request());
}

bool EvalPanel::startEvaluation(const EvalRequest& request) {
    const QString description = QString::fromStdString(request.target.describe());
    const QString set = QString::fromStdString(request.options.set_name);
    const bool started =
        evalRunner_->start<tb::EvalRunResult>(evalRunJob(QString::fromStdString(project_.path()), request), this,
                                              [this, set](tb::EvalRunResult result) { onEvaluationDone(result, set); });
    if (!started) return false;
    evaluateButton_->setEnabled(false);
    evalProgress_->setRange(0, 0);  // busy until the first progress report (loading the model)
    evalProgress_->setFormat(request.target.kind == tb::EvalTarget::Kind::remote ? tr("contacting the endpoint")
                                                                                 : tr("loading the model"));
    evalProgress_->setVisible(true);
    cancelEvalButton_->setEnabled(true);
    cancelEvalButton_->setVisible(true);
    evalStatus_->setStyleSheet(QString());
    evalStatus_->setText(tr("Evaluating %1 on %2...").arg(description, set));
    return true;
}

void EvalPanel::restoreEvaluationControls() {
    evaluateButton_->setEnabled(true);
    evalProgress_->setVisible(false);
    cancelEvalButton_->setVisible(false);
}

void EvalPanel::onEvaluationDone(const tb::EvalRunResult& result, const QString& set) {
    restoreEvaluationControls();
    const auto previousCandidate = candidateRunId();
    refresh();
    // The new run becomes the candidate, against the one that was the candidate before.
    selectRuns(previousCandidate.value_or(result.run_id), result.run_id);
    evalStatus_->setText(
        tr("Eval run #%1 on %2: pass rate %3%, mean score %4%5")
            .arg(result.run_id)
            .arg(set)
            .arg(result.pass_rate * 100.0, 0, 'f', 1)
            .arg(result.mean_score, 0, 'f', 3)
            .arg(result.needs_judge ? tr(" (%1 item(s) wait for the judge)").arg(result.needs_judge) : QString()));
    Q_EMIT evaluationFinished(result.run_id, result.pass_rate, result.mean_score);
}

void EvalPanel::cancelEvaluation() {
    if (!isEvaluating()) return;
    evalRunner_->cancel();
    cancelEvalButton_->setEnabled(false);
    evalStatus_->setText(tr("Cancelling..."));
}

void EvalPanel::chooseReportFile() {
    const auto b = candidateRunId();
    if (!b) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Run report"),
                                                      QStringLiteral("eval-run-%1.html").arg(*b), tr("HTML (*.html)"));
    if (!path.isEmpty()) writeReport(path);
}

}  // namespace tbui
