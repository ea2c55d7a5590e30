#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

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
#include "ui/diagnostics/diagnostics_dialog.h"
#include "ui/golden/golden_set_editor.h"
#include "ui/overview/project_overview.h"
#include "ui/review/review_queue_widget.h"

// The Training and Evaluation screens are written beside this window; until their headers
// are in the tree, those tabs show a placeholder instead (decided at compile time).
#if __has_include("ui/train/training_panel.h")
#include "ui/train/training_panel.h"
#define TUNEBENCH_HAVE_TRAINING_PANEL 1
#endif
#if __has_include("ui/eval/eval_panel.h")
#include "ui/eval/eval_panel.h"
#define TUNEBENCH_HAVE_EVAL_PANEL 1
#endif
#if __has_include("ui/eval/blind_grading_widget.h")
#include "ui/eval/blind_grading_widget.h"
#define TUNEBENCH_HAVE_BLIND_GRADING 1
#endif
#include "ui/eval/judge_validation_view.h"
#include "ui/eval/suite_editor.h"
#include "ui/eval/suite_runner.h"

namespace tbui {
namespace {
const QString kProjectSuffix = QStringLiteral("tunebench");
// How many reject lines the import dialog lists before summarising the rest.
constexpr int kMaxListedRejects = 1000;

// Hands the advisor's settings to the run dialog's panel, when the panel takes them.
template <typename Panel>
void handSuggestedSettings(Panel* panel, const tb::StartingSettings& settings) {
    if constexpr (requires { panel->setStartingSettings(settings); }) panel->setStartingSettings(settings);
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    browser_ = new ExampleBrowser(this);
    createTabs();

    checkPanel_ = new CheckReportPanel(this);
    reportDock_ = new QDockWidget(tr("Data report"), this);
    reportDock_->setObjectName(QStringLiteral("checkReportDock"));
    reportDock_->setWidget(checkPanel_);
    addDockWidget(Qt::RightDockWidgetArea, reportDock_);

    jobRunner_ = new JobRunner(this);
    connect(jobRunner_, &JobRunner::progressChanged, this, [this](qint64 done, qint64 total, const QString& stage) {
        // QProgressBar holds ints: scale byte counts of large files down to per-mille.
        if (total > 0) {
            progressBar_->setRange(0, 1000);
            progressBar_->setValue(static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)));
        } else {
            progressBar_->setRange(0, 0);  // busy indicator: total unknown
        }
        progressBar_->setFormat(stage.isEmpty() ? QStringLiteral("%p%") : stage + QStringLiteral(" %p%"));
    });
    connect(jobRunner_, &JobRunner::failed, this,
            [this](const QString& message) { showError(this, tr("The job failed"), message); });
    connect(jobRunner_, &JobRunner::cancelled, this, [this] { statusBar()->showMessage(tr("Cancelled."), 5000); });
    connect(jobRunner_, &JobRunner::finished, this, &MainWindow::endJob);

    connect(browser_, &ExampleBrowser::countChanged, this, &MainWindow::onCountChanged);
    connect(checkPanel_, &CheckReportPanel::runChecksRequested, this, &MainWindow::runChecks);
    // A finding clicked in the dock (visible on every tab) shows the browser it filters.
    connect(checkPanel_, &CheckReportPanel::findingKindActivated, this, [this] { showTab(DatasetTab); });
    connect(checkPanel_, &CheckReportPanel::findingActivated, this, [this] { showTab(DatasetTab); });
    connect(checkPanel_, &CheckReportPanel::findingKindActivated, browser_, &ExampleBrowser::setFindingKindFilter);
    connect(checkPanel_, &CheckReportPanel::findingActivated, browser_, &ExampleBrowser::showOnlyExamples);

    createMenus();
    createStatusBar();
    updateTitleAndActions();
    onTabChanged(tabs_->currentIndex());
    resize(1280, 800);
}

