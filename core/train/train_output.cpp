#include "core/train/train_output.h"

#include "core/common/error.h"
#include "core/model/peft_adapter.h"
#include "core/text/tokenizer.h"
#include "core/train/checkpoint.h"
#include "core/train/train_files.h"
#include "core/train/trainer.h"

namespace tb {

void write_tokenizer_files(const std::filesystem::path& model_dir, const std::filesystem::path& out_dir,
                           const std::string& chat_template) {
    std::filesystem::create_directories(out_dir);
    if (std::filesystem::equivalent(model_dir, out_dir)) return;
    for (const char* name :
         {"tokenizer.json", "special_tokens_map.json", "generation_config.json", "tokenizer.model"}) {
        if (std::filesystem::exists(model_dir / name))
            std::filesystem::copy_file(model_dir / name, out_dir / name,
                                       std::filesystem::copy_options::overwrite_existing);
    }
    nlohmann::json config = std::filesystem::exists(model_dir / "tokenizer_config.json")
                                ? read_json_file(model_dir / "tokenizer_config.json")
                                : nlohmann::json::object();
    if (!chat_template.empty()) config["chat_template"] = chat_template;
    write_json_file(out_dir / "tokenizer_config.json", config);
    if (!chat_template.empty()) write_text_file(out_dir / "chat_template.jinja", chat_template);
}

void write_lora_adapter(CausalLMImpl& model, const std::filesystem::path& out_dir, const LoraOptions& options,
                        const std::string& base_model) {
    save_peft_adapter(model, out_dir, options, base_model);
    const auto path = out_dir / "adapter_config.json";
    nlohmann::json config = read_json_file(path);
    // Fields a LoraConfig written by PEFT always carries; vLLM reads modules_to_save and use_dora.
    const nlohmann::json defaults = {{"inference_mode", true},
                                     {"init_lora_weights", true},
                                     {"modules_to_save", nullptr},
                                     {"layers_to_transform", nullptr},
                                     {"layers_pattern", nullptr},
                                     {"rank_pattern", nlohmann::json::object()},
                                     {"alpha_pattern", nlohmann::json::object()},
                                     {"use_dora", false},
                                     {"revision", nullptr},
                                     {"auto_mapping", nullptr}};
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        if (!config.contains(it.key())) config[it.key()] = it.value();
    write_json_file(path, config);
}

void write_run_summary(const std::filesystem::path& out_dir, const nlohmann::json& summary) {
    std::filesystem::create_directories(out_dir);
    write_json_file(out_dir / "tunebench_run.json", summary);
}

void prepare_train_output(const std::filesystem::path& out_dir, const std::filesystem::path& model_dir,
                          const std::vector<std::filesystem::path>& protected_files, bool resume, Overwrite overwrite) {
    auto kept = protected_files;
    kept.push_back(model_dir);
    check_output_folder(out_dir, kept, "the output folder");
    const auto checkpoints = list_checkpoints(out_dir);
    if (resume && !checkpoints.empty()) return;  // the run's own folder: resume checks the checkpoints
    if (!checkpoints.empty() && overwrite == Overwrite::refuse) {
        const auto& last = checkpoints.back();
        throw OutputRefused("the output folder '" + out_dir.string() + "' holds checkpoints of run " +
                            std::to_string(last.run_id) + " (up to step " + std::to_string(last.step) +
                            "): pass --resume to continue that run, or --force to start over (its checkpoints and "
                            "output are deleted), or train into a new folder");
    }
    prepare_output_folder(out_dir, model_output_entries(), kept, overwrite, "the output folder");
}

void merge_adapter(const std::filesystem::path& model_dir, const std::filesystem::path& adapter_dir,
                   const std::filesystem::path& out_dir, Overwrite overwrite) {
    prepare_output_folder(out_dir, model_output_entries(), {model_dir, adapter_dir}, overwrite);
    auto model = load_causal_lm(model_dir);
    load_peft_adapter(*model, adapter_dir);
    merge_lora(*model);
    save_pretrained(*model, out_dir, torch::kFloat32);
    // The template the adapter was trained with wins over the base model's own.
    std::string chat_template;
    if (std::filesystem::exists(adapter_dir / "chat_template.jinja")) {
        chat_template = read_text_file(adapter_dir / "chat_template.jinja");
    } else if (std::filesystem::exists(adapter_dir / "tokenizer_config.json") ||
               std::filesystem::exists(model_dir / "tokenizer_config.json")) {
        const auto& from = std::filesystem::exists(adapter_dir / "tokenizer_config.json") ? adapter_dir : model_dir;
        chat_template = TokenizerConfig::from_folder(from.string()).chat_template;
    }
    write_tokenizer_files(model_dir, out_dir, chat_template);
}

}  // namespace tb
