#include "core/model/runtime.h"

#include <dlfcn.h>
#include <link.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include <torch/torch.h>

namespace tb {

int runtime_thread_count(unsigned cores, const char* omp_num_threads) {
    if (omp_num_threads && *omp_num_threads) {
        char* end = nullptr;
        const long asked = std::strtol(omp_num_threads, &end, 10);
        if (*end == '\0' && asked >= 1 && asked <= 4096) return static_cast<int>(asked);
    }
    return cores == 0 ? 1 : static_cast<int>(cores);
}

void configure_runtime() {
    static bool done = false;
    if (done) return;
    done = true;
    torch::set_num_threads(runtime_thread_count(std::thread::hardware_concurrency(), std::getenv("OMP_NUM_THREADS")));
}

namespace {

// The shared object that provides sgemm_, the symbol libtorch's CPU BLAS path calls. Both
// the reference BLAS (libblas.so.3, an alternatives symlink) and OpenBLAS can be mapped at
// once; the first in symbol lookup order wins, which is what dlsym(RTLD_DEFAULT) answers.
std::string sgemm_provider() {
    void* symbol = dlsym(RTLD_DEFAULT, "sgemm_");
    Dl_info info{};
    if (!symbol || !dladdr(symbol, &info) || !info.dli_fname) return "";
    char resolved[4096];
    return realpath(info.dli_fname, resolved) ? std::string(resolved) : std::string(info.dli_fname);
}

// Every BLAS-like object mapped into the process (for the report).
std::string loaded_blas() {
    std::string found;
    dl_iterate_phdr(
        [](struct dl_phdr_info* info, size_t, void* data) -> int {
            auto* out = static_cast<std::string*>(data);
            const char* name = info->dlpi_name;
            if (name && (std::strstr(name, "blas") || std::strstr(name, "mkl"))) {
                char resolved[4096];
                if (realpath(name, resolved) && out->find(resolved) == std::string::npos) {
                    if (!out->empty()) *out += ", ";
                    *out += resolved;
                }
            }
            return 0;
        },
        &found);
    return found;
}

bool cpu_has_flag(const std::string& flag) {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("flags", 0) == 0) return line.find(" " + flag) != std::string::npos;
    }
    return false;
}

}  // namespace

bool blas_is_openblas_pthread_build(const std::string& blas_path) {
    // Debian installs each OpenBLAS build in its own folder (openblas-pthread, openblas-openmp,
    // openblas-serial); the pthread build's file name carries no marker of its own.
    return blas_path.find("openblas-pthread") != std::string::npos;
}

RuntimeReport runtime_report() {
    RuntimeReport r;
    r.torch_version = std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
                      std::to_string(TORCH_VERSION_PATCH);
    r.threads = torch::get_num_threads();
    r.cores = static_cast<int>(std::thread::hardware_concurrency());
    const std::string provider = sgemm_provider();
    const std::string mapped = loaded_blas();
    r.blas = provider.empty() ? mapped : provider;
    if (!provider.empty()) {
        // Name the other BLAS objects mapped too: they explain a surprising provider.
        std::string others;
        std::size_t start = 0;
        while (start < mapped.size()) {
            auto end = mapped.find(", ", start);
            if (end == std::string::npos) end = mapped.size();
            auto one = mapped.substr(start, end - start);
            if (one != provider) others += (others.empty() ? "" : ", ") + one;
            start = end + 2;
        }
        if (!others.empty()) r.blas += " (also mapped: " + others + ")";
    }
    const std::string& judged = provider.empty() ? mapped : provider;
    r.blas_is_reference = judged.find("openblas") == std::string::npos && judged.find("mkl") == std::string::npos &&
                          judged.find("blis") == std::string::npos;
    r.bf16_supported = cpu_has_flag("avx512_bf16") || cpu_has_flag("amx_bf16");
    if (torch::cuda::is_available()) {
        for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i)
            r.cuda_devices.push_back("cuda:" + std::to_string(i));
        r.bf16_supported = true;
    }
    if (r.blas_is_reference)
        r.warnings.push_back("the reference BLAS is loaded (" + (r.blas.empty() ? std::string("none found") : r.blas) +
                             "): fp32 matrix maths runs ~30x slower; install libopenblas0-openmp "
                             "(scripts/install-deps.sh does) and select it with 'sudo update-alternatives "
                             "--config libblas.so.3-x86_64-linux-gnu'");
    else if (blas_is_openblas_pthread_build(judged))
        r.warnings.push_back("OpenBLAS's pthread build is loaded (" + r.blas +
                             "): its thread pool competes with libtorch's OpenMP threads, so fp32 "
                             "training runs ~2.5x slower than with the OpenMP build; install "
                             "libopenblas0-openmp (scripts/install-deps.sh does) and select it with 'sudo "
                             "update-alternatives --config libblas.so.3-x86_64-linux-gnu' (and likewise "
                             "liblapack.so.3 and libopenblas.so.0)");
    if (r.threads < r.cores) {
        const char* omp = std::getenv("OMP_NUM_THREADS");
        r.warnings.push_back("libtorch uses " + std::to_string(r.threads) + " of " + std::to_string(r.cores) +
                             " cores" + (omp && *omp ? std::string(" (OMP_NUM_THREADS=") + omp + ")" : std::string()));
    }
    return r;
}

}  // namespace tb