MainWindow::~MainWindow() {
    // The runner's destructor cancels and joins its thread; it must go before the project.
    delete jobRunner_;
    jobRunner_ = nullptr;
    // Child widgets would outlive project_ (members go before the QWidget base deletes children).
    destroyProjectWidgets();
    browser_->setStore(nullptr);
}

void MainWindow::createTabs() {
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("mainTabs"));
    tabs_->setDocumentMode(true);
    const QString titles[TabCount] = {tr("Overview"),    tr("Dataset"),  tr("Review"),    tr("Coverage"),
                                      tr("Golden sets"), tr("Training"), tr("Evaluation")};
    const char* names[TabCount] = {"overviewTab", "datasetTab",  "reviewTab",    "coverageTab",
                                   "goldenTab",   "trainingTab", "evaluationTab"};
    for (int tab = 0; tab < TabCount; ++tab) {
        auto* host = new QWidget(tabs_);
        host->setObjectName(QString::fromLatin1(names[tab]));
        auto* layout = new QVBoxLayout(host);
        layout->setContentsMargins(0, 0, 0, 0);
        tabHosts_[tab] = host;
        tabs_->addTab(host, titles[tab]);
    }
    // The browser lives as long as the window (it shows "no project" itself).
    tabHosts_[DatasetTab]->layout()->addWidget(browser_);
    for (int tab = 0; tab < TabCount; ++tab)
        if (tab != DatasetTab) showPlaceholder(static_cast<Tab>(tab), tr("Open or create a project (File menu)."));
    setCentralWidget(tabs_);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);
}

void MainWindow::setTabContent(Tab tab, QWidget* content) {
    QLayout* layout = tabHosts_[tab]->layout();
    // Placeholders are owned here; project widgets are deleted by destroyProjectWidgets().
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* old = item->widget(); old && old->property("tbPlaceholder").toBool()) delete old;
        delete item;
    }
    layout->addWidget(content);
    content->show();  // a widget added to an already visible parent stays hidden otherwise
}

void MainWindow::showPlaceholder(Tab tab, const QString& text) {
    auto* label = new QLabel(text);
    label->setObjectName(QStringLiteral("tabPlaceholder"));
    label->setProperty("tbPlaceholder", true);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false);
    setTabContent(tab, label);
}

ProjectOverview* MainWindow::overview() const { return overview_; }
ReviewQueueWidget* MainWindow::reviewQueue() const { return reviewQueue_; }
CoverageView* MainWindow::coverageView() const { return coverageView_; }
GoldenSetEditor* MainWindow::goldenEditor() const { return goldenEditor_; }
QWidget* MainWindow::trainingPanel() const { return trainingPanel_; }
QWidget* MainWindow::evaluationPanel() const { return evaluationPanel_; }

MainWindow::Tab MainWindow::currentTab() const { return static_cast<Tab>(tabs_->currentIndex()); }

void MainWindow::showTab(Tab tab) {
    if (tab < 0 || tab >= TabCount) return;
    if (tabs_->currentIndex() == tab)
        onTabChanged(tab);  // no currentChanged: still create and refresh
    else
        tabs_->setCurrentIndex(tab);
}

void MainWindow::onTabChanged(int index) {
    if (index < 0) return;
    const auto tab = static_cast<Tab>(index);
    if (!project_) return;
    const bool existed = [&] {
        switch (tab) {
            case OverviewTab:
                return overview_ != nullptr;
            case CoverageTab:
                return coverageView_ != nullptr;
            default:
                return true;
        }
    }();
    ensureTabWidget(tab);
    // Other tabs change what these show: re-read when they come back into view.
    if (existed && tab == OverviewTab && overview_) overview_->refresh();
    if (existed && tab == CoverageTab && coverageView_) coverageView_->refresh();
}

