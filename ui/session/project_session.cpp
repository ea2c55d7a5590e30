#include "ui/session/project_session.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QTabWidget>

#include "core/curation/reviewer_identity.h"
#include "core/project/project_checks.h"
#include "core/project/project_file.h"
#include "ui/advisor/advisor_wizard.h"
#include "ui/common/job_runner.h"
#include "ui/common/message_hook.h"
#include "ui/common/recent_projects.h"
#include "ui/coverage/coverage_view.h"
#include "ui/dataset/check_report_panel.h"
#include "ui/dataset/dataset_jobs.h"
#include "ui/dataset/example_browser.h"
#include "ui/dataset/project_example_store.h"
#include "ui/eval/blind_grading_widget.h"
#include "ui/eval/eval_panel.h"
#include "ui/eval/judge_validation_view.h"
#include "ui/eval/suite_editor.h"
#include "ui/eval/suite_runner.h"
#include "ui/golden/golden_set_editor.h"
#include "ui/overview/project_overview.h"
#include "ui/review/review_queue_widget.h"
#include "ui/train/training_panel.h"

namespace tbui {
namespace {
// How many reject lines the import dialog lists before summarising the rest.
constexpr int kMaxListedRejects = 1000;

QString listedRejects(const QStringList& messages) {
    QStringList lines = messages.mid(0, kMaxListedRejects);
    if (messages.size() > kMaxListedRejects)
        lines << ProjectSession::tr("… and %1 more").arg(messages.size() - kMaxListedRejects);
    return lines.join(QLatin1Char('\n'));
}
}  // namespace

ProjectSession::ProjectSession(QWidget* window, ExampleBrowser* browser, CheckReportPanel* checkPanel)
    : QObject(window), window_(window), browser_(browser), checkPanel_(checkPanel), jobRunner_(new JobRunner(this)) {
    // Connected before the window's own: it then enables the button only with a project open.
    connect(jobRunner_, &JobRunner::finished, checkPanel_, [this] { checkPanel_->setRunning(false); });
    // The regression suites' progress is told to the Training tab and the status bar.
    connect(this, &ProjectSession::suitesStarted, this,
            [this](const QString& what) { Q_EMIT statusMessage(tr("%1: running...").arg(what), 0); });
    connect(this, &ProjectSession::suitesFinished, this, [this](const QStringList&, const QStringList& regressions) {
        // A flagged regression stays until the next message: it must not pass unseen.
        if (regressions.isEmpty())
            Q_EMIT statusMessage(tr("Regression suites done: no regression flagged."), 10000);
        else
            Q_EMIT statusMessage(tr("Regression flagged by the suites after training: %1").arg(regressions.first()), 0);
        Q_EMIT runsChanged();  // the suites stored eval runs
    });
    connect(this, &ProjectSession::suitesFailed, this, [this](const QString& message) {
        Q_EMIT statusMessage(tr("Regression suites failed: %1").arg(message), 10000);
    });
}

ProjectSession::~ProjectSession() {
    // The runner's destructor cancels and joins its thread; it must go before the project.
    delete jobRunner_;
    jobRunner_ = nullptr;
    destroyPanels();
    browser_->setStore(nullptr);
}

QString ProjectSession::path() const { return project_ ? QString::fromStdString(project_->path()) : QString(); }

bool ProjectSession::open(const QString& path) {
    if (jobRunner_->isRunning()) {
        showError(window_, tr("Cannot open the project"), tr("Wait for the running job to finish, or cancel it."));
        return false;
    }
    try {
        auto project = std::make_unique<tb::ProjectFile>(tb::ProjectFile::open(path.toStdString()));
        close();
        project_ = std::move(project);
    } catch (const std::exception& error) {
        RecentProjects::remove(path);
        showError(window_, tr("Cannot open the project"), error);
        return false;
    }
    store_ = std::make_unique<ProjectExampleStore>(*project_);
    RecentProjects::add(path);
    browser_->setStore(store_.get());
    loadLatestCheckReport();
    Q_EMIT opened(this->path());
    return true;
}

bool ProjectSession::create(const QString& path) {
    try {
        tb::ProjectFile::create(path.toStdString());
    } catch (const std::exception& error) {
        showError(window_, tr("Cannot create the project"), error);
        return false;
    }
    return open(path);
}

void ProjectSession::close() {
    if (jobRunner_->isRunning()) jobRunner_->cancel();
    // Every widget holding a reference to the project goes before the file closes.
    destroyPanels();
    browser_->setStore(nullptr);
    store_.reset();
    project_.reset();
    checkPanel_->showNoReport(tr("No project open."));
}

void ProjectSession::destroyPanels() {
    if (advisor_) delete advisor_.data();
    delete overview_.data();
    delete reviewQueue_.data();
    delete coverageView_.data();
    delete goldenEditor_.data();
    delete trainingPanel_.data();
    delete evaluationTabs_.data();
}

bool ProjectSession::changeReviewer() {
    bool ok = false;
    const auto current = tb::machine_reviewer();
    const QString name =
        QInputDialog::getText(window_, tr("Reviewer name"),
                              tr("Your name as a reviewer (stored on this machine, written on every "
                                 "review and golden reference):"),
                              QLineEdit::Normal, current ? QString::fromStdString(*current) : QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) return false;
    try {
        tb::set_machine_reviewer(name.toStdString());
    } catch (const std::exception& error) {
        showError(window_, tr("Reviewer name"), error);
        return false;
    }
    Q_EMIT reviewerChanged();
    delete reviewQueue_.data();
    delete goldenEditor_.data();
    delete evaluationTabs_.data();  // blind grading
    return true;
}

ProjectOverview* ProjectSession::overview() const { return overview_; }
ReviewQueueWidget* ProjectSession::reviewQueue() const { return reviewQueue_; }
CoverageView* ProjectSession::coverageView() const { return coverageView_; }
GoldenSetEditor* ProjectSession::goldenEditor() const { return goldenEditor_; }
TrainingPanel* ProjectSession::trainingPanel() const { return trainingPanel_; }
QTabWidget* ProjectSession::evaluationTabs() const { return evaluationTabs_; }

ProjectOverview* ProjectSession::ensureOverview() {
    if (overview_ || !project_) return overview_;
    overview_ = new ProjectOverview(*project_);
    connect(overview_, &ProjectOverview::advisorRequested, this, [this] { openAdvisor(); });
    connect(this, &ProjectSession::examplesChanged, overview_, &ProjectOverview::refresh);
    connect(this, &ProjectSession::runsChanged, overview_, &ProjectOverview::refresh);
    return overview_;
}

ReviewQueueWidget* ProjectSession::ensureReviewQueue() {
    if (reviewQueue_ || !project_) return reviewQueue_;
    const QString reviewer = ensureReviewer();
    if (reviewer.isEmpty()) return nullptr;
    reviewQueue_ = new ReviewQueueWidget(*project_, reviewer);
    // The overview re-reads when its tab is shown; one in view follows the reviews at once.
    connect(reviewQueue_, &ReviewQueueWidget::countsChanged, this, [this] {
        if (overview_ && overview_->isVisible()) overview_->refresh();
    });
    return reviewQueue_;
}

CoverageView* ProjectSession::ensureCoverageView() {
    if (coverageView_ || !project_) return coverageView_;
    coverageView_ = new CoverageView(*project_);
    connect(this, &ProjectSession::examplesChanged, coverageView_, &CoverageView::refresh);
    return coverageView_;
}

GoldenSetEditor* ProjectSession::ensureGoldenEditor() {
    if (goldenEditor_ || !project_) return goldenEditor_;
    const QString reviewer = ensureReviewer();
    if (reviewer.isEmpty()) return nullptr;
    goldenEditor_ = new GoldenSetEditor(*project_, reviewer);
    return goldenEditor_;
}

TrainingPanel* ProjectSession::ensureTrainingPanel() {
    if (trainingPanel_ || !project_) return trainingPanel_;
    trainingPanel_ = new TrainingPanel(*project_);
    handAdvisorSettingsToTrainingPanel();
    connect(trainingPanel_, &TrainingPanel::runFinished, this, &ProjectSession::runsChanged);
    // Regression suites flagged run_after_training evaluate each new adapter.
    auto* suites = new SuiteRunner(*project_, trainingPanel_);
    connect(trainingPanel_, &TrainingPanel::adapterReady, suites, &SuiteRunner::runAfterTraining);
    connect(suites, &SuiteRunner::started, this, &ProjectSession::suitesStarted);
    connect(suites, &SuiteRunner::finished, this, &ProjectSession::suitesFinished);
    connect(suites, &SuiteRunner::failed, this, &ProjectSession::suitesFailed);
    connect(this, &ProjectSession::suitesStarted, trainingPanel_, &TrainingPanel::showSuitesStarted);
    connect(this, &ProjectSession::suitesFinished, trainingPanel_, &TrainingPanel::showSuitesFinished);
    connect(this, &ProjectSession::suitesFailed, trainingPanel_, &TrainingPanel::showSuitesFailed);
    return trainingPanel_;
}

QTabWidget* ProjectSession::ensureEvaluationTabs() {
    if (evaluationTabs_ || !project_) return evaluationTabs_;
    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("evaluationTabs"));
    auto* runs = new EvalPanel(*project_, tabs);
    connect(this, &ProjectSession::runsChanged, runs, &EvalPanel::refresh);
    tabs->addTab(runs, tr("Runs and comparisons"));
    if (const QString grader = ensureReviewer(); !grader.isEmpty())
        tabs->addTab(new BlindGradingWidget(*project_, grader, tabs), tr("Blind grading"));
    tabs->addTab(new JudgeValidationView(*project_, tabs), tr("Judge validation"));
    auto* suiteEditor = new SuiteEditor(*project_, tabs);
    connect(suiteEditor, &SuiteEditor::suiteRunFinished, this, &ProjectSession::runsChanged);
    tabs->addTab(suiteEditor, tr("Regression suites"));
    evaluationTabs_ = tabs;
    return evaluationTabs_;
}

