#include "core/train/token_counter.h"

#include <filesystem>
#include <memory>

#include "core/common/error.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"

namespace tb {

TokenCounter make_token_counter(const std::string& path) {
    namespace fs = std::filesystem;
    if (!fs::exists(path)) throw Error(path + ": no such tokenizer folder or file");
    auto tokenizer =
        std::make_shared<Tokenizer>(fs::is_directory(path) ? Tokenizer::from_folder(path) : Tokenizer::from_file(path));
    TokenCounter counter;
    const std::string source = tokenizer->config().chat_template;
    if (source.empty()) {
        counter.name = path + " (no chat template: message texts only)";
        counter.count = [tokenizer](const Example& example) {
            std::size_t tokens = 0;
            for (const Message& m : example.messages) tokens += tokenizer->encode(m.content, false).size();
            return tokens;
        };
        return counter;
    }
    auto chat = std::make_shared<ChatTemplate>(source);
    counter.name = path + " + its chat template";
    counter.count = [tokenizer, chat](const Example& example) -> std::size_t {
        nlohmann::json vars;
        vars["messages"] = to_json(example)["messages"];
        vars["tools"] = example.tools.is_null() ? nlohmann::json() : example.tools;
        vars["add_generation_prompt"] = false;
        vars["bos_token"] = tokenizer->bos_token();
        vars["eos_token"] = tokenizer->eos_token();
        std::string text;
        try {
            text = chat->render(vars).text;
        } catch (const std::exception& e) {
            throw Error("example " + std::to_string(example.id) + ": the chat template cannot render it: " + e.what());
        }
        // Templates that write BOS themselves (Llama 3) must not get a second one.
        const std::string& bos = tokenizer->bos_token();
        const bool has_bos = !bos.empty() && text.compare(0, bos.size(), bos) == 0;
        return tokenizer->encode(text, !has_bos).size();
    };
    return counter;
}

}  // namespace tb
