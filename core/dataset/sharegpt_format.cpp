// ShareGPT records (FastChat, LLaMA-Factory) -> Example.
#include "core/dataset/record_formats.h"

namespace tb {
namespace {

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

// function_call's value is JSON text: {"name", "arguments"} or a list of them (parallel calls).
nlohmann::json tool_calls_from_value(const std::string& value, const std::string& where) {
    const auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded())
        throw RecordRejected(RejectReason::BadField, where + ": the function_call value is not valid JSON");
    const auto calls = parsed.is_array() ? parsed : nlohmann::json::array({parsed});
    nlohmann::json tool_calls = nlohmann::json::array();
    for (const auto& call : calls) {
        if (!call.is_object() || !call.contains("name") || !call["name"].is_string())
            throw RecordRejected(RejectReason::BadField,
                                 where + ": the function_call value needs {\"name\": ..., \"arguments\": ...}");
        nlohmann::json function = {{"name", call["name"]}};
        // Arguments stay as written (usually an object, the form chat templates expect).
        function["arguments"] = call.contains("arguments") ? call["arguments"] : nlohmann::json::object();
        tool_calls.push_back({{"type", "function"}, {"function", std::move(function)}});
    }
    if (tool_calls.empty())
        throw RecordRejected(RejectReason::BadField, where + ": the function_call value lists no call");
    return tool_calls;
}

}  // namespace

Example sharegpt_record_to_example(const nlohmann::json& record) {
    Example example;
    const nlohmann::json* conversations = nullptr;
    std::string system;
    for (const auto& [key, value] : record.items()) {
        if (key == "conversations") {
            conversations = &value;
        } else if (key == "tools") {
            example.tools = parse_tools_field(value);
        } else if (key == "system") {
            if (!value.is_null() && !value.is_string())
                throw RecordRejected(RejectReason::BadField, "\"system\" must be a string");
            if (value.is_string()) system = value.get<std::string>();
        } else if (!is_allowed_extra_key(key)) {
            throw RecordRejected(RejectReason::UnrecognisedKey, in_quotes(key));
        }
    }
    if (!conversations || conversations->is_null())
        throw RecordRejected(RejectReason::MissingMessages, "no \"conversations\"");
    if (!conversations->is_array()) throw RecordRejected(RejectReason::BadField, "\"conversations\" must be a list");
    if (conversations->empty()) throw RecordRejected(RejectReason::MissingMessages, "\"conversations\" is empty");

    if (!system.empty()) example.messages.push_back(Message{"system", system, {}, nullptr, {}, std::nullopt});
    for (std::size_t i = 0; i < conversations->size(); ++i) {
        const auto& turn = (*conversations)[i];
        if (!turn.is_object())
            throw RecordRejected(RejectReason::BadField, describe_message(i, "") + " is not an object");
        const nlohmann::json* from = nullptr;
        const nlohmann::json* value = nullptr;
        for (const auto& [key, field] : turn.items()) {
            if (key == "from")
                from = &field;
            else if (key == "value")
                value = &field;
            else
                throw RecordRejected(RejectReason::UnrecognisedKey, in_quotes(key) + " in " + describe_message(i, ""));
        }
        if (!from || from->is_null())
            throw RecordRejected(RejectReason::MessageMissingRoleOrContent,
                                 describe_message(i, "") + " has no \"from\"");
        if (!from->is_string())
            throw RecordRejected(RejectReason::UnrecognisedRole, from->dump() + " in " + describe_message(i, ""));
        const std::string& speaker = from->get_ref<const std::string&>();
        const std::string where = describe_message(i, speaker);
        if (!value || value->is_null()) {
            throw RecordRejected(speaker == "gpt" || speaker == "assistant" ? RejectReason::MissingContent
                                                                            : RejectReason::MessageMissingRoleOrContent,
                                 where + " has no \"value\"");
        }
        if (!value->is_string()) throw RecordRejected(RejectReason::BadField, where + ": \"value\" must be a string");
        const std::string& text = value->get_ref<const std::string&>();

        Message message;
        if (speaker == "human" || speaker == "user") {
            message.role = "user";
            message.content = text;
        } else if (speaker == "gpt" || speaker == "assistant") {
            message.role = "assistant";
            message.content = text;
        } else if (speaker == "system") {
            message.role = "system";
            message.content = text;
        } else if (speaker == "function_call") {
            message.role = "assistant";
            message.tool_calls = tool_calls_from_value(text, where);
        } else if (speaker == "observation" || speaker == "tool") {
            message.role = "tool";
            message.content = text;
            // Name the result after the call it answers, when that is unambiguous.
            if (!example.messages.empty()) {
                const auto& calls = example.messages.back().tool_calls;
                if (calls.is_array() && calls.size() == 1)
                    message.name = calls[0]["function"]["name"].get<std::string>();
            }
        } else {
            throw RecordRejected(RejectReason::UnrecognisedRole, in_quotes(speaker) + " in " + describe_message(i, ""));
        }
        example.messages.push_back(std::move(message));
    }
    check_conversation(example, /*allow_consecutive_assistant=*/false);
    return example;
}

}  // namespace tb
