#pragma once
// The application's main window, a shell: menus, recent projects, the status bar with job
// progress and the reviewer identity, and one tab per stage of the work:
//   Overview, Dataset (the example browser + the check report dock), Review, Coverage,
//   Golden sets, Training, Evaluation  (Ctrl+1 .. Ctrl+7).
// The open project and the stage panels over it belong to the ProjectSession
// (ui/session/project_session.h): the window asks it for a tab's panel when the tab is first
// shown and lays it out, and shows what the session reports.
#include <QMainWindow>

#include "ui/common/job_progress_view.h"
#include "ui/session/project_session.h"

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace tbui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Tab order: Ctrl+1 shows Overview, ... Ctrl+7 Evaluation.
    enum Tab { OverviewTab, DatasetTab, ReviewTab, CoverageTab, GoldenTab, TrainingTab, EvaluationTab, TabCount };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns false after showing the error (through the message hook).
    bool openProject(const QString& path);
    bool createProject(const QString& path);
    void closeProject();
    QString projectPath() const { return session_->path(); }

    // Starts a background import of `file` into the open project (false: none open or busy).
    // All-or-nothing by default, as in the CLI: one invalid record and nothing is stored, the
    // bad records are listed; keepValidRecords stores the valid ones and lists the rest.
    bool importDataset(const QString& file, bool keepValidRecords = false) {
        return session_->importDataset(file, keepValidRecords);
    }
    // Starts the data checks in the background (false: no project or busy).
    bool runChecks() { return session_->runChecks(); }

    // Shows a tab, creating its widget first when a project is open.
    void showTab(Tab tab);
    Tab currentTab() const;
    QTabWidget* tabs() const { return tabs_; }

    // Opens the new-project advisor (window-modal, returns at once; null without a project).
    // Finishing it stores the decision and hands the suggested settings to the Training tab.
    AdvisorWizard* openAdvisor() { return session_->openAdvisor(); }
    // What the advisor last suggested for the run dialog (none until a fine-tune decision).
    const std::optional<tb::StartingSettings>& suggestedSettings() const { return session_->suggestedSettings(); }

    // The machine's reviewer name, asking once (dialog) when none is set; empty when cancelled.
    QString ensureReviewer() { return session_->ensureReviewer(); }

    ExampleBrowser* browser() const { return browser_; }
    CheckReportPanel* checkPanel() const { return checkPanel_; }
    ProjectSession* session() const { return session_; }
    JobRunner* jobRunner() const { return session_->jobRunner(); }
    QProgressBar* progressBar() const { return jobProgress_->progressBar(); }
    QToolButton* cancelButton() const { return jobProgress_->cancelButton(); }
    QMenu* fileMenu() const { return fileMenu_; }
    QMenu* projectMenu() const { return projectMenu_; }
    QLabel* reviewerLabel() const { return reviewerLabel_; }
    // Null while no project is open or before the tab was first shown.
    ProjectOverview* overview() const { return session_->overview(); }
    ReviewQueueWidget* reviewQueue() const { return session_->reviewQueue(); }
    CoverageView* coverageView() const { return session_->coverageView(); }
    GoldenSetEditor* goldenEditor() const { return session_->goldenEditor(); }
    TrainingPanel* trainingPanel() const { return session_->trainingPanel(); }
    QTabWidget* evaluationPanel() const { return session_->evaluationTabs(); }

    // Dataset files a drop onto the window imports.
    static bool isImportableFile(const QString& path);

Q_SIGNALS:
    void projectOpened(const QString& path);
    void importFinished(bool succeeded);
    void checksFinished(bool succeeded);
    void decisionStored(qint64 id);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createTabs();
    void createMenus();
    void createStatusBar();
    void rebuildRecentMenu();
    void onProjectOpened();
    void updateTitleAndActions();
    void updateReviewerLabel();
    void newProjectDialog();
    void importDatasetDialog(bool keepValidRecords);
    void beginJob(const QString& description);
    void endJob();
    void onCountChanged(qint64 matching, bool atLeast);
    void onTabChanged(int index);
    // Lays out the tab's panel when the session has made it (a project must be open).
    void ensureTabWidget(Tab tab);
    void setTabContent(Tab tab, QWidget* content);
    void showPlaceholder(Tab tab, const QString& text);
    void showPlaceholders(const QString& text);  // on every tab but the Dataset tab

    QTabWidget* tabs_ = nullptr;
    QWidget* tabHosts_[TabCount] = {};  // one container per tab; the content is replaced inside
    ExampleBrowser* browser_;
    CheckReportPanel* checkPanel_;
    QDockWidget* reportDock_ = nullptr;
    ProjectSession* session_ = nullptr;
    QMenu* fileMenu_ = nullptr;
    QMenu* projectMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QList<QAction*> projectActions_;  // enabled only with a project open
    QLabel* statusLabel_ = nullptr;
    QLabel* reviewerLabel_ = nullptr;
    JobProgressView* jobProgress_ = nullptr;
};

}  // namespace tbui