void MainWindow::ensureTabWidget(Tab tab) {
    if (!project_) return;
    switch (tab) {
        case OverviewTab:
            if (!overview_) {
                overview_ = new ProjectOverview(*project_);
                connect(overview_, &ProjectOverview::advisorRequested, this, [this] { openAdvisor(); });
                setTabContent(tab, overview_);
            }
            break;
        case DatasetTab:
            break;
        case ReviewTab:
        case GoldenTab: {
            if ((tab == ReviewTab && reviewQueue_) || (tab == GoldenTab && goldenEditor_)) break;
            const QString reviewer = ensureReviewer();
            if (reviewer.isEmpty()) {
                showPlaceholder(tab, tr("Reviews and golden references carry your name: set it with "
                                        "Project > Reviewer name…"));
                break;
            }
            if (tab == ReviewTab) {
                reviewQueue_ = new ReviewQueueWidget(*project_, reviewer);
                connect(reviewQueue_, &ReviewQueueWidget::countsChanged, this, [this] {
                    if (overview_ && currentTab() == OverviewTab) overview_->refresh();
                });
                setTabContent(tab, reviewQueue_);
                reviewQueue_->setFocus();
            } else {
                goldenEditor_ = new GoldenSetEditor(*project_, reviewer);
                setTabContent(tab, goldenEditor_);
            }
            break;
        }
        case CoverageTab:
            if (!coverageView_) {
                coverageView_ = new CoverageView(*project_);
                setTabContent(tab, coverageView_);
            }
            break;
        case TrainingTab:
            if (!trainingPanel_) {
#ifdef TUNEBENCH_HAVE_TRAINING_PANEL
                auto* panel = new TrainingPanel(*project_);
                if (suggestedSettings_) handSuggestedSettings(panel, *suggestedSettings_);
                connect(panel, &TrainingPanel::runFinished, this, [this] {
                    if (overview_) overview_->refresh();  // the latest runs
                });
                // Regression suites flagged run_after_training evaluate each new adapter.
                auto* suites = new SuiteRunner(*project_, panel);
                connect(panel, &TrainingPanel::adapterReady, suites, &SuiteRunner::runAfterTraining);
                connect(suites, &SuiteRunner::started, this, [this, panel](const QString& what) {
                    panel->logView()->appendPlainText(tr("%1: running...").arg(what));
                    statusBar()->showMessage(tr("%1: running...").arg(what));
                });
                connect(
                    suites, &SuiteRunner::finished, this,
                    [this, panel](const QStringList& lines, const QStringList& regressions) {
                        for (const QString& line : lines) panel->logView()->appendPlainText(line);
                        for (const QString& line : regressions)
                            panel->logView()->appendPlainText(tr("REGRESSION: %1").arg(line));
                        if (regressions.isEmpty()) {
                            statusBar()->showMessage(tr("Regression suites done: no regression flagged."), 10000);
                        } else {
                            // Stays until the next message: a regression must not pass unseen.
                            statusBar()->showMessage(
                                tr("Regression flagged by the suites after training: %1").arg(regressions.first()));
                            panel->statusLabel()->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
                            panel->statusLabel()->setText(
                                tr("Regression flagged after training (%1); see the log and the Evaluation tab.")
                                    .arg(regressions.size()));
                        }
                        if (evaluationPanel_)
                            for (auto* runs : evaluationPanel_->findChildren<EvalPanel*>()) runs->refresh();
                    });
                connect(suites, &SuiteRunner::failed, this, [this, panel](const QString& message) {
                    panel->logView()->appendPlainText(tr("Regression suites failed: %1").arg(message));
                    statusBar()->showMessage(tr("Regression suites failed: %1").arg(message), 10000);
                });
                trainingPanel_ = panel;
                setTabContent(tab, panel);
#else
                showPlaceholder(tab, tr("Training runs will appear here (run dialog, live charts, queue)."));
#endif
            }
            break;
        case EvaluationTab:
            if (!evaluationPanel_) {
#if defined(TUNEBENCH_HAVE_EVAL_PANEL) || defined(TUNEBENCH_HAVE_BLIND_GRADING)
                auto* evalTabs = new QTabWidget;
                evalTabs->setObjectName(QStringLiteral("evaluationTabs"));
#ifdef TUNEBENCH_HAVE_EVAL_PANEL
                evalTabs->addTab(new EvalPanel(*project_, evalTabs), tr("Runs and comparisons"));
#endif
#ifdef TUNEBENCH_HAVE_BLIND_GRADING
                if (const QString grader = ensureReviewer(); !grader.isEmpty())
                    evalTabs->addTab(new BlindGradingWidget(*project_, grader, evalTabs), tr("Blind grading"));
#endif
                evalTabs->addTab(new JudgeValidationView(*project_, evalTabs), tr("Judge validation"));
                auto* suiteEditor = new SuiteEditor(*project_, evalTabs);
                connect(suiteEditor, &SuiteEditor::suiteRunFinished, evalTabs, [evalTabs] {
                    for (auto* runs : evalTabs->findChildren<EvalPanel*>()) runs->refresh();
                });
                evalTabs->addTab(suiteEditor, tr("Regression suites"));
                evaluationPanel_ = evalTabs;
                setTabContent(tab, evalTabs);
#else
                showPlaceholder(tab, tr("Evaluation runs will appear here (charts across runs, per-item diffs, "
                                        "reports, blind grading)."));
#endif
            }
            break;
        case TabCount:
            break;
    }
}

