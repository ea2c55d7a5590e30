#include "ui/advisor/advisor_pages.h"

#include "core/advisor/gpu_memory.h"

#include <cmath>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/advisor/base_model_advice.h"
#include "ui/advisor/advisor_text.h"
#include "ui/advisor/advisor_wizard.h"

namespace tbui {
namespace {

QLabel* wrappedLabel(const char* objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

QString bulletList(const std::vector<std::string>& lines) {
    QString html = QStringLiteral("<ul>");
    for (const std::string& line : lines) html += QStringLiteral("<li>%1</li>").arg(treeText(line).toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

QString gib(double value) { return QString::number(value, 'f', 1); }

}  // namespace

// ---------------------------------------------------------------- question page

AdvisorQuestionPage::AdvisorQuestionPage(const tb::Question& question, QWidget* parent)
    : QWizardPage(parent), question_(question) {
    setObjectName(QStringLiteral("question_%1").arg(QString::fromStdString(question.key)));
    setTitle(treeText(question.text));
    setSubTitle(treeText(question.help));
    auto* layout = new QVBoxLayout(this);
    if (question.type == tb::QuestionType::text) {
        textEdit_ = new QPlainTextEdit(this);
        textEdit_->setObjectName(QStringLiteral("answerText"));
        textEdit_->setTabChangesFocus(true);
        textEdit_->setPlaceholderText(tr("Your answer"));
        connect(textEdit_, &QPlainTextEdit::textChanged, this, &QWizardPage::completeChanged);
        layout->addWidget(textEdit_);
    } else {
        options_ = new QButtonGroup(this);
        options_->setExclusive(true);
        for (const tb::QuestionOption& option : question.options) {
            // Booleans come from core as "true"/"false" with English labels: name them here.
            QString label = treeText(option.label);
            if (question.type == tb::QuestionType::boolean) label = option.value == "true" ? tr("Yes") : tr("No");
            auto* button = new QRadioButton(label, this);
            button->setObjectName(QStringLiteral("option_%1").arg(QString::fromStdString(option.value)));
            button->setProperty("answerValue", QString::fromStdString(option.value));
            options_->addButton(button);
            layout->addWidget(button);
        }
        connect(options_, &QButtonGroup::buttonToggled, this, &QWizardPage::completeChanged);
    }
    layout->addStretch(1);
}

std::optional<nlohmann::json> AdvisorQuestionPage::answer() const {
    if (textEdit_) {
        const QString text = textEdit_->toPlainText().trimmed();
        if (text.isEmpty()) return std::nullopt;
        return nlohmann::json(text.toStdString());
    }
    QAbstractButton* checked = options_->checkedButton();
    if (!checked) return std::nullopt;
    const std::string value = checked->property("answerValue").toString().toStdString();
    if (question_.type == tb::QuestionType::boolean) return nlohmann::json(value == "true");
    return nlohmann::json(value);
}

QRadioButton* AdvisorQuestionPage::optionButton(const QString& value) const {
    if (!options_) return nullptr;
    for (QAbstractButton* button : options_->buttons())
        if (button->property("answerValue").toString() == value) return qobject_cast<QRadioButton*>(button);
    return nullptr;
}

bool AdvisorQuestionPage::setAnswer(const QString& value) {
    if (textEdit_) {
        textEdit_->setPlainText(value);
        return true;
    }
    QRadioButton* button = optionButton(value);
    if (!button) return false;
    button->setChecked(true);
    return true;
}

bool AdvisorQuestionPage::isComplete() const { return answer().has_value(); }

// ---------------------------------------------------------------- recommendation page

AdvisorRecommendationPage::AdvisorRecommendationPage(const QString& decidedBy, QWidget* parent) : QWizardPage(parent) {
    setObjectName(QStringLiteral("recommendationPage"));
    setTitle(tr("The advisor's recommendation"));
    auto* layout = new QVBoxLayout(this);
    titleLabel_ = wrappedLabel("recommendationTitle", this);
    reasonsLabel_ = wrappedLabel("recommendationReasons", this);
    tryFirstLabel_ = wrappedLabel("recommendationTryFirst", this);
    layout->addWidget(titleLabel_);
    layout->addWidget(reasonsLabel_);
    layout->addWidget(tryFirstLabel_);

    auto* decideBox = new QGroupBox(tr("Decision"), this);
    auto* form = new QFormLayout(decideBox);
    decidedByEdit_ = new QLineEdit(decidedBy, decideBox);
    decidedByEdit_->setObjectName(QStringLiteral("decidedByEdit"));
    decidedByEdit_->setPlaceholderText(tr("Who takes this decision (stored with it)"));
    form->addRow(tr("Decided by:"), decidedByEdit_);
    overrideBox_ = new QCheckBox(tr("We decide otherwise:"), decideBox);
    overrideBox_->setObjectName(QStringLiteral("overrideBox"));
    overrideCombo_ = new QComboBox(decideBox);
    overrideCombo_->setObjectName(QStringLiteral("overrideCombo"));
    overrideCombo_->setEnabled(false);
    form->addRow(overrideBox_, overrideCombo_);
    reasonEdit_ = new QLineEdit(decideBox);
    reasonEdit_->setObjectName(QStringLiteral("overrideReasonEdit"));
    reasonEdit_->setPlaceholderText(tr("Why (required for an override; stored with the decision)"));
    reasonEdit_->setEnabled(false);
    form->addRow(tr("Reason:"), reasonEdit_);
    layout->addWidget(decideBox);
    layout->addStretch(1);

    connect(overrideBox_, &QCheckBox::toggled, this, [this](bool on) {
        overrideCombo_->setEnabled(on);
        reasonEdit_->setEnabled(on);
        Q_EMIT completeChanged();  // also flips Next/Finish: fine-tuning has two more pages
    });
    connect(overrideCombo_, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    connect(reasonEdit_, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(decidedByEdit_, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

AdvisorWizard* AdvisorRecommendationPage::advisorWizard() const { return qobject_cast<AdvisorWizard*>(wizard()); }

void AdvisorRecommendationPage::initializePage() {
    recommended_.reset();
    std::optional<tb::Advice> advice;
    try {
        tb::AdviceRequest request;
        request.answers = advisorWizard()->answers();
        advice = tb::evaluate(advisorWizard()->tree(), request).advice;
    } catch (const std::exception& error) {
        titleLabel_->setText(
            tr("The answers cannot be evaluated: %1").arg(QString::fromUtf8(error.what()).toHtmlEscaped()));
    }
    if (advice) {
        const tb::Recommendation& r = advice->recommendation;
        recommended_ = r.recommendation;
        titleLabel_->setText(
            tr("<h3>%1: %2</h3>")
                .arg(approachName(r.recommendation).toHtmlEscaped(), treeText(r.title).toHtmlEscaped()));
        reasonsLabel_->setText(tr("<b>Why</b>") + bulletList(r.reasons));
        tryFirstLabel_->setText(tr("<b>What to try first</b><br>%1").arg(treeText(r.try_first).toHtmlEscaped()));
    }
    fillOverrideChoices();
}

void AdvisorRecommendationPage::fillOverrideChoices() {
    const QSignalBlocker blocker(overrideCombo_);
    overrideCombo_->clear();
    for (tb::Approach approach : {tb::Approach::fine_tune, tb::Approach::prompting, tb::Approach::rag})
        if (approach != recommended_)
            overrideCombo_->addItem(approachName(approach), QString::fromLatin1(tb::to_string(approach)));
}

std::optional<tb::Approach> AdvisorRecommendationPage::overrideWith() const {
    if (!overrideBox_->isChecked() || overrideCombo_->currentIndex() < 0) return std::nullopt;
    return tb::approach_from_string(overrideCombo_->currentData().toString().toStdString());
}

QString AdvisorRecommendationPage::overrideReason() const { return reasonEdit_->text(); }
QString AdvisorRecommendationPage::decidedBy() const { return decidedByEdit_->text(); }

bool AdvisorRecommendationPage::isComplete() const {
    if (!recommended_ || decidedByEdit_->text().trimmed().isEmpty()) return false;
    return !overrideBox_->isChecked() || !reasonEdit_->text().trimmed().isEmpty();
}

// ---------------------------------------------------------------- base model page

AdvisorBaseModelPage::AdvisorBaseModelPage(QWidget* parent) : QWizardPage(parent) {
    setObjectName(QStringLiteral("baseModelPage"));
    setTitle(tr("Base model and method"));
    setSubTitle(
        tr("Choose a model folder (its config.json gives the size) or type a size; the memory estimates "
           "follow the GPU memory, sequence length and batch size."));
    auto* layout = new QVBoxLayout(this);
    sizeAdviceLabel_ = wrappedLabel("sizeAdviceLabel", this);
    layout->addWidget(sizeAdviceLabel_);

    auto* form = new QFormLayout;
    auto* folderRow = new QHBoxLayout;
    folderEdit_ = new QLineEdit(this);
    folderEdit_->setObjectName(QStringLiteral("modelFolderEdit"));
    folderEdit_->setPlaceholderText(tr("A Hugging Face model folder with config.json"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &AdvisorBaseModelPage::browseFolder);
    folderRow->addWidget(folderEdit_, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Model folder:"), folderRow);
    sizeEdit_ = new QLineEdit(this);
    sizeEdit_->setObjectName(QStringLiteral("modelSizeEdit"));
    sizeEdit_->setPlaceholderText(tr("or a size: 7B, 1.3B, 350M"));
    form->addRow(tr("Or its size:"), sizeEdit_);
    gpuSpin_ = new QDoubleSpinBox(this);
    gpuSpin_->setObjectName(QStringLiteral("gpuMemorySpin"));
    gpuSpin_->setRange(0, 4096);
    gpuSpin_->setDecimals(0);
    gpuSpin_->setSuffix(tr(" GiB"));
    gpuSpin_->setSpecialValueText(tr("unknown"));  // 0: nothing detected, nothing typed
    if (auto gpu = tb::detect_gpu()) {
        gpuSpin_->setValue(std::floor(gpu->memory_gib));
        gpuSpin_->setToolTip(tr("Detected: %1 (nvidia-smi). Type another figure for the GPU you will train on.")
                                 .arg(QString::fromStdString(gpu->name)));
    } else {
        gpuSpin_->setToolTip(tr("No NVIDIA GPU detected here: type the memory of the GPU you will train on."));
    }
    form->addRow(tr("GPU memory:"), gpuSpin_);
    sequenceSpin_ = new QSpinBox(this);
    sequenceSpin_->setObjectName(QStringLiteral("sequenceLengthSpin"));
    sequenceSpin_->setRange(64, 1 << 20);
    sequenceSpin_->setSingleStep(256);
    sequenceSpin_->setValue(static_cast<int>(tb::MemoryEstimateOptions{}.sequence_length));
    form->addRow(tr("Sequence length:"), sequenceSpin_);
    batchSpin_ = new QSpinBox(this);
    batchSpin_->setObjectName(QStringLiteral("batchSizeSpin"));
    batchSpin_->setRange(1, 4096);
    batchSpin_->setValue(static_cast<int>(tb::MemoryEstimateOptions{}.batch_size));
    form->addRow(tr("Batch size:"), batchSpin_);
    layout->addLayout(form);

    modelLabel_ = wrappedLabel("modelLabel", this);
    layout->addWidget(modelLabel_);
    memoryTable_ = new QTableWidget(3, 3, this);
    memoryTable_->setObjectName(QStringLiteral("memoryTable"));
    memoryTable_->setHorizontalHeaderLabels({tr("Method"), tr("GPU memory (GiB)"), tr("Fits")});
    memoryTable_->verticalHeader()->setVisible(false);
    memoryTable_->horizontalHeader()->setStretchLastSection(true);
    memoryTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    memoryTable_->setMaximumHeight(120);
    layout->addWidget(memoryTable_);
    methodLabel_ = wrappedLabel("methodLabel", this);
    warningsLabel_ = wrappedLabel("warningsLabel", this);
    layout->addWidget(methodLabel_);
    layout->addWidget(warningsLabel_);
    layout->addStretch(1);

    connect(folderEdit_, &QLineEdit::textChanged, this, &AdvisorBaseModelPage::recompute);
    connect(sizeEdit_, &QLineEdit::textChanged, this, &AdvisorBaseModelPage::recompute);
    connect(gpuSpin_, &QDoubleSpinBox::valueChanged, this, &AdvisorBaseModelPage::recompute);
    connect(sequenceSpin_, &QSpinBox::valueChanged, this, &AdvisorBaseModelPage::recompute);
    connect(batchSpin_, &QSpinBox::valueChanged, this, &AdvisorBaseModelPage::recompute);
}

AdvisorWizard* AdvisorBaseModelPage::advisorWizard() const { return qobject_cast<AdvisorWizard*>(wizard()); }

void AdvisorBaseModelPage::browseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Base model folder"), folderEdit_->text());
    if (!folder.isEmpty()) folderEdit_->setText(folder);
}

bool AdvisorBaseModelPage::fillRequest(tb::AdviceRequest& request, QString* error) const {
    request.memory.sequence_length = sequenceSpin_->value();
    request.memory.batch_size = batchSpin_->value();
    if (gpuSpin_->value() > 0) request.gpu_memory_gib = gpuSpin_->value();
    try {
        const QString folder = folderEdit_->text().trimmed();
        const QString size = sizeEdit_->text().trimmed();
        if (!folder.isEmpty())
            request.model = tb::load_model_shape(folder.toStdString());
        else if (!size.isEmpty())
            request.model = tb::shape_for_parameter_count(tb::parse_parameter_count(size.toStdString()));
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void AdvisorBaseModelPage::initializePage() {
    // The size advice depends on the task answer only.
    const nlohmann::json answers = advisorWizard()->answers();
    if (answers.contains("task") && answers["task"].is_string()) {
        try {
            const tb::ModelSizeAdvice size = tb::model_size_for_task(answers["task"].get<std::string>());
            sizeAdviceLabel_->setText(
                tr("<b>Suggested base model: %1.</b> %2")
                    .arg(treeText(size.size).toHtmlEscaped(), treeText(size.why).toHtmlEscaped()));
        } catch (const std::exception&) {
            sizeAdviceLabel_->clear();
        }
    }
    recompute();
}

void AdvisorBaseModelPage::recompute() {
    tb::AdviceRequest request;
    QString error;
    if (AdvisorWizard* advisor = advisorWizard()) request.answers = advisor->answers();
    const bool readable = fillRequest(request, &error);
    std::optional<tb::Advice> advice;
    try {
        if (readable)
            advice =
                tb::evaluate(advisorWizard() ? advisorWizard()->tree() : tb::DecisionTree::builtin(), request).advice;
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    }
    memoryTable_->clearContents();
    if (!advice || !advice->model) {
        modelLabel_->setText(error.isEmpty() ? tr("No model chosen yet: the estimates need a folder or a size.")
                                             : tr("<span style='color:#b00020'>%1</span>").arg(error.toHtmlEscaped()));
        methodLabel_->setText(tr("Method: LoRA (the default for a first run)."));
        warningsLabel_->clear();
        return;
    }
    modelLabel_->setText(tr("<b>%1 parameters</b> (%2)")
                             .arg(QString::fromStdString(tb::format_parameter_count(advice->model->parameters)),
                                  QString::fromStdString(advice->model->source).toHtmlEscaped()));
    const tb::MethodChoice choice = tb::choose_method(advice->memory, advice->gpu_memory_gib);
    for (std::size_t row = 0; row < advice->memory.size() && row < 3; ++row) {
        const tb::MemoryEstimate& estimate = advice->memory[row];
        const int r = static_cast<int>(row);
        auto* method = new QTableWidgetItem(methodName(estimate.method));
        if (estimate.method == choice.method) {
            QFont bold = method->font();
            bold.setBold(true);
            method->setFont(bold);
        }
        memoryTable_->setItem(r, 0, method);
        memoryTable_->setItem(r, 1, new QTableWidgetItem(gib(estimate.total_gib())));
        QString fits = tr("GPU memory unknown");
        if (advice->gpu_memory_gib) fits = estimate.total_gib() <= *advice->gpu_memory_gib ? tr("yes") : tr("no");
        memoryTable_->setItem(r, 2, new QTableWidgetItem(fits));
    }
    QString method = tr("<b>Recommended method: %1</b>").arg(methodName(choice.method).toHtmlEscaped());
    method += bulletList(choice.reasons);
    methodLabel_->setText(method);
    std::vector<std::string> warnings = advice->warnings;
    warnings.insert(warnings.end(), choice.warnings.begin(), choice.warnings.end());
    warningsLabel_->setText(warnings.empty()
                                ? QString()
                                : QStringLiteral("<span style='color:#b00020'>%1</span>").arg(bulletList(warnings)));
}

// ---------------------------------------------------------------- settings page

AdvisorSettingsPage::AdvisorSettingsPage(QWidget* parent) : QWizardPage(parent) {
    setObjectName(QStringLiteral("settingsPage"));
    setTitle(tr("Starting settings for the first run"));
    setSubTitle(tr("Common starting points for the method; the Training tab's run dialog starts from them."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    learningRateSpin_ = new QDoubleSpinBox(this);
    learningRateSpin_->setObjectName(QStringLiteral("learningRateSpin"));
    learningRateSpin_->setDecimals(6);
    learningRateSpin_->setRange(1e-6, 1e-2);
    learningRateSpin_->setSingleStep(1e-5);
    form->addRow(tr("Learning rate:"), learningRateSpin_);
    epochsSpin_ = new QSpinBox(this);
    epochsSpin_->setObjectName(QStringLiteral("epochsSpin"));
    epochsSpin_->setRange(1, 100);
    form->addRow(tr("Epochs:"), epochsSpin_);
    validationSpin_ = new QDoubleSpinBox(this);
    validationSpin_->setObjectName(QStringLiteral("validationSpin"));
    validationSpin_->setRange(1, 50);
    validationSpin_->setDecimals(0);
    validationSpin_->setSuffix(QStringLiteral(" %"));
    form->addRow(tr("Validation share:"), validationSpin_);
    layout->addLayout(form);
    summaryLabel_ = wrappedLabel("settingsSummary", this);
    layout->addWidget(summaryLabel_);
    layout->addStretch(1);
}

AdvisorWizard* AdvisorSettingsPage::advisorWizard() const { return qobject_cast<AdvisorWizard*>(wizard()); }

void AdvisorSettingsPage::initializePage() {
    base_.reset();
    try {
        if (auto advice = advisorWizard()->advice()) {
            base_ = advice->recommendation.settings;
            if (!base_) {
                // Fine-tuning chosen against the advice: the advisor's defaults for the method
                // that fits, at the sequence length and batch size estimated.
                const tb::MethodChoice choice = tb::choose_method(advice->memory, advice->gpu_memory_gib);
                base_ = tb::starting_settings(choice.method, advice->memory_options);
            }
        }
    } catch (const std::exception& error) {
        summaryLabel_->setText(QString::fromUtf8(error.what()).toHtmlEscaped());
        return;
    }
    if (!base_) return;
    const tb::StartingSettings& s = *base_;
    learningRateSpin_->setValue(s.learning_rate);
    epochsSpin_->setValue(s.epochs);
    validationSpin_->setRange(100.0 * s.validation_fraction_min, 100.0 * s.validation_fraction_max);
    validationSpin_->setValue(std::round(100.0 * s.validation_fraction));
    const auto range = [](double low, double high, double scale, int precision) {
        return QStringLiteral("%1 – %2").arg(QString::number(low * scale, 'g', precision),
                                             QString::number(high * scale, 'g', precision));
    };
    QString summary = tr("Method: <b>%1</b>").arg(methodName(s.method).toHtmlEscaped());
    if (s.method != tb::TuningMethod::full) summary += tr(", rank %1, alpha %2").arg(s.lora_rank).arg(s.lora_alpha);
    summary +=
        tr("<br>Usual ranges: learning rate %1, epochs %2, validation %3 %.")
            .arg(range(s.learning_rate_min, s.learning_rate_max, 1.0, 2), range(s.epochs_min, s.epochs_max, 1.0, 3),
                 range(s.validation_fraction_min, s.validation_fraction_max, 100.0, 3));
    summary += tr("<br>Sequence length %1, batch size %2.").arg(s.sequence_length).arg(s.batch_size);
    summaryLabel_->setText(summary);
}

std::optional<tb::StartingSettings> AdvisorSettingsPage::settings() const {
    if (!base_) return std::nullopt;
    tb::StartingSettings settings = *base_;
    settings.learning_rate = learningRateSpin_->value();
    settings.epochs = epochsSpin_->value();
    settings.validation_fraction = validationSpin_->value() / 100.0;
    return settings;
}

}  // namespace tbui
