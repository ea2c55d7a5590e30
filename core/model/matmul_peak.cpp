#include "core/model/matmul_peak.h"

#include <chrono>

#include <torch/torch.h>

namespace tb {

namespace {

double gflops_for(torch::ScalarType dtype, std::int64_t n, double seconds) {
    torch::NoGradGuard no_grad;
    auto a = torch::randn({n, n}).to(dtype);
    auto b = torch::randn({n, n}).to(dtype);
    auto c = torch::matmul(a, b);  // warm-up: thread pool, packing buffers
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::int64_t runs = 0;
    double elapsed = 0.0;
    do {
        c = torch::matmul(a, b);
        ++runs;
        elapsed = std::chrono::duration<double>(clock::now() - start).count();
    } while (elapsed < seconds);
    return 2.0 * static_cast<double>(n) * n * n * runs / elapsed / 1e9;
}

}  // namespace

MatmulPeak measure_matmul_peak(std::int64_t n, double seconds) {
    MatmulPeak peak;
    peak.size = n;
    peak.fp32_gflops = gflops_for(torch::kFloat32, n, seconds);
    try {
        peak.bf16_gflops = gflops_for(torch::kBFloat16, n, seconds);
    } catch (const std::exception&) {
        peak.bf16_gflops = 0.0;
    }
    return peak;
}

}  // namespace tb
