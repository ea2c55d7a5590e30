#pragma once
// Regression suites (core/eval/regression_suite.h) edited in the GUI: the project's suites
// listed by name; each has the golden sets it evaluates, whether it also scores the
// general-purpose set (forgetting), and whether it runs automatically after every training
// run that writes an adapter (ui/eval/suite_runner.h). Save validates through core (a name,
// at least one set, existing golden sets) and replaces a suite of the same name. "Run now"
// runs the stored suite on demand on a model folder (and adapter) through a SuiteRunner.
#include <optional>

#include <QStringList>
#include <QWidget>

#include "core/eval/regression_suite.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace tb {
class ProjectFile;
}

namespace tbui {

class SuiteRunner;

class SuiteEditor : public QWidget {
    Q_OBJECT
public:
    explicit SuiteEditor(tb::ProjectFile& project, QWidget* parent = nullptr);

    // Re-reads the suites and the golden sets (keeps the suite being edited when it still exists).
    void refresh();
    // Fills the fields from the stored suite `name`; false when there is none.
    bool loadSuite(const QString& name);
    // Clears the fields for a new suite.
    void newSuite();
    // The suite the fields describe.
    tb::RegressionSuite suiteFromFields() const;
    // Stores the fields through core; false (after an error message) when core refuses.
    bool save();
    // Deletes the suite selected in the list; false when none is selected or it is gone.
    bool deleteSelected();
    // Ticks exactly the golden sets named (unknown names are ignored).
    void setCheckedSets(const QStringList& names);
    QStringList checkedSets() const;
    // Runs the stored suite named in the name field on the model (and adapter) fields; false
    // (after an error message) when the suite is not saved, a folder is missing or one runs.
    bool runNow();

    QListWidget* suitesList() const { return suites_; }
    QLineEdit* nameEdit() const { return name_; }
    QListWidget* setsList() const { return sets_; }
    QCheckBox* generalCheck() const { return general_; }
    QCheckBox* afterTrainingCheck() const { return afterTraining_; }
    QPushButton* saveButton() const { return saveButton_; }
    QPushButton* deleteButton() const { return deleteButton_; }
    QPushButton* newButton() const { return newButton_; }
    QLabel* statusLabel() const { return status_; }
    QLineEdit* runModelEdit() const { return runModel_; }
    QLineEdit* runAdapterEdit() const { return runAdapter_; }
    QPushButton* runButton() const { return runButton_; }
    QLabel* runStatusLabel() const { return runStatus_; }
    SuiteRunner* runner() const { return runner_; }

Q_SIGNALS:
    void suitesChanged();
    // A "Run now" finished (its eval runs are in the project).
    void suiteRunFinished(bool regression);

protected:
    void showEvent(QShowEvent* event) override;

private:
    tb::ProjectFile& project_;
    QListWidget* suites_ = nullptr;
    QLineEdit* name_ = nullptr;
    QListWidget* sets_ = nullptr;
    QCheckBox* general_ = nullptr;
    QCheckBox* afterTraining_ = nullptr;
    QPushButton* saveButton_ = nullptr;
    QPushButton* deleteButton_ = nullptr;
    QPushButton* newButton_ = nullptr;
    QLabel* status_ = nullptr;
    QLineEdit* runModel_ = nullptr;
    QLineEdit* runAdapter_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QLabel* runStatus_ = nullptr;
    SuiteRunner* runner_ = nullptr;
};

}  // namespace tbui
