// TrainConfig as JSON (the run config file, the runs row, tunebench_run.json), its problems and
// workflow warnings, the advisor's starting settings, the learning-rate schedule. Torch-free.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <set>

#include "core/train/train_config.h"

#include "core/advisor/training_settings.h"
#include "core/common/error.h"
#include "core/text/tokenizer_config.h"

namespace tb {

namespace {

std::string method_name(TrainMethod m) { return m == TrainMethod::Full ? "full" : "lora"; }
std::string schedule_name(LrSchedule s) {
    switch (s) {
        case LrSchedule::Constant:
            return "constant";
        case LrSchedule::Linear:
            return "linear";
        case LrSchedule::Cosine:
            return "cosine";
    }
    return "cosine";
}
std::string loss_on_name(LossOn l) { return l == LossOn::AllTokens ? "all" : "assistant"; }

// Reads json[key] as T, naming the key when the type is wrong.
template <typename T>
T read_as(const nlohmann::json& json, const std::string& key, const std::string& where) {
    try {
        return json.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(where + "\"" + key + "\" has the wrong type (" + json.at(key).dump() + ")");
    }
}

}  // namespace

nlohmann::json TrainConfig::to_json() const {
    nlohmann::json j;
    j["model_dir"] = model_dir.string();
    j["output_dir"] = output_dir.string();
    j["chat_template"] = chat_template ? nlohmann::json(chat_template->string()) : nlohmann::json();
    j["method"] = method_name(method);
    j["lora"] = {{"rank", lora.rank},
                 {"alpha", lora.alpha},
                 {"dropout", lora.dropout},
                 {"use_rslora", lora.use_rslora},
                 {"target_modules", lora.target_modules}};
    j["loss_on"] = loss_on_name(loss_on);
    j["accepted_only"] = accepted_only;
    j["max_length"] = max_length;
    j["truncate"] = truncate;
    j["pack"] = pack;
    j["micro_batch_rows"] = micro_batch_rows;
    j["gradient_accumulation"] = gradient_accumulation;
    j["general_mix_share"] = general_mix_share;
    j["learning_rate"] = learning_rate;
    j["epochs"] = epochs;
    j["max_steps"] = max_steps;
    j["schedule"] = schedule_name(schedule);
    j["warmup_ratio"] = warmup_ratio;
    j["weight_decay"] = weight_decay;
    j["adam_beta1"] = adam_beta1;
    j["adam_beta2"] = adam_beta2;
    j["adam_eps"] = adam_eps;
    j["max_grad_norm"] = max_grad_norm;
    j["seed"] = seed;
    j["eval_every"] = eval_every;
    j["early_stopping_patience"] = early_stopping_patience;
    j["checkpoint_every"] = checkpoint_every;
    j["log_every"] = log_every;
    j["compute_dtype"] = compute_dtype;
    j["gradient_checkpointing"] = gradient_checkpointing;
    j["threads"] = threads;
    j["device"] = device;
    return j;
}

TrainConfig TrainConfig::from_json(const nlohmann::json& json) {
    if (!json.is_object()) throw Error("run config: expected a JSON object");
    TrainConfig c;
    const std::string where = "run config: ";
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string& key = it.key();
        auto bad = [&](const std::string& why) { throw Error(where + "\"" + key + "\" " + why); };
        if (key == "model_dir") {
            c.model_dir = read_as<std::string>(json, key, where);
        } else if (key == "output_dir") {
            c.output_dir = read_as<std::string>(json, key, where);
        } else if (key == "chat_template") {
            if (it->is_null())
                c.chat_template.reset();
            else
                c.chat_template = std::filesystem::path(read_as<std::string>(json, key, where));
        } else if (key == "method") {
            auto v = read_as<std::string>(json, key, where);
            if (v == "lora")
                c.method = TrainMethod::Lora;
            else if (v == "full")
                c.method = TrainMethod::Full;
            else
                bad("must be \"lora\" or \"full\" (got \"" + v + "\")");
        } else if (key == "lora") {
            if (!it->is_object()) bad("must be an object {rank, alpha, dropout, use_rslora, target_modules}");
            const std::string lw = where + "lora: ";
            for (auto l = it->begin(); l != it->end(); ++l) {
                if (l.key() == "rank")
                    c.lora.rank = read_as<std::int64_t>(*it, l.key(), lw);
                else if (l.key() == "alpha")
                    c.lora.alpha = read_as<double>(*it, l.key(), lw);
                else if (l.key() == "dropout")
                    c.lora.dropout = read_as<double>(*it, l.key(), lw);
                else if (l.key() == "use_rslora")
                    c.lora.use_rslora = read_as<bool>(*it, l.key(), lw);
                else if (l.key() == "target_modules")
                    c.lora.target_modules = read_as<std::vector<std::string>>(*it, l.key(), lw);
                else
                    throw Error(lw + "unknown key \"" + l.key() +
                                "\" (known: rank, alpha, dropout, use_rslora, target_modules)");
            }
        } else if (key == "loss_on") {
            auto v = read_as<std::string>(json, key, where);
            if (v == "assistant")
                c.loss_on = LossOn::AssistantTurns;
            else if (v == "all")
                c.loss_on = LossOn::AllTokens;
            else
                bad("must be \"assistant\" or \"all\" (got \"" + v + "\")");
        } else if (key == "accepted_only") {
            c.accepted_only = read_as<bool>(json, key, where);
        } else if (key == "max_length") {
            c.max_length = read_as<std::int64_t>(json, key, where);
        } else if (key == "truncate") {
            c.truncate = read_as<bool>(json, key, where);
        } else if (key == "pack") {
            c.pack = read_as<bool>(json, key, where);
        } else if (key == "micro_batch_rows") {
            c.micro_batch_rows = read_as<std::int64_t>(json, key, where);
        } else if (key == "gradient_accumulation") {
            c.gradient_accumulation = read_as<std::int64_t>(json, key, where);
        } else if (key == "general_mix_share") {
            c.general_mix_share = read_as<double>(json, key, where);
        } else if (key == "learning_rate") {
            c.learning_rate = read_as<double>(json, key, where);
        } else if (key == "epochs") {
            c.epochs = read_as<double>(json, key, where);
        } else if (key == "max_steps") {
            c.max_steps = read_as<std::int64_t>(json, key, where);
        } else if (key == "schedule") {
            auto v = read_as<std::string>(json, key, where);
            if (v == "constant")
                c.schedule = LrSchedule::Constant;
            else if (v == "linear")
                c.schedule = LrSchedule::Linear;
            else if (v == "cosine")
                c.schedule = LrSchedule::Cosine;
            else
                bad("must be \"constant\", \"linear\" or \"cosine\" (got \"" + v + "\")");
        } else if (key == "warmup_ratio") {
            c.warmup_ratio = read_as<double>(json, key, where);
        } else if (key == "weight_decay") {
            c.weight_decay = read_as<double>(json, key, where);
        } else if (key == "adam_beta1") {
            c.adam_beta1 = read_as<double>(json, key, where);
        } else if (key == "adam_beta2") {
            c.adam_beta2 = read_as<double>(json, key, where);
        } else if (key == "adam_eps") {
            c.adam_eps = read_as<double>(json, key, where);
        } else if (key == "max_grad_norm") {
            c.max_grad_norm = read_as<double>(json, key, where);
        } else if (key == "seed") {
            c.seed = read_as<std::uint64_t>(json, key, where);
        } else if (key == "eval_every") {
            c.eval_every = read_as<std::int64_t>(json, key, where);
        } else if (key == "early_stopping_patience") {
            c.early_stopping_patience = read_as<std::int64_t>(json, key, where);
        } else if (key == "checkpoint_every") {
            c.checkpoint_every = read_as<std::int64_t>(json, key, where);
        } else if (key == "log_every") {
            c.log_every = read_as<std::int64_t>(json, key, where);
        } else if (key == "compute_dtype") {
            c.compute_dtype = read_as<std::string>(json, key, where);
            if (c.compute_dtype != "auto" && c.compute_dtype != "bf16" && c.compute_dtype != "fp32")
                bad("must be \"auto\", \"bf16\" or \"fp32\" (got \"" + c.compute_dtype + "\")");
        } else if (key == "gradient_checkpointing") {
            c.gradient_checkpointing = read_as<bool>(json, key, where);
        } else if (key == "threads") {
            c.threads = read_as<int>(json, key, where);
        } else if (key == "device") {
            c.device = read_as<std::string>(json, key, where);
            if (!is_training_device_spelling(c.device))
                bad("must be \"cpu\", \"cuda\" or \"cuda:N\" (got \"" + c.device + "\")");
        } else {
            throw Error(where + "unknown key \"" + key + "\" (a typo? see TrainConfig in core/train/train_config.h)");
        }
    }
    return c;
}

