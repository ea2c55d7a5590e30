#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
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
#include <QToolButton>

#include "core/project/project_checks.h"
#include "core/project/project_file.h"
#include "ui/common/job_runner.h"
#include "ui/common/message_hook.h"
#include "ui/common/recent_projects.h"
#include "ui/dataset/check_report_panel.h"
#include "ui/dataset/dataset_jobs.h"
#include "ui/dataset/example_browser.h"
#include "ui/dataset/project_example_store.h"
#include "ui/diagnostics/diagnostics_dialog.h"

namespace tbui {
namespace {
const QString kProjectSuffix = QStringLiteral("tunebench");
// How many reject lines the import dialog lists before summarising the rest.
constexpr int kMaxListedRejects = 1000;
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    browser_ = new ExampleBrowser(this);
    setCentralWidget(browser_);

    checkPanel_ = new CheckReportPanel(this);
    auto* dock = new QDockWidget(tr("Data report"), this);
    dock->setObjectName(QStringLiteral("checkReportDock"));
    dock->setWidget(checkPanel_);
    addDockWidget(Qt::RightDockWidgetArea, dock);

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
    connect(jobRunner_, &JobRunner::failed, this, [this](const QString& message) {
        showError(this, tr("The job failed"), message);
    });
    connect(jobRunner_, &JobRunner::cancelled, this, [this] { statusBar()->showMessage(tr("Cancelled."), 5000); });
    connect(jobRunner_, &JobRunner::finished, this, &MainWindow::endJob);

    connect(browser_, &ExampleBrowser::countChanged, this, &MainWindow::onCountChanged);
    connect(checkPanel_, &CheckReportPanel::runChecksRequested, this, &MainWindow::runChecks);
    connect(checkPanel_, &CheckReportPanel::findingKindActivated, browser_, &ExampleBrowser::setFindingKindFilter);
    connect(checkPanel_, &CheckReportPanel::findingActivated, browser_, &ExampleBrowser::showOnlyExamples);

    createMenus();
    createStatusBar();
    updateTitleAndActions();
    resize(1280, 800);
}

MainWindow::~MainWindow() {
    // The runner's destructor cancels and joins its thread; it must go before the project.
    delete jobRunner_;
    jobRunner_ = nullptr;
    browser_->setStore(nullptr);
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
    QAction* closeAction = fileMenu_->addAction(tr("&Close project"), this, &MainWindow::closeProject);
    projectActions_ << closeAction;
    fileMenu_->addSeparator();
    QAction* quitAction = fileMenu_->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    rebuildRecentMenu();

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    auto* dock = findChild<QDockWidget*>(QStringLiteral("checkReportDock"));
    QAction* toggleReport = dock->toggleViewAction();
    toggleReport->setText(tr("&Data report"));
    viewMenu->addAction(toggleReport);
    QAction* clearFilters = viewMenu->addAction(tr("&Clear filters"), browser_, &ExampleBrowser::clearFilters);
    QAction* findAction = viewMenu->addAction(tr("&Find…"), this, [this] { browser_->searchBox()->setFocus(); });
    findAction->setShortcut(QKeySequence::Find);
    projectActions_ << clearFilters << findAction;

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
    statusBar()->addWidget(statusLabel_, 1);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(cancelButton_);
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

void MainWindow::onCountChanged(qint64 matching) {
    if (!project_) return;
    statusLabel_->setText(tr("%1 · %n example(s) shown", nullptr, static_cast<int>(std::min<qint64>(matching, INT_MAX)))
                              .arg(projectPath()));
}

void MainWindow::newProjectDialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(),
                                                tr("Tunebench projects (*.tunebench)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + kProjectSuffix;
    createProject(path);
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

bool MainWindow::isImportableFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("jsonl") || suffix == QLatin1String("json") || suffix == QLatin1String("csv");
}

bool MainWindow::importDataset(const QString& file) {
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
    jobRunner_->start([job = importDatasetJob(projectPath(), file, outcome), ran](const tb::JobContext& context) {
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
    const bool succeeded = outcome != nullptr;
    if (succeeded) {
        browser_->reload();
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
