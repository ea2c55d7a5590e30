// The executable side of app/tunebench-cli/torch_plugin.h.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <vector>

#include "app/tunebench-cli/torch_plugin.h"
#include "core/common/error.h"

namespace tbcli {

namespace {

constexpr const char* kPluginName = "tunebench-cli-torch.so";

const TorchPlugin* g_plugin = nullptr;

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

const TorchPlugin* open_plugin() {
    const auto dir = executable_dir();
    const std::vector<std::filesystem::path> candidates = {dir / kPluginName,
                                                           dir / ".." / "lib" / "tunebench" / kPluginName};
    std::string tried;
    for (const auto& path : candidates) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            tried += (tried.empty() ? "" : ", ") + path.lexically_normal().string();
            continue;
        }
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) throw tb::Error(std::string("cannot load the model support library: ") + ::dlerror());
        auto entry = reinterpret_cast<const TorchPlugin* (*)()>(::dlsym(handle, "tunebench_cli_torch_plugin"));
        if (!entry) throw tb::Error(path.string() + ": not a tunebench-cli plugin (no tunebench_cli_torch_plugin)");
        const TorchPlugin* plugin = entry();
        if (!plugin || plugin->abi_version != TorchPlugin::kAbiVersion)
            throw tb::Error(path.string() + ": built for another version of tunebench-cli; reinstall Tunebench");
        return plugin;
    }
    throw tb::Error("the model support library " + std::string(kPluginName) + " is missing (looked at " + tried +
                    "); reinstall Tunebench");
}

}  // namespace

const TorchPlugin& torch_plugin() {
    static std::once_flag once;
    std::call_once(once, [] { g_plugin = open_plugin(); });
    return *g_plugin;
}

bool torch_plugin_loaded() { return g_plugin != nullptr; }

}  // namespace tbcli

// tb_eval's local generator (core/eval/eval_targets.h), which the executable does not link:
// eval, suite and memorisation on a local model reach it through the plugin.
std::unique_ptr<tb::AnswerGenerator> tb::make_local_answer_generator(const EvalTarget& target,
                                                                     const GenerationSettings& settings) {
    return tbcli::torch_plugin().make_local_answer_generator(target, settings);
}