void MainWindow::destroyProjectWidgets() {
    if (advisor_) delete advisor_.data();
    QWidget* widgets[] = {overview_, reviewQueue_, coverageView_, goldenEditor_, trainingPanel_, evaluationPanel_};
    for (QWidget* widget : widgets) delete widget;  // QPointer: null when never created
}

QString MainWindow::ensureReviewer() {
    QString name;
    if (auto stored = tb::machine_reviewer()) {
        name = QString::fromStdString(*stored);
    } else {
        name = ReviewQueueWidget::askReviewer(this);
    }
    updateReviewerLabel();
    return name;
}

void MainWindow::updateReviewerLabel() {
    if (!reviewerLabel_) return;
    const auto reviewer = tb::machine_reviewer();
    reviewerLabel_->setText(reviewer ? tr("Reviewer: %1").arg(QString::fromStdString(*reviewer))
                                     : tr("Reviewer: not set"));
}

void MainWindow::changeReviewerDialog() {
    bool ok = false;
    const auto current = tb::machine_reviewer();
    const QString name =
        QInputDialog::getText(this, tr("Reviewer name"),
                              tr("Your name as a reviewer (stored on this machine, written on every "
                                 "review and golden reference):"),
                              QLineEdit::Normal, current ? QString::fromStdString(*current) : QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) return;
    try {
        tb::set_machine_reviewer(name.toStdString());
    } catch (const std::exception& error) {
        showError(this, tr("Reviewer name"), error);
        return;
    }
    updateReviewerLabel();
    // The queue and the golden editor stamp the name they were made with: make them anew.
    delete reviewQueue_.data();
    delete goldenEditor_.data();
    delete evaluationPanel_.data();
    if (project_) ensureTabWidget(currentTab());
}

AdvisorWizard* MainWindow::openAdvisor() {
    if (!project_) return nullptr;
    if (advisor_) {
        advisor_->raise();
        advisor_->activateWindow();
        return advisor_;
    }
    const auto reviewer = tb::machine_reviewer();
    advisor_ = new AdvisorWizard(*project_, reviewer ? QString::fromStdString(*reviewer) : QString(), this);
    advisor_->setAttribute(Qt::WA_DeleteOnClose);
    AdvisorWizard* wizard = advisor_;
    connect(wizard, &AdvisorWizard::decisionStored, this, [this, wizard](qint64 id) {
        // Prompting or retrieval suggest no run settings: keep what an earlier decision gave.
        if (wizard->suggestedSettings()) {
            suggestedSettings_ = wizard->suggestedSettings();
            applySuggestedSettings();
        }
        if (overview_) overview_->refresh();
        statusBar()->showMessage(tr("Decision stored in the project."), 5000);
        Q_EMIT decisionStored(id);
    });
    advisor_->open();
    return advisor_;
}

