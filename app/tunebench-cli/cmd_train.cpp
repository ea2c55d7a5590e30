// tunebench-cli train: one training run on a project (LoRA by default, --full for all
// weights). The pre-flight report goes to stderr, then one JSON line per logged step and per
// validation on stdout. Ctrl-C cancels cleanly: a checkpoint is written and --resume
// continues from it. Exit 0 completed, 1 failed (NaN/inf loss), 130 cancelled, 2 bad input.
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
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

int run_train(const std::vector<std::string>& argv) {
    tbcli::Args args(
        argv,
        {"model", "out", "config", "chat-template", "epochs", "lr", "rank", "max-steps", "loss-on", "max-length",
         "batch-rows", "accumulation", "eval-every", "seed", "compute-dtype", "checkpoint-every", "threads"},
        {"resume", "full", "json-preflight"});
    const std::string project_path = args.positional(0, "PROJECT");
    tb::TrainConfig c = args.value("config") ? config_from_file(*args.value("config")) : tb::TrainConfig{};
    if (auto v = args.value("model")) c.model_dir = *v;
    if (auto v = args.value("out")) c.output_dir = *v;
    if (c.model_dir.empty()) throw tbcli::UsageError("--model DIR is required (or model_dir in --config)");
    if (c.output_dir.empty()) throw tbcli::UsageError("--out DIR is required (or output_dir in --config)");
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
    if (auto v = args.value("loss-on")) {
        if (*v == "all")
            c.loss_on = tb::LossOn::AllTokens;
        else if (*v == "assistant")
            c.loss_on = tb::LossOn::AssistantTurns;
        else
            throw tbcli::UsageError("--loss-on must be all or assistant");
    }

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

    const auto result = trainer.run(callbacks, ctx, args.flag("resume"));
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::cerr << "run " << result.run_id << ": " << result.status << " (" << result.message << ")\n";
    if (result.status == "cancelled") return tbcli::kExitCancelled;
    if (result.status == "failed") return tbcli::kExitFindings;
    return tbcli::kExitOk;
}

tbcli::CommandRegistration train_registration(
    {"train",
     "train PROJECT --model DIR --out DIR [--config RUN.json] [--chat-template FILE] [--epochs N] [--lr X] [--rank R] "
     "[--max-steps N] [--resume] [--full] [--loss-on all|assistant] [--max-length N] [--batch-rows N] [--accumulation "
     "N] "
     "[--eval-every N] [--checkpoint-every N] [--seed S] [--compute-dtype auto|bf16|fp32] [--threads N] "
     "[--json-preflight]",
     "Train a LoRA adapter (or all weights with --full) on the project's training split; JSON lines per step "
     "(exit 1 on NaN loss, 130 when interrupted: --resume continues).",
     run_train});

}  // namespace
