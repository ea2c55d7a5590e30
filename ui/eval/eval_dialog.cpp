#include "ui/eval/eval_dialog.h"

#include <filesystem>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/curation/golden_sets.h"
#include "core/eval/eval_sets.h"
#include "core/text/chat_template.h"
#include "ui/eval/endpoint_target_form.h"

namespace tbui {
namespace {

namespace fs = std::filesystem;

const QString kTargetKindKey = QStringLiteral("eval/targetKind");

// A line edit with a "..." button that fills it from `choose` (a file dialog).
QWidget* withBrowse(QWidget* parent, QLineEdit* edit, std::function<QString()> choose) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QToolButton(box);
    button->setText(QStringLiteral("..."));
    QObject::connect(button, &QToolButton::clicked, edit, [edit, choose] {
        const QString chosen = choose();
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    layout->addWidget(button);
    return box;
}

// The folder's own chat template, as core's eval target finds it; false when it has none.
bool folderHasTemplate(const QString& dir) {
    if (dir.isEmpty() || !fs::is_directory(dir.toStdString())) return false;
    try {
        return !tb::load_model_chat_template(dir.toStdString()).source.empty();
    } catch (const std::exception&) {
        return false;  // no chat_template.jinja, no "chat_template" in tokenizer_config.json
    }
}

}  // namespace

EvalDialog::EvalDialog(const tb::ProjectFile& project, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Evaluate a model"));
    auto* form = new QFormLayout;

    targetCombo_ = new QComboBox(this);
    targetCombo_->addItem(tr("Local model"), static_cast<int>(LocalModel));
    targetCombo_->addItem(tr("OpenAI-compatible endpoint"), static_cast<int>(RemoteEndpoint));
    targetCombo_->setToolTip(
        tr("A model folder generated here with libtorch, or a model served elsewhere (vLLM, llama.cpp, "
           "Ollama, OpenAI) over the OpenAI chat API"));
    form->addRow(tr("Target"), targetCombo_);

    // Local model: its own form on the first page of the stack.
    auto* localBox = new QWidget(this);
    auto* localForm = new QFormLayout(localBox);
    localForm->setContentsMargins(0, 0, 0, 0);
    modelEdit_ = new QLineEdit(this);
    modelEdit_->setPlaceholderText(tr("a Hugging Face model folder (config.json, model.safetensors, tokenizer.json)"));
    localForm->addRow(tr("Model folder"), withBrowse(this, modelEdit_, [this] {
                          return QFileDialog::getExistingDirectory(this, tr("Model folder"), modelEdit_->text());
                      }));
    adapterEdit_ = new QLineEdit(this);
    adapterEdit_->setPlaceholderText(tr("optional: a LoRA adapter folder written by training"));
    localForm->addRow(tr("Adapter folder"), withBrowse(this, adapterEdit_, [this] {
                          return QFileDialog::getExistingDirectory(this, tr("Adapter folder"), adapterEdit_->text());
                      }));
    templateEdit_ = new QLineEdit(this);
    templateEdit_->setPlaceholderText(tr("a .jinja file; empty: the adapter's or the model's own template"));
    localForm->addRow(tr("Chat template"), withBrowse(this, templateEdit_, [this] {
                          return QFileDialog::getOpenFileName(
                              this, tr("Chat template"), templateEdit_->text(),
                              tr("Jinja templates (*.jinja *.j2 *.txt);;All files (*)"));
                      }));
    templateNote_ = new QLabel(this);
    templateNote_->setWordWrap(true);
    templateNote_->setObjectName(QStringLiteral("templateNote"));
    localForm->addRow(QString(), templateNote_);

    endpointForm_ = new EndpointTargetForm(this);
    endpointForm_->loadSettings();
    targetStack_ = new QStackedWidget(this);
    targetStack_->addWidget(localBox);
    targetStack_->addWidget(endpointForm_);
    form->addRow(targetStack_);

    setCombo_ = new QComboBox(this);
    try {
        for (const auto& set : tb::list_golden_sets(project))
            setCombo_->addItem(tr("golden set %1 (%2 items)").arg(QString::fromStdString(set.name)).arg(set.items),
                               QString::fromStdString(set.name));
    } catch (const std::exception&) {
        // A project without golden sets yet still offers the two others.
    }
    setCombo_->addItem(tr("validation split"), QString::fromLatin1(tb::kValidationSetName));
    setCombo_->addItem(tr("general-purpose set (forgetting)"), QString::fromLatin1(tb::kGeneralSetName));
    form->addRow(tr("Set"), setCombo_);

    maxNewTokens_ = new QSpinBox(this);
    maxNewTokens_->setRange(1, 32768);
    maxNewTokens_->setValue(static_cast<int>(tb::GenerationSettings{}.max_new_tokens));
    form->addRow(tr("Max new tokens"), maxNewTokens_);
    batchSize_ = new QSpinBox(this);
    batchSize_->setRange(1, 256);
    batchSize_->setValue(static_cast<int>(tb::GenerationSettings{}.batch_size));
    batchSize_->setToolTip(
        tr("Local models generate this many prompts together; an endpoint is asked one "
           "prompt at a time"));
    form->addRow(tr("Batch size"), batchSize_);
    maxItems_ = new QSpinBox(this);
    maxItems_->setRange(0, 1000000);
    maxItems_->setSpecialValueText(tr("all"));
    maxItems_->setToolTip(tr("Evaluate only the first N items (by id): a quick look before the full run"));
    form->addRow(tr("Items"), maxItems_);
    greedy_ = new QCheckBox(tr("greedy (reproducible without a seed)"), this);
    greedy_->setChecked(true);
    temperature_ = new QDoubleSpinBox(this);
    temperature_->setRange(0.05, 2.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(0.7);
    auto* decoding = new QWidget(this);
    auto* decodingLayout = new QHBoxLayout(decoding);
    decodingLayout->setContentsMargins(0, 0, 0, 0);
    decodingLayout->addWidget(greedy_);
    decodingLayout->addWidget(new QLabel(tr("temperature"), decoding));
    decodingLayout->addWidget(temperature_);
    decodingLayout->addStretch(1);
    form->addRow(tr("Decoding"), decoding);
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 2147483647);
    seed_->setToolTip(tr("The same settings and seed give the same outputs"));
    form->addRow(tr("Seed"), seed_);
    runName_ = new QLineEdit(this);
    runName_->setPlaceholderText(tr("empty: \"eval <set>: <model>\""));
    form->addRow(tr("Run name"), runName_);

    problemsLabel_ = new QLabel(this);
    problemsLabel_->setWordWrap(true);
    problemsLabel_->setObjectName(QStringLiteral("problems"));
    problemsLabel_->setStyleSheet(QStringLiteral("color: #b00020;"));

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Evaluate"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (!problems().isEmpty()) return;
        QSettings().setValue(kTargetKindKey, static_cast<int>(targetKind()));
        if (targetKind() == RemoteEndpoint) endpointForm_->saveSettings();
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problemsLabel_);
    layout->addWidget(buttons_);

