#pragma once
// The open project and everything that holds it: the tb::ProjectFile, the example store the
// Dataset tab browses, the background jobs over the project (import, checks), the advisor and
// one panel per stage of the work. The main window asks for a stage's panel when its tab is
// shown and lays it out; the session makes it on first request, destroys every panel before
// the project closes (they hold references to it), and wires the panels to each other
// through its own signals: a training run that ends emits runsChanged, which the overview and
// the Evaluation tab refresh on; the regression suites run after training report through
// suitesStarted / suitesFinished / suitesFailed, which the Training tab shows. No panel
// writes into another panel's widgets.
//
//     auto* session = new tbui::ProjectSession(window, browser, checkPanel);
//     session->open(path);
//     tabLayout->addWidget(session->ensureTrainingPanel());
#include <memory>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

#include "core/advisor/training_settings.h"

class QTabWidget;
class QWidget;

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
class TrainingPanel;
struct ImportOutcome;

class ProjectSession : public QObject {
    Q_OBJECT
public:
    // `window` parents the dialogs and the advisor; `browser` (the Dataset tab) and
    // `checkPanel` (the data report) live as long as the window and show the open project.
    ProjectSession(QWidget* window, ExampleBrowser* browser, CheckReportPanel* checkPanel);
    ~ProjectSession() override;  // stops the running job, then the panels go before the project

    // Opens `path` in place of the open project; false after showing the error (the open
    // project stays open then). A path that cannot be opened leaves the recent projects.
    bool open(const QString& path);
    // Creates a project file at `path` and opens it; false after showing the error.
    bool create(const QString& path);
    // Cancels a running job and closes the project (nothing when none is open).
    void close();
    bool isOpen() const { return project_ != nullptr; }
    QString path() const;

    // The runner of the project's jobs (one at a time); the window shows its progress.
    JobRunner* jobRunner() const { return jobRunner_; }
    // Imports `file` in the background (false: no project or a job is running). All-or-nothing
    // by default, as in the CLI; keepValidRecords stores the valid records and lists the rest.
    bool importDataset(const QString& file, bool keepValidRecords);
    // Runs the data checks in the background (false: no project or a job is running).
    bool runChecks();

    // A stage's panel over the open project, made on the first call; null without a project.
    // The review queue and the golden editor stamp the reviewer's name: null also when none
    // is set and the user gives none.
    ProjectOverview* ensureOverview();
    ReviewQueueWidget* ensureReviewQueue();
    CoverageView* ensureCoverageView();
    GoldenSetEditor* ensureGoldenEditor();
    TrainingPanel* ensureTrainingPanel();
    QTabWidget* ensureEvaluationTabs();  // runs and comparisons, blind grading, judge, suites
    // The same panels, null until made (or after the project closed).
    ProjectOverview* overview() const;
    ReviewQueueWidget* reviewQueue() const;
    CoverageView* coverageView() const;
    GoldenSetEditor* goldenEditor() const;
    TrainingPanel* trainingPanel() const;
    QTabWidget* evaluationTabs() const;

    // Opens the new-project advisor (window-modal, returns at once; null without a project).
    // Finishing it stores the decision and hands its suggested settings to the Training tab.
    AdvisorWizard* openAdvisor();
    // What the advisor last suggested for the run dialog (none until a fine-tune decision).
    const std::optional<tb::StartingSettings>& suggestedSettings() const { return suggestedSettings_; }
    // The machine's reviewer name, asking once (dialog) when none is set; empty when cancelled.
    QString ensureReviewer();
    // Asks for a new reviewer name (dialog) and stores it; the panels made with the old name
    // are deleted, to be made anew when next requested. False when cancelled or not stored.
    bool changeReviewer();

Q_SIGNALS:
    void opened(const QString& path);
    void jobStarted(const QString& description);
    void importFinished(bool succeeded);
    void checksFinished(bool succeeded);
    void decisionStored(qint64 id);
    void reviewerChanged();  // asked for, or changed
    // The project's examples changed (an import): what counts them re-reads.
    void examplesChanged();
    // A training, evaluation or suite run was stored: what lists runs re-reads.
    void runsChanged();
    // The regression suites flagged run_after_training, started by each adapter a training run
    // writes (ui/eval/suite_runner.h).
    void suitesStarted(const QString& what);
    void suitesFinished(const QStringList& lines, const QStringList& regressions);
    void suitesFailed(const QString& message);
    // A line for the window's status bar; timeoutMs 0 keeps it until the next one.
    void statusMessage(const QString& text, int timeoutMs);

private:
    void destroyPanels();
    void loadLatestCheckReport();
    void onImportDone(const ImportOutcome& outcome, const QString& file);
    // The one place the advisor's suggested settings reach the Training tab
    // (TrainingPanel::setStartingSettings), when both a suggestion and the panel exist.
    void handAdvisorSettingsToTrainingPanel();

    QWidget* window_;
    ExampleBrowser* browser_;
    CheckReportPanel* checkPanel_;
    JobRunner* jobRunner_;
    std::unique_ptr<tb::ProjectFile> project_;
    std::unique_ptr<ProjectExampleStore> store_;
    // Panels are laid out (and so parented) by the window; a panel deleted there nulls these.
    QPointer<ProjectOverview> overview_;
    QPointer<ReviewQueueWidget> reviewQueue_;
    QPointer<CoverageView> coverageView_;
    QPointer<GoldenSetEditor> goldenEditor_;
    QPointer<TrainingPanel> trainingPanel_;
    QPointer<QTabWidget> evaluationTabs_;
    QPointer<AdvisorWizard> advisor_;
    std::optional<tb::StartingSettings> suggestedSettings_;
};

}  // namespace tbui
