// Generation throughput: KV-cached decoding against re-running the whole sequence, tokens/s
// for stories260K and a ~100M-parameter random Llama, fp32 and bf16, plus this machine's
// matmul peak (the denominator of MFU figures).
//
//   bench_generation_bench [--new-tokens N] [--skip-100m] [--uncached-100m-tokens N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/model/generation.h"
#include "core/model/hf_config.h"
#include "core/model/llama.h"
#include "core/model/matmul_peak.h"
#include "core/model/runtime.h"

namespace {

struct Run {
    double seconds = 0;
    std::size_t tokens = 0;
};

Run time_generation(tb::CausalLMImpl& model, std::int64_t new_tokens, bool use_cache) {
    tb::GenerationOptions o;
    o.max_new_tokens = new_tokens;
    o.sampling.greedy = true;
    o.use_cache = use_cache;  // no EOS: always the full count
    const auto start = std::chrono::steady_clock::now();
    auto result = tb::generate(model, {1}, o);
    Run r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.tokens = result.tokens.size();
    return r;
}

void report(const char* name, const char* dtype, const char* mode, const Run& r) {
    std::printf("%-22s %-5s %-9s %5zu tokens  %8.3f s  %9.1f tokens/s\n", name, dtype, mode, r.tokens, r.seconds,
                r.tokens / r.seconds);
}

}  // namespace

int main(int argc, char** argv) {
    std::int64_t new_tokens = 256, uncached_100m = 64;
    bool skip_100m = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--new-tokens") && i + 1 < argc)
            new_tokens = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--uncached-100m-tokens") && i + 1 < argc)
            uncached_100m = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--skip-100m"))
            skip_100m = true;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
    tb::configure_runtime();
    const auto rt = tb::runtime_report();
    std::printf("libtorch %s, %d threads, BLAS %s\n", rt.torch_version.c_str(), rt.threads, rt.blas.c_str());
    const auto peak = tb::measure_matmul_peak(1024, 1.0);
    std::printf("matmul peak (n=%lld): fp32 %.1f GFLOP/s, bf16 %.1f GFLOP/s\n\n", static_cast<long long>(peak.size),
                peak.fp32_gflops, peak.bf16_gflops);

    const std::filesystem::path stories = std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures/models/stories260K";
    if (std::filesystem::exists(stories / "model.safetensors")) {
        for (auto dtype : {torch::kFloat32, torch::kBFloat16}) {
            auto model = tb::load_causal_lm(stories, {dtype, torch::kCPU});
            const char* dname = dtype == torch::kFloat32 ? "fp32" : "bf16";
            time_generation(*model, 8, true);  // warm-up
            auto cached = time_generation(*model, new_tokens, true);
            report("stories260K", dname, "kv-cache", cached);
            if (dtype == torch::kFloat32) {
                auto full = time_generation(*model, new_tokens, false);
                report("stories260K", dname, "recompute", full);
                std::printf("  -> KV cache speed-up at %lld new tokens: %.1fx\n", static_cast<long long>(new_tokens),
                            full.seconds / cached.seconds);
            }
        }
    } else {
        std::printf("stories260K not found under %s: skipped\n", stories.c_str());
    }

    if (!skip_100m) {
        tb::ModelConfig c;
        c.model_type = "llama";
        c.hidden_size = 768;
        c.intermediate_size = 2048;
        c.num_hidden_layers = 12;
        c.num_attention_heads = 12;
        c.num_key_value_heads = 12;
        c.head_dim = 64;
        c.vocab_size = 32000;
        c.max_position_embeddings = 2048;
        c.tie_word_embeddings = false;
        std::printf("\nrandom Llama: %.1fM parameters\n", tb::parameter_count(c) / 1e6);
        for (auto dtype : {torch::kFloat32, torch::kBFloat16}) {
            tb::CausalLM model(c, tb::ModelLoadOptions{dtype, torch::kCPU});
            tb::init_random_weights(*model, 1);
            const char* dname = dtype == torch::kFloat32 ? "fp32" : "bf16";
            time_generation(*model, 4, true);
            auto cached = time_generation(*model, new_tokens, true);
            report("llama-100M", dname, "kv-cache", cached);
            // 2 FLOPs per weight per token: decoding's share of the matmul peak.
            const double flops = 2.0 * tb::parameter_count(c) * cached.tokens / cached.seconds / 1e9;
            std::printf("  -> %.1f GFLOP/s (%.0f%% of the %s matmul peak)\n", flops,
                        100.0 * flops / (dtype == torch::kFloat32 ? peak.fp32_gflops : peak.bf16_gflops), dname);
            if (dtype == torch::kFloat32 && uncached_100m > 0) {
                auto cached_short = time_generation(*model, uncached_100m, true);
                auto full = time_generation(*model, uncached_100m, false);
                report("llama-100M", dname, "recompute", full);
                std::printf("  -> KV cache speed-up at %lld new tokens: %.1fx\n", static_cast<long long>(uncached_100m),
                            full.seconds / cached_short.seconds);
            }
        }
    }
    return 0;
}
