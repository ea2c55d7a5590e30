// The plugin side of app/tunebench-cli/torch_plugin.h: built into tunebench-cli-torch.so
// with the torch-backed commands, which register themselves in the plugin's own registry.
#include "app/tunebench-cli/torch_plugin.h"

#include "core/model/runtime.h"

extern "C" __attribute__((visibility("default"))) const tbcli::TorchPlugin* tunebench_cli_torch_plugin() {
    static const tbcli::TorchPlugin plugin = [] {
        tb::configure_runtime();
        tbcli::TorchPlugin p;
        p.commands = &tbcli::registry();
        p.make_local_answer_generator = &tb::make_local_answer_generator;
        return p;
    }();
    return &plugin;
}
