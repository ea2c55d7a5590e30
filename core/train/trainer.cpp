// The training loop (see trainer.h). Numerics choices:
//  - LoRA: the base model in the compute dtype (bf16 where the CPU has AVX512-BF16/AMX, or
//    CUDA), frozen; adapters A/B in fp32 (LoraLinear computes the adapter path in fp32).
//  - Full: fp32 compute and weights whatever compute_dtype says. AdamW updates of ~1e-5
//    relative size vanish in bf16 weights, and fp32 master weights + bf16 copies would double
//    the memory of the small models full training is meant for (the demo base model).
//  - Loss: sum over the effective batch of weighted token cross-entropy, divided by the sum
//    of loss weights of the whole effective batch (the trained tokens when weights are 1),
//    so accumulation over micro-batches equals one big batch.
#include "core/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <torch/torch.h>

#include "core/common/error.h"
#include "core/model/llama.h"
#include "core/model/runtime.h"
#include "core/project/project_file.h"
#include "core/project/project_files.h"
#include "core/project/runs.h"
#include "core/text/tokenizer.h"
#include "core/train/checkpoint.h"
#include "core/train/gradient_checkpointing.h"
#include "core/train/loss.h"
#include "core/train/train_data.h"
#include "core/train/train_files.h"
#include "core/train/train_output.h"
#include "core/train/training_device.h"

namespace tb {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool cpu_has_bf16() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("flags", 0) != 0) continue;
        return line.find(" avx512_bf16") != std::string::npos || line.find(" amx_bf16") != std::string::npos;
    }
    return false;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot open the chat template file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// Resuming with another seed or batch layout would silently train on another data order.
void check_resumable(const std::filesystem::path& checkpoint, const nlohmann::json& saved,
                     const nlohmann::json& current) {
    for (const char* key : {"seed", "method", "max_length", "truncate", "pack", "micro_batch_rows",
                            "gradient_accumulation", "general_mix_share", "accepted_only"}) {
        if (!saved.contains(key) || !current.contains(key) || saved.at(key) == current.at(key)) continue;
        throw Error("cannot resume from " + checkpoint.string() + ": it was written with " + key + " = " +
                    saved.at(key).dump() + ", this run has " + current.at(key).dump() +
                    " (the data order would differ); use the same setting or train into a new output folder");
    }
}

// The settings of `current` that differ from `saved` and enter the run config hash.
std::string changed_settings(const nlohmann::json& saved, const nlohmann::json& current) {
    std::string changed;
    for (auto it = current.begin(); it != current.end(); ++it) {
        if (saved.contains(it.key()) && saved.at(it.key()) == it.value()) continue;
        nlohmann::json probe_a = saved, probe_b = saved;
        probe_b[it.key()] = it.value();
        if (run_config_hash(probe_a) == run_config_hash(probe_b)) continue;  // may change on resume
        changed += (changed.empty() ? "" : ", ") + it.key() + " " +
                   (saved.contains(it.key()) ? saved.at(it.key()).dump() : "unset") + " -> " + it.value().dump();
    }
    return changed;
}

