#pragma once
// Process-wide compute set-up and the environment report behind `tunebench-cli doctor`
// and the GUI's diagnostics dialog. Torch types stay out of this header.
#include <string>
#include <vector>

namespace tb {

// Sets libtorch's intra-op thread count to the machine's cores (Debian's libtorch starts
// with one thread), or to OMP_NUM_THREADS when the user set it (e.g. 1 for several processes
// side by side on a small machine, where OpenMP threads waiting on each other cost far more
// than they gain). Call once at start-up, before any model work. Idempotent.
void configure_runtime();

// The thread count configure_runtime uses: OMP_NUM_THREADS's value when it is a positive
// integer, otherwise `cores` (at least 1).
int runtime_thread_count(unsigned cores, const char* omp_num_threads);

struct RuntimeReport {
    std::string torch_version;
    int threads = 0;
    int cores = 0;
    std::string blas;                // the BLAS library actually loaded (path/name)
    bool blas_is_reference = false;  // true: the slow reference BLAS; warn the user
    bool bf16_supported = false;     // CPU AVX512-BF16 / AMX, or a CUDA device with bf16
    std::vector<std::string> cuda_devices;
    std::vector<std::string> warnings;  // human sentences: what to fix
};

RuntimeReport runtime_report();

// True when the BLAS at this path is OpenBLAS's pthread build: its own thread pool and
// libtorch's OpenMP pool take turns spinning on the same cores (fp32 training ~2.5x slower).
bool blas_is_openblas_pthread_build(const std::string& blas_path);

}  // namespace tb
