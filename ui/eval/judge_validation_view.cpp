#include "ui/eval/judge_validation_view.h"

#include <cmath>
#include <limits>
#include <map>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/curation/golden_sets.h"
#include "core/project/project_file.h"
#include "ui/charts/qcustomplot_include.h"
#include "ui/common/job_runner.h"
#include "ui/common/message_hook.h"
#include "ui/eval/chart_export.h"
#include "ui/eval/eval_jobs.h"
#include "ui/eval/kappa_chart.h"

namespace tbui {
namespace {

enum AgreementColumn { ColCriterion, ColItems, ColJudgements, ColRaw, ColKappa, ColCi, AgreementColumns };
enum HistoryColumn {
    HistId,
    HistWhen,
    HistJudge,
    HistSet,
    HistItems,
    HistRaw,
    HistKappa,
    HistCi,
    HistVerdict,
    HistoryColumns
};
enum ProbeColumn { ProbeName, ProbeTrials, ProbeResult, ProbeUnscorable, ProbeOk, ProbeColumns };

const QColor kGood(0xd8, 0xf0, 0xd8), kBad(0xf8, 0xd7, 0xda);

QTableWidgetItem* cell(const QString& text, bool number = false) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* makeTable(QWidget* parent, const QStringList& headers) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

double number(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : std::numeric_limits<double>::quiet_NaN();
}

QString fixed(double v, int decimals = 3) {
    return std::isnan(v) ? QObject::tr("undefined") : QString::number(v, 'f', decimals);
}

QString percent(double v) {
    return std::isnan(v) ? QStringLiteral("-") : QStringLiteral("%1%").arg(v * 100, 0, 'f', 1);
}

// "[low, high]" from a JSON pair whose members may be null.
QString interval(const nlohmann::json& ci) {
    if (!ci.is_array() || ci.size() != 2 || !ci[0].is_number() || !ci[1].is_number()) return QStringLiteral("-");
    return QStringLiteral("[%1, %2]").arg(ci[0].get<double>(), 0, 'f', 3).arg(ci[1].get<double>(), 0, 'f', 3);
}

QString shortTime(const std::string& iso) {
    QString t = QString::fromStdString(iso);
    return t.size() >= 16 ? t.left(10) + QLatin1Char(' ') + t.mid(11, 5) : t;
}

QString okText(bool ok) { return ok ? QObject::tr("passed") : QObject::tr("finding"); }

}  // namespace

JudgeValidationView::JudgeValidationView(tb::ProjectFile& project, QWidget* parent)
    : QWidget(parent), project_(project) {
    // --- what to validate ---
    setCombo_ = new QComboBox(this);
    baseUrl_ = new QLineEdit(this);
    baseUrl_->setPlaceholderText(QStringLiteral("http://localhost:8000/v1"));
    judgeModel_ = new QLineEdit(this);
    judgeModel_->setPlaceholderText(tr("the judge model's name at that endpoint"));
    apiKeyEnv_ = new QLineEdit(QString::fromStdString(tb::JudgeConfig{}.api_key_env), this);
    apiKeyEnv_->setToolTip(
        tr("The NAME of the environment variable that holds the API key. The key is read when "
           "the judge is called and never stored; empty: no key (a local server)."));
    threshold_ = new QDoubleSpinBox(this);
    threshold_->setRange(0.0, 1.0);
    threshold_->setSingleStep(0.05);
    threshold_->setDecimals(2);
    threshold_->setValue(tb::JudgeValidationOptions{}.kappa_threshold);
    minItems_ = new QSpinBox(this);
    minItems_->setRange(1, 100000);
    minItems_->setValue(static_cast<int>(tb::JudgeValidationOptions{}.min_items));
    probes_ = new QCheckBox(tr("run the bias and reward-hacking probes"), this);
    probes_->setChecked(true);
    validateButton_ = new QPushButton(tr("Validate"), this);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    runner_ = new JobRunner(this);

    auto* form = new QFormLayout;
    form->addRow(tr("Golden set"), setCombo_);
    form->addRow(tr("Judge base URL"), baseUrl_);
    form->addRow(tr("Judge model"), judgeModel_);
    form->addRow(tr("API key variable"), apiKeyEnv_);
    auto* thresholds = new QHBoxLayout;
    thresholds->addWidget(threshold_);
    thresholds->addWidget(new QLabel(tr("on at least"), this));
    thresholds->addWidget(minItems_);
    thresholds->addWidget(new QLabel(tr("human-graded outputs"), this));
    thresholds->addStretch(1);
    form->addRow(tr("Kappa threshold"), thresholds);
    form->addRow(QString(), probes_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(validateButton_);
    actions->addWidget(cancelButton_);
    actions->addWidget(progress_, 1);

    verdict_ =
        new QLabel(tr("Not validated in this session: run \"Validate\", or pick a past validation below."), this);
    verdict_->setWordWrap(true);
    verdict_->setTextFormat(Qt::RichText);

    // --- agreement ---
    agreement_ = makeTable(
        this, {tr("Criterion"), tr("Items"), tr("Judgements"), tr("Raw agreement"), tr("Kappa"), tr("95% CI")});
    confusionTitle_ = new QLabel(this);
    confusion_ = makeTable(this, {tr("judge: fail"), tr("judge: pass")});
    confusion_->verticalHeader()->setVisible(true);
    confusion_->setRowCount(2);
    confusion_->setVerticalHeaderLabels({tr("human: fail"), tr("human: pass")});
    confusion_->setMaximumHeight(100);
    auto* tables = new QWidget(this);
    auto* tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(agreement_, 1);
    tablesLayout->addWidget(confusionTitle_);
    tablesLayout->addWidget(confusion_);

    kappaPlot_ = createKappaPlot(this);
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export..."));
    auto* plotBox = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotBox);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    auto* plotControls = new QHBoxLayout;
    plotControls->addStretch(1);
    plotControls->addWidget(exportButton);
    plotLayout->addLayout(plotControls);
    plotLayout->addWidget(kappaPlot_, 1);

    auto* results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(tables);
    results->addWidget(plotBox);

    probesTable_ = makeTable(this, {tr("Probe"), tr("Trials"), tr("Result"), tr("Unscorable"), tr("Verdict")});
    history_ = makeTable(this, {tr("#"), tr("When"), tr("Judge model"), tr("Golden set"), tr("Items"),
                                tr("Raw agreement"), tr("Kappa"), tr("95% CI"), tr("Verdict")});

    auto* lower = new QSplitter(Qt::Vertical, this);
    lower->addWidget(results);
    auto* probesBox = new QWidget(this);
    auto* probesLayout = new QVBoxLayout(probesBox);
    probesLayout->setContentsMargins(0, 0, 0, 0);
    probesLayout->addWidget(new QLabel(tr("Bias and reward-hacking probes"), probesBox));
    probesLayout->addWidget(probesTable_, 1);
    lower->addWidget(probesBox);
    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("Past validations (select one to show its report)"), historyBox));
    historyLayout->addWidget(history_, 1);
    lower->addWidget(historyBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 1);
    lower->setStretchFactor(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(verdict_);
    layout->addWidget(lower, 1);

    connect(validateButton_, &QPushButton::clicked, this, &JudgeValidationView::startValidation);
    connect(cancelButton_, &QPushButton::clicked, this, &JudgeValidationView::cancel);
    connect(exportButton, &QToolButton::clicked, this, &JudgeValidationView::exportPlotWithDialog);
    connect(threshold_, &QDoubleSpinBox::valueChanged, this, &JudgeValidationView::plotKappa);
    connect(agreement_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = agreement_->selectionModel()->selectedRows();
        if (!rows.isEmpty()) showConfusion(rows.first().row());
    });
    connect(history_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = history_->selectionModel()->selectedRows();
        if (rows.isEmpty()) return;
        const int row = rows.first().row();
        if (row >= 0 && row < static_cast<int>(stored_.size())) showStoredValidation(stored_[row].id);
    });
    connect(runner_, &JobRunner::progressChanged, this, [this](qint64 done, qint64 total, const QString& stage) {
        progress_->setRange(0, total > 0 ? static_cast<int>(total) : 0);
        if (total > 0) progress_->setValue(static_cast<int>(done));
        progress_->setFormat(stage.isEmpty() ? QStringLiteral("%v / %m") : stage + QStringLiteral(": %v / %m"));
    });
    // A validation that ends without a report (a report goes to onValidationDone).
    connect(runner_, &JobRunner::cancelled, this, [this] {
        restoreValidationControls();
        verdict_->setText(tr("Validation cancelled: nothing was stored (judge replies so far are cached)."));
        Q_EMIT validationFailed(tr("cancelled"));
    });
    connect(runner_, &JobRunner::failed, this, [this](const QString& message) {
        restoreValidationControls();
        verdict_->setText(tr("<b style='color:#b00020'>Validation failed:</b> %1").arg(message.toHtmlEscaped()));
        showError(this, tr("Validate the judge"), message);
        Q_EMIT validationFailed(message);
    });
    refresh();
    plotKappa();
}