// The latest checkpoint of output_dir when it belongs to the run being resumed: one run's
// checkpoints only, written with this config (run_config_hash), and, when the project has a
// run under the checkpoint's id, that run's. Throws tb::Error naming both runs otherwise.
std::optional<CheckpointIdentity> checkpoint_to_resume(const ProjectFile& project,
                                                       const std::filesystem::path& output_dir,
                                                       const nlohmann::json& resolved) {
    const auto checkpoints = list_checkpoints(output_dir);
    if (checkpoints.empty()) return std::nullopt;
    const auto& latest = checkpoints.back();
    for (const auto& other : checkpoints) {
        if (other.run_id == latest.run_id && other.config_hash == latest.config_hash) continue;
        throw Error("cannot resume: " + (output_dir / "checkpoints").string() + " holds checkpoints of two runs, " +
                    other.dir.filename().string() + " of run " + std::to_string(other.run_id) + " (config " +
                    (other.config_hash.empty() ? "unrecorded" : other.config_hash) + ") and " +
                    latest.dir.filename().string() + " of run " + std::to_string(latest.run_id) + " (config " +
                    (latest.config_hash.empty() ? "unrecorded" : latest.config_hash) +
                    "); train into a new folder, or pass --force to start over");
    }
    check_resumable(latest.dir, latest.config, resolved);
    const std::string this_hash = run_config_hash(resolved);
    if (!latest.config_hash.empty() && latest.config_hash != this_hash)
        throw Error("cannot resume from " + latest.dir.string() + ": it belongs to run " +
                    std::to_string(latest.run_id) + " (config " + latest.config_hash + "), this run's config is " +
                    this_hash + " (" + changed_settings(latest.config, resolved) + "); resume with run " +
                    std::to_string(latest.run_id) + "'s settings, or train into a new folder");
    if (const auto row = find_run(project, latest.run_id); row && row->kind == RunKind::Train) {
        const std::string row_hash = run_config_hash(row->config);
        if (!latest.config_hash.empty() && row_hash != latest.config_hash)
            throw Error("cannot resume from " + latest.dir.string() + ": it belongs to a run " +
                        std::to_string(latest.run_id) + " with config " + latest.config_hash + ", but run " +
                        std::to_string(latest.run_id) + " of " + project.path() + " has config " + row_hash +
                        " (a checkpoint of another project?); train into a new folder");
    }
    return latest;
}

}  // namespace

struct Trainer::State {
    State(ProjectFile& p, TrainConfig c) : project(p), config(std::move(c)) {}

    ProjectFile& project;
    TrainConfig config;
    std::optional<Tokenizer> tokenizer;
    std::string template_source, template_origin;
    torch::ScalarType dtype = torch::kFloat32;
    torch::Device device = torch::kCPU;    // config.device, checked: model, batches and optimizer state live there
    std::vector<std::string> setup_notes;  // logged once the run row exists

    bool prepared = false;
    std::optional<PreflightReport> report;
    PreparedData data;
    RowSet train_rows, val_rows;
    std::int64_t steps_per_epoch = 0, total_steps = 0;
    CausalLM model{nullptr};
    std::vector<std::pair<std::string, torch::Tensor>> trainable;

    void prepare(const JobContext& ctx);
    // Rows of the effective batch of optimizer step `step` (0-based).
    std::vector<std::int64_t> step_rows(std::int64_t step, std::vector<std::int64_t>& order,
                                        std::int64_t& order_epoch) const;
    std::vector<std::vector<std::int64_t>> micro_batches(const std::vector<std::int64_t>& rows) const;
    double validation_loss();
    std::string resolved_dtype_name() const { return dtype == torch::kBFloat16 ? "bf16" : "fp32"; }
};

Trainer::Trainer(ProjectFile& project, TrainConfig config)
    : state_(std::make_unique<State>(project, std::move(config))) {
    auto& s = *state_;
    auto& c = s.config;
    if (c.log_every == 0) c.log_every = 1;
    // The device first: a missing GPU is said at once, before any reading of the model folder.
    if (is_training_device_spelling(c.device)) s.device = resolve_training_device(c.device);
    if (const auto problems = config_problems(c); !problems.empty()) throw Error(describe_problems(problems));
    s.tokenizer = Tokenizer::from_folder(c.model_dir.string());
    std::optional<std::string> explicit_source;
    if (c.chat_template) {
        explicit_source = read_file(*c.chat_template);
        if (explicit_source->empty()) throw Error(c.chat_template->string() + ": the chat template file is empty");
        s.template_origin = std::filesystem::absolute(*c.chat_template).string();
    } else {
        s.template_origin = std::filesystem::exists(c.model_dir / "chat_template.jinja") ? "chat_template.jinja"
                                                                                         : "tokenizer_config.json";
    }
    s.template_source = resolve_chat_template(*s.tokenizer, explicit_source);

    // CUDA: bf16 on every GPU this targets (compute capability 8.0+); the CPU: AVX512-BF16/AMX.
    const bool bf16_hardware = s.device.is_cuda() || cpu_has_bf16();
    if (c.method == TrainMethod::Full) {
        s.dtype = torch::kFloat32;
        if (c.compute_dtype == "bf16")
            s.setup_notes.push_back("full fine-tuning computes in fp32 (bf16 weights would lose small AdamW updates)");
    } else if (c.compute_dtype == "bf16" || (c.compute_dtype == "auto" && bf16_hardware)) {
        s.dtype = torch::kBFloat16;
    }
    if (c.gradient_checkpointing)
        s.setup_notes.push_back(
            "gradient checkpointing: layers are recomputed in backward (less memory, ~1/3 more compute)");
}

