#pragma once
// This machine's dense matmul throughput, the denominator of MFU figures (generation and
// training benchmarks). Torch-free header.
#include <cstdint>

namespace tb {

struct MatmulPeak {
    double fp32_gflops = 0.0;
    double bf16_gflops = 0.0;  // 0 when bf16 matmul fails on this build
    std::int64_t size = 0;     // n of the n x n x n products timed
};

// Times repeated n x n matmuls for about `seconds` per dtype (after a warm-up) with the
// current torch thread count.
MatmulPeak measure_matmul_peak(std::int64_t n = 1024, double seconds = 1.0);

}  // namespace tb
