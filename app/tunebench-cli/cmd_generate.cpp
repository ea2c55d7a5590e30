// tunebench-cli generate: text from a Hugging Face model folder (optionally with a PEFT LoRA
// adapter), streaming the generated text to stdout. The prompt goes through the model's
// chat template unless --raw.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/common/input_file.h"
#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/model/peft_adapter.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"

namespace {

std::vector<std::int64_t> to_int64(const std::vector<std::int32_t>& ids) { return {ids.begin(), ids.end()}; }

nlohmann::ordered_json read_messages(const std::string& path) {
    const std::string text = tb::read_input_file(path);
    nlohmann::ordered_json j;
    try {
        j = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw tb::Error(path + ": invalid JSON (" + e.what() + ")");
    }
    // Either a list of messages or an object holding "messages".
    if (j.is_object() && j.contains("messages")) j = j["messages"];
    if (!j.is_array()) throw tb::Error(path + ": expected a list of {\"role\", \"content\"} messages");
    return j;
}

// Text is printed once it no longer ends inside a multi-byte character (U+FFFD at the end).
bool ends_incomplete(const std::string& text) {
    return text.size() >= 3 && text.compare(text.size() - 3, 3, "\xEF\xBF\xBD") == 0;
}

int run_generate(const std::vector<std::string>& argv) {
    tbcli::Args args(
        argv, {"model", "adapter", "prompt", "messages", "max-new-tokens", "seed", "temperature", "top-p", "top-k"},
        {"raw", "greedy"});
    const auto model_dir = args.value("model");
    if (!model_dir) throw tbcli::UsageError("--model DIR is required");
    if (args.value("prompt").has_value() == args.value("messages").has_value())
        throw tbcli::UsageError("give exactly one of --prompt TEXT or --messages FILE.json");
    if (args.flag("raw") && args.value("messages")) throw tbcli::UsageError("--raw applies to --prompt only");

    auto tokenizer = tb::Tokenizer::from_folder(*model_dir);
    std::vector<std::int64_t> prompt;
    if (args.flag("raw")) {
        prompt = to_int64(tokenizer.encode(*args.value("prompt"), /*add_special_tokens=*/true));
    } else {
        nlohmann::ordered_json messages =
            args.value("messages")
                ? read_messages(*args.value("messages"))
                : nlohmann::ordered_json::array({{{"role", "user"}, {"content", *args.value("prompt")}}});
        // An adapter trained by tunebench brings the template it was trained with: it wins
        // over the base model's (a base model often has none).
        std::string source = tokenizer.config().chat_template;
        if (auto adapter = args.value("adapter")) {
            auto adapter_template = tb::TokenizerConfig::from_folder(*adapter).chat_template;
            if (!adapter_template.empty()) source = std::move(adapter_template);
        }
        if (source.empty())
            throw tb::Error(*model_dir + ": the model has no chat template (a base model?): use --raw --prompt TEXT");
        nlohmann::ordered_json vars = {{"messages", messages},
                                       {"add_generation_prompt", true},
                                       {"bos_token", tokenizer.bos_token()},
                                       {"eos_token", tokenizer.eos_token()}};
        const auto rendered = tb::ChatTemplate(source).render(vars);
        // The template writes BOS itself, as transformers' apply_chat_template assumes.
        prompt = to_int64(tokenizer.encode(rendered.text, /*add_special_tokens=*/false));
    }
    if (prompt.empty()) {
        if (!tokenizer.bos_id()) throw tb::Error("the prompt encodes to no tokens and the tokenizer has no BOS token");
        prompt.push_back(*tokenizer.bos_id());
    }

    auto model = tb::load_causal_lm(*model_dir);
    if (auto adapter = args.value("adapter")) tb::load_peft_adapter(*model, *adapter);

    const auto defaults = tb::load_generation_defaults(*model_dir);
    tb::GenerationOptions options;
    options.max_new_tokens = args.integer_or("max-new-tokens", defaults.max_new_tokens.value_or(256));
    if (options.max_new_tokens < 0) throw tbcli::UsageError("--max-new-tokens must be 0 or more");
    const bool sampling_asked = args.value("temperature") || args.value("top-p") || args.value("top-k");
    options.sampling.greedy = args.flag("greedy") || (!sampling_asked && !defaults.do_sample.value_or(false));
    options.sampling.temperature = args.number_or("temperature", defaults.temperature.value_or(1.0));
    options.sampling.top_p = args.number_or("top-p", defaults.top_p.value_or(1.0));
    options.sampling.top_k = args.integer_or("top-k", defaults.top_k.value_or(0));
    options.sampling.seed = static_cast<std::uint64_t>(args.integer_or("seed", 0));
    if (options.sampling.top_p <= 0.0 || options.sampling.top_p > 1.0)
        throw tbcli::UsageError("--top-p must be in (0, 1]");
    options.eos_token_ids = tb::merged_eos_ids(model->config(), defaults);
    if (auto eos = tokenizer.eos_id(); eos && std::find(options.eos_token_ids.begin(), options.eos_token_ids.end(),
                                                        *eos) == options.eos_token_ids.end())
        options.eos_token_ids.push_back(*eos);
    options.pad_token_id = defaults.pad_token_id.value_or(0);

    auto decode = [&](const std::vector<std::int64_t>& ids) {
        return tokenizer.decode(std::vector<std::int32_t>(ids.begin(), ids.end()), /*skip_special_tokens=*/true);
    };
    // Decoded after the prompt's last token, then that token's text cut off: decoders strip
    // the leading space of the first piece (SentencePiece "\u2581there" alone is "there"), but
    // after "time," the continuation is " there".
    const std::vector<std::int64_t> anchor =
        prompt.empty() ? std::vector<std::int64_t>{} : std::vector<std::int64_t>{prompt.back()};
    const std::string anchor_text = decode(anchor);
    auto detokenize = [&](const std::vector<std::int64_t>& ids) {
        std::vector<std::int64_t> with_anchor = anchor;
        with_anchor.insert(with_anchor.end(), ids.begin(), ids.end());
        std::string text = decode(with_anchor);
        if (text.compare(0, anchor_text.size(), anchor_text) == 0) return text.substr(anchor_text.size());
        return decode(ids);
    };
    // Stream: print what the decoded text gained with each token.
    std::vector<std::int64_t> generated;
    std::string printed;
    options.on_token = [&](std::size_t, std::int64_t token) {
        generated.push_back(token);
        auto text = detokenize(generated);
        if (ends_incomplete(text) || text.size() < printed.size() || text.compare(0, printed.size(), printed) != 0)
            return;
        std::cout << text.substr(printed.size()) << std::flush;
        printed = std::move(text);
    };
    tb::generate(*model, prompt, options);
    auto text = detokenize(generated);
    if (text.compare(0, printed.size(), printed) == 0) std::cout << text.substr(printed.size());
    std::cout << "\n";
    return tbcli::kExitOk;
}

tbcli::CommandRegistration generate_registration(
    {"generate",
     "generate --model DIR [--adapter DIR] (--prompt TEXT | --messages FILE.json) [--raw] [--greedy] "
     "[--max-new-tokens N] [--seed N] [--temperature X] [--top-p X] [--top-k N]",
     "Generate text with a model folder (and a LoRA adapter), through its chat template unless --raw.", run_generate});

}  // namespace