QString ProjectSession::ensureReviewer() {
    QString name;
    if (auto stored = tb::machine_reviewer())
        name = QString::fromStdString(*stored);
    else
        name = ReviewQueueWidget::askReviewer(window_);
    Q_EMIT reviewerChanged();
    return name;
}

AdvisorWizard* ProjectSession::openAdvisor() {
    if (!project_) return nullptr;
    if (advisor_) {
        advisor_->raise();
        advisor_->activateWindow();
        return advisor_;
    }
    const auto reviewer = tb::machine_reviewer();
    advisor_ = new AdvisorWizard(*project_, reviewer ? QString::fromStdString(*reviewer) : QString(), window_);
    advisor_->setAttribute(Qt::WA_DeleteOnClose);
    AdvisorWizard* wizard = advisor_;
    connect(wizard, &AdvisorWizard::decisionStored, this, [this, wizard](qint64 id) {
        // Prompting or retrieval suggest no run settings: keep what an earlier decision gave.
        if (wizard->suggestedSettings()) {
            suggestedSettings_ = wizard->suggestedSettings();
            handAdvisorSettingsToTrainingPanel();
        }
        if (overview_) overview_->refresh();
        Q_EMIT statusMessage(tr("Decision stored in the project."), 5000);
        Q_EMIT decisionStored(id);
    });
    advisor_->open();
    return advisor_;
}

