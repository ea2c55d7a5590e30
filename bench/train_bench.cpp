// Training throughput of a ~30M-parameter Llama at sequence length 512 on this machine:
// tokens/s and achieved FLOP/s of the trainer's step (forward, weighted token loss, backward,
// clipping, AdamW) for LoRA and full fine-tuning, fp32 and bf16, against the fp32 and bf16
// matmul peaks measured in the same run.
//
//   bench_train_bench [--steps 5] [--seq 512] [--rows 1] [--hidden 512] [--layers 8] [--threads N]
//
// FLOPs counted per trained token (N = parameters in matmuls, incl. the tied head; L layers,
// H hidden, T sequence length; attention scores and values 12·L·H·T for forward + backward):
//   full: 6·N + 12·L·H·T                 (forward 2N, backward 4N: activation and weight grads)
//   LoRA: 4·N + 6·N_lora + 12·L·H·T      (frozen base: backward needs activation grads only)
// "full bf16" trains bf16 weights directly, only to show the cost: the trainer itself keeps full
// fine-tuning in fp32 (core/train/trainer.cpp).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/matmul_peak.h"
#include "core/model/runtime.h"
#include "core/train/loss.h"

namespace {

struct Figures {
    double tokens_per_s = 0, gflops = 0, seconds_per_step = 0;
    double cpu_seconds_per_step = 0;  // all threads of the process: steady when other work shares the cores
};

double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

Figures run(const tb::ModelConfig& config, bool lora, torch::ScalarType dtype, int steps, std::int64_t rows,
            std::int64_t seq, double& flops_per_token_out) {
    tb::ModelLoadOptions load;
    load.dtype = dtype;
    tb::CausalLM model(config, load);
    tb::init_random_weights(*model, 1, 0.02);
    std::int64_t matmul_params = 0, lora_params = 0;
    for (auto& p : model->named_parameters())
        if (p.value().dim() == 2) matmul_params += p.value().numel();
    if (lora) {
        tb::LoraOptions o;
        o.rank = 16;
        o.alpha = 32;
        o.dropout = 0.05;
        tb::apply_lora(*model, o);
    }
    std::vector<torch::Tensor> params;
    for (auto& p : model->named_parameters()) {
        const bool is_lora = p.key().find(".lora_") != std::string::npos;
        if (is_lora) lora_params += p.value().numel();
        p.value().set_requires_grad(lora ? is_lora : true);
        if (p.value().requires_grad()) params.push_back(p.value());
    }
    model->train();
    torch::optim::AdamW optimizer(params, torch::optim::AdamWOptions(1e-4).weight_decay(0.0));
    const double L = double(config.num_hidden_layers), H = double(config.hidden_size), T = double(seq);
    flops_per_token_out =
        (lora ? 4.0 * double(matmul_params) + 6.0 * double(lora_params) : 6.0 * double(matmul_params)) +
        12.0 * L * H * T;

    // One packed batch of random tokens, every token trained (as pretraining / long samples).
    tb::BatchTensors batch;
    batch.input_ids = torch::randint(3, config.vocab_size, {rows, seq}, torch::kInt64);
    batch.sequence_ids = torch::zeros({rows, seq}, torch::kInt64);
    batch.position_ids = torch::arange(seq, torch::kInt64).unsqueeze(0).expand({rows, seq}).contiguous();
    batch.loss_weights = torch::ones({rows, seq}, torch::kFloat32);
    batch.loss_weights.select(1, 0).zero_();
    const double trained = batch.loss_weights.sum().item<double>();

    auto step = [&] {
        optimizer.zero_grad();
        auto loss = tb::batch_loss_sum(*model, batch) / trained;
        loss.backward();
        torch::nn::utils::clip_grad_norm_(params, 1.0);
        optimizer.step();
    };
    step();  // warm-up: allocations, oneDNN primitive creation
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    for (int i = 0; i < steps; ++i) step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Figures f;
    f.cpu_seconds_per_step = (process_cpu_seconds() - cpu_start) / steps;
    f.seconds_per_step = seconds / steps;
    f.tokens_per_s = double(rows * seq * steps) / seconds;
    f.gflops = f.tokens_per_s * flops_per_token_out / 1e9;
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    int steps = 5;
    std::int64_t seq = 512, rows = 1, hidden = 512, layers = 8;
    int threads = 0;  // 0: all cores (tb::configure_runtime)
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--steps") && i + 1 < argc)
            steps = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--seq") && i + 1 < argc)
            seq = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--hidden") && i + 1 < argc)
            hidden = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--layers") && i + 1 < argc)
            layers = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: %s [--steps N] [--seq T] [--rows B] [--hidden H] [--layers L] [--threads N]\n",
                         argv[0]);
            return 2;
        }
    }
    tb::configure_runtime();
    if (threads > 0) torch::set_num_threads(threads);
    torch::manual_seed(0);

    tb::ModelConfig c;
    c.model_type = "llama";
    c.hidden_size = hidden;
    c.num_hidden_layers = layers;
    c.num_attention_heads = hidden / 64;
    c.num_key_value_heads = hidden / 64;
    c.head_dim = 64;
    c.intermediate_size = (hidden * 11 / 4 + 63) / 64 * 64;  // 1408 for 512
    c.vocab_size = 8192;
    c.max_position_embeddings = 4096;
    c.tie_word_embeddings = true;
    c.rms_norm_eps = 1e-5;
    std::int64_t total = 0;
    {
        tb::CausalLM probe(c);
        for (auto& p : probe->parameters()) total += p.numel();
    }
    std::printf("model: hidden %lld, layers %lld, heads %lld, intermediate %lld, vocab %lld (tied): %.1fM parameters\n",
                (long long)c.hidden_size, (long long)c.num_hidden_layers, (long long)c.num_attention_heads,
                (long long)c.intermediate_size, (long long)c.vocab_size, double(total) / 1e6);
    std::printf(
        "batch: %lld row(s) x %lld tokens, %d timed steps after one warm-up; torch threads %d; load average %s\n",
        (long long)rows, (long long)seq, steps, torch::get_num_threads(), load_average().c_str());
    const auto peak = tb::measure_matmul_peak(1024, 1.0);
    std::printf("matmul peak (n=%lld): fp32 %.1f GFLOP/s, bf16 %.1f GFLOP/s\n", (long long)peak.size, peak.fp32_gflops,
                peak.bf16_gflops);
    // cpu s/step: CPU time of all threads per step. On a machine shared with other work, wall
    // time stretches; threads x s/step much above cpu s/step means the threads waited for cores.
    std::printf("%-10s %-5s %10s %12s %10s %12s %10s %12s\n", "mode", "dtype", "s/step", "cpu s/step", "tokens/s",
                "GFLOP/tok", "GFLOP/s", "share of peak");
    struct Case {
        const char* mode;
        bool lora;
        torch::ScalarType dtype;
    };
    for (const Case& k : {Case{"lora", true, torch::kFloat32}, Case{"lora", true, torch::kBFloat16},
                          Case{"full", false, torch::kFloat32}, Case{"full", false, torch::kBFloat16}}) {
        const bool bf16 = k.dtype == torch::kBFloat16;
        if (bf16 && peak.bf16_gflops <= 0) continue;
        double flops_per_token = 0;
        const auto f = run(c, k.lora, k.dtype, steps, rows, seq, flops_per_token);
        const double reference = bf16 ? peak.bf16_gflops : peak.fp32_gflops;
        std::printf("%-10s %-5s %10.3f %12.3f %10.1f %12.3f %10.1f %11.1f%%\n", k.mode, bf16 ? "bf16" : "fp32",
                    f.seconds_per_step, f.cpu_seconds_per_step, f.tokens_per_s, flops_per_token / 1e9, f.gflops,
                    100.0 * f.gflops / reference);
        std::fflush(stdout);
    }
    std::printf("load average after: %s\n", load_average().c_str());
    return 0;
}
