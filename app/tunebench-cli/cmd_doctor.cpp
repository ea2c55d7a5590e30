// tunebench-cli doctor: what the compute runtime looks like on this machine (libtorch,
// threads, the BLAS really loaded, bf16, CUDA) and what to fix.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/model/runtime.h"

namespace {

int run_doctor(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {}, {"json"});
    const auto report = tb::runtime_report();
    if (args.flag("json")) {
        nlohmann::json j = {{"torch_version", report.torch_version},
                            {"threads", report.threads},
                            {"cores", report.cores},
                            {"blas", report.blas},
                            {"blas_is_reference", report.blas_is_reference},
                            {"bf16_supported", report.bf16_supported},
                            {"cuda_devices", report.cuda_devices},
                            {"warnings", report.warnings}};
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "libtorch      " << report.torch_version << "\n"
                  << "threads       " << report.threads << " of " << report.cores << " cores\n"
                  << "BLAS          " << (report.blas.empty() ? "(none found)" : report.blas) << "\n"
                  << "bf16          " << (report.bf16_supported ? "supported" : "not supported (fp32 only)") << "\n"
                  << "CUDA devices  ";
        if (report.cuda_devices.empty()) std::cout << "none";
        for (std::size_t i = 0; i < report.cuda_devices.size(); ++i)
            std::cout << (i ? ", " : "") << report.cuda_devices[i];
        std::cout << "\n";
    }
    if (report.blas_is_reference)
        std::cerr
            << "\n*** WARNING: the slow reference BLAS is loaded. Training and generation will be ~30x slower.\n"
               "*** Fix: sudo apt-get install libopenblas0-openmp (or run scripts/install-deps.sh), then\n"
               "***      sudo update-alternatives --config libblas.so.3-x86_64-linux-gnu (pick openblas-openmp)\n\n";
    for (const auto& w : report.warnings)
        if (!args.flag("json")) std::cout << "warning: " << w << "\n";
    return tbcli::kExitOk;
}

tbcli::CommandRegistration doctor_registration({"doctor", "doctor [--json]",
                                                "Report libtorch, threads, the BLAS in use, bf16 and CUDA support; "
                                                "warn about slow set-ups.",
                                                run_doctor});

}  // namespace
