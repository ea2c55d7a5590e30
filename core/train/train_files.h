#pragma once
// Reading and writing the small text and JSON files of a training run (checkpoint state,
// best-weights info, tokenizer config, adapter config, run summary), with errors that name
// the file. Torch-free.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

// Throws tb::Error naming the file when it cannot be opened or is not JSON.
nlohmann::json read_json_file(const std::filesystem::path& path);
// Pretty-printed (2 spaces) with a final newline. Throws tb::Error when the write fails.
void write_json_file(const std::filesystem::path& path, const nlohmann::json& value);

// The whole file, bytes as they are ("" when it cannot be opened).
std::string read_text_file(const std::filesystem::path& path);
// Written beside `path` and renamed into place (core/common/output_file.h: AtomicFile).
// Throws tb::Error when the write fails.
void write_text_file(const std::filesystem::path& path, const std::string& text);

// Every entry a training run, `merge` or `create-model` writes into its output folder (both
// layouts: PEFT adapter and full Hugging Face model, "model-*" the shards of a sharded model,
// checkpoints/ the training checkpoints). An earlier output's entries are removed before a
// new one is written with --force (core/common/output_file.h: prepare_output_folder), so a
// LoRA run never leaves a full run's config.json beside its adapter.
const std::vector<std::string>& model_output_entries();

// A short hash of a resolved run config (TrainConfig::to_json, compute_dtype resolved) that
// identifies the run a checkpoint belongs to: the settings that may change when a run is
// resumed (max_steps, epochs, output_dir, logging, checkpoint and validation intervals,
// early-stopping patience, threads, device) are left out. 16 hex digits of SHA-256.
std::string run_config_hash(const nlohmann::json& resolved_config);

}  // namespace tb
