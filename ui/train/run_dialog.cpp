#include "ui/train/run_dialog.h"

#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/advisor/training_settings.h"
#include "core/project/project_file.h"
#include "core/train/trainer.h"
#include "ui/common/job_runner.h"

namespace tbui {
namespace {

constexpr int kMaxSpin = 1'000'000'000;

QSpinBox* spin(QWidget* parent, int minimum, int maximum) {
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    return box;
}

QDoubleSpinBox* doubleSpin(QWidget* parent, double minimum, double maximum, int decimals, double step) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    return box;
}

// A line edit with a "Browse..." button beside it.
QWidget* withBrowse(QWidget* parent, QLineEdit* edit, std::function<QString()> browse) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QPushButton(QObject::tr("Browse..."), row);
    layout->addWidget(button);
    QObject::connect(button, &QPushButton::clicked, edit, [edit, browse] {
        QString chosen = browse();
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    return row;
}

QString bulletList(const QStringList& lines) {
    QString html;
    for (const QString& line : lines) html += QStringLiteral("&bull; ") + line.toHtmlEscaped() + QStringLiteral("<br>");
    return html;
}

QString toQString(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

}  // namespace

RunDialog::RunDialog(const QString& projectPath, QWidget* parent) : QDialog(parent), projectPath_(projectPath) {
    setWindowTitle(tr("New training run"));
    buildForm();
    setConfig(tb::TrainConfig{});
}

RunDialog::~RunDialog() = default;  // preflightRunner_ (a child) cancels and waits for its job

void RunDialog::buildForm() {
    auto* tabs = new QTabWidget(this);

    // --- model and data ---
    auto* data = new QWidget(tabs);
    auto* dataForm = new QFormLayout(data);
    nameEdit_ = new QLineEdit(data);
    nameEdit_->setPlaceholderText(tr("optional: a name for the runs list"));
    dataForm->addRow(tr("Run name"), nameEdit_);
    modelEdit_ = new QLineEdit(data);
    modelEdit_->setPlaceholderText(tr("Hugging Face model folder (config.json, model.safetensors, tokenizer.json)"));
    dataForm->addRow(tr("Model folder"), withBrowse(data, modelEdit_, [this] {
                         return QFileDialog::getExistingDirectory(this, tr("Model folder"), modelEdit_->text());
                     }));
    outputEdit_ = new QLineEdit(data);
    outputEdit_->setPlaceholderText(tr("where the adapter (or the full model) is written"));
    dataForm->addRow(tr("Output folder"), withBrowse(data, outputEdit_, [this] {
                         return QFileDialog::getExistingDirectory(this, tr("Output folder"), outputEdit_->text());
                     }));
    replaceOutput_ = new QCheckBox(tr("Replace an earlier output in this folder"), data);
    replaceOutput_->setObjectName(QStringLiteral("replaceOutput"));
    replaceOutput_->setToolTip(
        tr("Unticked, a run into a folder that holds checkpoints or other files is refused, so nothing is "
           "overwritten. Ticked, the files an earlier run wrote there (adapter, checkpoints, config) are removed "
           "first; files Tunebench did not write are kept."));
    dataForm->addRow(QString(), replaceOutput_);
    templateEdit_ = new QLineEdit(data);
    templateEdit_->setPlaceholderText(tr("a .jinja file; empty: the model's own template"));
    dataForm->addRow(tr("Chat template"), withBrowse(data, templateEdit_, [this] {
                         return QFileDialog::getOpenFileName(this, tr("Chat template"), templateEdit_->text(),
                                                             tr("Jinja templates (*.jinja *.j2 *.txt);;All files (*)"));
                     }));
    templateNote_ = new QLabel(data);
    templateNote_->setWordWrap(true);
    templateNote_->setObjectName(QStringLiteral("templateNote"));
    dataForm->addRow(QString(), templateNote_);
    acceptedOnly_ = new QCheckBox(tr("only examples reviewed \"accept\""), data);
    dataForm->addRow(tr("Examples"), acceptedOnly_);
    maxLength_ = spin(data, 16, 1 << 20);
    dataForm->addRow(tr("Max length (tokens)"), maxLength_);
    tooLong_ = new QComboBox(data);
    tooLong_->addItem(tr("drop the example"), false);
    tooLong_->addItem(tr("truncate it"), true);
    dataForm->addRow(tr("Too long"), tooLong_);
    pack_ = new QCheckBox(tr("pack several samples per row"), data);
    dataForm->addRow(tr("Packing"), pack_);
    tabs->addTab(data, tr("Model and data"));

    // --- method ---
    auto* method = new QWidget(tabs);
    auto* methodForm = new QFormLayout(method);
    method_ = new QComboBox(method);
    method_->addItem(tr("LoRA adapter"), QStringLiteral("lora"));
    method_->addItem(tr("Full fine-tuning"), QStringLiteral("full"));
    methodForm->addRow(tr("Method"), method_);
    rank_ = spin(method, 1, 4096);
    methodForm->addRow(tr("LoRA rank"), rank_);
    alpha_ = doubleSpin(method, 0.0, 1e6, 2, 1.0);
    methodForm->addRow(tr("LoRA alpha"), alpha_);
    dropout_ = doubleSpin(method, 0.0, 0.9, 3, 0.01);
    methodForm->addRow(tr("LoRA dropout"), dropout_);
    rslora_ = new QCheckBox(tr("rank-stabilised scaling (alpha / sqrt(rank))"), method);
    methodForm->addRow(tr("rsLoRA"), rslora_);
    targetModules_ = new QLineEdit(method);
    targetModules_->setPlaceholderText(tr("comma-separated: q_proj, v_proj, ..."));
    methodForm->addRow(tr("Target modules"), targetModules_);
    tabs->addTab(method, tr("Method"));

    // --- optimisation ---
    auto* optim = new QWidget(tabs);
    auto* optimForm = new QFormLayout(optim);
    lrEdit_ = new QLineEdit(optim);
    lrEdit_->setPlaceholderText(QStringLiteral("1e-4"));
    optimForm->addRow(tr("Learning rate"), lrEdit_);
    epochs_ = doubleSpin(optim, 0.01, 1000.0, 2, 0.5);
    optimForm->addRow(tr("Epochs"), epochs_);
    maxSteps_ = spin(optim, 0, kMaxSpin);
    maxSteps_->setSpecialValueText(tr("from epochs"));
    optimForm->addRow(tr("Max steps"), maxSteps_);
    schedule_ = new QComboBox(optim);
    schedule_->addItem(tr("cosine to 0"), static_cast<int>(tb::LrSchedule::Cosine));
    schedule_->addItem(tr("linear to 0"), static_cast<int>(tb::LrSchedule::Linear));
    schedule_->addItem(tr("constant"), static_cast<int>(tb::LrSchedule::Constant));
    optimForm->addRow(tr("Schedule"), schedule_);
    warmup_ = doubleSpin(optim, 0.0, 0.5, 3, 0.01);
    optimForm->addRow(tr("Warmup (share of steps)"), warmup_);
    weightDecay_ = doubleSpin(optim, 0.0, 1.0, 4, 0.01);
    optimForm->addRow(tr("Weight decay"), weightDecay_);
    batchRows_ = spin(optim, 1, 4096);
    optimForm->addRow(tr("Batch rows"), batchRows_);
    accumulation_ = spin(optim, 1, 4096);
    optimForm->addRow(tr("Gradient accumulation"), accumulation_);
    seed_ = spin(optim, 0, std::numeric_limits<int>::max());
    optimForm->addRow(tr("Seed"), seed_);
    tabs->addTab(optim, tr("Optimisation"));

    // --- validation, checkpoints, numerics ---
    auto* checks = new QWidget(tabs);
    auto* checksForm = new QFormLayout(checks);
    evalEvery_ = spin(checks, 0, kMaxSpin);
    evalEvery_->setSpecialValueText(tr("only at the end"));
    checksForm->addRow(tr("Validate every (steps)"), evalEvery_);
    patience_ = spin(checks, 0, 1000);
    patience_->setSpecialValueText(tr("off"));
    checksForm->addRow(tr("Early stopping patience"), patience_);
    checkpointEvery_ = spin(checks, 0, kMaxSpin);
    checkpointEvery_->setSpecialValueText(tr("only at the end"));
    checksForm->addRow(tr("Checkpoint every (steps)"), checkpointEvery_);
    dtype_ = new QComboBox(checks);
    dtype_->addItem(tr("auto (bf16 where the hardware has it)"), QStringLiteral("auto"));
    dtype_->addItem(QStringLiteral("bf16"), QStringLiteral("bf16"));
    dtype_->addItem(QStringLiteral("fp32"), QStringLiteral("fp32"));
    checksForm->addRow(tr("Compute dtype"), dtype_);
    gradientCheckpointing_ = new QCheckBox(tr("recompute activations (less memory, ~30% slower)"), checks);
    checksForm->addRow(tr("Gradient checkpointing"), gradientCheckpointing_);
    tabs->addTab(checks, tr("Validation and numerics"));

    adviceLabel_ = new QLabel(this);
    adviceLabel_->setWordWrap(true);
    adviceLabel_->setVisible(false);
    warningsLabel_ = new QLabel(this);
    warningsLabel_->setWordWrap(true);
    warningsLabel_->setTextFormat(Qt::RichText);
    warningsLabel_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    problemsLabel_ = new QLabel(this);
    problemsLabel_->setWordWrap(true);
    problemsLabel_->setTextFormat(Qt::RichText);
    problemsLabel_->setStyleSheet(QStringLiteral("color: #b00020;"));

    preflightButton_ = new QPushButton(tr("Pre-flight"), this);
    preflightButton_->setToolTip(tr("Format the data and time a short warm-up: counts, steps, time and memory"));
    preflightView_ = new QPlainTextEdit(this);
    preflightView_->setReadOnly(true);
    preflightView_->setPlaceholderText(tr("The pre-flight report appears here."));
    preflightView_->setMinimumHeight(120);
    preflightRunner_ = new JobRunner(this);
    connect(preflightButton_, &QPushButton::clicked, this, &RunDialog::runPreflight);
    connect(preflightRunner_, &JobRunner::progressChanged, this,
            [this](qint64 done, qint64 total, const QString& stage) {
                preflightView_->setPlainText(total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage);
            });
    // A pre-flight that ends without a report (a report goes to runPreflight's callback).
    connect(preflightRunner_, &JobRunner::failed, this, [this](const QString& message) {
        preflightView_->setPlainText(tr("Pre-flight failed: %1").arg(message));
        Q_EMIT preflightFinished(false);
    });
    connect(preflightRunner_, &JobRunner::cancelled, this, [this] {
        preflightView_->setPlainText(tr("Pre-flight cancelled."));
        Q_EMIT preflightFinished(false);
    });
    connect(preflightRunner_, &JobRunner::finished, this, &RunDialog::refresh);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Queue run"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(adviceLabel_);
    layout->addWidget(warningsLabel_);
    layout->addWidget(problemsLabel_);
    auto* preflightRow = new QHBoxLayout;
    preflightRow->addWidget(preflightButton_);
    preflightRow->addStretch(1);
    layout->addLayout(preflightRow);
    layout->addWidget(preflightView_, 1);
    layout->addWidget(buttons_);

    // Every change re-checks the settings, so warnings follow the values as they are typed.
    for (QLineEdit* edit : {nameEdit_, modelEdit_, outputEdit_, templateEdit_, targetModules_, lrEdit_})
        connect(edit, &QLineEdit::textChanged, this, &RunDialog::refresh);
    for (QSpinBox* box :
         {rank_, maxSteps_, batchRows_, accumulation_, maxLength_, evalEvery_, patience_, checkpointEvery_, seed_})
        connect(box, &QSpinBox::valueChanged, this, &RunDialog::refresh);
    for (QDoubleSpinBox* box : {alpha_, dropout_, epochs_, warmup_, weightDecay_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RunDialog::refresh);
    for (QComboBox* box : {method_, schedule_, tooLong_, dtype_})
        connect(box, &QComboBox::currentIndexChanged, this, &RunDialog::refresh);
    for (QCheckBox* box : {acceptedOnly_, rslora_, pack_, gradientCheckpointing_})
        connect(box, &QCheckBox::toggled, this, &RunDialog::refresh);
}

void RunDialog::setConfig(const tb::TrainConfig& c) {
    modelEdit_->setText(toQString(c.model_dir));
    outputEdit_->setText(toQString(c.output_dir));
    templateEdit_->setText(c.chat_template ? toQString(*c.chat_template) : QString());
    acceptedOnly_->setChecked(c.accepted_only);
    maxLength_->setValue(static_cast<int>(c.max_length));
    tooLong_->setCurrentIndex(c.truncate ? 1 : 0);
    pack_->setChecked(c.pack);
    method_->setCurrentIndex(c.method == tb::TrainMethod::Full ? 1 : 0);
    rank_->setValue(static_cast<int>(c.lora.rank));
    alpha_->setValue(c.lora.alpha);
    dropout_->setValue(c.lora.dropout);
    rslora_->setChecked(c.lora.use_rslora);
    QStringList modules;
    for (const auto& m : c.lora.target_modules) modules << QString::fromStdString(m);
    targetModules_->setText(modules.join(QStringLiteral(", ")));
    lrEdit_->setText(QString::number(c.learning_rate, 'g', 6));
    epochs_->setValue(c.epochs);
    maxSteps_->setValue(static_cast<int>(c.max_steps));
    schedule_->setCurrentIndex(schedule_->findData(static_cast<int>(c.schedule)));
    warmup_->setValue(c.warmup_ratio);
    weightDecay_->setValue(c.weight_decay);
    batchRows_->setValue(static_cast<int>(c.micro_batch_rows));
    accumulation_->setValue(static_cast<int>(c.gradient_accumulation));
    seed_->setValue(static_cast<int>(c.seed));
    evalEvery_->setValue(static_cast<int>(c.eval_every));
    patience_->setValue(static_cast<int>(c.early_stopping_patience));
    checkpointEvery_->setValue(static_cast<int>(c.checkpoint_every));
    const int dtype = dtype_->findData(QString::fromStdString(c.compute_dtype));
    dtype_->setCurrentIndex(dtype < 0 ? 0 : dtype);
    gradientCheckpointing_->setChecked(c.gradient_checkpointing);
    refresh();
}

tb::TrainConfig RunDialog::config() const {
    tb::TrainConfig c;
    c.model_dir = modelEdit_->text().trimmed().toStdString();
    c.output_dir = outputEdit_->text().trimmed().toStdString();
    const QString templ = templateEdit_->text().trimmed();
    if (!templ.isEmpty()) c.chat_template = std::filesystem::path(templ.toStdString());
    c.accepted_only = acceptedOnly_->isChecked();
    c.max_length = maxLength_->value();
    c.truncate = tooLong_->currentData().toBool();
    c.pack = pack_->isChecked();
    c.method =
        method_->currentData().toString() == QLatin1String("full") ? tb::TrainMethod::Full : tb::TrainMethod::Lora;
    c.lora.rank = rank_->value();
    c.lora.alpha = alpha_->value();
    c.lora.dropout = dropout_->value();
    c.lora.use_rslora = rslora_->isChecked();
    c.lora.target_modules.clear();
    for (const QString& m : targetModules_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!m.trimmed().isEmpty()) c.lora.target_modules.push_back(m.trimmed().toStdString());
    // Text that is no number reads as NaN, which tb::config_problems refuses.
    bool ok = false;
    const double lr = lrEdit_->text().trimmed().toDouble(&ok);
    c.learning_rate = ok ? lr : std::numeric_limits<double>::quiet_NaN();
    c.epochs = epochs_->value();
    c.max_steps = maxSteps_->value();
    c.schedule = static_cast<tb::LrSchedule>(schedule_->currentData().toInt());
    c.warmup_ratio = warmup_->value();
    c.weight_decay = weightDecay_->value();
    c.micro_batch_rows = batchRows_->value();
    c.gradient_accumulation = accumulation_->value();
    c.seed = static_cast<std::uint64_t>(seed_->value());
    c.eval_every = evalEvery_->value();
    c.early_stopping_patience = patience_->value();
    c.checkpoint_every = checkpointEvery_->value();
    c.compute_dtype = dtype_->currentData().toString().toStdString();
    c.gradient_checkpointing = gradientCheckpointing_->isChecked();
    return c;
}

QString RunDialog::runName() const { return nameEdit_->text().trimmed(); }

tb::Overwrite RunDialog::overwrite() const {
    return replaceOutput_->isChecked() ? tb::Overwrite::replace : tb::Overwrite::refuse;
}
void RunDialog::setRunName(const QString& name) { nameEdit_->setText(name); }

void RunDialog::applyStartingSettings(const tb::StartingSettings& settings) {
    tb::TrainConfig c = config();
    tb::apply_starting_settings(c, settings);
    setConfig(c);
    adviceLabel_->setText(tr("Suggested validation share: %1% of the examples. The trainer validates on the "
                             "project's validation split: split the project accordingly before training.")
                              .arg(settings.validation_fraction * 100.0, 0, 'f', 0));
    adviceLabel_->setVisible(true);
}

void RunDialog::checkModelTemplate() {
    const QString model = modelEdit_->text().trimmed();
    if (model == lastCheckedModel_) return;
    lastCheckedModel_ = model;
    templateRequired_ = false;
    modelTemplateOrigin_.clear();
    if (model.isEmpty() || !std::filesystem::is_directory(model.toStdString())) return;
    // Core's verdict on the model alone (no template file): does it bring its own?
    tb::TrainConfig modelOnly;
    modelOnly.model_dir = model.toStdString();
    modelOnly.output_dir = "-";
    bool isModel = true;
    for (const tb::ConfigProblem& problem : tb::config_problems(modelOnly)) {
        if (problem.kind == tb::ConfigProblemKind::ModelDirNotAModel) isModel = false;
        if (problem.kind == tb::ConfigProblemKind::ChatTemplateRequired) templateRequired_ = true;
        if (problem.kind == tb::ConfigProblemKind::ModelUnreadable) {
            templateRequired_ = true;
            templateNote_->setToolTip(QString::fromStdString(problem.message));
        }
    }
    if (isModel && !templateRequired_) modelTemplateOrigin_ = QStringLiteral("tokenizer_config.json");
}

QStringList RunDialog::problems() const {
    const tb::TrainConfig c = config();
    QStringList out;
    for (const tb::ConfigProblem& problem : tb::config_problems(c)) {
        switch (problem.kind) {
            case tb::ConfigProblemKind::ModelDirMissing:
                out << tr("Choose the model folder.");
                break;
            case tb::ConfigProblemKind::ModelDirNotAModel:
                out << tr("%1 has no config.json: choose a Hugging Face model folder.").arg(toQString(c.model_dir));
                break;
            case tb::ConfigProblemKind::OutputDirMissing:
                out << tr("Choose the output folder.");
                break;
            case tb::ConfigProblemKind::ChatTemplateRequired:
                out << tr(
                    "This model has no chat template: choose a template file (training never guesses a "
                    "format).");
                break;
            case tb::ConfigProblemKind::ChatTemplateFileMissing:
                out << tr("The chat template file %1 does not exist.").arg(toQString(c.chat_template.value_or("")));
                break;
            case tb::ConfigProblemKind::LearningRate:
                out << tr("The learning rate must be a positive number (e.g. 1e-4).");
                break;
            case tb::ConfigProblemKind::LoraTargetModules:
                out << tr("Name at least one target module for the LoRA adapters.");
                break;
            default:  // values the dialog's widgets cannot produce; core's words
                out << QString::fromStdString(problem.message);
                break;
        }
    }
    return out;
}

QStringList RunDialog::warnings() const {
    QStringList out;
    for (const auto& w : tb::config_warnings(config())) out << QString::fromStdString(w);
    return out;
}

void RunDialog::updateMethodWidgets() {
    const bool lora = method_->currentData().toString() == QLatin1String("lora");
    for (QWidget* w : std::initializer_list<QWidget*>{rank_, alpha_, dropout_, rslora_, targetModules_})
        w->setEnabled(lora);
}

void RunDialog::refresh() {
    checkModelTemplate();
    updateMethodWidgets();
    const bool missingTemplate = templateRequired_ && templateEdit_->text().trimmed().isEmpty();
    if (templateRequired_) {
        templateNote_->setText(tr("This model has no chat template (a base model): a template file is required."));
        templateNote_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    } else if (!modelTemplateOrigin_.isEmpty()) {
        templateNote_->setText(
            tr("Empty: the model's own template (%1). A file here overrides it.").arg(modelTemplateOrigin_));
        templateNote_->setStyleSheet(QString());
    } else {
        templateNote_->clear();
        templateNote_->setStyleSheet(QString());
    }
    templateEdit_->setStyleSheet(missingTemplate ? QStringLiteral("QLineEdit { border: 2px solid #b00020; }")
                                                 : QString());

    const QStringList w = warnings();
    warningsLabel_->setText(w.isEmpty() ? QString() : tr("<b>Warnings</b><br>") + bulletList(w));
    warningsLabel_->setVisible(!w.isEmpty());
    const QStringList p = problems();
    problemsLabel_->setText(p.isEmpty() ? QString() : bulletList(p));
    problemsLabel_->setVisible(!p.isEmpty());
    if (buttons_) buttons_->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    preflightButton_->setEnabled(p.isEmpty() && !preflightRunner_->isRunning());
}

QPushButton* RunDialog::okButton() const { return buttons_->button(QDialogButtonBox::Ok); }

void RunDialog::runPreflight() {
    if (preflightRunner_->isRunning() || !problems().isEmpty()) return;
    const tb::TrainConfig config = this->config();
    const std::string path = projectPath_.toStdString();
    preflightView_->setPlainText(tr("Formatting the data and timing a warm-up..."));
    preflightButton_->setEnabled(false);
    // The worker thread opens its own connection to the project (one per thread).
    preflightRunner_->start<std::string>(
        [config, path](const tb::JobContext& ctx) {
            auto project = tb::ProjectFile::open(path);
            tb::Trainer trainer(project, config);
            return trainer.preflight(ctx).to_text();
        },
        this,
        [this](std::string report) {
            preflightView_->setPlainText(QString::fromStdString(report));
            Q_EMIT preflightFinished(true);
        });
}

}  // namespace tbui
