// render-template: renders a chat template for one request, like transformers'
// apply_chat_template (and shared/tools/hf_chat_template.py, whose --json output it mirrors).
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/tunebench-cli/command.h"
#include "core/text/chat_template.h"
#include "core/text/jinja/renderer.h"
#include "core/text/jinja/value.h"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw tb::Error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int run(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"model", "template", "request"}, {"json"});
    auto model = args.value("model");
    auto template_file = args.value("template");
    auto request_file = args.value("request");
    if (model.has_value() == template_file.has_value())
        throw tbcli::UsageError("give exactly one of --model DIR or --template FILE");
    if (!request_file) throw tbcli::UsageError("missing --request REQUEST.json");

    nlohmann::ordered_json request;
    try {
        request = nlohmann::ordered_json::parse(read_file(*request_file));
    } catch (const nlohmann::json::exception& e) {
        throw tb::Error(*request_file + ": invalid JSON: " + e.what());
    }
    if (!request.is_object())
        throw tb::Error(*request_file + ": the request must be a JSON object of template variables");

    std::string source;
    if (model) {
        tb::ModelChatTemplate found = tb::load_model_chat_template(*model);
        source = std::move(found.source);
        if (!request.contains("bos_token") && found.bos_token) request["bos_token"] = *found.bos_token;
        if (!request.contains("eos_token") && found.eos_token) request["eos_token"] = *found.eos_token;
    } else {
        source = read_file(*template_file);
    }

    tb::RenderResult result;
    try {
        tb::ChatTemplate chat_template(std::move(source));
        result = chat_template.render(request);
    } catch (const tb::TemplateError& e) {
        std::cerr << e.what() << "\n";
        return tbcli::kExitTemplateError;
    }
    if (args.flag("json")) {
        // Python's json.dumps layout (", " and ": "), like the reference prints it.
        std::cout << tb::jinja::json_dumps(tb::jinja::from_json(tb::to_reference_json(result)), {}) << "\n";
    } else {
        std::cout << result.text;
    }
    std::cout.flush();
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration({
    "render-template",
    "render-template (--model DIR | --template FILE) --request REQUEST.json [--json]",
    "Render a chat template exactly as transformers does; --json adds the {% generation %} spans (exit 3 on a template "
    "error).",
    run,
});

}  // namespace
