// The run dialog offscreen: a base model without a chat template is flagged (and OK stays
// disabled until a template file is chosen), a model with its own template is not, warnings
// follow the values as they change (lr 1e-3), advisor suggestions fill the defaults, and the
// settings round-trip through tb::TrainConfig.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>

#include "common/shared_fixtures.h"
#include "core/advisor/training_settings.h"
#include "core/train/trainer.h"
#include "ui/train/run_dialog.h"
#include "ui_test_support.h"

namespace {

const std::filesystem::path kStories = std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures/models/stories260K";

// A model folder that is only its config files: enough for the dialog's checks.
std::string writeModelFolder(const QTemporaryDir& dir, const QString& name, const std::string& tokenizerConfig) {
    const std::filesystem::path folder = dir.filePath(name).toStdString();
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "config.json") << R"({"model_type": "llama"})";
    std::ofstream(folder / "tokenizer_config.json") << tokenizerConfig;
    return folder.string();
}

TEST(TrainingRunDialog, FlagsAModelWithoutAChatTemplate) {
    QTemporaryDir dir;
    const std::string base = writeModelFolder(dir, QStringLiteral("base"), R"({"bos_token": "<s>"})");
    tbui::RunDialog dialog(dir.filePath(QStringLiteral("p.tunebench")));
    dialog.modelEdit()->setText(QString::fromStdString(base));
    EXPECT_TRUE(dialog.templateRequired());
    EXPECT_TRUE(dialog.templateNote()->text().contains(QStringLiteral("no chat template")));
    EXPECT_TRUE(dialog.templateEdit()->styleSheet().contains(QStringLiteral("border")));
    EXPECT_TRUE(dialog.problems().join(QLatin1Char('\n')).contains(QStringLiteral("no chat template")));
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    EXPECT_FALSE(dialog.config().chat_template.has_value());

    const QString templ = dir.filePath(QStringLiteral("chatml.jinja"));
    tbtest::writeLines(templ, {QStringLiteral("{% for m in messages %}{{ m['content'] }}{% endfor %}")});
    dialog.templateEdit()->setText(templ);
    EXPECT_FALSE(dialog.problems().join(QLatin1Char('\n')).contains(QStringLiteral("chat template")));
    EXPECT_TRUE(dialog.templateEdit()->styleSheet().isEmpty());
    ASSERT_TRUE(dialog.config().chat_template.has_value());
    EXPECT_EQ(dialog.config().chat_template->string(), templ.toStdString());
    tbtest::saveScreenshot(&dialog, QStringLiteral("training_run_dialog"));
}

TEST(TrainingRunDialog, AcceptsAModelWithItsOwnTemplate) {
    QTemporaryDir dir;
    const std::string chat = writeModelFolder(
        dir, QStringLiteral("chat"), R"({"chat_template": "{% for m in messages %}{{ m.content }}{% endfor %}"})");
    tbui::RunDialog dialog(dir.filePath(QStringLiteral("p.tunebench")));
    dialog.modelEdit()->setText(QString::fromStdString(chat));
    tb::TrainConfig config = dialog.config();
    config.model_dir = chat;
    config.output_dir = dir.filePath(QStringLiteral("out")).toStdString();
    dialog.setConfig(config);
    EXPECT_FALSE(dialog.templateRequired());
    EXPECT_TRUE(dialog.templateNote()->text().contains(QStringLiteral("tokenizer_config.json")));
    EXPECT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(dialog.okButton()->isEnabled());

    // A folder that is no model at all.
    dialog.modelEdit()->setText(dir.filePath(QStringLiteral("nothing-here")));
    EXPECT_TRUE(dialog.problems().join(QLatin1Char('\n')).contains(QStringLiteral("config.json")));
    EXPECT_FALSE(dialog.okButton()->isEnabled());
}

TEST(TrainingRunDialog, TheRealBaseModelNeedsATemplate) {
    TB_SKIP_WITHOUT_SHARED(kStories / "config.json",
                           "the run dialog flagging a real base model (stories260K) that has no template");
    tbui::RunDialog dialog(QStringLiteral("/nonexistent/p.tunebench"));
    dialog.modelEdit()->setText(QString::fromStdString(kStories.string()));
    EXPECT_TRUE(dialog.templateRequired());
}

