// A real pretrained model learns: LoRA on stories260K (shared fixtures; skipped without them)
// over a small set of formulaic stories lowers the validation loss below the base model's.
#include <gtest/gtest.h>

#include "common/shared_fixtures.h"
#include "common/temp_dir.h"
#include "core/model/peft_adapter.h"
#include "core/project/runs.h"
#include "core/train/train_data.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;

// Every token after the first is trained (LossOn::AllTokens): the template only joins turns.
const char* kPlainTemplate = "{% for m in messages %}{{ m.content }}{% endfor %}";

void fill_stories(tb::ProjectFile& project) {
    const std::vector<std::string> names = {"Tom", "Lily", "Ben", "Sue", "Max", "Mia", "Sam", "Ann"};
    const std::vector<std::string> things = {"ball", "kite", "car", "hat", "cup"};
    const std::vector<std::string> colors = {"red", "blue", "green", "big", "small"};
    for (int i = 0; i < 40; ++i) {
        const auto& name = names[static_cast<std::size_t>(i) % names.size()];
        const auto& friend_name = names[static_cast<std::size_t>(i + 3) % names.size()];
        const auto& thing = things[static_cast<std::size_t>(i / 8) % things.size()];
        const auto& color = colors[static_cast<std::size_t>(i) % colors.size()];
        tb::Example e;
        e.messages = {tbtrain::message("assistant", name + " had a " + color + " " + thing + ". " + name +
                                                        " lost the " + thing + ". " + friend_name + " found the " +
                                                        thing + " and " + name + " was happy.")};
        tb::insert_example(project, e);
    }
    tb::SplitOptions split;
    split.seed = 3;
    split.group_near_duplicates = false;
    tb::assign_splits(project, split);
}

TEST(StoriesTraining, LoraLowersTheValidationLoss) {
    TB_SKIP_WITHOUT_SHARED(tbtrain::stories_dir() / "model.safetensors",
                           "LoRA on stories260K lowering the validation loss below the base model's");
    tbtest::TempDir dir("tb_train_stories_");
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    fill_stories(project);
    tb::TrainConfig c =
        tbtrain::tiny_run_config(tbtrain::stories_dir(), dir.file("adapter"), dir.write("plain.jinja", kPlainTemplate));
    c.loss_on = tb::LossOn::AllTokens;
    c.max_length = 128;
    c.micro_batch_rows = 4;
    c.max_steps = 16;
    c.learning_rate = 3e-3;
    c.lora.rank = 8;
    c.lora.alpha = 16;
    c.lora.dropout = 0.0;
    c.warmup_ratio = 0.1;
    c.eval_every = 8;
    std::vector<tb::ValidationMetrics> validations;
    tb::TrainCallbacks cb;
    cb.on_validation = [&](const tb::ValidationMetrics& v) { validations.push_back(v); };
    auto result = tb::Trainer(project, c).run(cb);
    ASSERT_EQ(result.status, tb::RunStatus::Completed) << result.message;
    ASSERT_EQ(validations.size(), 2u);

    // The base model's validation loss on the same samples.
    auto base = tb::load_causal_lm(tbtrain::stories_dir());
    base->eval();
    tb::FormatOptions fo;
    fo.max_length = 128;
    tb::SampleFormatter fmt(tb::Tokenizer::from_folder(tbtrain::stories_dir().string()), kPlainTemplate, fo);
    std::vector<tb::FormattedSample> samples;
    tb::for_each_example(project, "validation",
                         [&](tb::Example&& e) { samples.push_back(*tb::format_all_tokens(fmt, e, nullptr)); });
    ASSERT_FALSE(samples.empty());
    tb::RowSet rows(samples, 128, true, 0);
    torch::NoGradGuard no_grad;
    double sum = 0, weight = 0;
    for (std::int64_t r = 0; r < rows.rows(); ++r) {
        auto b = rows.batch({r});
        sum += tb::batch_loss_sum(*base, b).item<double>();
        weight += b.loss_weights.sum().item<double>();
    }
    const double base_loss = sum / weight;
    std::printf("base %.4f, step %lld %.4f, end %.4f\n", base_loss, (long long)validations.front().step,
                validations.front().val_loss, validations.back().val_loss);
    EXPECT_LT(validations.back().val_loss, 0.8 * base_loss) << "base " << base_loss;
    EXPECT_LE(validations.back().val_loss, validations.front().val_loss);
}

}  // namespace
