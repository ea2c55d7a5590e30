#pragma once
// The torch-backed half of tunebench-cli: a shared library (tunebench-cli-torch.so, built from
// app/CMakeLists.txt's cli_torch_srcs) that the executable opens on first use, so that the
// commands that need no model never load libtorch (~1 s and ~160 MB at start-up).
//
// The plugin has its own copy of core and of the command registry; the executable reaches it
// only through TorchPlugin, which the one exported symbol returns. Exceptions cross the
// boundary (tb::Error, tbcli::UsageError and tb::Cancelled match by name).
#include <map>
#include <memory>
#include <string>

#include "app/tunebench-cli/command.h"
#include "core/eval/eval_targets.h"

namespace tbcli {

struct TorchPlugin {
    // Raised whenever TorchPlugin or Command changes layout: a stale plugin is refused.
    static constexpr int kAbiVersion = 1;
    int abi_version = kAbiVersion;
    // The plugin's commands (train, generate, merge, create-model, doctor).
    const std::map<std::string, Command>* commands = nullptr;
    // core/eval/eval_targets.h's local generator (tb_eval_local).
    std::unique_ptr<tb::AnswerGenerator> (*make_local_answer_generator)(const tb::EvalTarget&,
                                                                        const tb::GenerationSettings&) = nullptr;
};

// Opens the plugin once (configuring libtorch's threads) and returns it. Looks beside the
// executable (/proc/self/exe: the build tree), then in ../lib/tunebench/ (installed).
// Throws tb::Error naming the places tried, or dlopen's reason.
const TorchPlugin& torch_plugin();

// True once torch_plugin() succeeded (tests of the start-up split ask).
bool torch_plugin_loaded();

}  // namespace tbcli

// The plugin's one exported symbol.
extern "C" const tbcli::TorchPlugin* tunebench_cli_torch_plugin();