bool is_training_device_spelling(const std::string& device) {
    if (device == "cpu" || device == "cuda") return true;
    const std::string prefix = "cuda:";
    if (device.size() <= prefix.size() || device.compare(0, prefix.size(), prefix) != 0) return false;
    for (std::size_t i = prefix.size(); i < device.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(device[i]))) return false;
    return device.size() - prefix.size() <= 4;  // a device index, not a number that overflows
}

std::vector<ConfigProblem> config_problems(const TrainConfig& c) {
    std::vector<ConfigProblem> out;
    auto add = [&](ConfigProblemKind kind, std::string message) { out.push_back({kind, std::move(message)}); };
    namespace fs = std::filesystem;
    std::error_code ec;
    if (c.model_dir.empty()) {
        add(ConfigProblemKind::ModelDirMissing, "model_dir is required (a Hugging Face model folder)");
    } else if (!fs::exists(c.model_dir / "config.json", ec)) {
        add(ConfigProblemKind::ModelDirNotAModel,
            c.model_dir.string() + " is not a Hugging Face model folder (no config.json)");
    } else if (!c.chat_template) {
        // The source the trainer renders with (resolve_chat_template): the model's own template.
        try {
            if (TokenizerConfig::from_folder(c.model_dir.string()).chat_template.empty())
                add(ConfigProblemKind::ChatTemplateRequired,
                    "the model has no chat template (a base model?): pass one explicitly (--chat-template FILE, or "
                    "\"chat_template\" in the run config); training never falls back to a default format");
        } catch (const std::exception& e) {
            add(ConfigProblemKind::ModelUnreadable, e.what());
        }
    }
    if (c.chat_template && !fs::is_regular_file(*c.chat_template, ec))
        add(ConfigProblemKind::ChatTemplateFileMissing,
            "the chat template file " + c.chat_template->string() + " does not exist");
    if (c.output_dir.empty()) add(ConfigProblemKind::OutputDirMissing, "output_dir is required");
    if (!(c.learning_rate > 0.0) || !std::isfinite(c.learning_rate))
        add(ConfigProblemKind::LearningRate, "learning_rate must be a positive number (e.g. 1e-4)");
    if (c.max_steps < 0) add(ConfigProblemKind::MaxSteps, "max_steps must be 0 (from epochs) or positive");
    if (c.max_steps == 0 && !(c.epochs > 0.0)) add(ConfigProblemKind::Epochs, "epochs must be positive");
    if (c.max_length < 2) add(ConfigProblemKind::MaxLength, "max_length must be at least 2 tokens");
    if (c.micro_batch_rows < 1) add(ConfigProblemKind::MicroBatchRows, "micro_batch_rows must be at least 1");
    if (c.gradient_accumulation < 1)
        add(ConfigProblemKind::GradientAccumulation, "gradient_accumulation must be at least 1");
    if (c.general_mix_share < 0.0 || c.general_mix_share >= 1.0)
        add(ConfigProblemKind::GeneralMixShare, "general_mix_share must be in [0, 1)");
    if (c.warmup_ratio < 0.0 || c.warmup_ratio >= 1.0)
        add(ConfigProblemKind::WarmupRatio, "warmup_ratio must be in [0, 1)");
    if (c.max_grad_norm < 0.0) add(ConfigProblemKind::MaxGradNorm, "max_grad_norm must be 0 (off) or positive");
    if (c.eval_every < 0 || c.checkpoint_every < 0 || c.early_stopping_patience < 0 || c.log_every < 0)
        add(ConfigProblemKind::NegativeInterval,
            "eval_every, checkpoint_every, early_stopping_patience and log_every must not be negative");
    if (c.method == TrainMethod::Lora) {
        if (c.lora.rank < 1) add(ConfigProblemKind::LoraRank, "lora.rank must be at least 1");
        if (c.lora.dropout < 0.0 || c.lora.dropout >= 1.0)
            add(ConfigProblemKind::LoraDropout, "lora.dropout must be in [0, 1)");
        if (c.lora.target_modules.empty())
            add(ConfigProblemKind::LoraTargetModules,
                "lora.target_modules is empty: name at least one module for the LoRA adapters (e.g. q_proj)");
    }
    if (c.compute_dtype != "auto" && c.compute_dtype != "bf16" && c.compute_dtype != "fp32")
        add(ConfigProblemKind::ComputeDtype, "compute_dtype must be auto, bf16 or fp32");
    if (!is_training_device_spelling(c.device))
        add(ConfigProblemKind::Device, "device must be cpu, cuda or cuda:N (got \"" + c.device + "\")");
    return out;
}

