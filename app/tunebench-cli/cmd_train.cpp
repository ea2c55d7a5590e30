// tunebench-cli train: one training run on a project (LoRA by default, --full for all
// weights). The pre-flight report goes to stderr, then one JSON line per logged step and per
// validation on stdout. Ctrl-C cancels cleanly: a checkpoint is written and --resume
// continues from it. Exit 0 completed, 1 failed (NaN/inf loss), 130 cancelled, 2 bad input.
// After a completed LoRA run, every regression suite flagged run_after_training evaluates
// model + the new adapter (one JSON line per suite on stdout, regressions on stderr);
// --no-suite skips them, --gate exits 1 when one flags a regression.
#include <algorithm>
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/eval/suites_after_training.h"
#include "core/project/project_file.h"
#include "core/train/trainer.h"

namespace {

// Set before the handler is installed; the handler only stores an atomic flag.
std::shared_ptr<tb::CancelToken> g_cancel;
extern "C" void on_interrupt(int) {
    if (g_cancel) g_cancel->cancel();
}

tb::TrainConfig config_from_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw tb::Error(path + ": cannot open the run config");
    std::stringstream buffer;
    buffer << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::exception& e) {
        throw tb::Error(path + ": invalid JSON (" + e.what() + ")");
    }
    try {
        return tb::TrainConfig::from_json(j);
    } catch (const tb::Error& e) {
        throw tb::Error(path + ": " + e.what());
    }
}

// The suites to run after training (core/eval/suites_after_training.h), each on model + the
// adapter just written: one JSON line per suite on stdout ({"suite": ..., "sets": ...,
// "regressions": ...} or {"suite", "error"}), each regression and error on stderr. Returns the
// exit code the suites add: 1 with --gate and a regression, 2 with --gate and a suite that
// could not run, else 0.
int run_suites_after_training(tb::ProjectFile& project, std::int64_t train_run_id, std::int64_t max_new_tokens,
                              bool gate, const tb::JobContext& ctx) {
    const auto plan = tb::plan_suites_after_training(project, train_run_id);
    if (!plan.skipped.empty()) std::cerr << "regression suites skipped: " << plan.skipped << "\n";
    if (!plan.target) return tbcli::kExitOk;
    tb::RegressionSuiteOptions options;
    options.eval.generation.max_new_tokens = max_new_tokens;
    int exit_code = tbcli::kExitOk;
    tb::SuitesAfterTrainingCallbacks callbacks;
    callbacks.on_suite_start = [](const tb::RegressionSuite& suite, const tb::EvalTarget& target) {
        std::cerr << "regression suite '" << suite.name << "' on " << target.describe() << "\n" << std::flush;
    };
    callbacks.on_suite_done = [&](const tb::SuiteOutcome& outcome) {
        if (!outcome.result) {
            std::cout << nlohmann::json{{"suite", outcome.suite}, {"error", outcome.error}}.dump() << std::endl;
            std::cerr << "suite " << outcome.suite << ": error: " << outcome.error << "\n";
            if (gate) exit_code = std::max(exit_code, tbcli::kExitBadInput);
            return;
        }
        const auto& result = *outcome.result;
        std::cout << result.to_json().dump() << std::endl;
        for (const auto& line : result.regressions)
            std::cerr << "REGRESSION (suite " << outcome.suite << "): " << line << "\n";
        if (!result.has_regression()) std::cerr << "suite " << outcome.suite << ": no regression flagged\n";
        if (gate && result.has_regression()) exit_code = std::max(exit_code, tbcli::kExitFindings);
    };
    tb::run_suites_after_training(project, train_run_id, options, ctx, callbacks);
    std::cerr << std::flush;
    return exit_code;
}