void MainWindow::applySuggestedSettings() {
#ifdef TUNEBENCH_HAVE_TRAINING_PANEL
    if (auto* panel = qobject_cast<TrainingPanel*>(trainingPanel_.data()))
        if (suggestedSettings_) handSuggestedSettings(panel, *suggestedSettings_);
#endif
}

void MainWindow::refreshAfterDataChange() {
    if (overview_) overview_->refresh();
    if (coverageView_) coverageView_->refresh();
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(tr("&File"));
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    QAction* newAction = fileMenu_->addAction(tr("&New project…"), this, &MainWindow::newProjectDialog);
    newAction->setShortcut(QKeySequence::New);
    QAction* openAction = fileMenu_->addAction(tr("&Open…"), this, &MainWindow::openProjectDialog);
    openAction->setShortcut(QKeySequence::Open);
    recentMenu_ = fileMenu_->addMenu(tr("Open &recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    fileMenu_->addSeparator();
    QAction* importAction = fileMenu_->addAction(tr("&Import dataset…"), this, &MainWindow::importDatasetDialog);
    importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    projectActions_ << importAction;
    projectActions_ << fileMenu_->addAction(tr("Import dataset, &keeping the valid records…"), this,
                                            &MainWindow::importKeepingValidDialog);
    QAction* closeAction = fileMenu_->addAction(tr("&Close project"), this, &MainWindow::closeProject);
    projectActions_ << closeAction;
    fileMenu_->addSeparator();
    QAction* quitAction = fileMenu_->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    rebuildRecentMenu();

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    for (int tab = 0; tab < TabCount; ++tab) {
        // "&1 Overview" ... : the tab's title with its shortcut Ctrl+1 .. Ctrl+7.
        QAction* show = viewMenu->addAction(tr("&%1 %2").arg(tab + 1).arg(tabs_->tabText(tab)), this,
                                            [this, tab] { showTab(static_cast<Tab>(tab)); });
        show->setObjectName(QStringLiteral("showTab%1").arg(tab + 1));
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + tab)));
        show->setShortcutContext(Qt::WindowShortcut);
    }
    viewMenu->addSeparator();
    QAction* toggleReport = reportDock_->toggleViewAction();
    toggleReport->setText(tr("&Data report"));
    viewMenu->addAction(toggleReport);
    QAction* clearFilters = viewMenu->addAction(tr("&Clear filters"), browser_, &ExampleBrowser::clearFilters);
    QAction* findAction = viewMenu->addAction(tr("&Find…"), this, [this] {
        showTab(DatasetTab);
        browser_->searchBox()->setFocus();
    });
    findAction->setShortcut(QKeySequence::Find);
    projectActions_ << clearFilters << findAction;

    projectMenu_ = menuBar()->addMenu(tr("&Project"));
    projectMenu_->setObjectName(QStringLiteral("projectMenu"));
    QAction* advisorAction = projectMenu_->addAction(tr("Fine-tuning &advisor…"), this, [this] { openAdvisor(); });
    advisorAction->setObjectName(QStringLiteral("advisorAction"));
    projectActions_ << advisorAction;
    projectMenu_->addAction(tr("&Reviewer name…"), this, &MainWindow::changeReviewerDialog);

    QMenu* toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    QAction* checksAction = toolsMenu->addAction(tr("&Run checks"), this, &MainWindow::runChecks);
    checksAction->setShortcut(Qt::CTRL | Qt::Key_R);
    projectActions_ << checksAction;
    toolsMenu->addAction(tr("&Diagnostics…"), this, [this] { showDiagnostics(false); });

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(tr("&About Tunebench…"), this, [this] { showDiagnostics(true); });
}

