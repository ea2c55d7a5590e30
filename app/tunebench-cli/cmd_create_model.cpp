// tunebench-cli create-model: a randomly initialised Hugging Face model folder (config.json,
// model.safetensors, generation_config.json and the tokenizer's files) from an architecture
// config and a tokenizer folder. The start of the demo base model, pretrained afterwards with
// `train --full --loss-on all` (scripts/make_demo_model.sh).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/model/hf_config.h"
#include "core/model/llama.h"
#include "core/text/tokenizer.h"
#include "core/train/train_files.h"

namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw tb::Error(path.string() + ": cannot open");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        return nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::exception& e) {
        throw tb::Error(path.string() + ": invalid JSON (" + e.what() + ")");
    }
}

// The files of a tokenizer folder that belong with a model (whichever exist).
constexpr const char* kTokenizerFiles[] = {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                                           "chat_template.jinja"};

torch::ScalarType parse_dtype(const std::string& name) {
    if (name == "fp32" || name == "float32") return torch::kFloat32;
    if (name == "bf16" || name == "bfloat16") return torch::kBFloat16;
    throw tbcli::UsageError("--dtype must be fp32 or bf16, not '" + name + "'");
}

int run_create_model(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"config", "tokenizer", "out", "seed", "dtype", "std"}, {"force"});
    if (!args.positionals().empty()) throw tbcli::UsageError("unexpected argument '" + args.positionals()[0] + "'");
    const auto config_path = args.value("config");
    const auto tokenizer_dir = args.value("tokenizer");
    const auto out_value = args.value("out");
    if (!config_path || !tokenizer_dir || !out_value)
        throw tbcli::UsageError("--config CONFIG.json, --tokenizer DIR and --out DIR are required");
    const fs::path out_dir = *out_value;
    const long long seed = args.integer_or("seed", 0);
    if (seed < 0) throw tbcli::UsageError("--seed must be 0 or more");
    const double init_std = args.number_or("std", 0.02);
    if (!(init_std > 0.0)) throw tbcli::UsageError("--std must be above 0");
    const auto dtype = parse_dtype(args.value_or("dtype", "fp32"));

    auto config_json = read_json(*config_path);
    auto config = tb::parse_model_config(config_json, *config_path);
    auto tokenizer = tb::Tokenizer::from_folder(*tokenizer_dir);

    // Every id the tokenizer can produce needs an embedding row; a larger table (padded for
    // speed, as many models do) is fine, a smaller one fails at the first unlucky token.
    const auto tokenizer_vocab = static_cast<std::int64_t>(tokenizer.vocab_size());
    if (config.vocab_size < tokenizer_vocab)
        throw tb::Error(*config_path + ": vocab_size is " + std::to_string(config.vocab_size) +
                        " but the tokenizer in " + *tokenizer_dir + " has " + std::to_string(tokenizer_vocab) +
                        " tokens: set vocab_size to at least " + std::to_string(tokenizer_vocab));
    if (tokenizer.eos_id() && config.eos_token_ids.empty()) config.eos_token_ids.push_back(*tokenizer.eos_id());
    if (tokenizer.bos_id() && !config.bos_token_id) config.bos_token_id = *tokenizer.bos_id();

    tb::prepare_output_folder(out_dir, tb::model_output_entries(), {fs::path(*tokenizer_dir), fs::path(*config_path)},
                              args.overwrite());

    tb::CausalLM model(config);
    tb::init_random_weights(*model, static_cast<std::uint64_t>(seed), init_std);
    tb::save_pretrained(*model, out_dir, dtype);

    for (const char* name : kTokenizerFiles) {
        const fs::path from = fs::path(*tokenizer_dir) / name;
        if (fs::exists(from) && fs::weakly_canonical(from) != fs::weakly_canonical(out_dir / name))
            fs::copy_file(from, out_dir / name, fs::copy_options::overwrite_existing);
    }
    nlohmann::json generation = nlohmann::json::object();
    if (!config.eos_token_ids.empty())
        generation["eos_token_id"] = config.eos_token_ids.size() == 1 ? nlohmann::json(config.eos_token_ids[0])
                                                                      : nlohmann::json(config.eos_token_ids);
    if (config.bos_token_id) generation["bos_token_id"] = *config.bos_token_id;
    if (auto pad = tokenizer.config().pad_token) {
        if (auto pad_id = tokenizer.token_to_id(*pad)) generation["pad_token_id"] = *pad_id;
    }
    generation["do_sample"] = false;
    tb::write_json_file(out_dir / "generation_config.json", generation);

    const auto parameters = tb::parameter_count(config);
    std::cout << out_dir.string() << ": " << config.model_type << ", " << parameters << " parameters ("
              << config.num_hidden_layers << " layers, hidden " << config.hidden_size << ", vocab " << config.vocab_size
              << "), random weights with seed " << seed << ", stored as "
              << (dtype == torch::kBFloat16 ? "bf16" : "fp32") << "\n";
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration({
    "create-model",
    "create-model --config CONFIG.json --tokenizer DIR --out DIR [--seed S] [--dtype fp32|bf16] [--std X] [--force]",
    "Write a randomly initialised Hugging Face model folder (weights, config, generation config) with "
    "the tokenizer files of DIR; vocab_size must cover the tokenizer. --out must be new or empty; --force replaces "
    "an earlier model there.",
    run_create_model,
});

}  // namespace