int run_train(const std::vector<std::string>& argv) {
    tbcli::Args args(argv,
                     {"model", "out", "config", "chat-template", "epochs", "lr", "rank", "max-steps", "loss-on",
                      "max-length", "batch-rows", "accumulation", "eval-every", "seed", "compute-dtype",
                      "checkpoint-every", "threads", "device", "suite-max-new-tokens"},
                     {"resume", "force", "full", "json-preflight", "no-suite", "gate"});
    const std::string project_path = args.positional(0, "PROJECT");
    tb::TrainConfig c = args.value("config") ? config_from_file(*args.value("config")) : tb::TrainConfig{};
    if (auto v = args.value("model")) c.model_dir = *v;
    if (auto v = args.value("out")) c.output_dir = *v;
    if (c.model_dir.empty()) throw tbcli::UsageError("--model DIR is required (or model_dir in --config)");
    if (c.output_dir.empty()) throw tbcli::UsageError("--out DIR is required (or output_dir in --config)");
    if (args.flag("resume") && args.flag("force"))
        throw tbcli::UsageError("--resume continues the run in --out, --force starts over there: give one");
    if (auto v = args.value("chat-template")) c.chat_template = std::filesystem::path(*v);
    if (args.flag("full")) c.method = tb::TrainMethod::Full;
    c.epochs = args.number_or("epochs", c.epochs);
    c.learning_rate = args.number_or("lr", c.learning_rate);
    c.lora.rank = args.integer_or("rank", c.lora.rank);
    c.max_steps = args.integer_or("max-steps", c.max_steps);
    c.max_length = args.integer_or("max-length", c.max_length);
    c.micro_batch_rows = args.integer_or("batch-rows", c.micro_batch_rows);
    c.gradient_accumulation = args.integer_or("accumulation", c.gradient_accumulation);
    c.eval_every = args.integer_or("eval-every", c.eval_every);
    c.checkpoint_every = args.integer_or("checkpoint-every", c.checkpoint_every);
    c.threads = static_cast<int>(args.integer_or("threads", c.threads));
    c.seed = static_cast<std::uint64_t>(args.integer_or("seed", static_cast<long long>(c.seed)));
    if (auto v = args.value("compute-dtype")) c.compute_dtype = *v;
    if (auto v = args.value("device")) {
        if (!tb::is_training_device_spelling(*v)) throw tbcli::UsageError("--device must be cpu, cuda or cuda:N");
        c.device = *v;
    }
    if (auto v = args.value("loss-on")) {
        if (*v == "all")
            c.loss_on = tb::LossOn::AllTokens;
        else if (*v == "assistant")
            c.loss_on = tb::LossOn::AssistantTurns;
        else
            throw tbcli::UsageError("--loss-on must be all or assistant");
    }

    const auto suite_max_new_tokens = args.integer_or("suite-max-new-tokens", 256);
    if (suite_max_new_tokens < 1) throw tbcli::UsageError("--suite-max-new-tokens must be at least 1");
    if (args.flag("no-suite") && args.flag("gate")) throw tbcli::UsageError("--gate needs the suites: drop --no-suite");

    auto project = tb::ProjectFile::open(project_path);
    tb::Trainer trainer(project, c);

    g_cancel = std::make_shared<tb::CancelToken>();
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    tb::JobContext ctx;
    ctx.cancel = g_cancel;

    tb::TrainCallbacks callbacks;
    const bool json_preflight = args.flag("json-preflight");
    callbacks.on_preflight = [&](const tb::PreflightReport& report) {
        std::cerr << report.to_text() << std::flush;
        if (json_preflight) std::cout << nlohmann::json{{"preflight", report.to_json()}}.dump() << std::endl;
    };
    callbacks.on_step = [](const tb::StepMetrics& m) {
        std::cout << nlohmann::json{{"step", m.step},           {"loss", m.loss},
                                    {"lr", m.learning_rate},    {"tokens_per_s", m.tokens_per_s},
                                    {"grad_norm", m.grad_norm}, {"epoch", m.epoch}}
                         .dump()
                  << std::endl;
    };
    callbacks.on_validation = [](const tb::ValidationMetrics& v) {
        std::cout << nlohmann::json{{"step", v.step}, {"val_loss", v.val_loss}}.dump() << std::endl;
    };
    callbacks.on_log = [](const std::string& line) { std::cerr << line << "\n" << std::flush; };

    const auto result = trainer.run(callbacks, ctx, args.flag("resume"), nullptr, args.overwrite());
    std::cerr << "run " << result.run_id << ": " << tb::to_string(result.status) << " (" << result.message << ")\n";
    int exit_code = tbcli::kExitOk;
    if (result.status == tb::RunStatus::Cancelled) exit_code = tbcli::kExitCancelled;
    if (result.status == tb::RunStatus::Failed) exit_code = tbcli::kExitFindings;
    // Suites run while Ctrl-C still cancels (tb::Cancelled reaches main: exit 130).
    if (result.wrote_output() && !args.flag("no-suite"))
        exit_code = run_suites_after_training(project, result.run_id, suite_max_new_tokens, args.flag("gate"), ctx);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return exit_code;
}

tbcli::CommandRegistration train_registration(
    {"train",
     "train PROJECT --model DIR --out DIR [--config RUN.json] [--chat-template FILE] [--epochs N] [--lr X] [--rank R] "
     "[--max-steps N] [--resume | --force] [--full] [--loss-on all|assistant] [--max-length N] [--batch-rows N] "
     "[--accumulation "
     "N] "
     "[--eval-every N] [--checkpoint-every N] [--seed S] [--compute-dtype auto|bf16|fp32] [--threads N] [--device "
     "cpu|cuda|cuda:N] "
     "[--json-preflight] [--no-suite] [--gate] [--suite-max-new-tokens N]",
     "Train a LoRA adapter (or all weights with --full) on the project's training split; JSON lines per step "
     "(exit 1 on NaN loss, 130 when interrupted: --resume continues). --out must be new or empty, or hold this "
     "run's checkpoints (--resume); --force starts over in a folder with an earlier output. Then the regression suites "
     "set to run after "
     "training, one JSON line each (--gate: exit 1 on a regression).",
     run_train});

}  // namespace