void MainWindow::createStatusBar() {
    statusLabel_ = new QLabel(this);
    statusLabel_->setObjectName(QStringLiteral("statusLabel"));
    progressBar_ = new QProgressBar(this);
    progressBar_->setObjectName(QStringLiteral("jobProgress"));
    progressBar_->setMaximumWidth(260);
    progressBar_->setVisible(false);
    cancelButton_ = new QToolButton(this);
    cancelButton_->setObjectName(QStringLiteral("cancelJobButton"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setVisible(false);
    connect(cancelButton_, &QToolButton::clicked, jobRunner_, &JobRunner::cancel);
    reviewerLabel_ = new QLabel(this);
    reviewerLabel_->setObjectName(QStringLiteral("reviewerLabel"));
    statusBar()->addWidget(statusLabel_, 1);
    statusBar()->addPermanentWidget(reviewerLabel_);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(cancelButton_);
    updateReviewerLabel();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList paths = RecentProjects::list();
    for (const QString& path : paths) {
        recentMenu_->addAction(path, this, [this, path] { openProject(path); });
    }
    if (!paths.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear list"), this, [this] {
            RecentProjects::clear();
            rebuildRecentMenu();
        });
    }
    recentMenu_->setEnabled(!paths.isEmpty());
}

QString MainWindow::projectPath() const { return project_ ? QString::fromStdString(project_->path()) : QString(); }

bool MainWindow::openProject(const QString& path) {
    if (jobRunner_->isRunning()) {
        showError(this, tr("Cannot open the project"), tr("Wait for the running job to finish, or cancel it."));
        return false;
    }
    try {
        auto project = std::make_unique<tb::ProjectFile>(tb::ProjectFile::open(path.toStdString()));
        closeProject();
        project_ = std::move(project);
    } catch (const std::exception& error) {
        RecentProjects::remove(path);
        rebuildRecentMenu();
        showError(this, tr("Cannot open the project"), error);
        return false;
    }
    store_ = std::make_unique<ProjectExampleStore>(*project_);
    RecentProjects::add(path);
    rebuildRecentMenu();
    browser_->setStore(store_.get());
    loadLatestCheckReport();
    for (int tab = 0; tab < TabCount; ++tab)
        if (tab != DatasetTab) showPlaceholder(static_cast<Tab>(tab), tr("Loading…"));
    ensureTabWidget(OverviewTab);
    ensureTabWidget(currentTab());
    updateReviewerLabel();
    updateTitleAndActions();
    Q_EMIT projectOpened(projectPath());
    return true;
}

bool MainWindow::createProject(const QString& path) {
    try {
        tb::ProjectFile::create(path.toStdString());
    } catch (const std::exception& error) {
        showError(this, tr("Cannot create the project"), error);
        return false;
    }
    return openProject(path);
}

void MainWindow::closeProject() {
    if (jobRunner_->isRunning()) jobRunner_->cancel();
    // Every widget holding a reference to the project goes before the file closes.
    destroyProjectWidgets();
    for (int tab = 0; tab < TabCount; ++tab)
        if (tab != DatasetTab) showPlaceholder(static_cast<Tab>(tab), tr("Open or create a project (File menu)."));
    browser_->setStore(nullptr);
    store_.reset();
    project_.reset();
    checkPanel_->showNoReport(tr("No project open."));
    updateTitleAndActions();
}