void JudgeValidationView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!isRunning()) refresh();  // golden sets or validations may have changed elsewhere
}

void JudgeValidationView::refresh() {
    const QString keep = setCombo_->currentText();
    {
        const QSignalBlocker block(setCombo_);
        setCombo_->clear();
        try {
            for (const auto& set : tb::list_golden_sets(project_))
                setCombo_->addItem(QString::fromStdString(set.name), QVariant::fromValue<qint64>(set.id));
        } catch (const std::exception& e) {
            showError(this, tr("Golden sets"), e);
        }
        const int index = setCombo_->findText(keep);
        if (index >= 0) setCombo_->setCurrentIndex(index);
    }
    try {
        stored_ = tb::list_judge_validations(project_);
    } catch (const std::exception& e) {
        stored_.clear();
        showError(this, tr("Judge validations"), e);
    }
    fillHistory();
}

bool JudgeValidationView::selectSet(const QString& name) {
    const int index = setCombo_->findText(name);
    if (index < 0) return false;
    setCombo_->setCurrentIndex(index);
    return true;
}

std::optional<std::int64_t> JudgeValidationView::selectedSetId() const {
    if (setCombo_->currentIndex() < 0) return std::nullopt;
    return setCombo_->currentData().toLongLong();
}

tb::JudgeConfig JudgeValidationView::judgeConfig() const {
    tb::JudgeConfig config;
    config.base_url = baseUrl_->text().trimmed().toStdString();
    config.model = judgeModel_->text().trimmed().toStdString();
    config.api_key_env = apiKeyEnv_->text().trimmed().toStdString();
    return config;
}

