// LoRA training throughput and peak memory of Tunebench's own training step on one device:
// the half of bench/gpu_train_compare.sh that is ours (bench/hf_peft_reference.py is the other).
// The step is the trainer's (core/train/trainer.cpp): forward of a packed batch, weighted token
// loss (core/train/loss.h), backward, gradient clipping at 1.0, AdamW over the adapters only.
// The model is random-initialised from a ModelConfig, with no files: N(0, 0.02) weights.
//
//   bench_gpu_train [--device cpu|cuda|cuda:N] [--preset llama-3.2-1b|tiny] [--seq 1024] [--batch 4]
//                   [--steps 10] [--warmup 3] [--rank 16] [--alpha 32] [--dropout 0.05]
//                   [--dtype bf16|fp32] [--seed 0] [--check-against-cpu]
//                   [--hidden H --layers L --heads N --kv-heads K --intermediate I --vocab V]
//
// Prints a few human lines, then one JSON line {"side": "tunebench", ...} that the script reads.
// Peak memory: the CUDA caching allocator's peak of allocated bytes (what PyTorch's
// torch.cuda.max_memory_allocated reports), from after the model, adapters and optimizer are set
// up to the end of the timed steps; weights included, CUDA context excluded. Only when built
// against a CUDA libtorch with TUNEBENCH_CUDA_MEMORY_STATS (bench/gpu/CMakeLists.txt sets it);
// otherwise null. On the CPU: the process's peak resident set (VmHWM), for orientation only.
// After the timed steps, the same number of steps again with the device synchronised between
// phases: the share of batch upload, forward + loss, backward, clipping and AdamW in a step.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/runtime.h"
#include "core/train/loss.h"
#include "core/train/training_device.h"

