#pragma once
// What a finished run leaves on disk, beside its checkpoints:
//   LoRA: adapter_config.json + adapter_model.safetensors (PEFT layout, loadable by HF PEFT
//         and vLLM), tokenizer.json, tokenizer_config.json carrying the chat template used,
//         chat_template.jinja, tunebench_run.json (resolved config, run id, template origin).
//   Full: config.json + model.safetensors (HF layout) and the same tokenizer/template files.
// Internal to the trainer (includes torch through llama.h).
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/output_file.h"
#include "core/model/llama.h"

namespace tb {

// tokenizer.json (+ special_tokens_map.json, generation_config.json when the model has
// them) copied from model_dir; tokenizer_config.json with "chat_template" set to
// `chat_template` (omitted when empty); chat_template.jinja.
void write_tokenizer_files(const std::filesystem::path& model_dir, const std::filesystem::path& out_dir,
                           const std::string& chat_template);

// save_peft_adapter, then the adapter_config.json fields PEFT/vLLM read that it leaves out
// (inference_mode, modules_to_save, use_dora, layers_to_transform, ...).
void write_lora_adapter(CausalLMImpl& model, const std::filesystem::path& out_dir, const LoraOptions& options,
                        const std::string& base_model);

void write_run_summary(const std::filesystem::path& out_dir, const nlohmann::json& summary);

// The output folder rule of a run, applied before anything is written (Trainer::run documents
// it). `protected_files`: the project's files. Creates the folder when missing.
void prepare_train_output(const std::filesystem::path& out_dir, const std::filesystem::path& model_dir,
                          const std::vector<std::filesystem::path>& protected_files, bool resume, Overwrite overwrite);

}  // namespace tb