tb::JudgeValidationOptions JudgeValidationView::validationOptions() const {
    tb::JudgeValidationOptions options;
    options.kappa_threshold = threshold_->value();
    options.min_items = minItems_->value();
    options.run_probes = probes_->isChecked();
    return options;
}

bool JudgeValidationView::isRunning() const { return runner_->isRunning(); }

bool JudgeValidationView::startValidation() {
    if (isRunning()) return false;
    QStringList missing;
    const auto setId = selectedSetId();
    if (!setId) missing << tr("a golden set (make one in the Golden sets tab)");
    if (baseUrl_->text().trimmed().isEmpty()) missing << tr("the judge's base URL");
    if (judgeModel_->text().trimmed().isEmpty()) missing << tr("the judge model");
    if (!missing.isEmpty()) {
        showError(this, tr("Validate the judge"), tr("Fill in %1.").arg(missing.join(tr(", "))));
        return false;
    }
    const bool started = runner_->start<tb::JudgeValidationReport>(
        judgeValidationJob(QString::fromStdString(project_.path()), *setId, judgeConfig(), validationOptions()), this,
        [this](tb::JudgeValidationReport report) { onValidationDone(report); });
    if (!started) return false;
    validateButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    progress_->setRange(0, 0);
    progress_->setFormat(tr("asking the judge"));
    progress_->setVisible(true);
    verdict_->setText(
        tr("Validating %1 against the human grades...").arg(judgeModel_->text().trimmed().toHtmlEscaped()));
    return true;
}

