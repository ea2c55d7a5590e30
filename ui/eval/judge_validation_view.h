#pragma once
// Validating an LLM judge against the human grades (core/eval/judge_validation.h): pick the
// golden set and the judge configuration (base URL, model, the NAME of the environment
// variable holding the API key: the key itself is never typed here nor stored), "Validate"
// runs core's validate_judge on a worker thread (cancellable). The result shows
//   - the verdict (validated / unvalidated) and core's reason,
//   - overall and per-criterion agreement: raw agreement, Cohen's kappa, its 95% CI, items,
//   - a chart of kappa per criterion with CI error bars and the threshold line (PNG/PDF),
//   - the confusion matrix (human rows, judge columns) of the selected criterion,
//   - the bias and reward-hacking probes.
// Past validations (judge_validations) are listed; selecting one shows its stored report,
// so a reviewer reads them without re-running the judge.
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include <QWidget>

#include "core/eval/judge_validation.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace tb {
class ProjectFile;
}

namespace tbui {

class JobRunner;

class JudgeValidationView : public QWidget {
    Q_OBJECT
public:
    explicit JudgeValidationView(tb::ProjectFile& project, QWidget* parent = nullptr);

    // Re-reads the golden sets (keeping the chosen one) and the stored validations.
    void refresh();
    // The judge configuration and options the fields describe.
    tb::JudgeConfig judgeConfig() const;
    tb::JudgeValidationOptions validationOptions() const;
    std::optional<std::int64_t> selectedSetId() const;
    bool selectSet(const QString& name);

    // Starts validate_judge; false (after saying why) when the fields are incomplete or one runs.
    bool startValidation();
    bool isRunning() const;
    // Shows a report (JudgeValidationReport::to_json(), fresh or stored).
    void showReport(const nlohmann::json& report);
    // Shows the stored validation `id`; false when unknown.
    bool showStoredValidation(std::int64_t id);
    // Chooses the criterion whose confusion matrix is shown (row of the agreement table).
    void selectCriterionRow(int row);

    QComboBox* setCombo() const { return setCombo_; }
    QLineEdit* baseUrlEdit() const { return baseUrl_; }
    QLineEdit* judgeModelEdit() const { return judgeModel_; }
    QLineEdit* apiKeyEnvEdit() const { return apiKeyEnv_; }
    QDoubleSpinBox* thresholdSpin() const { return threshold_; }
    QSpinBox* minItemsSpin() const { return minItems_; }
    QCheckBox* probesCheck() const { return probes_; }
    QPushButton* validateButton() const { return validateButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* verdictLabel() const { return verdict_; }
    QTableWidget* agreementTable() const { return agreement_; }
    QTableWidget* confusionTable() const { return confusion_; }
    QTableWidget* probesTable() const { return probesTable_; }
    QTableWidget* historyTable() const { return history_; }
    QCustomPlot* kappaPlot() const { return kappaPlot_; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void validationFinished(qint64 validationId, bool validated);
    void validationFailed(const QString& message);  // also a cancellation

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onValidationDone(const tb::JudgeValidationReport& report);
    void restoreValidationControls();
    void fillHistory();
    void plotKappa();
    void showConfusion(int row);
    void exportPlotWithDialog();

    tb::ProjectFile& project_;
    std::vector<tb::StoredJudgeValidation> stored_;
    nlohmann::json report_;             // the report shown
    std::vector<nlohmann::json> rows_;  // agreement rows shown (overall first)

    QComboBox* setCombo_ = nullptr;
    QLineEdit* baseUrl_ = nullptr;
    QLineEdit* judgeModel_ = nullptr;
    QLineEdit* apiKeyEnv_ = nullptr;
    QDoubleSpinBox* threshold_ = nullptr;
    QSpinBox* minItems_ = nullptr;
    QCheckBox* probes_ = nullptr;
    QPushButton* validateButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* verdict_ = nullptr;
    QTableWidget* agreement_ = nullptr;
    QTableWidget* confusion_ = nullptr;
    QLabel* confusionTitle_ = nullptr;
    QTableWidget* probesTable_ = nullptr;
    QTableWidget* history_ = nullptr;
    QCustomPlot* kappaPlot_ = nullptr;
    JobRunner* runner_ = nullptr;
};

}  // namespace tbui
