// tunebench-cli merge: a PEFT LoRA adapter folded into its base model, written as a full
// Hugging Face model folder (config.json, model.safetensors, tokenizer files, the adapter's
// chat template).
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/train/trainer.h"

namespace {

int run_merge(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"model", "adapter", "out"}, {"force"});
    const auto model = args.value("model"), adapter = args.value("adapter"), out = args.value("out");
    if (!model || !adapter || !out) throw tbcli::UsageError("--model DIR, --adapter DIR and --out DIR are required");
    tb::merge_adapter(*model, *adapter, *out, args.overwrite());
    std::cerr << "merged " << *adapter << " into " << *model << ": " << *out << "\n";
    return tbcli::kExitOk;
}

tbcli::CommandRegistration merge_registration(
    {"merge", "merge --model DIR --adapter DIR --out DIR [--force]",
     "Fold a LoRA adapter into its base model and write the merged model folder (HF layout). --out must be new or "
     "empty; --force replaces an earlier model there.",
     run_merge});

}  // namespace
