// `tunebench-cli train` and `merge` end to end on a tiny model project (skipped when the CLI
// has not been built, e.g. when only test_train was).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/model/peft_adapter.h"
#include "core/text/tokenizer.h"
#include "e2e/cli_runner.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;

#define SKIP_WITHOUT_CLI() \
    if (!fs::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

TEST(CliTrain, PrintsJsonLinesWritesTheAdapterAndMergeMatchesBasePlusAdapter) {
    SKIP_WITHOUT_CLI();
    tbtest::CliDir dir;
    const fs::path model = dir.file("model");
    tbtrain::write_tiny_model(model);
    const auto template_file = dir.write("chatml.jinja", tbtrain::kChatMl);
    {
        auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
        tbtrain::fill_qa_project(project, 24);
    }
    const auto out = dir.file("adapter");
    auto r = dir.run({"train",
                      dir.file("p.tunebench"),
                      "--model",
                      model.string(),
                      "--out",
                      out,
                      "--chat-template",
                      template_file,
                      "--max-steps",
                      "3",
                      "--eval-every",
                      "2",
                      "--batch-rows",
                      "2",
                      "--lr",
                      "1e-3",
                      "--compute-dtype",
                      "fp32",
                      "--threads",
                      "1"},
                     "train");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("Pre-flight report"), std::string::npos) << r.err;
    int step_lines = 0, val_lines = 0;
    for (const auto& line : tbtest::lines_of(r.out)) {
        auto j = nlohmann::json::parse(line);
        ASSERT_TRUE(j.contains("step")) << line;
        if (j.contains("val_loss")) {
            ++val_lines;
        } else {
            ++step_lines;
            for (const char* key : {"loss", "lr", "tokens_per_s", "grad_norm", "epoch"})
                EXPECT_TRUE(j.contains(key)) << line;
            EXPECT_EQ(j["step"], step_lines);
        }
    }
    EXPECT_EQ(step_lines, 3);
    EXPECT_EQ(val_lines, 2);  // step 2 and the end
    ASSERT_TRUE(fs::exists(fs::path(out) / "adapter_model.safetensors"));

    const auto merged = dir.file("merged");
    auto m = dir.run({"merge", "--model", model.string(), "--adapter", out, "--out", merged}, "merge");
    ASSERT_EQ(m.exit_code, 0) << m.err;
    auto with_adapter = tb::load_causal_lm(model);
    tb::load_peft_adapter(*with_adapter, out);
    auto folded = tb::load_causal_lm(merged);
    auto base = tb::load_causal_lm(model);
    torch::NoGradGuard no_grad;
    with_adapter->eval();
    auto ids = torch::tensor(std::vector<std::int64_t>{3, 10, 40, 50, 60, 4, 9, 33}, torch::kInt64).unsqueeze(0);
    auto expected = with_adapter->forward(ids);
    EXPECT_TRUE(torch::allclose(folded->forward(ids), expected, 1e-4, 1e-4));
    EXPECT_FALSE(torch::allclose(base->forward(ids), expected, 1e-4, 1e-4));  // the adapter did change something
    EXPECT_EQ(tb::Tokenizer::from_folder(merged).config().chat_template, tbtrain::kChatMl);

    // generate with the adapter uses the adapter's template (the base model has none).
    auto g = dir.run({"generate", "--model", model.string(), "--adapter", out, "--prompt", "say red", "--greedy",
                      "--max-new-tokens", "4"},
                     "generate");
    EXPECT_EQ(g.exit_code, 0) << g.err;
}

TEST(CliTrain, MissingTemplateIsBadInputAndUnknownConfigKeyNamed) {
    SKIP_WITHOUT_CLI();
    tbtest::CliDir dir;
    const fs::path model = dir.file("model");
    tbtrain::write_tiny_model(model);
    {
        auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
        tbtrain::fill_qa_project(project, 8);
    }
    auto r =
        dir.run({"train", dir.file("p.tunebench"), "--model", model.string(), "--out", dir.file("a")}, "notemplate");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--chat-template"), std::string::npos) << r.err;
    const auto config = dir.write("run.json", R"({"learning_rate": 1e-4, "epohcs": 3})");
    auto c = dir.run(
        {"train", dir.file("p.tunebench"), "--model", model.string(), "--out", dir.file("a"), "--config", config},
        "badconfig");
    EXPECT_EQ(c.exit_code, 2);
    EXPECT_NE(c.err.find("epohcs"), std::string::npos) << c.err;
}

}  // namespace