std::string describe_problems(const std::vector<ConfigProblem>& problems) {
    std::string out = "run config: ";
    for (std::size_t i = 0; i < problems.size(); ++i) out += (i ? "; " : "") + problems[i].message;
    return out;
}

void apply_starting_settings(TrainConfig& c, const StartingSettings& s) {
    c.method = s.method == TuningMethod::full ? TrainMethod::Full : TrainMethod::Lora;
    c.learning_rate = s.learning_rate;
    c.epochs = static_cast<double>(s.epochs);
    c.max_steps = 0;  // the epochs decide
    if (c.method == TrainMethod::Lora) {
        c.lora.rank = s.lora_rank;
        c.lora.alpha = static_cast<double>(s.lora_alpha);
        c.lora.dropout = s.lora_dropout;
        c.lora.target_modules = s.target_modules;
    }
    c.max_length = s.sequence_length;
    c.micro_batch_rows = s.batch_size;
    c.gradient_checkpointing = s.gradient_checkpointing;
}

std::vector<std::string> config_warnings(const TrainConfig& c) {
    std::vector<std::string> w;
    auto num = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return std::string(buf);
    };
    if (c.method == TrainMethod::Lora && (c.learning_rate < 5e-5 || c.learning_rate > 2e-4))
        w.push_back("learning rate " + num(c.learning_rate) + " is " + (c.learning_rate < 5e-5 ? "below" : "above") +
                    " the LoRA range 5e-5..2e-4: " +
                    (c.learning_rate < 5e-5 ? "the adapter may barely move" : "small datasets diverge or forget"));
    if (c.max_steps == 0 && (c.epochs < 2.0 || c.epochs > 4.0))
        w.push_back("epochs " + num(c.epochs) + " is outside 2..4: " +
                    (c.epochs > 4.0 ? "more epochs overfit small datasets" : "fewer epochs may underfit"));
    if (c.method == TrainMethod::Lora && c.lora.alpha / double(std::max<std::int64_t>(1, c.lora.rank)) > 4.0)
        w.push_back("LoRA alpha/rank = " + num(c.lora.alpha / double(c.lora.rank)) + " is large (usual: 1-2)");
    if (c.warmup_ratio > 0.2)
        w.push_back("warmup ratio " + num(c.warmup_ratio) + " spends over a fifth of the run warming up");
    if (c.max_grad_norm == 0.0)
        w.push_back("gradient clipping is off (max_grad_norm 0): one bad batch can derail the run");
    if (c.general_mix_share > 0.5)
        w.push_back("general-purpose share " + num(c.general_mix_share) + " outweighs the task data");
    if (c.eval_every == 0) w.push_back("validation only at the end (eval_every 0): early stopping cannot act");
    return w;
}

double scheduled_learning_rate(const TrainConfig& c, std::int64_t step, std::int64_t total_steps) {
    // Warmup: linear from lr/warmup up to lr at the last warmup step (no wasted lr-0 step).
    // Then constant, or linear/cosine decay reaching 0 at step == total_steps (as transformers).
    const std::int64_t warmup =
        static_cast<std::int64_t>(std::ceil(std::max(0.0, c.warmup_ratio) * static_cast<double>(total_steps)));
    if (step < warmup) return c.learning_rate * static_cast<double>(step + 1) / static_cast<double>(warmup);
    if (c.schedule == LrSchedule::Constant) return c.learning_rate;
    const double span = static_cast<double>(std::max<std::int64_t>(1, total_steps - warmup));
    const double progress = std::clamp(static_cast<double>(step - warmup) / span, 0.0, 1.0);
    if (c.schedule == LrSchedule::Linear) return c.learning_rate * (1.0 - progress);
    return c.learning_rate * 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
}

}  // namespace tb