Trainer::~Trainer() = default;

const TrainConfig& Trainer::config() const { return state_->config; }

void Trainer::State::prepare(const JobContext& ctx) {
    if (prepared) return;
    configure_runtime();
    if (config.threads > 0) torch::set_num_threads(config.threads);
    torch::manual_seed(config.seed);

    ctx.report(0, 0, "formatting examples");
    FormatOptions format_options;
    format_options.max_length = static_cast<std::size_t>(config.max_length);
    format_options.truncate = config.truncate;
    SampleFormatter formatter(*tokenizer, template_source, format_options);
    data = prepare_training_data(project, config, formatter, ctx);

    const std::int32_t pad_id = tokenizer->eos_id().value_or(0);
    train_rows = RowSet(data.train, config.max_length, config.pack, pad_id);
    val_rows = RowSet(data.validation, config.max_length, config.pack, pad_id);
    const std::int64_t effective = config.micro_batch_rows * config.gradient_accumulation;
    steps_per_epoch = (train_rows.rows() + effective - 1) / effective;
    total_steps =
        config.max_steps > 0
            ? config.max_steps
            : std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(config.epochs * double(steps_per_epoch))));

    ctx.check_cancel();
    ctx.report(0, 0, "loading the model");
    ModelLoadOptions load;
    load.dtype = dtype;
    load.device = device;
    model = load_causal_lm(config.model_dir, load);
    if (config.method == TrainMethod::Lora) {
        const LoraOptions& lora = config.lora;  // adapter weights are fp32 over a bf16 base (add_lora)
        apply_lora(*model, lora);
        for (auto& p : model->named_parameters()) {
            const bool is_lora =
                p.key().find(".lora_A.") != std::string::npos || p.key().find(".lora_B.") != std::string::npos;
            p.value().set_requires_grad(is_lora);
        }
    } else {
        torch::NoGradGuard no_grad;
        for (auto& p : model->named_parameters()) {
            // Own memory: the loader may map the weights read-only from the file.
            p.value().set_data(p.value().detach().clone());
            p.value().set_requires_grad(true);
        }
    }
    set_gradient_checkpointing(*model, config.gradient_checkpointing);
    trainable.clear();
    for (auto& p : model->named_parameters())
        if (p.value().requires_grad()) trainable.emplace_back(p.key(), p.value());
    model->train();
    prepared = true;
}

std::vector<std::int64_t> Trainer::State::step_rows(std::int64_t step, std::vector<std::int64_t>& order,
                                                    std::int64_t& order_epoch) const {
    const std::int64_t epoch = step / steps_per_epoch, within = step % steps_per_epoch;
    if (order_epoch != epoch) {
        order = epoch_row_order(train_rows.rows(), config.seed, epoch);
        order_epoch = epoch;
    }
    const std::int64_t effective = config.micro_batch_rows * config.gradient_accumulation;
    const auto begin = std::min<std::int64_t>(within * effective, train_rows.rows());
    const auto end = std::min<std::int64_t>(begin + effective, train_rows.rows());
    return {order.begin() + begin, order.begin() + end};
}