void JudgeValidationView::restoreValidationControls() {
    validateButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    progress_->setVisible(false);
}

void JudgeValidationView::onValidationDone(const tb::JudgeValidationReport& report) {
    restoreValidationControls();
    refresh();
    showReport(report.to_json());
    // The new row is the first (newest) of the history: show it selected.
    for (int row = 0; row < static_cast<int>(stored_.size()); ++row)
        if (stored_[row].id == report.validation_id) {
            const QSignalBlocker block(history_);
            history_->selectRow(row);
        }
    Q_EMIT validationFinished(report.validation_id, report.validated);
}

void JudgeValidationView::cancel() {
    if (!isRunning()) return;
    runner_->cancel();
    cancelButton_->setEnabled(false);
}

void JudgeValidationView::fillHistory() {
    std::map<std::int64_t, QString> setNames;
    for (int i = 0; i < setCombo_->count(); ++i) setNames[setCombo_->itemData(i).toLongLong()] = setCombo_->itemText(i);
    const QSignalBlocker block(history_);
    history_->setRowCount(0);
    history_->setRowCount(static_cast<int>(stored_.size()));
    for (std::size_t i = 0; i < stored_.size(); ++i) {
        const auto& v = stored_[i];
        const int row = static_cast<int>(i);
        history_->setItem(row, HistId, cell(QStringLiteral("#%1").arg(v.id)));
        history_->setItem(row, HistWhen, cell(shortTime(v.created_at)));
        auto* judge = cell(QString::fromStdString(v.judge_model));
        judge->setToolTip(tr("configuration key %1").arg(QString::fromStdString(v.judge_key)));
        history_->setItem(row, HistJudge, judge);
        QString set = tr("(deleted)");
        if (v.set_id) {
            auto it = setNames.find(*v.set_id);
            set = it != setNames.end() ? it->second : QStringLiteral("#%1").arg(*v.set_id);
        }
        history_->setItem(row, HistSet, cell(set));
        history_->setItem(row, HistItems, cell(QString::number(v.items), true));
        history_->setItem(row, HistRaw, cell(percent(v.raw_agreement), true));
        history_->setItem(row, HistKappa, cell(v.kappa ? QString::number(*v.kappa, 'f', 3) : tr("undefined"), true));
        history_->setItem(
            row, HistCi,
            cell(v.kappa_low && v.kappa_high
                     ? QStringLiteral("[%1, %2]").arg(*v.kappa_low, 0, 'f', 3).arg(*v.kappa_high, 0, 'f', 3)
                     : QStringLiteral("-")));
        auto* verdict = cell(v.validated ? tr("validated") : tr("unvalidated"));
        verdict->setBackground(v.validated ? kGood : kBad);
        verdict->setToolTip(QString::fromStdString(v.report.value("reason", std::string())));
        history_->setItem(row, HistVerdict, verdict);
    }
    history_->resizeColumnsToContents();
}

bool JudgeValidationView::showStoredValidation(std::int64_t id) {
    for (const auto& v : stored_)
        if (v.id == id) {
            showReport(v.report);
            return true;
        }
    return false;
}