    for (QLineEdit* edit : {modelEdit_, adapterEdit_, templateEdit_})
        connect(edit, &QLineEdit::textChanged, this, &EvalDialog::refresh);
    connect(greedy_, &QCheckBox::toggled, this, &EvalDialog::refresh);
    connect(endpointForm_, &EndpointTargetForm::changed, this, &EvalDialog::refresh);
    connect(targetCombo_, &QComboBox::currentIndexChanged, this, [this] {
        targetStack_->setCurrentIndex(targetCombo_->currentIndex());
        refresh();
    });
    setTargetKind(QSettings().value(kTargetKindKey, static_cast<int>(LocalModel)).toInt() == RemoteEndpoint
                      ? RemoteEndpoint
                      : LocalModel);
    refresh();
}

EvalDialog::TargetKind EvalDialog::targetKind() const {
    return targetCombo_->currentData().toInt() == RemoteEndpoint ? RemoteEndpoint : LocalModel;
}

void EvalDialog::setTargetKind(TargetKind kind) {
    targetCombo_->setCurrentIndex(targetCombo_->findData(static_cast<int>(kind)));
    targetStack_->setCurrentIndex(targetCombo_->currentIndex());
}

void EvalDialog::checkTemplates() {
    const QString adapter = adapterEdit_->text().trimmed();
    const QString model = modelEdit_->text().trimmed();
    templateOrigin_.clear();
    if (!adapter.isEmpty() && folderHasTemplate(adapter))
        templateOrigin_ = tr("the adapter's own template");
    else if (folderHasTemplate(model))
        templateOrigin_ = tr("the model's own template");
    // Unknown until the model folder exists: only then can the dialog say a file is required.
    templateRequired_ = templateOrigin_.isEmpty() && !model.isEmpty() && fs::is_directory(model.toStdString());
}

void EvalDialog::refresh() {
    checkTemplates();
    const bool fileGiven = !templateEdit_->text().trimmed().isEmpty();
    if (templateRequired_) {
        templateNote_->setText(fileGiven ? tr("The model has no chat template and the adapter brings none: the file "
                                              "above is used.")
                                         : tr("The model has no chat template (a base model?) and the adapter brings "
                                              "none: choose a template file. Evaluation never guesses a format."));
        templateNote_->setStyleSheet(fileGiven ? QString() : QStringLiteral("color: #b00020; font-weight: bold;"));
    } else if (!templateOrigin_.isEmpty()) {
        templateNote_->setText(fileGiven ? tr("The file above overrides %1.").arg(templateOrigin_)
                                         : tr("Empty: %1 is used.").arg(templateOrigin_));
        templateNote_->setStyleSheet(QString());
    } else {
        templateNote_->clear();
    }
    temperature_->setEnabled(!greedy_->isChecked());
    batchSize_->setEnabled(targetKind() == LocalModel);
    const QStringList list = problems();
    problemsLabel_->setText(list.join(QLatin1Char('\n')));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(list.isEmpty());
}

QStringList EvalDialog::problems() const {
    QStringList out = targetKind() == RemoteEndpoint ? endpointForm_->problems() : localProblems();
    if (setCombo_->currentIndex() < 0) out << tr("Choose the set to evaluate.");
    return out;
}

QStringList EvalDialog::localProblems() const {
    QStringList out;
    const QString model = modelEdit_->text().trimmed();
    const QString adapter = adapterEdit_->text().trimmed();
    const QString templ = templateEdit_->text().trimmed();
    if (model.isEmpty())
        out << tr("Choose the model folder.");
    else if (!fs::exists(fs::path(model.toStdString()) / "config.json"))
        out << tr("%1 is not a model folder (no config.json).").arg(model);
    if (!adapter.isEmpty() && !fs::exists(fs::path(adapter.toStdString()) / "adapter_config.json"))
        out << tr("%1 is not an adapter folder (no adapter_config.json).").arg(adapter);
    if (!templ.isEmpty() && !fs::is_regular_file(templ.toStdString()))
        out << tr("The chat template file %1 does not exist.").arg(templ);
    else if (templ.isEmpty() && templateRequired_)
        out << tr("This model has no chat template: choose a template file (evaluation never guesses a format).");
    return out;
}

EvalRequest EvalDialog::request() const {
    const QString adapter = adapterEdit_->text().trimmed();
    const QString templ = templateEdit_->text().trimmed();
    EvalRequest r;
    if (targetKind() == RemoteEndpoint)
        r.target = endpointForm_->target();
    else
        r.target =
            tb::EvalTarget::local(fs::path(modelEdit_->text().trimmed().toStdString()),
                                  adapter.isEmpty() ? std::nullopt : std::optional<fs::path>(adapter.toStdString()),
                                  templ.isEmpty() ? std::nullopt : std::optional<fs::path>(templ.toStdString()));
    r.options.set_name = setCombo_->currentData().toString().toStdString();
    r.options.generation.max_new_tokens = maxNewTokens_->value();
    r.options.generation.batch_size = batchSize_->value();
    r.options.generation.sampling.greedy = greedy_->isChecked();
    r.options.generation.sampling.temperature = greedy_->isChecked() ? 1.0 : temperature_->value();
    r.options.generation.sampling.seed = static_cast<std::uint64_t>(seed_->value());
    r.options.max_items = static_cast<std::size_t>(maxItems_->value());
    r.options.run_name = runName_->text().trimmed().toStdString();
    return r;
}

}  // namespace tbui
