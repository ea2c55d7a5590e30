#pragma once
// The dialog that sets up one training run: every tb::TrainConfig setting, the config's
// warnings shown live as values change (tb::config_warnings), the chat template required (and
// highlighted) when the model folder has none, and a "Pre-flight" button that runs
// tb::Trainer::preflight on a worker thread and shows its report. OK stays disabled while a
// setting cannot run (problems(): tb::config_problems, the list the trainer refuses).
//
// Torch-free header: TrainConfig and StartingSettings are only declared here.
#include <QDialog>
#include <QStringList>

#include "core/common/output_file.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tb {
struct StartingSettings;
struct TrainConfig;
}  // namespace tb

namespace tbui {

class JobRunner;

class RunDialog : public QDialog {
    Q_OBJECT
public:
    explicit RunDialog(const QString& projectPath, QWidget* parent = nullptr);
    ~RunDialog() override;

    void setConfig(const tb::TrainConfig& config);
    // The settings as entered (values that do not parse keep their defaults; see problems()).
    tb::TrainConfig config() const;
    QString runName() const;
    // Whether the run may replace an earlier output in its output folder ("Replace an earlier
    // output" ticked): core then removes that output's files first, never other files.
    tb::Overwrite overwrite() const;
    void setRunName(const QString& name);

    // The advisor's starting settings (tb::apply_starting_settings); the validation share is
    // shown as advice (the trainer validates on the project's validation split).
    void applyStartingSettings(const tb::StartingSettings& settings);

    // tb::config_problems of the current values in words (what keeps OK disabled): missing
    // model folder, missing template where the model has none, ...
    QStringList problems() const;
    // tb::config_warnings of the current values.
    QStringList warnings() const;
    bool templateRequired() const { return templateRequired_; }

    QLabel* templateNote() const { return templateNote_; }
    QLabel* warningsLabel() const { return warningsLabel_; }
    QLineEdit* modelEdit() const { return modelEdit_; }
    QLineEdit* templateEdit() const { return templateEdit_; }
    QLineEdit* learningRateEdit() const { return lrEdit_; }
    QPlainTextEdit* preflightView() const { return preflightView_; }
    QPushButton* preflightButton() const { return preflightButton_; }
    QPushButton* okButton() const;

public Q_SLOTS:
    void runPreflight();
    void refresh();  // re-reads the model folder's template and re-checks everything

Q_SIGNALS:
    void preflightFinished(bool ok);

private:
    void buildForm();
    void checkModelTemplate();
    void updateMethodWidgets();

    QString projectPath_;
    bool templateRequired_ = false;
    QString modelTemplateOrigin_;
    QString lastCheckedModel_;

    QLineEdit* nameEdit_ = nullptr;
    QLineEdit* modelEdit_ = nullptr;
    QLineEdit* outputEdit_ = nullptr;
    QCheckBox* replaceOutput_ = nullptr;
    QLineEdit* templateEdit_ = nullptr;
    QLabel* templateNote_ = nullptr;
    QCheckBox* acceptedOnly_ = nullptr;
    QComboBox* method_ = nullptr;
    QSpinBox* rank_ = nullptr;
    QDoubleSpinBox* alpha_ = nullptr;
    QDoubleSpinBox* dropout_ = nullptr;
    QCheckBox* rslora_ = nullptr;
    QLineEdit* targetModules_ = nullptr;
    QLineEdit* lrEdit_ = nullptr;
    QDoubleSpinBox* epochs_ = nullptr;
    QSpinBox* maxSteps_ = nullptr;
    QComboBox* schedule_ = nullptr;
    QDoubleSpinBox* warmup_ = nullptr;
    QDoubleSpinBox* weightDecay_ = nullptr;
    QSpinBox* batchRows_ = nullptr;
    QSpinBox* accumulation_ = nullptr;
    QSpinBox* maxLength_ = nullptr;
    QComboBox* tooLong_ = nullptr;
    QCheckBox* pack_ = nullptr;
    QSpinBox* evalEvery_ = nullptr;
    QSpinBox* patience_ = nullptr;
    QSpinBox* checkpointEvery_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QComboBox* dtype_ = nullptr;
    QCheckBox* gradientCheckpointing_ = nullptr;
    QLabel* adviceLabel_ = nullptr;
    QLabel* warningsLabel_ = nullptr;
    QLabel* problemsLabel_ = nullptr;
    QPushButton* preflightButton_ = nullptr;
    QPlainTextEdit* preflightView_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    JobRunner* preflightRunner_ = nullptr;
};

}  // namespace tbui
