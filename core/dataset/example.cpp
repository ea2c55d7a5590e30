#include "core/dataset/example.h"

#include "core/common/error.h"
#include "core/common/sha256.h"

namespace tb {

nlohmann::json to_json(const Example& example) {
    nlohmann::json messages = nlohmann::json::array();
    for (const Message& message : example.messages) {
        nlohmann::json m = {{"role", message.role}, {"content", message.content}};
        if (!message.name.empty()) m["name"] = message.name;
        if (!message.tool_calls.is_null()) m["tool_calls"] = message.tool_calls;
        if (!message.tool_call_id.empty()) m["tool_call_id"] = message.tool_call_id;
        if (message.weight) m["weight"] = *message.weight;
        messages.push_back(std::move(m));
    }
    nlohmann::json j = {{"messages", std::move(messages)}};
    if (!example.tools.is_null()) j["tools"] = example.tools;
    return j;
}

namespace {

std::string string_field(const nlohmann::json& object, const char* key, bool required) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        if (required) throw Error(std::string("example JSON: message has no \"") + key + "\"");
        return {};
    }
    if (!it->is_string()) throw Error(std::string("example JSON: message \"") + key + "\" is not a string");
    return it->get<std::string>();
}

}  // namespace

Example example_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("example JSON: not an object");
    const auto messages = j.find("messages");
    if (messages == j.end() || !messages->is_array())
        throw Error("example JSON: \"messages\" is missing or not an array");
    Example example;
    example.messages.reserve(messages->size());
    for (const auto& m : *messages) {
        if (!m.is_object()) throw Error("example JSON: a message is not an object");
        Message message;
        message.role = string_field(m, "role", true);
        message.content = string_field(m, "content", false);
        message.name = string_field(m, "name", false);
        message.tool_call_id = string_field(m, "tool_call_id", false);
        if (const auto calls = m.find("tool_calls"); calls != m.end() && !calls->is_null()) {
            if (!calls->is_array()) throw Error("example JSON: \"tool_calls\" is not an array");
            message.tool_calls = *calls;
        }
        if (const auto weight = m.find("weight"); weight != m.end() && !weight->is_null()) {
            if (!weight->is_number()) throw Error("example JSON: \"weight\" is not a number");
            message.weight = weight->get<double>();
        }
        example.messages.push_back(std::move(message));
    }
    if (const auto tools = j.find("tools"); tools != j.end() && !tools->is_null()) {
        if (!tools->is_array()) throw Error("example JSON: \"tools\" is not an array");
        example.tools = *tools;
    }
    return example;
}

std::string content_hash(const Example& example) {
    // nlohmann::json objects keep keys sorted, so dump() is canonical: same content, same text.
    return sha256_hex(to_json(example).dump());
}

std::string plain_text(const Example& example) {
    std::string text;
    for (std::size_t i = 0; i < example.messages.size(); ++i) {
        if (i) text.push_back('\n');
        text += example.messages[i].content;
    }
    return text;
}

}  // namespace tb