void ProjectSession::handAdvisorSettingsToTrainingPanel() {
    if (trainingPanel_ && suggestedSettings_) trainingPanel_->setStartingSettings(*suggestedSettings_);
}

bool ProjectSession::importDataset(const QString& file, bool keepValidRecords) {
    if (!project_) {
        showError(window_, tr("Cannot import"),
                  tr("Open or create a project first, then import %1 into it.").arg(file));
        return false;
    }
    if (jobRunner_->isRunning()) {
        showError(window_, tr("Cannot import"), tr("Another job is running: wait for it or cancel it."));
        return false;
    }
    // Failed (the runner's error is shown) or cancelled (nothing was stored): no outcome.
    jobRunner_->start<ImportOutcome>(
        importDatasetJob(path(), file, keepValidRecords), this,
        [this, file](ImportOutcome outcome) { onImportDone(outcome, file); }, [this] { Q_EMIT importFinished(false); });
    Q_EMIT jobStarted(tr("Importing %1…").arg(QFileInfo(file).fileName()));
    return true;
}

void ProjectSession::onImportDone(const ImportOutcome& outcome, const QString& file) {
    if (outcome.refused) {
        showMessage(window_, UserMessage{MessageKind::Warning, tr("Nothing was imported"),
                                         tr("%n record(s) in %1 are invalid, so nothing was imported. Fix them and "
                                            "import the file again, or use File > Import dataset, keeping the valid "
                                            "records.",
                                            nullptr, static_cast<int>(outcome.rejected))
                                             .arg(file),
                                         listedRejects(outcome.rejectMessages)});
        Q_EMIT importFinished(false);
        return;
    }
    browser_->reload();
    Q_EMIT examplesChanged();
    Q_EMIT statusMessage(tr("Imported %1: %2 new, %3 duplicate(s), %4 rejected.")
                             .arg(QFileInfo(file).fileName())
                             .arg(outcome.inserted)
                             .arg(outcome.duplicates)
                             .arg(outcome.rejected),
                         10000);
    if (outcome.rejected > 0)
        showMessage(window_, UserMessage{MessageKind::Warning, tr("Some records were rejected"),
                                         tr("%1 of %2 record(s) in %3 were rejected and not imported. "
                                            "Fix them and import the file again (valid records are not duplicated).")
                                             .arg(outcome.rejected)
                                             .arg(outcome.records)
                                             .arg(file),
                                         listedRejects(outcome.rejectMessages)});
    Q_EMIT importFinished(true);
}

bool ProjectSession::runChecks() {
    if (!project_ || jobRunner_->isRunning()) return false;
    jobRunner_->start<tb::CheckReport>(
        runChecksJob(path()), this,
        [this](tb::CheckReport report) {
            checkPanel_->showReport(report, tr("just now"));
            browser_->reload();  // new finding kinds for the filter
            Q_EMIT checksFinished(true);
        },
        [this] { Q_EMIT checksFinished(false); });
    Q_EMIT jobStarted(tr("Checking the data…"));
    checkPanel_->setRunning(true);
    return true;
}

void ProjectSession::loadLatestCheckReport() {
    try {
        if (auto stored = tb::latest_check_report(*project_)) {
            tb::CheckReport report;
            report.stats.examples = static_cast<std::size_t>(stored->examples);
            report.findings = std::move(stored->findings);
            checkPanel_->showReport(report, QString::fromStdString(stored->created_at));
            return;
        }
    } catch (const std::exception& error) {
        showError(window_, tr("Cannot read the data report"), error);
    }
    checkPanel_->showNoReport(tr("No data report yet: run the checks."));
}

}  // namespace tbui