void MainWindow::updateTitleAndActions() {
    const bool open = project_ != nullptr;
    if (open) {
        // windowFilePath gives the platform's "file — application" title.
        setWindowTitle(QString());
        setWindowFilePath(projectPath());
        setWindowTitle(tr("%1 — Tunebench").arg(QFileInfo(projectPath()).fileName()));
    } else {
        setWindowFilePath(QString());
        setWindowTitle(tr("Tunebench"));
        if (statusLabel_) statusLabel_->setText(tr("No project open"));
    }
    const bool idle = !jobRunner_->isRunning();
    for (QAction* action : projectActions_) action->setEnabled(open && idle);
    checkPanel_->runButton()->setEnabled(open && idle);
}

void MainWindow::onCountChanged(qint64 matching, bool atLeast) {
    if (!project_) return;
    const int shown = static_cast<int>(std::min<qint64>(matching, INT_MAX));
    statusLabel_->setText(atLeast ? tr("%1 · more than %L2 examples match").arg(projectPath()).arg(shown)
                                  : tr("%1 · %n example(s) shown", nullptr, shown).arg(projectPath()));
}

void MainWindow::newProjectDialog() {
    QString path =
        QFileDialog::getSaveFileName(this, tr("New project"), QString(), tr("Tunebench projects (*.tunebench)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + kProjectSuffix;
    // A new project starts with the decision whether to fine-tune at all (skippable).
    if (createProject(path)) openAdvisor();
}

void MainWindow::openProjectDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("Tunebench projects (*.tunebench);;All files (*)"));
    if (!path.isEmpty()) openProject(path);
}

void MainWindow::importDatasetDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import dataset"), QString(),
                                                      tr("Datasets (*.jsonl *.json *.csv);;All files (*)"));
    if (!path.isEmpty()) importDataset(path);
}

void MainWindow::importKeepingValidDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import dataset, keeping the valid records"), QString(),
                                                      tr("Datasets (*.jsonl *.json *.csv);;All files (*)"));
    if (!path.isEmpty()) importDataset(path, true);
}

bool MainWindow::isImportableFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("jsonl") || suffix == QLatin1String("json") || suffix == QLatin1String("csv");
}

bool MainWindow::importDataset(const QString& file, bool keepValidRecords) {
    if (!project_) {
        showError(this, tr("Cannot import"), tr("Open or create a project first, then import %1 into it.").arg(file));
        return false;
    }
    if (jobRunner_->isRunning()) {
        showError(this, tr("Cannot import"), tr("Another job is running: wait for it or cancel it."));
        return false;
    }
    auto outcome = std::make_shared<ImportOutcome>();
    auto ran = std::make_shared<bool>(false);
    jobRunner_->start(
        [job = importDatasetJob(projectPath(), file, keepValidRecords, outcome), ran](const tb::JobContext& context) {
            job(context);
            *ran = true;
        });
    beginJob(tr("Importing %1…").arg(QFileInfo(file).fileName()));
    // One-shot connection: this import's outcome, not a later job's.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(jobRunner_, &JobRunner::finished, this, [this, outcome, ran, file, connection] {
        disconnect(*connection);
        onImportDone(*ran ? outcome : nullptr, file);
    });
    return true;
}