TEST(TrainingRunDialog, WarningsFollowTheLearningRate) {
    tbui::RunDialog dialog(QStringLiteral("/nonexistent/p.tunebench"));
    dialog.learningRateEdit()->setText(QStringLiteral("1e-4"));
    const QStringList calm = dialog.warnings();
    dialog.learningRateEdit()->setText(QStringLiteral("1e-3"));
    const QStringList loud = dialog.warnings();
    EXPECT_DOUBLE_EQ(dialog.config().learning_rate, 1e-3);
    ASSERT_GT(loud.size(), calm.size());
    // The warnings shown are core's, for the current values.
    tb::TrainConfig expected = dialog.config();
    EXPECT_EQ(loud.size(), static_cast<int>(tb::config_warnings(expected).size()));
    EXPECT_FALSE(dialog.warningsLabel()->isHidden());
    EXPECT_TRUE(dialog.warningsLabel()->text().contains(
        QString::fromStdString(tb::config_warnings(expected).front()).toHtmlEscaped()));
    dialog.learningRateEdit()->setText(QStringLiteral("fast"));
    EXPECT_TRUE(dialog.problems().join(QLatin1Char('\n')).contains(QStringLiteral("learning rate")));
}

TEST(TrainingRunDialog, SuggestionsAndConfigRoundTrip) {
    tbui::RunDialog dialog(QStringLiteral("/nonexistent/p.tunebench"));
    tb::StartingSettings s = tb::starting_settings(tb::TuningMethod::qlora);  // trains as LoRA here
    s.learning_rate = 2e-4;
    s.epochs = 2;
    s.lora_rank = 16;
    s.lora_alpha = 32;
    s.sequence_length = 512;
    s.batch_size = 3;
    s.gradient_checkpointing = true;
    s.target_modules = {"q_proj", "v_proj"};
    s.validation_fraction = 0.12;
    dialog.applyStartingSettings(s);
    tb::TrainConfig c = dialog.config();
    EXPECT_EQ(c.method, tb::TrainMethod::Lora);
    EXPECT_EQ(c.micro_batch_rows, 3);
    EXPECT_DOUBLE_EQ(c.learning_rate, 2e-4);
    EXPECT_DOUBLE_EQ(c.epochs, 2.0);
    EXPECT_EQ(c.lora.rank, 16);
    EXPECT_DOUBLE_EQ(c.lora.alpha, 32.0);
    EXPECT_EQ(c.max_length, 512);
    EXPECT_TRUE(c.gradient_checkpointing);
    EXPECT_EQ(c.lora.target_modules, (std::vector<std::string>{"q_proj", "v_proj"}));
    bool advised = false;
    for (QLabel* label : dialog.findChildren<QLabel*>()) advised |= label->text().contains(QStringLiteral("12%"));
    EXPECT_TRUE(advised);

    tb::TrainConfig custom;
    custom.method = tb::TrainMethod::Full;
    custom.max_steps = 7;
    custom.schedule = tb::LrSchedule::Linear;
    custom.truncate = true;
    custom.pack = false;
    custom.micro_batch_rows = 3;
    custom.gradient_accumulation = 5;
    custom.eval_every = 11;
    custom.early_stopping_patience = 2;
    custom.checkpoint_every = 13;
    custom.seed = 1234;
    custom.compute_dtype = "fp32";
    custom.lora.use_rslora = true;
    custom.warmup_ratio = 0.1;
    dialog.setConfig(custom);
    c = dialog.config();
    EXPECT_EQ(c.method, tb::TrainMethod::Full);
    EXPECT_EQ(c.max_steps, 7);
    EXPECT_EQ(c.schedule, tb::LrSchedule::Linear);
    EXPECT_TRUE(c.truncate);
    EXPECT_FALSE(c.pack);
    EXPECT_EQ(c.micro_batch_rows, 3);
    EXPECT_EQ(c.gradient_accumulation, 5);
    EXPECT_EQ(c.eval_every, 11);
    EXPECT_EQ(c.early_stopping_patience, 2);
    EXPECT_EQ(c.checkpoint_every, 13);
    EXPECT_EQ(c.seed, 1234u);
    EXPECT_EQ(c.compute_dtype, "fp32");
    EXPECT_TRUE(c.lora.use_rslora);
    EXPECT_DOUBLE_EQ(c.warmup_ratio, 0.1);
}

}  // namespace
