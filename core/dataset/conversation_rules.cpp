#include "core/dataset/record_formats.h"

#include <array>

namespace tb {

bool is_allowed_extra_key(const std::string& key) {
    static const std::array<std::string, 6> kAllowed = {"id", "source", "category", "metadata", "tags", "language"};
    for (const auto& allowed : kAllowed)
        if (key == allowed) return true;
    return false;
}

std::string describe_message(std::size_t index, const std::string& role) {
    std::string text = "message " + std::to_string(index + 1);
    if (!role.empty()) text += " (" + role + ")";
    return text;
}

void check_conversation(const Example& example, bool allow_consecutive_assistant) {
    const auto& messages = example.messages;
    bool has_assistant = false;
    for (const Message& m : messages) has_assistant |= m.role == "assistant";
    if (!has_assistant) throw RecordRejected(RejectReason::NoAssistantMessage, "");

    for (std::size_t i = 0; i < messages.size(); ++i) {
        const std::string& role = messages[i].role;
        const std::string* previous = i ? &messages[i - 1].role : nullptr;
        if (role == "system" && i > 0)
            throw RecordRejected(RejectReason::RoleOrder,
                                 describe_message(i, role) + ": a system message may only come first");
        if (!previous) continue;
        if (role == "user" && *previous == "user")
            throw RecordRejected(RejectReason::RoleOrder, "two user messages in a row (messages " + std::to_string(i) +
                                                              " and " + std::to_string(i + 1) + ")");
        if (role == "assistant" && *previous == "assistant" && !allow_consecutive_assistant)
            throw RecordRejected(RejectReason::RoleOrder, "two assistant messages in a row (messages " +
                                                              std::to_string(i) + " and " + std::to_string(i + 1) +
                                                              ")");
        if (role == "tool") {
            const bool after_call =
                (*previous == "assistant" && !messages[i - 1].tool_calls.is_null()) || *previous == "tool";
            if (!after_call)
                throw RecordRejected(RejectReason::RoleOrder,
                                     describe_message(i, role) + " does not follow an assistant tool call");
        }
    }
    if (messages.front().role == "tool")
        throw RecordRejected(RejectReason::RoleOrder, "message 1 (tool) does not follow an assistant tool call");
}

}  // namespace tb

namespace tb {

nlohmann::json parse_tools_field(const nlohmann::json& tools) {
    nlohmann::json parsed = tools;
    if (tools.is_string()) {
        const std::string& text = tools.get_ref<const std::string&>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) return nullptr;
        parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded()) throw RecordRejected(RejectReason::BadField, "\"tools\" is text but not valid JSON");
    }
    if (parsed.is_null()) return nullptr;
    if (parsed.is_object()) parsed = nlohmann::json::array({parsed});  // a single schema
    if (!parsed.is_array())
        throw RecordRejected(RejectReason::BadField, "\"tools\" must be a list of function schemas");
    if (parsed.empty()) return nullptr;
    for (const auto& tool : parsed)
        if (!tool.is_object())
            throw RecordRejected(RejectReason::BadField, "each entry of \"tools\" must be an object");
    return parsed;
}

}  // namespace tb
