#pragma once
// The application's main window: menus, recent projects, the status bar with job progress
// and the reviewer identity, and one tab per stage of the work:
//   Overview, Dataset (the example browser + the check report dock), Review, Coverage,
//   Golden sets, Training, Evaluation  (Ctrl+1 .. Ctrl+7).
// The project-bound widgets are created once a project is open (the heavier ones when their
// tab is first shown) and destroyed before the ProjectFile closes: they hold references to it.
#include <memory>

#include <QMainWindow>
#include <QPointer>

#include <optional>

#include "core/advisor/training_settings.h"
#include "core/dataset/checks.h"

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace tb {
class ProjectFile;
}

namespace tbui {

class AdvisorWizard;
class CheckReportPanel;
class CoverageView;
class ExampleBrowser;
class GoldenSetEditor;
class JobRunner;
class ProjectExampleStore;
class ProjectOverview;
class ReviewQueueWidget;
struct ImportOutcome;

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
    QString projectPath() const;

    // Starts a background import of `file` into the open project (false: none open or busy).
    // All-or-nothing by default, as in the CLI: one invalid record and nothing is stored, the
    // bad records are listed; keepValidRecords stores the valid ones and lists the rest.
    bool importDataset(const QString& file, bool keepValidRecords = false);
    // Starts the data checks in the background (false: no project or busy).
    bool runChecks();

    // Shows a tab, creating its widget first when a project is open.
    void showTab(Tab tab);
    Tab currentTab() const;
    QTabWidget* tabs() const { return tabs_; }

    // Opens the new-project advisor (window-modal, returns at once; null without a project).
    // Finishing it stores the decision and hands the suggested settings to the Training tab.
    AdvisorWizard* openAdvisor();
    // What the advisor last suggested for the run dialog (empty object when nothing yet).
    const std::optional<tb::StartingSettings>& suggestedSettings() const { return suggestedSettings_; }

    // The machine's reviewer name, asking once (dialog) when none is set; empty when cancelled.
    QString ensureReviewer();

    ExampleBrowser* browser() const { return browser_; }
    CheckReportPanel* checkPanel() const { return checkPanel_; }
    JobRunner* jobRunner() const { return jobRunner_; }
    QProgressBar* progressBar() const { return progressBar_; }
    QToolButton* cancelButton() const { return cancelButton_; }
    QMenu* fileMenu() const { return fileMenu_; }
    QMenu* projectMenu() const { return projectMenu_; }
    QLabel* reviewerLabel() const { return reviewerLabel_; }
    // Null while no project is open or before the tab was first shown.
    // (Defined in the .cpp: QPointer needs the complete types.)
    ProjectOverview* overview() const;
    ReviewQueueWidget* reviewQueue() const;
    CoverageView* coverageView() const;
    GoldenSetEditor* goldenEditor() const;
    QWidget* trainingPanel() const;  // a tbui::TrainingPanel when ui/train is built in
    QWidget* evaluationPanel() const;

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
    void updateTitleAndActions();
    void updateReviewerLabel();
    void newProjectDialog();
    void openProjectDialog();
    void importDatasetDialog();
    void importKeepingValidDialog();
    void changeReviewerDialog();
    void showDiagnostics(bool about);
    void loadLatestCheckReport();
    void beginJob(const QString& description);
    void endJob();
    void onImportDone(const std::shared_ptr<ImportOutcome>& outcome, const QString& file);
    void onCountChanged(qint64 matching, bool atLeast);
    void onTabChanged(int index);
    // Creates the tab's project widget when it is missing (a project must be open).
    void ensureTabWidget(Tab tab);
    void setTabContent(Tab tab, QWidget* content);
    void showPlaceholder(Tab tab, const QString& text);
    // Deletes every widget that holds the project, before the project goes.
    void destroyProjectWidgets();
    void applySuggestedSettings();
    void refreshAfterDataChange();

    std::unique_ptr<tb::ProjectFile> project_;
    std::unique_ptr<ProjectExampleStore> store_;
    QTabWidget* tabs_ = nullptr;
    QWidget* tabHosts_[TabCount] = {};  // one container per tab; the content is replaced inside
    ExampleBrowser* browser_;
    CheckReportPanel* checkPanel_;
    QDockWidget* reportDock_ = nullptr;
    JobRunner* jobRunner_;
    QPointer<ProjectOverview> overview_;
    QPointer<ReviewQueueWidget> reviewQueue_;
    QPointer<CoverageView> coverageView_;
    QPointer<GoldenSetEditor> goldenEditor_;
    QPointer<QWidget> trainingPanel_;
    QPointer<QWidget> evaluationPanel_;
    QPointer<AdvisorWizard> advisor_;
    std::optional<tb::StartingSettings> suggestedSettings_;
    QMenu* fileMenu_ = nullptr;
    QMenu* projectMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QList<QAction*> projectActions_;  // enabled only with a project open
    QLabel* statusLabel_ = nullptr;
    QLabel* reviewerLabel_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QToolButton* cancelButton_ = nullptr;
};

}  // namespace tbui