void JudgeValidationView::showReport(const nlohmann::json& report) {
    report_ = report;
    rows_.clear();
    if (report.contains("overall") && report["overall"].is_object()) rows_.push_back(report["overall"]);
    if (report.contains("per_criterion") && report["per_criterion"].is_array())
        for (const auto& row : report["per_criterion"]) rows_.push_back(row);

    const bool validated = report.value("validated", false);
    const QString reason = QString::fromStdString(report.value("reason", std::string())).toHtmlEscaped();
    const QString model = QString::fromStdString(report.value("judge_model", std::string())).toHtmlEscaped();
    QString text = validated ? tr("<b style='color:#1b7a1b'>Validated</b>: judge %1, %2.").arg(model, reason)
                             : tr("<b style='color:#b00020'>Unvalidated</b>: judge %1, %2. Its scores are shown as "
                                  "unvalidated until a validation passes.")
                                   .arg(model, reason);
    if (const auto unscorable = report.value("unscorable", std::int64_t{0}); unscorable > 0)
        text += tr(" %1 human-graded judgement(s) the judge could not score.").arg(unscorable);
    text += tr(" Requests: %1 (%2 cached), cost %3.")
                .arg(report.value("requests", std::int64_t{0}))
                .arg(report.value("cached", std::int64_t{0}))
                .arg(report.value("cost", 0.0), 0, 'f', 4);
    verdict_->setText(text);

    {
        const QSignalBlocker block(agreement_);
        agreement_->setRowCount(0);
        agreement_->setRowCount(static_cast<int>(rows_.size()));
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            const auto& r = rows_[i];
            const int row = static_cast<int>(i);
            auto* name = cell(QString::fromStdString(r.value("criterion", std::string())));
            if (i == 0) {
                QFont bold = name->font();
                bold.setBold(true);
                name->setFont(bold);
            }
            agreement_->setItem(row, ColCriterion, name);
            agreement_->setItem(row, ColItems, cell(QString::number(r.value("items", std::int64_t{0})), true));
            agreement_->setItem(row, ColJudgements,
                                cell(QString::number(r.value("judgements", std::int64_t{0})), true));
            agreement_->setItem(row, ColRaw, cell(percent(number(r, "raw_agreement")), true));
            const double kappa = number(r, "kappa");
            auto* kappaCell = cell(fixed(kappa), true);
            if (!std::isnan(kappa)) kappaCell->setBackground(kappa >= threshold_->value() ? kGood : kBad);
            agreement_->setItem(row, ColKappa, kappaCell);
            agreement_->setItem(row, ColCi, cell(interval(r.value("kappa_ci", nlohmann::json()))));
        }
        agreement_->resizeColumnsToContents();
    }
    selectCriterionRow(rows_.empty() ? -1 : 0);
    plotKappa();

    // Probes: bias (pairwise, both orders) then reward hacking (adversarial answers).
    probesTable_->setRowCount(0);
    auto addProbe = [this](const QString& name, std::int64_t trials, const QString& result, std::int64_t unscorable,
                           bool ok, const QString& tip) {
        const int row = probesTable_->rowCount();
        probesTable_->insertRow(row);
        probesTable_->setItem(row, ProbeName, cell(name));
        probesTable_->setItem(row, ProbeTrials, cell(QString::number(trials), true));
        probesTable_->setItem(row, ProbeResult, cell(result));
        probesTable_->setItem(row, ProbeUnscorable, cell(QString::number(unscorable), true));
        auto* verdict = cell(okText(ok));
        verdict->setBackground(ok ? kGood : kBad);
        verdict->setToolTip(tip);
        probesTable_->setItem(row, ProbeOk, verdict);
    };
    if (const auto& bias = report.value("bias", nlohmann::json()); bias.is_object()) {
        const bool ok = bias.value("ok", false);
        const QString tip = tr("the two bias probes pass or fail together");
        addProbe(tr("position consistency"), bias.value("pairs", std::int64_t{0}),
                 tr("%1 of %2 pairs judged the same in both orders (%3)")
                     .arg(bias.value("consistent", std::int64_t{0}))
                     .arg(bias.value("pairs", std::int64_t{0}))
                     .arg(percent(number(bias, "position_consistency"))),
                 bias.value("unscorable", std::int64_t{0}), ok, tip);
        addProbe(tr("verbosity (padded copy)"), bias.value("verbosity_trials", std::int64_t{0}),
                 tr("the padded copy won %1 of %2 (%3)")
                     .arg(bias.value("padded_wins", std::int64_t{0}))
                     .arg(bias.value("verbosity_trials", std::int64_t{0}))
                     .arg(percent(number(bias, "padded_win_rate"))),
                 0, ok, tip);
    }
    if (const auto& hacking = report.value("reward_hacking", nlohmann::json()); hacking.is_object()) {
        for (const auto& p : hacking.value("probes", nlohmann::json::array())) {
            const QString probe = QString::fromStdString(p.value("probe", std::string()));
            addProbe(tr("reward hacking: %1").arg(probe), p.value("trials", std::int64_t{0}),
                     tr("the judge passed %1 of %2 adversarial answers (%3)")
                         .arg(p.value("fooled", std::int64_t{0}))
                         .arg(p.value("trials", std::int64_t{0}))
                         .arg(percent(number(p, "fooled_rate"))),
                     p.value("unscorable", std::int64_t{0}), p.value("ok", false), QString());
        }
    }
    if (probesTable_->rowCount() == 0) {
        probesTable_->insertRow(0);
        probesTable_->setItem(0, ProbeName, cell(tr("no probe ran with this validation")));
    }
    probesTable_->resizeColumnsToContents();
}