#ifdef TUNEBENCH_CUDA_MEMORY_STATS
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace {

struct Options {
    std::string device = "cpu";
    std::string preset = "llama-3.2-1b";
    std::int64_t seq = 1024, batch = 4;
    int steps = 10, warmup = 3;
    std::int64_t rank = 16;
    double alpha = 32.0, dropout = 0.05, learning_rate = 1e-4;
    std::string dtype = "bf16";
    std::uint64_t seed = 0;
    bool check_against_cpu = false;
    // Shape overrides (0: the preset's).
    std::int64_t hidden = 0, layers = 0, heads = 0, kv_heads = 0, intermediate = 0, vocab = 0;
};

// Llama-3.2-1B's shape (its config.json), or a tiny Llama for CPU smoke runs.
tb::ModelConfig model_config(const Options& o) {
    tb::ModelConfig c;
    c.model_type = "llama";
    c.architectures = {"LlamaForCausalLM"};
    c.rms_norm_eps = 1e-5;
    c.tie_word_embeddings = true;
    c.max_position_embeddings = 131072;
    if (o.preset == "llama-3.2-1b") {
        // No rope_scaling: the llama3 scaling only changes the frequencies, not the cost.
        c.hidden_size = 2048;
        c.num_hidden_layers = 16;
        c.num_attention_heads = 32;
        c.num_key_value_heads = 8;
        c.intermediate_size = 8192;
        c.vocab_size = 128256;
        c.rope_theta = 500000.0;
    } else if (o.preset == "tiny") {
        c.hidden_size = 256;
        c.num_hidden_layers = 4;
        c.num_attention_heads = 8;
        c.num_key_value_heads = 2;
        c.intermediate_size = 1024;
        c.vocab_size = 4096;
        c.rope_theta = 500000.0;
    } else {
        throw std::runtime_error("--preset must be llama-3.2-1b or tiny");
    }
    if (o.hidden) c.hidden_size = o.hidden;
    if (o.layers) c.num_hidden_layers = o.layers;
    if (o.heads) c.num_attention_heads = o.heads;
    if (o.kv_heads) c.num_key_value_heads = o.kv_heads;
    if (o.intermediate) c.intermediate_size = o.intermediate;
    if (o.vocab) c.vocab_size = o.vocab;
    c.head_dim = c.hidden_size / c.num_attention_heads;
    return c;
}

Options parse(int argc, char** argv) {
    Options o;
    auto value = [&](int& i) -> std::string {
        if (i + 1 >= argc) throw std::runtime_error(std::string(argv[i]) + " needs a value");
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--device")
            o.device = value(i);
        else if (a == "--preset")
            o.preset = value(i);
        else if (a == "--seq")
            o.seq = std::stoll(value(i));
        else if (a == "--batch")
            o.batch = std::stoll(value(i));
        else if (a == "--steps")
            o.steps = std::stoi(value(i));
        else if (a == "--warmup")
            o.warmup = std::stoi(value(i));
        else if (a == "--rank")
            o.rank = std::stoll(value(i));
        else if (a == "--alpha")
            o.alpha = std::stod(value(i));
        else if (a == "--dropout")
            o.dropout = std::stod(value(i));
        else if (a == "--lr")
            o.learning_rate = std::stod(value(i));
        else if (a == "--dtype")
            o.dtype = value(i);
        else if (a == "--check-against-cpu")
            o.check_against_cpu = true;
        else if (a == "--seed")
            o.seed = std::stoull(value(i));
        else if (a == "--hidden")
            o.hidden = std::stoll(value(i));
        else if (a == "--layers")
            o.layers = std::stoll(value(i));
        else if (a == "--heads")
            o.heads = std::stoll(value(i));
        else if (a == "--kv-heads")
            o.kv_heads = std::stoll(value(i));
        else if (a == "--intermediate")
            o.intermediate = std::stoll(value(i));
        else if (a == "--vocab")
            o.vocab = std::stoll(value(i));
        else
            throw std::runtime_error("unknown option " + a + " (see the usage at the top of bench/gpu_train.cpp)");
    }
    if (o.dtype != "bf16" && o.dtype != "fp32") throw std::runtime_error("--dtype must be bf16 or fp32");
    if (o.steps < 1 || o.warmup < 0 || o.seq < 2 || o.batch < 1) throw std::runtime_error("bad --steps/--seq/--batch");
    return o;
}

void synchronize(torch::Device device) {
    if (device.is_cuda()) torch::cuda::synchronize(device.has_index() ? device.index() : -1);
}

// Peak allocated bytes on `device` since the last reset (nullopt where it cannot be read).
std::optional<double> peak_memory_bytes(torch::Device device, bool reset) {
#ifdef TUNEBENCH_CUDA_MEMORY_STATS
    if (device.is_cuda()) {
        const auto index = static_cast<c10::DeviceIndex>(device.has_index() ? device.index() : 0);
        if (reset) {
            c10::cuda::CUDACachingAllocator::resetPeakStats(index);
            return std::nullopt;
        }
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(index);
        // Index 0 is StatType::AGGREGATE (all pools) in every libtorch since 1.x; the enum
        // moved namespaces in 2.x, the index did not.
        return static_cast<double>(stats.allocated_bytes[0].peak);
    }
#endif
    if (reset || device.is_cuda()) return std::nullopt;
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) * 1024.0;  // kB
    return std::nullopt;
}

// A random-initialised model with fresh adapters and its optimizer, as the trainer sets them up.
// The same seed gives the same weights on every device (drawn on the CPU, then moved).
struct Setup {
    tb::CausalLM model{nullptr};
    std::vector<torch::Tensor> trainable;
    std::int64_t parameters = 0, trainable_count = 0;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    tb::BatchTensors cpu_batch;  // [batch, seq] random tokens, every position after the first trained
    double trained = 0.0;
};

