#pragma once
// The application's main window: menus, recent projects, the dataset browser with the
// check report dock, drag-and-drop import, and the status bar with job progress.
#include <memory>

#include <QMainWindow>

#include "core/dataset/checks.h"

class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace tb {
class ProjectFile;
}

namespace tbui {

class CheckReportPanel;
class ExampleBrowser;
class JobRunner;
class ProjectExampleStore;
struct ImportOutcome;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns false after showing the error (through the message hook).
    bool openProject(const QString& path);
    bool createProject(const QString& path);
    void closeProject();
    QString projectPath() const;

    // Starts a background import of `file` into the open project (false: none open or busy).
    bool importDataset(const QString& file);
    // Starts the data checks in the background (false: no project or busy).
    bool runChecks();

    ExampleBrowser* browser() const { return browser_; }
    CheckReportPanel* checkPanel() const { return checkPanel_; }
    JobRunner* jobRunner() const { return jobRunner_; }
    QProgressBar* progressBar() const { return progressBar_; }
    QToolButton* cancelButton() const { return cancelButton_; }
    QMenu* fileMenu() const { return fileMenu_; }

    // Dataset files a drop onto the window imports.
    static bool isImportableFile(const QString& path);

Q_SIGNALS:
    void projectOpened(const QString& path);
    void importFinished(bool succeeded);
    void checksFinished(bool succeeded);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void rebuildRecentMenu();
    void updateTitleAndActions();
    void newProjectDialog();
    void openProjectDialog();
    void importDatasetDialog();
    void showDiagnostics(bool about);
    void loadLatestCheckReport();
    void beginJob(const QString& description);
    void endJob();
    void onImportDone(const std::shared_ptr<ImportOutcome>& outcome, const QString& file);
    void onCountChanged(qint64 matching);

    std::unique_ptr<tb::ProjectFile> project_;
    std::unique_ptr<ProjectExampleStore> store_;
    ExampleBrowser* browser_;
    CheckReportPanel* checkPanel_;
    JobRunner* jobRunner_;
    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QList<QAction*> projectActions_;  // enabled only with a project open
    QLabel* statusLabel_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QToolButton* cancelButton_ = nullptr;
};

}  // namespace tbui