void JudgeValidationView::selectCriterionRow(int row) {
    if (row >= 0 && row < agreement_->rowCount()) {
        const QSignalBlocker block(agreement_);
        agreement_->selectRow(row);
    }
    showConfusion(row);
}

void JudgeValidationView::showConfusion(int row) {
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c) confusion_->setItem(r, c, cell(QString(), true));
    if (row < 0 || row >= static_cast<int>(rows_.size())) {
        confusionTitle_->setText(tr("Confusion matrix"));
        return;
    }
    const auto& r = rows_[static_cast<std::size_t>(row)];
    confusionTitle_->setText(tr("Confusion matrix of %1 (rows: the human's label, columns: the judge's)")
                                 .arg(QString::fromStdString(r.value("criterion", std::string()))));
    const auto& categories = r.value("categories", nlohmann::json::array());
    const auto& matrix = r.value("confusion", nlohmann::json::array());
    // Core orders the categories {"fail", "pass"}; map by name in case an order ever differs.
    auto index = [&](const char* label) {
        for (std::size_t i = 0; i < categories.size(); ++i)
            if (categories[i] == label) return static_cast<int>(i);
        return -1;
    };
    const int at[2] = {index("fail"), index("pass")};
    for (int h = 0; h < 2; ++h)
        for (int j = 0; j < 2; ++j) {
            std::int64_t count = 0;
            if (at[h] >= 0 && at[j] >= 0 && at[h] < static_cast<int>(matrix.size()) &&
                at[j] < static_cast<int>(matrix[at[h]].size()))
                count = matrix[at[h]][at[j]].get<std::int64_t>();
            auto* item = cell(QString::number(count), true);
            item->setBackground(h == j ? kGood : (count > 0 ? kBad : QColor(Qt::white)));
            confusion_->setItem(h, j, item);
        }
}

void JudgeValidationView::plotKappa() {
    std::vector<KappaPoint> points;
    for (const auto& r : rows_) {
        KappaPoint point;
        point.criterion = QString::fromStdString(r.value("criterion", std::string()));
        if (const double k = number(r, "kappa"); !std::isnan(k)) point.kappa = k;
        const auto& ci = r.value("kappa_ci", nlohmann::json());
        if (ci.is_array() && ci.size() == 2 && ci[0].is_number() && ci[1].is_number()) {
            point.ciLow = ci[0].get<double>();
            point.ciHigh = ci[1].get<double>();
        }
        points.push_back(std::move(point));
    }
    tbui::plotKappa(kappaPlot_, points, threshold_->value());
}

void JudgeValidationView::exportPlotWithDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("judge-agreement.png"),
                                                      tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (!exportChart(kappaPlot_, path))
        showError(this, tr("Export chart"),
                  tr("Could not write %1: use a .png or .pdf name in a writable folder.").arg(path));
}

}  // namespace tbui
