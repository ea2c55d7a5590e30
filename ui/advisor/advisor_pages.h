#pragma once
// The pages of the advisor wizard (see advisor_wizard.h). Each exposes its inputs so the
// offscreen tests can drive it like a user would.
#include <optional>
#include <string>

#include <QWizardPage>

#include <nlohmann/json.hpp>

#include "core/advisor/advice.h"
#include "core/advisor/training_settings.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace tbui {

class AdvisorWizard;

// One question of the decision tree: free text, a choice (one radio button per option) or
// yes/no. Nothing is preselected: the user has to answer.
class AdvisorQuestionPage : public QWizardPage {
    Q_OBJECT
public:
    AdvisorQuestionPage(const tb::Question& question, QWidget* parent = nullptr);

    const std::string& key() const { return question_.key; }
    // The answer as the answers file holds it (string or boolean); empty until answered.
    std::optional<nlohmann::json> answer() const;
    // Sets the answer as a user would: the text, or an option value ("style", "true", "false").
    // false for an unknown option value.
    bool setAnswer(const QString& value);
    QRadioButton* optionButton(const QString& value) const;

    bool isComplete() const override;
    bool validatePage() override { return isComplete(); }

private:
    tb::Question question_;
    QPlainTextEdit* textEdit_ = nullptr;
    QButtonGroup* options_ = nullptr;
};

// The recommendation with its reasons and what to try first; who decides; an override.
class AdvisorRecommendationPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AdvisorRecommendationPage(const QString& decidedBy, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override { return isComplete(); }

    std::optional<tb::Approach> recommended() const { return recommended_; }
    // The override chosen (none unless the box is ticked).
    std::optional<tb::Approach> overrideWith() const;
    QString overrideReason() const;
    QString decidedBy() const;

    QLabel* titleLabel() const { return titleLabel_; }
    QLabel* reasonsLabel() const { return reasonsLabel_; }
    QLabel* tryFirstLabel() const { return tryFirstLabel_; }
    QLineEdit* decidedByEdit() const { return decidedByEdit_; }
    QCheckBox* overrideBox() const { return overrideBox_; }
    QComboBox* overrideCombo() const { return overrideCombo_; }
    QLineEdit* reasonEdit() const { return reasonEdit_; }

private:
    AdvisorWizard* advisorWizard() const;
    void fillOverrideChoices();

    std::optional<tb::Approach> recommended_;
    QLabel* titleLabel_ = nullptr;
    QLabel* reasonsLabel_ = nullptr;
    QLabel* tryFirstLabel_ = nullptr;
    QLineEdit* decidedByEdit_ = nullptr;
    QCheckBox* overrideBox_ = nullptr;
    QComboBox* overrideCombo_ = nullptr;
    QLineEdit* reasonEdit_ = nullptr;
};

// The base model and the memory it takes to tune it with each method.
class AdvisorBaseModelPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AdvisorBaseModelPage(QWidget* parent = nullptr);

    void initializePage() override;
    // The model and GPU as typed (model: folder when given, else the size); fills `request`.
    // Returns false with `error` set when the folder or size cannot be read.
    bool fillRequest(tb::AdviceRequest& request, QString* error = nullptr) const;
    // Recomputes the estimates from the inputs (called on every change).
    void recompute();

    QLineEdit* modelFolderEdit() const { return folderEdit_; }
    QLineEdit* sizeEdit() const { return sizeEdit_; }
    QDoubleSpinBox* gpuMemorySpin() const { return gpuSpin_; }
    QSpinBox* sequenceLengthSpin() const { return sequenceSpin_; }
    QSpinBox* batchSizeSpin() const { return batchSpin_; }
    QTableWidget* memoryTable() const { return memoryTable_; }
    QLabel* modelLabel() const { return modelLabel_; }
    QLabel* methodLabel() const { return methodLabel_; }
    QLabel* warningsLabel() const { return warningsLabel_; }
    QLabel* sizeAdviceLabel() const { return sizeAdviceLabel_; }

private:
    AdvisorWizard* advisorWizard() const;
    void browseFolder();

    QLabel* sizeAdviceLabel_ = nullptr;
    QLineEdit* folderEdit_ = nullptr;
    QLineEdit* sizeEdit_ = nullptr;
    QDoubleSpinBox* gpuSpin_ = nullptr;
    QSpinBox* sequenceSpin_ = nullptr;
    QSpinBox* batchSpin_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QTableWidget* memoryTable_ = nullptr;
    QLabel* methodLabel_ = nullptr;
    QLabel* warningsLabel_ = nullptr;
};

// Starting hyperparameters (editable) handed to the run dialog.
class AdvisorSettingsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AdvisorSettingsPage(QWidget* parent = nullptr);

    void initializePage() override;
    // The advisor's settings with the edited learning rate, epochs and validation share;
    // empty before the page was shown with fine-tuning decided.
    std::optional<tb::StartingSettings> settings() const;

    QDoubleSpinBox* learningRateSpin() const { return learningRateSpin_; }
    QSpinBox* epochsSpin() const { return epochsSpin_; }
    QDoubleSpinBox* validationSpin() const { return validationSpin_; }
    QLabel* summaryLabel() const { return summaryLabel_; }

private:
    AdvisorWizard* advisorWizard() const;

    std::optional<tb::StartingSettings> base_;
    QLabel* summaryLabel_ = nullptr;
    QDoubleSpinBox* learningRateSpin_ = nullptr;
    QSpinBox* epochsSpin_ = nullptr;
    QDoubleSpinBox* validationSpin_ = nullptr;
};

}  // namespace tbui
