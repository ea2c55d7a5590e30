#include "ui/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/curation/reviewer_identity.h"
#include "ui/common/job_progress_view.h"
#include "ui/common/job_runner.h"
#include "ui/common/message_hook.h"
#include "ui/common/recent_projects.h"
#include "ui/coverage/coverage_view.h"
#include "ui/dataset/check_report_panel.h"
#include "ui/dataset/example_browser.h"
#include "ui/diagnostics/diagnostics_dialog.h"
#include "ui/golden/golden_set_editor.h"
#include "ui/overview/project_overview.h"
#include "ui/review/review_queue_widget.h"
#include "ui/train/training_panel.h"

namespace tbui {
namespace {
const QString kProjectSuffix = QStringLiteral("tunebench");

// The first local file of a drop that the window takes: a dataset to import, a project to open.
QString takenFile(const QMimeData* mime) {
    for (const QUrl& url : mime->urls())
        if (const QString path = url.toLocalFile();
            url.isLocalFile() && (MainWindow::isImportableFile(path) || QFileInfo(path).suffix() == kProjectSuffix))
            return path;
    return {};
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

    session_ = new ProjectSession(this, browser_, checkPanel_);
    JobRunner* runner = session_->jobRunner();
    connect(runner, &JobRunner::failed, this,
            [this](const QString& message) { showError(this, tr("The job failed"), message); });
    connect(runner, &JobRunner::cancelled, this, [this] { statusBar()->showMessage(tr("Cancelled."), 5000); });
    connect(runner, &JobRunner::finished, this, &MainWindow::endJob);
    connect(session_, &ProjectSession::jobStarted, this, &MainWindow::beginJob);
    connect(session_, &ProjectSession::statusMessage, this,
            [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(session_, &ProjectSession::reviewerChanged, this, &MainWindow::updateReviewerLabel);
    connect(session_, &ProjectSession::opened, this, &MainWindow::onProjectOpened);  // laid out before told
    connect(session_, &ProjectSession::opened, this, &MainWindow::projectOpened);
    connect(session_, &ProjectSession::importFinished, this, &MainWindow::importFinished);
    connect(session_, &ProjectSession::checksFinished, this, &MainWindow::checksFinished);
    connect(session_, &ProjectSession::decisionStored, this, &MainWindow::decisionStored);

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
    // No slot of this half-destroyed window runs while the QWidget base deletes the children.
    tabs_->disconnect(this);
    browser_->disconnect(this);
    // The session stops its job and deletes its panels (laid out in this window's tabs) before
    // the project closes; the QWidget base would delete them only after it.
    delete session_;
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
    showPlaceholders(tr("Open or create a project (File menu)."));
    setCentralWidget(tabs_);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);
}

void MainWindow::setTabContent(Tab tab, QWidget* content) {
    QLayout* layout = tabHosts_[tab]->layout();
    // Placeholders are owned here; the session deletes its panels itself.
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

void MainWindow::showPlaceholders(const QString& text) {
    for (int tab = 0; tab < TabCount; ++tab)
        if (tab != DatasetTab) showPlaceholder(static_cast<Tab>(tab), text);
}

MainWindow::Tab MainWindow::currentTab() const { return static_cast<Tab>(tabs_->currentIndex()); }

void MainWindow::showTab(Tab tab) {
    if (tab < 0 || tab >= TabCount) return;
    if (tabs_->currentIndex() == tab)
        onTabChanged(tab);  // no currentChanged: still create and refresh
    else
        tabs_->setCurrentIndex(tab);
}

void MainWindow::onTabChanged(int index) {
    if (index < 0 || !session_->isOpen()) return;
    const auto tab = static_cast<Tab>(index);
    // Other tabs change what these show: re-read when they come back into view.
    if (tab == OverviewTab && overview()) overview()->refresh();
    if (tab == CoverageTab && coverageView()) coverageView()->refresh();
    ensureTabWidget(tab);
}

void MainWindow::ensureTabWidget(Tab tab) {
    if (!session_->isOpen() || tab == DatasetTab || tab == TabCount) return;
    using Panel = QWidget*;  // the session makes each on its first request
    const Panel panel = tab == OverviewTab   ? Panel(session_->ensureOverview())
                        : tab == ReviewTab   ? Panel(session_->ensureReviewQueue())
                        : tab == CoverageTab ? Panel(session_->ensureCoverageView())
                        : tab == GoldenTab   ? Panel(session_->ensureGoldenEditor())
                        : tab == TrainingTab ? Panel(session_->ensureTrainingPanel())
                                             : Panel(session_->ensureEvaluationTabs());
    if (!panel) {  // the review queue and the golden editor without a reviewer name
        showPlaceholder(tab, tr("Reviews and golden references carry your name: set it with "
                                "Project > Reviewer name…"));
        return;
    }
    if (panel->parentWidget() == tabHosts_[tab]) return;  // laid out already
    setTabContent(tab, panel);
    if (tab == ReviewTab) panel->setFocus();
}

void MainWindow::updateReviewerLabel() {
    if (!reviewerLabel_) return;
    const auto reviewer = tb::machine_reviewer();
    reviewerLabel_->setText(reviewer ? tr("Reviewer: %1").arg(QString::fromStdString(*reviewer))
                                     : tr("Reviewer: not set"));
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(tr("&File"));
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    QAction* newAction = fileMenu_->addAction(tr("&New project…"), this, &MainWindow::newProjectDialog);
    newAction->setShortcut(QKeySequence::New);
    QAction* openAction = fileMenu_->addAction(tr("&Open…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                          tr("Tunebench projects (*.tunebench);;All files (*)"));
        if (!path.isEmpty()) openProject(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    recentMenu_ = fileMenu_->addMenu(tr("Open &recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    fileMenu_->addSeparator();
    QAction* importAction = fileMenu_->addAction(tr("&Import dataset…"), this, [this] { importDatasetDialog(false); });
    importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    projectActions_ << importAction;
    projectActions_ << fileMenu_->addAction(tr("Import dataset, &keeping the valid records…"), this,
                                            [this] { importDatasetDialog(true); });
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
    projectMenu_->addAction(tr("&Reviewer name…"), this, [this] {
        // The queue and the golden editor stamp the name they were made with: made anew.
        if (session_->changeReviewer()) ensureTabWidget(currentTab());
    });

    QMenu* toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    QAction* checksAction = toolsMenu->addAction(tr("&Run checks"), this, &MainWindow::runChecks);
    checksAction->setShortcut(Qt::CTRL | Qt::Key_R);
    projectActions_ << checksAction;
    toolsMenu->addAction(tr("&Diagnostics…"), this,
                         [this] { DiagnosticsDialog(DiagnosticsDialog::Mode::Diagnostics, this).exec(); });

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(tr("&About Tunebench…"), this,
                        [this] { DiagnosticsDialog(DiagnosticsDialog::Mode::About, this).exec(); });
}

void MainWindow::createStatusBar() {
    statusLabel_ = new QLabel(this);
    statusLabel_->setObjectName(QStringLiteral("statusLabel"));
    jobProgress_ = new JobProgressView(jobRunner(), this);
    reviewerLabel_ = new QLabel(this);
    reviewerLabel_->setObjectName(QStringLiteral("reviewerLabel"));
    statusBar()->addWidget(statusLabel_, 1);
    statusBar()->addPermanentWidget(reviewerLabel_);
    statusBar()->addPermanentWidget(jobProgress_->progressBar());
    statusBar()->addPermanentWidget(jobProgress_->cancelButton());
    updateReviewerLabel();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList paths = RecentProjects::list();
    for (const QString& path : paths) recentMenu_->addAction(path, this, [this, path] { openProject(path); });
    if (!paths.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear list"), this, [this] {
            RecentProjects::clear();
            rebuildRecentMenu();
        });
    }
    recentMenu_->setEnabled(!paths.isEmpty());
}

bool MainWindow::openProject(const QString& path) {
    const bool opened = session_->open(path);
    rebuildRecentMenu();  // added, or removed when it cannot be opened
    return opened;
}

bool MainWindow::createProject(const QString& path) {
    const bool created = session_->create(path);
    rebuildRecentMenu();
    return created;
}

void MainWindow::onProjectOpened() {
    showPlaceholders(tr("Loading…"));
    ensureTabWidget(OverviewTab);
    ensureTabWidget(currentTab());
    updateReviewerLabel();
    updateTitleAndActions();
}

void MainWindow::closeProject() {
    session_->close();
    showPlaceholders(tr("Open or create a project (File menu)."));
    updateTitleAndActions();
}

void MainWindow::updateTitleAndActions() {
    const bool open = session_->isOpen();
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
    const bool idle = !jobRunner()->isRunning();
    for (QAction* action : projectActions_) action->setEnabled(open && idle);
    checkPanel_->runButton()->setEnabled(open && idle);
}

void MainWindow::onCountChanged(qint64 matching, bool atLeast) {
    if (!session_->isOpen()) return;
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

void MainWindow::importDatasetDialog(bool keepValidRecords) {
    const QString path = QFileDialog::getOpenFileName(
        this, keepValidRecords ? tr("Import dataset, keeping the valid records") : tr("Import dataset"), QString(),
        tr("Datasets (*.jsonl *.json *.csv);;All files (*)"));
    if (!path.isEmpty()) importDataset(path, keepValidRecords);
}

bool MainWindow::isImportableFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("jsonl") || suffix == QLatin1String("json") || suffix == QLatin1String("csv");
}

void MainWindow::beginJob(const QString& description) {
    statusBar()->showMessage(description);
    jobProgress_->begin();
    updateTitleAndActions();
}

void MainWindow::endJob() {
    statusBar()->clearMessage();
    updateTitleAndActions();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!takenFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = takenFile(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    if (isImportableFile(path))
        importDataset(path);  // one file per drop: jobs run one at a time
    else
        openProject(path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (jobRunner()->isRunning()) jobRunner()->cancel();
    event->accept();
}

}  // namespace tbui
