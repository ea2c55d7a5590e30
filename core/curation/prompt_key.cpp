#include "core/curation/prompt_key.h"

#include <cctype>

namespace tb {

std::vector<Message> prompt_messages(const std::vector<Message>& messages) {
    std::size_t end = messages.size();
    while (end > 0 && messages[end - 1].role == "assistant") --end;
    // A conversation of assistant turns only has no prompt; keep it whole so it still has a key.
    if (end == 0) end = messages.size();
    return std::vector<Message>(messages.begin(), messages.begin() + static_cast<std::ptrdiff_t>(end));
}

std::string prompt_text(const std::vector<Message>& messages) {
    auto prompt = prompt_messages(messages);
    std::string text;
    bool any_non_system = false;
    for (const auto& m : prompt) any_non_system = any_non_system || m.role != "system";
    for (const auto& m : prompt) {
        if (any_non_system && m.role == "system") continue;
        if (!text.empty()) text += '\n';
        text += m.content;
    }
    return text;
}

std::string normalise_prompt_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x80 && (std::isspace(u) || std::ispunct(u))) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    }
    return out;
}

std::string normalised_prompt(const std::vector<Message>& messages) {
    return normalise_prompt_text(prompt_text(messages));
}

}  // namespace tb
