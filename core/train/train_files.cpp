#include "core/train/train_files.h"

#include <fstream>
#include <sstream>

#include "core/common/error.h"
#include "core/common/output_file.h"
#include "core/common/sha256.h"

namespace tb {

nlohmann::json read_json_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(path.string() + ": cannot open");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        return nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string() + ": invalid JSON (" + e.what() + ")");
    }
}

void write_json_file(const std::filesystem::path& path, const nlohmann::json& value) {
    write_text_file(path, value.dump(2) + "\n");
}

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
    AtomicFile file(path);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) throw Error(path.string() + ": cannot write (disk full?)");
    }
    file.commit();
}

const std::vector<std::string>& model_output_entries() {
    static const std::vector<std::string> entries = {"adapter_config.json",
                                                     "adapter_model.safetensors",
                                                     "config.json",
                                                     "model.safetensors",
                                                     "model-*",
                                                     "model.safetensors.index.json",
                                                     "tokenizer.json",
                                                     "tokenizer_config.json",
                                                     "special_tokens_map.json",
                                                     "generation_config.json",
                                                     "tokenizer.model",
                                                     "chat_template.jinja",
                                                     "tunebench_run.json",
                                                     "checkpoints"};
    return entries;
}

std::string run_config_hash(const nlohmann::json& resolved_config) {
    nlohmann::json identity = resolved_config;
    for (const char* key : {"max_steps", "epochs", "output_dir", "log_every", "checkpoint_every", "eval_every",
                            "early_stopping_patience", "threads", "device"})
        identity.erase(key);
    return sha256_hex(identity.dump()).substr(0, 16);  // dump() orders keys: the same config, the same text
}

}  // namespace tb