Setup set_up(const Options& o, const tb::ModelConfig& config, torch::Device device, torch::ScalarType dtype,
             double dropout) {
    Setup s;
    torch::manual_seed(o.seed);
    tb::ModelLoadOptions load;
    load.dtype = dtype;
    load.device = device;
    s.model = tb::CausalLM(config, load);
    tb::init_random_weights(*s.model, o.seed + 1, 0.02);
    tb::LoraOptions lora;  // default targets: q, k, v, o, gate, up, down (as the trainer)
    lora.rank = o.rank;
    lora.alpha = o.alpha;
    lora.dropout = dropout;
    tb::apply_lora(*s.model, lora);
    for (auto& p : s.model->named_parameters()) {
        const bool is_lora =
            p.key().find(".lora_A.") != std::string::npos || p.key().find(".lora_B.") != std::string::npos;
        p.value().set_requires_grad(is_lora);
        s.parameters += p.value().numel();
        if (is_lora) {
            s.trainable.push_back(p.value());
            s.trainable_count += p.value().numel();
        }
    }
    s.model->train();
    s.optimizer = std::make_unique<torch::optim::AdamW>(s.trainable,
                                                        torch::optim::AdamWOptions(o.learning_rate).weight_decay(0.0));
    s.cpu_batch.input_ids = torch::randint(0, config.vocab_size, {o.batch, o.seq}, torch::kInt64);
    s.cpu_batch.sequence_ids = torch::zeros({o.batch, o.seq}, torch::kInt64);
    s.cpu_batch.position_ids = torch::arange(o.seq, torch::kInt64).unsqueeze(0).expand({o.batch, o.seq}).contiguous();
    s.cpu_batch.loss_weights = torch::ones({o.batch, o.seq}, torch::kFloat32);
    s.cpu_batch.loss_weights.select(1, 0).zero_();
    s.trained = s.cpu_batch.loss_weights.sum().item<double>();
    return s;
}

// One optimizer step as the trainer takes it: the batch comes from the host, the loss is read back.
double train_step(Setup& s, torch::Device device) {
    const auto batch = tb::batch_on_device(s.cpu_batch, device);
    s.optimizer->zero_grad();
    auto loss = tb::batch_loss_sum(*s.model, batch) / s.trained;
    loss.backward();
    torch::nn::utils::clip_grad_norm_(s.trainable, 1.0);
    s.optimizer->step();
    return loss.item<double>();
}

// Where a step's time goes: the same step with the device synchronised between its phases
// (so slightly slower in total than train_step), summed over `steps` steps, in seconds.
struct PhaseSeconds {
    double batch = 0, forward = 0, backward = 0, clip = 0, optimizer = 0;
};
PhaseSeconds phase_breakdown(Setup& s, torch::Device device, int steps) {
    PhaseSeconds t;
    using clock = std::chrono::steady_clock;
    auto lap = [&](clock::time_point& since) {
        synchronize(device);
        const auto now = clock::now();
        const double seconds = std::chrono::duration<double>(now - since).count();
        since = now;
        return seconds;
    };
    for (int i = 0; i < steps; ++i) {
        synchronize(device);
        auto since = clock::now();
        const auto batch = tb::batch_on_device(s.cpu_batch, device);
        t.batch += lap(since);
        s.optimizer->zero_grad();
        auto loss = tb::batch_loss_sum(*s.model, batch) / s.trained;
        t.forward += lap(since);
        loss.backward();
        t.backward += lap(since);
        torch::nn::utils::clip_grad_norm_(s.trainable, 1.0);
        t.clip += lap(since);
        s.optimizer->step();
        t.optimizer += lap(since);
    }
    return t;
}

// --check-against-cpu: the tiny model in fp32 without dropout, the same weights and tokens, a
// few steps on the CPU and on `device`: the losses must agree to rounding (the device's kernels
// compute the same training step). Prints {"side": "check", ...}; exit 1 when they disagree.
int check_against_cpu(Options o, torch::Device device) {
    o.preset = "tiny";
    o.hidden = o.layers = o.heads = o.kv_heads = o.intermediate = o.vocab = 0;
    o.seq = std::min<std::int64_t>(o.seq, 128);
    o.batch = std::min<std::int64_t>(o.batch, 2);
    const auto config = model_config(o);
    std::vector<double> losses[2];
    const torch::Device devices[2] = {torch::Device(torch::kCPU), device};
    for (int d = 0; d < 2; ++d) {
        auto s = set_up(o, config, devices[d], torch::kFloat32, 0.0);
        for (int i = 0; i < 4; ++i) losses[d].push_back(train_step(s, devices[d]));
    }
    double worst = 0.0;
    for (std::size_t i = 0; i < losses[0].size(); ++i)
        worst = std::max(worst, std::abs(losses[0][i] - losses[1][i]) / std::abs(losses[0][i]));
    const bool agree = worst < 1e-4;
    std::printf(
        "check: %s vs cpu, tiny model fp32, 4 steps: losses %.6f -> %.6f (cpu) and %.6f -> %.6f; largest "
        "relative difference %.2e: %s\n",
        device.str().c_str(), losses[0].front(), losses[0].back(), losses[1].front(), losses[1].back(), worst,
        agree ? "agree" : "DISAGREE");
    std::printf("%s\n", nlohmann::json{{"side", "check"},
                                       {"device", device.str()},
                                       {"cpu_losses", losses[0]},
                                       {"device_losses", losses[1]},
                                       {"max_relative_difference", worst},
                                       {"agree", agree}}
                            .dump()
                            .c_str());
    return agree ? 0 : 1;
}

