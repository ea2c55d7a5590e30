// OpenAI chat records -> Example.
#include "core/dataset/record_formats.h"

namespace tb {
namespace {

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

// Content as a string, or a list of text parts ({"type": "text", "text" | "value": ...}),
// joined without a separator (what chat templates do with text parts).
std::string content_text(const nlohmann::json& content, const std::string& where) {
    if (content.is_string()) return content.get<std::string>();
    if (!content.is_array())
        throw RecordRejected(RejectReason::BadField, where + ": \"content\" must be a string or a list of text parts");
    std::string text;
    for (const auto& part : content) {
        if (part.is_string()) {  // some exporters write a bare list of strings
            text += part.get<std::string>();
            continue;
        }
        if (!part.is_object())
            throw RecordRejected(RejectReason::BadField, where + ": a content part is not an object");
        if (const auto type = part.find("type"); type != part.end() && *type != "text") {
            const std::string name = type->is_string() ? type->get<std::string>() : type->dump();
            throw RecordRejected(RejectReason::BadField,
                                 where + ": content part of type " + in_quotes(name) + " is not supported (text only)");
        }
        auto value = part.find("text");
        if (value == part.end()) value = part.find("value");
        if (value == part.end() || !value->is_string())
            throw RecordRejected(RejectReason::BadField, where + ": a text part has no \"text\" or \"value\" string");
        text += value->get<std::string>();
    }
    return text;
}

void check_tool_calls(const nlohmann::json& calls, const std::string& where) {
    if (!calls.is_array()) throw RecordRejected(RejectReason::BadField, where + ": \"tool_calls\" must be a list");
    for (const auto& call : calls) {
        const auto function = call.is_object() ? call.find("function") : call.end();
        if (!call.is_object() || function == call.end() || !function->is_object() || !function->contains("name") ||
            !(*function)["name"].is_string())
            throw RecordRejected(RejectReason::BadField,
                                 where + ": each tool call needs {\"function\": {\"name\": ..., \"arguments\": ...}}");
    }
}

std::optional<double> weight_field(const nlohmann::json& value, const char* key, const std::string& where) {
    if (value.is_null()) return std::nullopt;
    if (!value.is_number()) throw RecordRejected(RejectReason::BadField, where + ": \"" + key + "\" must be a number");
    return value.get<double>();
}

Message chat_message(const nlohmann::json& m, std::size_t index) {
    if (!m.is_object()) throw RecordRejected(RejectReason::BadField, describe_message(index, "") + " is not an object");
    Message message;
    const auto role = m.find("role");
    if (role == m.end() || role->is_null())
        throw RecordRejected(RejectReason::MessageMissingRoleOrContent,
                             describe_message(index, "") + " has no \"role\"");
    if (!role->is_string())
        throw RecordRejected(RejectReason::UnrecognisedRole, role->dump() + " in " + describe_message(index, ""));
    message.role = role->get<std::string>();
    if (message.role == "developer") message.role = "system";  // OpenAI's newer name for it
    if (message.role != "system" && message.role != "user" && message.role != "assistant" && message.role != "tool")
        throw RecordRejected(RejectReason::UnrecognisedRole,
                             in_quotes(message.role) + " in " + describe_message(index, ""));
    const std::string where = describe_message(index, message.role);

    bool has_content = false;
    for (const auto& [key, value] : m.items()) {
        if (key == "role") continue;
        if (key == "content") {
            if (!value.is_null()) {
                message.content = content_text(value, where);
                has_content = true;
            }
        } else if (key == "name") {
            if (!value.is_null() && !value.is_string())
                throw RecordRejected(RejectReason::BadField, where + ": \"name\" must be a string");
            if (value.is_string()) message.name = value.get<std::string>();
        } else if (key == "tool_calls") {
            if (!value.is_null()) {
                check_tool_calls(value, where);
                if (!value.empty()) message.tool_calls = value;
            }
        } else if (key == "tool_call_id") {
            if (!value.is_null() && !value.is_string())
                throw RecordRejected(RejectReason::BadField, where + ": \"tool_call_id\" must be a string");
            if (value.is_string()) message.tool_call_id = value.get<std::string>();
        } else if (key == "weight" || key == "loss_weight") {
            message.weight = weight_field(value, key.c_str(), where);
        } else {
            throw RecordRejected(RejectReason::UnrecognisedKey, in_quotes(key) + " in " + where);
        }
    }
    if (!message.tool_calls.is_null() && message.role != "assistant")
        throw RecordRejected(RejectReason::BadField, where + ": only assistant messages may have \"tool_calls\"");
    if (!has_content) {
        if (message.role == "assistant" && message.tool_calls.is_null())
            throw RecordRejected(RejectReason::MissingContent, where + " has neither content nor tool_calls");
        if (message.role != "assistant")
            throw RecordRejected(RejectReason::MessageMissingRoleOrContent, where + " has no \"content\"");
    }
    return message;
}

}  // namespace

Example chat_record_to_example(const nlohmann::json& record) {
    Example example;
    const nlohmann::json* messages = nullptr;
    for (const auto& [key, value] : record.items()) {
        if (key == "messages")
            messages = &value;
        else if (key == "tools")
            example.tools = parse_tools_field(value);
        else if (!is_allowed_extra_key(key))
            throw RecordRejected(RejectReason::UnrecognisedKey, in_quotes(key));
    }
    if (!messages || messages->is_null()) throw RecordRejected(RejectReason::MissingMessages, "");
    if (!messages->is_array()) throw RecordRejected(RejectReason::BadField, "\"messages\" must be a list");
    if (messages->empty()) throw RecordRejected(RejectReason::MissingMessages, "\"messages\" is empty");
    example.messages.reserve(messages->size());
    for (std::size_t i = 0; i < messages->size(); ++i) example.messages.push_back(chat_message((*messages)[i], i));
    check_conversation(example, /*allow_consecutive_assistant=*/true);
    return example;
}

}  // namespace tb
