#pragma once
// Reading and writing the small text and JSON files of a training run (checkpoint state,
// best-weights info, tokenizer config, adapter config, run summary), with errors that name
// the file. Torch-free.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace tb {

// Throws tb::Error naming the file when it cannot be opened or is not JSON.
nlohmann::json read_json_file(const std::filesystem::path& path);
// Pretty-printed (2 spaces) with a final newline. Throws tb::Error when the write fails.
void write_json_file(const std::filesystem::path& path, const nlohmann::json& value);

// The whole file, bytes as they are ("" when it cannot be opened).
std::string read_text_file(const std::filesystem::path& path);
// Throws tb::Error when the write fails.
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace tb