int run(const Options& o) {
    tb::configure_runtime();
    const torch::Device device = tb::resolve_training_device(o.device);
    if (o.check_against_cpu) return check_against_cpu(o, device);
    const auto config = model_config(o);
    const auto dtype = o.dtype == "bf16" ? torch::kBFloat16 : torch::kFloat32;

    const auto setup_start = std::chrono::steady_clock::now();
    Setup s = set_up(o, config, device, dtype, o.dropout);
    synchronize(device);
    const double setup_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count();
    peak_memory_bytes(device, /*reset=*/true);

    double first_loss = 0.0, last_loss = 0.0;
    for (int i = 0; i < o.warmup; ++i) first_loss = train_step(s, device);
    synchronize(device);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < o.steps; ++i) {
        last_loss = train_step(s, device);
        if (o.warmup == 0 && i == 0) first_loss = last_loss;
    }
    synchronize(device);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto peak = peak_memory_bytes(device, /*reset=*/false);
    const auto phases = phase_breakdown(s, device, o.steps);
    const double phase_total = phases.batch + phases.forward + phases.backward + phases.clip + phases.optimizer;
    const std::int64_t parameters = s.parameters, trainable_count = s.trainable_count;
    const double tokens_per_s = double(o.batch * o.seq * o.steps) / seconds;
    std::printf("tunebench: %s, %.0fM parameters (%.2fM LoRA r=%lld), batch %lld x %lld, %s, %d+%d steps\n",
                o.preset.c_str(), double(parameters) / 1e6, double(trainable_count) / 1e6, (long long)o.rank,
                (long long)o.batch, (long long)o.seq, o.dtype.c_str(), o.warmup, o.steps);
    std::printf("tunebench: %.3f s/step, %.0f tokens/s, peak memory %s, loss %.4f -> %.4f, setup %.1f s\n",
                seconds / o.steps, tokens_per_s,
                peak ? (std::to_string(*peak / (1024.0 * 1024.0 * 1024.0)).substr(0, 6) + " GiB").c_str() : "n/a",
                first_loss, last_loss, setup_s);
    std::printf(
        "tunebench: with the device synchronised between phases, %.3f s/step: batch %.1f%%, forward + loss "
        "%.1f%%, backward %.1f%%, clipping %.1f%%, AdamW %.1f%%\n",
        phase_total / o.steps, 100 * phases.batch / phase_total, 100 * phases.forward / phase_total,
        100 * phases.backward / phase_total, 100 * phases.clip / phase_total, 100 * phases.optimizer / phase_total);
    nlohmann::json j = {{"side", "tunebench"},
                        {"device", device.str()},
                        {"torch", std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) +
                                      "." + std::to_string(TORCH_VERSION_PATCH)},
                        {"preset", o.preset},
                        {"batch", o.batch},
                        {"seq", o.seq},
                        {"steps", o.steps},
                        {"warmup", o.warmup},
                        {"dtype", o.dtype},
                        {"rank", o.rank},
                        {"alpha", o.alpha},
                        {"dropout", o.dropout},
                        {"parameters", parameters},
                        {"trainable_parameters", trainable_count},
                        {"seconds_per_step", seconds / o.steps},
                        {"tokens_per_s", tokens_per_s},
                        {"peak_memory_bytes", peak ? nlohmann::json(*peak) : nlohmann::json()},
                        {"peak_memory_kind", device.is_cuda() ? "cuda_max_allocated" : "process_peak_rss"},
                        {"first_loss", first_loss},
                        {"last_loss", last_loss},
                        {"phase_seconds_per_step",
                         {{"batch", phases.batch / o.steps},
                          {"forward", phases.forward / o.steps},
                          {"backward", phases.backward / o.steps},
                          {"clip", phases.clip / o.steps},
                          {"optimizer", phases.optimizer / o.steps}}}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_gpu_train: %s\n", e.what());
        return 2;
    }
}