std::vector<std::vector<std::int64_t>> Trainer::State::micro_batches(const std::vector<std::int64_t>& rows) const {
    std::vector<std::vector<std::int64_t>> out;
    for (std::size_t i = 0; i < rows.size(); i += static_cast<std::size_t>(config.micro_batch_rows)) {
        const auto end = std::min(rows.size(), i + static_cast<std::size_t>(config.micro_batch_rows));
        out.emplace_back(rows.begin() + static_cast<std::ptrdiff_t>(i),
                         rows.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return out;
}

double Trainer::State::validation_loss() {
    torch::NoGradGuard no_grad;
    model->eval();  // no dropout: validation consumes no random numbers
    double sum = 0.0, weight = 0.0;
    std::vector<std::int64_t> all(static_cast<std::size_t>(val_rows.rows()));
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
    for (const auto& mb : micro_batches(all)) {
        auto batch = batch_on_device(val_rows.batch(mb), device);
        sum += batch_loss_sum(*model, batch).item<double>();
        weight += batch.loss_weights.slice(1, 1).sum().item<double>();
    }
    model->train();
    return weight > 0 ? sum / weight : std::numeric_limits<double>::quiet_NaN();
}

const PreflightReport& Trainer::preflight(const JobContext& ctx) {
    auto& s = *state_;
    if (s.report) return *s.report;
    s.prepare(ctx);
    PreflightReport r;
    r.train_examples = static_cast<std::int64_t>(s.data.train.size());
    r.validation_examples = static_cast<std::int64_t>(s.data.validation.size());
    r.dropped_too_long = static_cast<std::int64_t>(s.data.train_report.dropped_too_long);
    r.truncated = static_cast<std::int64_t>(s.data.train_report.truncated);
    r.dropped_untrained = static_cast<std::int64_t>(s.data.train_report.dropped_untrained);
    r.failed = static_cast<std::int64_t>(s.data.train_report.failed);
    r.format_errors = s.data.train_report.errors;
    for (const auto& sample : s.data.train) {
        r.train_tokens += static_cast<std::int64_t>(sample.input_ids.size());
        r.trained_tokens += static_cast<std::int64_t>(sample.trained_tokens());
    }
    r.rows_per_epoch = s.train_rows.rows();
    r.steps_per_epoch = s.steps_per_epoch;
    r.total_steps = s.total_steps;
    for (auto& p : s.model->named_parameters()) r.total_parameters += p.value().numel();
    for (auto& [_, t] : s.trainable) r.trainable_parameters += t.numel();
    r.chat_template_origin = s.template_origin;
    r.template_has_generation_blocks = ChatTemplate(s.template_source).has_generation_blocks();
    r.compute_dtype = s.resolved_dtype_name();

    // Timed warm-up: forward + backward of the first micro-batch, twice (the first pays for
    // allocations). No optimizer step; gradients dropped and the RNG restored afterwards, so
    // the run is the same with or without a pre-flight.
    ctx.check_cancel();
    ctx.report(0, 0, "timing a warm-up step");
    {
        std::vector<std::int64_t> order;
        std::int64_t order_epoch = -1;
        const auto rows = s.step_rows(0, order, order_epoch);
        const auto mbs = s.micro_batches(rows);
        const auto batch = batch_on_device(s.train_rows.batch(mbs.front()), s.device);
        const auto rng = rng_state();
        double seconds = 0.0;
        for (int i = 0; i < 2; ++i) {
            const auto start = Clock::now();
            auto loss = batch_loss_sum(*s.model, batch) / batch.loss_weights.sum().clamp_min(1.0);
            loss.backward();
            loss.item<double>();  // on CUDA, waits for the queued kernels: the time is the step's, not its launch's
            seconds = seconds_since(start);
        }
        for (auto& [_, t] : s.trainable) t.mutable_grad() = torch::Tensor();
        set_rng_state(rng);
        const double micro_per_step = double(
            std::min<std::int64_t>(s.config.gradient_accumulation,
                                   (s.train_rows.rows() + s.config.micro_batch_rows - 1) / s.config.micro_batch_rows));
        r.seconds_per_step = seconds * micro_per_step;
        const double validations = s.config.eval_every > 0 ? double(s.total_steps / s.config.eval_every) + 1.0 : 1.0;
        const double val_batches =
            double((s.val_rows.rows() + s.config.micro_batch_rows - 1) / s.config.micro_batch_rows);
        r.estimated_seconds = r.seconds_per_step * double(s.total_steps) + validations * val_batches * seconds / 3.0;
    }

    // Memory: weights + (fp32 grad + two AdamW moments) per trainable value + activations
    // kept for backward (per layer ~12 hidden + 4 intermediate values per token in the compute
    // dtype, attention scores and probabilities in fp32) + logits, log-softmax and their grad.
    {
        const auto& mc = s.model->config();
        const double elem = s.dtype == torch::kBFloat16 ? 2.0 : 4.0;
        const double tokens = double(s.config.micro_batch_rows * s.config.max_length);
        const double per_layer = tokens * (12.0 * double(mc.hidden_size) + 4.0 * double(mc.intermediate_size)) * elem +
                                 double(s.config.micro_batch_rows) * double(mc.num_attention_heads) *
                                     double(s.config.max_length) * double(s.config.max_length) * 4.0 * 2.0;
        // With gradient checkpointing: every layer's input, plus one layer's activations at a time.
        const double activations = s.config.gradient_checkpointing ? per_layer + tokens * double(mc.hidden_size) *
                                                                                     elem * double(mc.num_hidden_layers)
                                                                   : per_layer * double(mc.num_hidden_layers);
        r.estimated_memory_bytes = double(r.total_parameters) * elem + double(r.trainable_parameters) * 12.0 +
                                   activations + tokens * double(mc.vocab_size) * 4.0 * 3.0;
    }
    r.warnings = config_warnings(s.config);
    for (const auto& w : s.data.warnings) r.warnings.push_back(w);
    s.report = std::move(r);
    return *s.report;
}

TrainResult Trainer::run(const TrainCallbacks& callbacks, const JobContext& ctx, bool resume,
                         std::shared_ptr<PauseToken> pause, Overwrite overwrite) {
    auto& s = *state_;
    const auto& c = s.config;
    prepare_train_output(c.output_dir, c.model_dir, project_files(s.project), resume, overwrite);
    const PreflightReport& report = preflight(ctx);
    if (callbacks.on_preflight) callbacks.on_preflight(report);

    TrainResult result;
    result.output_dir = c.output_dir;
    std::int64_t run_id = 0;
    auto log = [&](const std::string& line) {
        if (run_id) append_run_log(s.project, run_id, line);
        if (callbacks.on_log) callbacks.on_log(line);
    };

    std::vector<torch::Tensor> params;
    for (auto& [_, t] : s.trainable) params.push_back(t);
    torch::optim::AdamW optimizer(params, torch::optim::AdamWOptions(c.learning_rate)
                                              .betas(std::make_tuple(c.adam_beta1, c.adam_beta2))
                                              .eps(c.adam_eps)
                                              .weight_decay(c.weight_decay));

    CheckpointState cs;
    std::optional<std::filesystem::path> resumed_from;
    nlohmann::json resolved = c.to_json();
    resolved["compute_dtype"] = s.resolved_dtype_name();
    if (resume) {
        if (auto latest = checkpoint_to_resume(s.project, c.output_dir, resolved)) {
            resumed_from = latest->dir;
            cs = load_checkpoint(*resumed_from, s.trainable, optimizer);
        }
    }
    // Best weights of an earlier run into the same folder must not become this run's output.
    if (!resumed_from) std::filesystem::remove_all(best_weights_dir(c.output_dir));
    if (const auto previous = cs.run_id ? find_run(s.project, cs.run_id) : std::nullopt;
        previous && previous->kind == RunKind::Train) {
        run_id = cs.run_id;
        restart_run(s.project, run_id);
    } else {
        run_id = create_run(s.project, RunKind::Train, c.output_dir.filename().string(), resolved);
    }
    cs.run_id = run_id;
    result.run_id = run_id;
    if (resume)
        log(resumed_from ? "resumed from " + resumed_from->string() + " at step " + std::to_string(cs.step)
                         : "no checkpoint in " + (c.output_dir / "checkpoints").string() + ": starting from step 0");
    for (const auto& note : s.setup_notes) log(note);
    log("chat template: " + s.template_origin + "; compute " + s.resolved_dtype_name() + "; " +
        std::to_string(report.trainable_parameters) + " trainable parameters; " + std::to_string(s.total_steps) +
        " steps");

    auto cancelled = [&] { return ctx.cancel && ctx.cancel->cancelled(); };
    auto checkpoint = [&](std::int64_t step) {
        cs.step = step;
        cs.epoch = double(step) / double(s.steps_per_epoch);
        const auto dir = checkpoint_dir(c.output_dir, step);
        save_checkpoint(dir, cs, s.trainable, optimizer, resolved);
        result.last_checkpoint = dir;
        log("checkpoint " + dir.string());
    };
    std::int64_t last_validation_step = -1;
    bool stop_early = false;
    auto validate = [&](std::int64_t step) {
        if (s.val_rows.rows() == 0) return;
        const double v = s.validation_loss();
        last_validation_step = step;
        ValidationMetrics vm;
        vm.step = step;
        vm.val_loss = v;
        vm.best = !cs.best_val_loss || v < *cs.best_val_loss;
        if (vm.best) {
            cs.best_val_loss = v;
            cs.best_step = step;
            cs.bad_validations = 0;
            save_best_weights(c.output_dir, {step, v}, s.trainable);
        } else {
            ++cs.bad_validations;
        }
        record_run_metrics(s.project, run_id, step, {{kMetricValLoss, v}});
        log("step " + std::to_string(step) + ": validation loss " + format_number(v) + (vm.best ? " (best)" : ""));
        if (callbacks.on_validation) callbacks.on_validation(vm);
        // The validation after the last step ends nothing: the run is complete anyway.
        if (c.early_stopping_patience > 0 && cs.bad_validations >= c.early_stopping_patience && step < s.total_steps)
            stop_early = true;
    };

    RunStopReason stop_reason = RunStopReason::AllSteps;  // why the loop below ended
    std::int64_t step = cs.step;
    const std::int64_t first_step = step;
    const auto session_start = Clock::now();
    const double elapsed_before = cs.elapsed_s;
    try {
        std::vector<std::int64_t> order;
        std::int64_t order_epoch = -1;
        while (step < s.total_steps) {
            if (pause) pause->wait_while_paused(ctx.cancel.get());
            if (cancelled()) {
                stop_reason = RunStopReason::Cancelled;
                break;
            }
            const auto step_start = Clock::now();
            const auto rows = s.step_rows(step, order, order_epoch);
            const auto mbs = s.micro_batches(rows);
            std::vector<BatchTensors> batches;
            double trained_weight = 0.0;
            for (const auto& mb : mbs) {
                const auto batch = s.train_rows.batch(mb);
                trained_weight += batch.loss_weights.slice(1, 1).sum().item<double>();  // on the CPU: no GPU sync
                batches.push_back(batch_on_device(batch, s.device));
            }
            const double lr = scheduled_learning_rate(c, step, s.total_steps);
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
            optimizer.zero_grad();
            double loss_value = 0.0;
            bool finite = true;
            for (const auto& batch : batches) {
                // Divided by the trained weight of the whole effective batch, not this micro-batch.
                auto loss = batch_loss_sum(*s.model, batch) / std::max(trained_weight, 1e-12);
                const double v = loss.item<double>();
                if (!std::isfinite(v)) {
                    finite = false;
                    loss_value = v;
                    break;
                }
                loss.backward();
                loss_value += v;
            }
            double grad_norm = 0.0;
            if (finite) {
                grad_norm = torch::nn::utils::clip_grad_norm_(
                    params, c.max_grad_norm > 0 ? c.max_grad_norm : std::numeric_limits<double>::infinity());
                finite = std::isfinite(grad_norm);
            }
            if (!finite) {
                stop_reason =
                    std::isfinite(loss_value) ? RunStopReason::NonFiniteGradNorm : RunStopReason::NonFiniteLoss;
                const auto last = latest_checkpoint(c.output_dir);
                result.last_checkpoint = last.value_or(std::filesystem::path());
                result.message =
                    std::string(std::isfinite(loss_value) ? "the gradient norm" : "the loss") +
                    " is not finite (NaN or inf) at step " + std::to_string(step + 1) + " (learning rate " +
                    format_number(lr) + "): training stopped; lower the learning rate" +
                    (last ? "; the last good checkpoint is " + last->string() : "; no checkpoint was written yet");
                log(result.message);
                break;
            }
            optimizer.step();
            ++step;

            const std::int64_t tokens = s.train_rows.real_tokens(rows);
            cs.tokens += tokens;
            const double step_seconds = seconds_since(step_start);
            StepMetrics m;
            m.step = step;
            m.total_steps = s.total_steps;
            m.epoch = double(step) / double(s.steps_per_epoch);
            m.loss = loss_value;
            m.learning_rate = lr;
            m.grad_norm = grad_norm;
            m.tokens_per_s = step_seconds > 0 ? double(tokens) / step_seconds : 0.0;
            m.tokens = cs.tokens;
            const double session_s = seconds_since(session_start);
            m.elapsed_s = elapsed_before + session_s;
            m.eta_s = session_s / double(step - first_step) * double(s.total_steps - step);
            cs.elapsed_s = m.elapsed_s;
            result.final_loss = loss_value;
            result.steps = step;
            if (step % c.log_every == 0 || step == s.total_steps || step == first_step + 1) {
                record_run_metrics(s.project, run_id, step,
                                   {{kMetricTrainLoss, m.loss},
                                    {kMetricTrainLr, m.learning_rate},
                                    {kMetricTrainGradNorm, m.grad_norm},
                                    {kMetricTrainTokensPerS, m.tokens_per_s}});
                if (callbacks.on_step) callbacks.on_step(m);
            }
            ctx.report(step, s.total_steps, "training");
            if (c.eval_every > 0 && step % c.eval_every == 0 && step < s.total_steps) validate(step);
            if (stop_early) {
                log("early stopping: no validation improvement in " + std::to_string(c.early_stopping_patience) +
                    " validations");
                break;
            }
            if (c.checkpoint_every > 0 && step % c.checkpoint_every == 0 && step < s.total_steps) checkpoint(step);
        }
        result.steps = step;

        if (stop_reason == RunStopReason::Cancelled) {
            checkpoint(step);
            result.message = "cancelled at step " + std::to_string(step) + "; resume continues from " +
                             result.last_checkpoint.string();
            log(result.message);
        } else if (stop_reason == RunStopReason::AllSteps) {
            if (last_validation_step != step) validate(step);
            checkpoint(step);
            if (stop_early) {
                stop_reason = RunStopReason::EarlyStopping;
                result.message =
                    "stopped early at step " + std::to_string(step) + " (validation loss stopped improving)";
            } else {
                result.message = "completed " + std::to_string(step) + " steps";
            }
            // The output gets the best validation's weights; the final ones stay in the checkpoint.
            std::int64_t weights_step = step;
            if (cs.best_step && *cs.best_step != step) {
                const auto best = read_best_weights_info(c.output_dir);
                if (best && best->step == *cs.best_step) {
                    load_best_weights(c.output_dir, s.trainable);
                    weights_step = best->step;
                    log("output: the weights of step " + std::to_string(best->step) + " (best validation loss " +
                        format_number(best->val_loss) + "); the final weights of step " + std::to_string(step) +
                        " are in " + result.last_checkpoint.string());
                } else {
                    log("output: the best validation's weights (step " + std::to_string(*cs.best_step) +
                        ") are missing from " + best_weights_dir(c.output_dir).string() +
                        ": writing the final weights of step " + std::to_string(step));
                }
            }
            result.weights_step = weights_step;
            log("writing " + c.output_dir.string());
            if (c.method == TrainMethod::Lora) {
                write_lora_adapter(*s.model, c.output_dir, c.lora, std::filesystem::absolute(c.model_dir).string());
            } else {
                save_pretrained(*s.model, c.output_dir, torch::kFloat32);
            }
            write_tokenizer_files(c.model_dir, c.output_dir, s.template_source);
            nlohmann::json summary = {
                {"run_id", run_id},
                {"status", to_string(status_for(stop_reason))},  // the project's words (core/project/runs.h)
                {"stop_reason", to_string(stop_reason)},
                {"steps", step},
                {"final_loss", result.final_loss},
                {"weights_step", weights_step},  // the step whose weights this folder holds
                {"final_checkpoint", result.last_checkpoint.string()},
                {"best_val_loss", cs.best_val_loss ? nlohmann::json(*cs.best_val_loss) : nlohmann::json()},
                {"chat_template_origin", s.template_origin},
                {"config", resolved},
                {"preflight", report.to_json()}};
            write_run_summary(c.output_dir, summary);
            log(result.message);
        }
    } catch (const std::exception& e) {
        log(std::string("error: ") + e.what());
        finish_run(s.project, run_id, RunStopReason::Error);
        throw;
    }
    result.status = status_for(stop_reason);
    result.best_val_loss = cs.best_val_loss;
    result.stop_reason = stop_reason;
    finish_run(s.project, run_id, stop_reason);
    return result;
}

}  // namespace tb
