// Alpaca records (instruction / input / output) -> Example.
#include "core/dataset/record_formats.h"

namespace tb {
namespace {

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

const std::string* optional_string(const nlohmann::json& record, const char* key) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return nullptr;
    if (!it->is_string()) throw RecordRejected(RejectReason::BadField, in_quotes(key) + " must be a string");
    return &it->get_ref<const std::string&>();
}

Message make_message(const char* role, std::string content) {
    Message message;
    message.role = role;
    message.content = std::move(content);
    return message;
}

}  // namespace

Example alpaca_record_to_example(const nlohmann::json& record) {
    for (const auto& [key, value] : record.items()) {
        if (key != "instruction" && key != "input" && key != "output" && key != "system" && key != "history" &&
            !is_allowed_extra_key(key))
            throw RecordRejected(RejectReason::UnrecognisedKey, in_quotes(key));
    }
    if (!record.contains("instruction")) throw RecordRejected(RejectReason::MissingMessages, "no \"instruction\"");
    if (!record.contains("output")) throw RecordRejected(RejectReason::NoAssistantMessage, "no \"output\"");
    const std::string* instruction = optional_string(record, "instruction");
    const std::string* input = optional_string(record, "input");
    const std::string* output = optional_string(record, "output");
    const std::string* system = optional_string(record, "system");
    if (!instruction) throw RecordRejected(RejectReason::MessageMissingRoleOrContent, "\"instruction\" is null");
    if (!output) throw RecordRejected(RejectReason::MissingContent, "\"output\" is null");

    Example example;
    if (system && !system->empty()) example.messages.push_back(make_message("system", *system));
    if (const auto history = record.find("history"); history != record.end() && !history->is_null()) {
        if (!history->is_array())
            throw RecordRejected(RejectReason::BadField, "\"history\" must be a list of [user, assistant] pairs");
        for (const auto& pair : *history) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
                throw RecordRejected(RejectReason::BadField, "\"history\" must be a list of [user, assistant] pairs");
            example.messages.push_back(make_message("user", pair[0].get<std::string>()));
            example.messages.push_back(make_message("assistant", pair[1].get<std::string>()));
        }
    }
    std::string user = *instruction;
    if (input && !input->empty()) user += user.empty() ? *input : "\n\n" + *input;
    example.messages.push_back(make_message("user", std::move(user)));
    example.messages.push_back(make_message("assistant", *output));
    check_conversation(example, /*allow_consecutive_assistant=*/false);
    return example;
}

}  // namespace tb