void MainWindow::onImportDone(const std::shared_ptr<ImportOutcome>& outcome, const QString& file) {
    // nullptr: the job failed (already shown) or was cancelled (nothing was stored).
    if (outcome && outcome->refused) {
        QStringList lines = outcome->rejectMessages.mid(0, kMaxListedRejects);
        if (outcome->rejectMessages.size() > kMaxListedRejects)
            lines << tr("… and %1 more").arg(outcome->rejectMessages.size() - kMaxListedRejects);
        showMessage(this, UserMessage{MessageKind::Warning, tr("Nothing was imported"),
                                      tr("%n record(s) in %1 are invalid, so nothing was imported. Fix them and "
                                         "import the file again, or use File > Import dataset, keeping the valid "
                                         "records.",
                                         nullptr, static_cast<int>(outcome->rejected))
                                          .arg(file),
                                      lines.join(QLatin1Char('\n'))});
        Q_EMIT importFinished(false);
        return;
    }
    const bool succeeded = outcome != nullptr;
    if (succeeded) {
        browser_->reload();
        refreshAfterDataChange();
        statusBar()->showMessage(tr("Imported %1: %2 new, %3 duplicate(s), %4 rejected.")
                                     .arg(QFileInfo(file).fileName())
                                     .arg(outcome->inserted)
                                     .arg(outcome->duplicates)
                                     .arg(outcome->rejected),
                                 10000);
        if (outcome->rejected > 0) {
            QStringList lines = outcome->rejectMessages.mid(0, kMaxListedRejects);
            if (outcome->rejectMessages.size() > kMaxListedRejects)
                lines << tr("… and %1 more").arg(outcome->rejectMessages.size() - kMaxListedRejects);
            showMessage(this, UserMessage{MessageKind::Warning, tr("Some records were rejected"),
                                          tr("%1 of %2 record(s) in %3 were rejected and not imported. "
                                             "Fix them and import the file again (valid records are not duplicated).")
                                              .arg(outcome->rejected)
                                              .arg(outcome->records)
                                              .arg(file),
                                          lines.join(QLatin1Char('\n'))});
        }
    }
    Q_EMIT importFinished(succeeded);
}

bool MainWindow::runChecks() {
    if (!project_ || jobRunner_->isRunning()) return false;
    auto report = std::make_shared<tb::CheckReport>();
    auto ran = std::make_shared<bool>(false);
    jobRunner_->start([job = runChecksJob(projectPath(), report), ran](const tb::JobContext& context) {
        job(context);
        *ran = true;
    });
    beginJob(tr("Checking the data…"));
    checkPanel_->setRunning(true);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(jobRunner_, &JobRunner::finished, this, [this, report, ran, connection] {
        disconnect(*connection);
        checkPanel_->setRunning(false);
        if (*ran) {
            checkPanel_->showReport(*report, tr("just now"));
            browser_->reload();  // new finding kinds for the filter
        }
        updateTitleAndActions();
        Q_EMIT checksFinished(*ran);
    });
    return true;
}

void MainWindow::loadLatestCheckReport() {
    try {
        if (auto stored = tb::latest_check_report(*project_)) {
            tb::CheckReport report;
            report.stats.examples = static_cast<std::size_t>(stored->examples);
            report.findings = std::move(stored->findings);
            checkPanel_->showReport(report, QString::fromStdString(stored->created_at));
            return;
        }
    } catch (const std::exception& error) {
        showError(this, tr("Cannot read the data report"), error);
    }
    checkPanel_->showNoReport(tr("No data report yet: run the checks."));
}

void MainWindow::beginJob(const QString& description) {
    statusBar()->showMessage(description);
    progressBar_->setRange(0, 0);
    progressBar_->setValue(0);
    progressBar_->setVisible(true);
    cancelButton_->setVisible(true);
    updateTitleAndActions();
}

void MainWindow::endJob() {
    progressBar_->setVisible(false);
    cancelButton_->setVisible(false);
    statusBar()->clearMessage();
    updateTitleAndActions();
}

void MainWindow::showDiagnostics(bool about) {
    DiagnosticsDialog dialog(about ? DiagnosticsDialog::Mode::About : DiagnosticsDialog::Mode::Diagnostics, this);
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!event->mimeData()->hasUrls()) return;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (url.isLocalFile() && (isImportableFile(path) || QFileInfo(path).suffix() == kProjectSuffix)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (url.isLocalFile() && isImportableFile(path)) {
            event->acceptProposedAction();
            importDataset(path);  // one file per drop: jobs run one at a time
            return;
        }
        // A project file dropped on the window opens it.
        if (url.isLocalFile() && QFileInfo(path).suffix() == kProjectSuffix) {
            event->acceptProposedAction();
            openProject(path);
            return;
        }
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (jobRunner_->isRunning()) jobRunner_->cancel();
    event->accept();
}

}  // namespace tbui
