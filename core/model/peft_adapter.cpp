#include "core/model/peft_adapter.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/common/input_file.h"
#include "core/model/safetensors_torch.h"
#include "core/model/weight_layout.h"

namespace tb {

namespace {

constexpr const char* kPrefix = "base_model.model.";

}  // namespace

PeftAdapterInfo read_peft_adapter_config(const std::filesystem::path& dir) {
    const auto path = dir / "adapter_config.json";
    if (!std::filesystem::exists(path))
        throw Error(path.string() + ": cannot open (is " + dir.string() + " a PEFT adapter folder?)");
    const std::string text = read_input_file(path.string());
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string() + ": invalid JSON (" + e.what() + ")");
    }
    auto fail = [&](const std::string& why) { throw Error(path.string() + ": " + why); };
    if (!j.is_object()) fail("must be a JSON object");
    if (j.value("peft_type", std::string("LORA")) != "LORA") fail("only LoRA adapters are supported");
    if (j.value("use_dora", false)) fail("DoRA adapters are not supported");
    if (j.value("fan_in_fan_out", false)) fail("fan_in_fan_out adapters (GPT-2 Conv1D) are not supported");
    for (const char* key : {"rank_pattern", "alpha_pattern"})
        if (j.contains(key) && j[key].is_object() && !j[key].empty()) fail(std::string(key) + " is not supported");
    PeftAdapterInfo info;
    if (!j.contains("r") || !j["r"].is_number_integer()) fail("missing integer \"r\"");
    info.options.rank = j["r"].get<std::int64_t>();
    info.options.alpha = j.contains("lora_alpha") && j["lora_alpha"].is_number() ? j["lora_alpha"].get<double>() : 8.0;
    info.options.dropout =
        j.contains("lora_dropout") && j["lora_dropout"].is_number() ? j["lora_dropout"].get<double>() : 0.0;
    info.options.use_rslora = j.value("use_rslora", false);
    if (j.contains("target_modules") && j["target_modules"].is_array()) {
        info.options.target_modules.clear();
        for (const auto& t : j["target_modules"])
            if (t.is_string()) info.options.target_modules.push_back(t.get<std::string>());
    }
    if (j.contains("base_model_name_or_path") && j["base_model_name_or_path"].is_string())
        info.base_model = j["base_model_name_or_path"].get<std::string>();
    return info;
}

PeftAdapterInfo load_peft_adapter(CausalLMImpl& model, const std::filesystem::path& dir) {
    auto info = read_peft_adapter_config(dir);
    const auto weights_path = dir / "adapter_model.safetensors";
    if (!std::filesystem::exists(weights_path))
        throw Error(dir.string() + ": no adapter_model.safetensors (adapter_model.bin is not supported)");
    auto file = SafetensorsFile::open(weights_path);

    std::map<std::string, LoraLinear> linears;
    for (auto& [name, linear] : lora_linears(model)) linears.emplace(name, linear);
    // module name -> {A, B}
    std::map<std::string, std::pair<torch::Tensor, torch::Tensor>> found;
    for (const auto& name : file->names()) {
        std::string rest = name.rfind(kPrefix, 0) == 0 ? name.substr(std::string(kPrefix).size()) : name;
        bool is_a = rest.ends_with(".lora_A.weight"), is_b = rest.ends_with(".lora_B.weight");
        if (!is_a && !is_b)
            throw Error(weights_path.string() + ": tensor \"" + name +
                        "\" is not a LoRA A/B weight (modules_to_save and "
                        "bias training are not supported)");
        std::string module = rest.substr(0, rest.size() - std::string(".lora_A.weight").size());
        if (!linears.count(module))
            throw Error(weights_path.string() + ": tensor \"" + name + "\" targets \"" + module +
                        "\", which this model does not have (adapter made for another architecture?)");
        require_float_weight(*file, file->info(name));
        auto tensor = tensor_view(file, name).to(torch::kFloat32);
        (is_a ? found[module].first : found[module].second) = tensor;
    }
    torch::NoGradGuard no_grad;
    for (auto& [module, ab] : found) {
        auto& [a, b] = ab;
        auto linear = linears.at(module);
        if (!a.defined() || !b.defined())
            throw Error(weights_path.string() + ": \"" + module + "\" has only one of lora_A / lora_B");
        if (a.dim() != 2 || b.dim() != 2 || a.size(0) != b.size(1) || a.size(1) != linear->in_features() ||
            b.size(0) != linear->out_features())
            throw Error(weights_path.string() + ": \"" + module + "\" lora_A " + c10::str(a.sizes()) + " / lora_B " +
                        c10::str(b.sizes()) + " do not fit a " + std::to_string(linear->in_features()) + " -> " +
                        std::to_string(linear->out_features()) + " layer");
        auto options = info.options;
        options.rank = a.size(0);
        linear->add_lora(options);
        linear->lora_A->weight.set_data(a.to(linear->weight.device()));
        linear->lora_B->weight.set_data(b.to(linear->weight.device()));
        ++info.modules;
    }
    if (info.modules == 0) throw Error(weights_path.string() + ": holds no LoRA weights");
    return info;
}

void save_peft_adapter(CausalLMImpl& model, const std::filesystem::path& dir, const LoraOptions& options,
                       const std::string& base_model) {
    std::filesystem::create_directories(dir);
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (auto& [name, linear] : lora_linears(model)) {
        if (!linear->has_lora()) continue;
        tensors.emplace_back(kPrefix + name + ".lora_A.weight", linear->lora_A->weight.to(torch::kFloat32));
        tensors.emplace_back(kPrefix + name + ".lora_B.weight", linear->lora_B->weight.to(torch::kFloat32));
    }
    if (tensors.empty()) throw Error("the model has no LoRA adapter to save");
    save_safetensors(dir / "adapter_model.safetensors", tensors, {{"format", "pt"}});
    nlohmann::json config = {{"peft_type", "LORA"},
                             {"task_type", "CAUSAL_LM"},
                             {"r", options.rank},
                             {"lora_alpha", options.alpha},
                             {"lora_dropout", options.dropout},
                             {"use_rslora", options.use_rslora},
                             {"target_modules", options.target_modules},
                             {"bias", "none"},
                             {"fan_in_fan_out", false},
                             {"base_model_name_or_path", base_model}};
    std::ofstream out(dir / "adapter_config.json");
    out << config.dump(2) << "\n";
    if (!out) throw Error((dir / "adapter_config.json").string() + ": cannot write");
}

}  // namespace tb
