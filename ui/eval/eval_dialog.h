#pragma once
// "Evaluate...": the settings of one eval run (core/eval/eval_runner.h). The target is either
// a local model (the model folder, an optional LoRA adapter folder, the chat template when
// neither brings one) or an OpenAI-compatible endpoint (base URL, model name, where the API
// key comes from: ui/eval/endpoint_target_form.h). Then the set (a golden set, the validation
// split or the general set), max new tokens, greedy or sampled decoding and the seed. The
// dialog only collects and checks; the eval panel runs the job (ui/eval/eval_jobs.h).
//
// The template: an adapter's own (chat_template.jinja or tokenizer_config.json, written by
// the trainer), else the model's; a base model without one needs a file, and the dialog says
// so in red and keeps OK disabled: evaluation never falls back to a default format.
//
// Accepting remembers the target kind and the endpoint fields in QSettings (never a key).
#include <QDialog>
#include <QStringList>

#include "ui/eval/eval_jobs.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace tb {
class ProjectFile;
}

namespace tbui {

class EndpointTargetForm;

class EvalDialog : public QDialog {
    Q_OBJECT
public:
    enum TargetKind { LocalModel = 0, RemoteEndpoint = 1 };

    explicit EvalDialog(const tb::ProjectFile& project, QWidget* parent = nullptr);

    // What is missing or wrong, one sentence each; empty when the run can start.
    QStringList problems() const;
    // The run the fields describe (call when problems() is empty).
    EvalRequest request() const;
    // True when neither the adapter nor the model folder brings a chat template.
    bool templateRequired() const { return templateRequired_; }

    TargetKind targetKind() const;
    void setTargetKind(TargetKind kind);

    QComboBox* targetCombo() const { return targetCombo_; }
    EndpointTargetForm* endpointForm() const { return endpointForm_; }
    QLineEdit* modelEdit() const { return modelEdit_; }
    QLineEdit* adapterEdit() const { return adapterEdit_; }
    QLineEdit* templateEdit() const { return templateEdit_; }
    QLabel* templateNote() const { return templateNote_; }
    QComboBox* setCombo() const { return setCombo_; }
    QSpinBox* maxNewTokensSpin() const { return maxNewTokens_; }
    QSpinBox* maxItemsSpin() const { return maxItems_; }
    QCheckBox* greedyCheck() const { return greedy_; }
    QSpinBox* seedSpin() const { return seed_; }
    QLineEdit* runNameEdit() const { return runName_; }
    QLabel* problemsLabel() const { return problemsLabel_; }
    QDialogButtonBox* buttons() const { return buttons_; }

public Q_SLOTS:
    // Re-reads the folders' templates and the problems (also called as the fields change).
    void refresh();

private:
    void checkTemplates();
    QStringList localProblems() const;

    QComboBox* targetCombo_ = nullptr;
    QStackedWidget* targetStack_ = nullptr;
    EndpointTargetForm* endpointForm_ = nullptr;
    QLineEdit* modelEdit_ = nullptr;
    QLineEdit* adapterEdit_ = nullptr;
    QLineEdit* templateEdit_ = nullptr;
    QLabel* templateNote_ = nullptr;
    QComboBox* setCombo_ = nullptr;
    QSpinBox* maxNewTokens_ = nullptr;
    QSpinBox* maxItems_ = nullptr;
    QSpinBox* batchSize_ = nullptr;
    QCheckBox* greedy_ = nullptr;
    QDoubleSpinBox* temperature_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLineEdit* runName_ = nullptr;
    QLabel* problemsLabel_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    bool templateRequired_ = false;
    QString templateOrigin_;  // where the template comes from when no file is given
};

}  // namespace tbui
