#pragma once
// Fuzz targets for the Jinja lexer, parser and renderer (core/text/jinja) through
// tb::ChatTemplate, rendered under tight sandbox limits so an input that loops or builds
// large strings ends in a TemplateError quickly; the {% generation %} spans are checked.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text/chat_template.h"
#include "tests/fuzz/fuzz_common.h"

namespace tb::fuzz {

inline jinja::RenderLimits fuzz_limits() {
    jinja::RenderLimits limits;
    limits.max_steps = 200'000;
    limits.max_output_bytes = 1u << 20;
    limits.max_range_length = 100'000;
    return limits;
}

inline std::size_t code_points(const std::string& s, std::size_t bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

// Generation spans: inside the text, and the code point spans are the byte spans counted in
// code points (what the trainer's loss masks rely on).
inline void check_render(const RenderResult& r) {
    if (r.generation_spans.size() != r.generation_spans_chars.size())
        property_broken("byte and code point generation spans differ in number");
    for (std::size_t i = 0; i < r.generation_spans.size(); ++i) {
        auto [b, e] = r.generation_spans[i];
        if (b > e || e > r.text.size()) property_broken("a generation span lies outside the rendered text");
        auto [cb, ce] = r.generation_spans_chars[i];
        if (cb != code_points(r.text, b) || ce != code_points(r.text, e))
            property_broken("code point generation span [" + std::to_string(cb) + ", " + std::to_string(ce) +
                            ") is not byte span [" + std::to_string(b) + ", " + std::to_string(e) + ")");
    }
}

// A conversation with every message shape (system, tool calls, tool results, unicode, list
// content) and a few plain values for filters to chew on.
inline const nlohmann::ordered_json& jinja_variables() {
    static const nlohmann::ordered_json v = nlohmann::ordered_json::parse(R"({
      "messages": [
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "What is 2+2? {{ not jinja }} \u00e9\u4e2d\ud83d\ude00"},
        {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "id": "c1",
          "function": {"name": "add", "arguments": {"a": 2, "b": 2}}}]},
        {"role": "tool", "content": "4", "tool_call_id": "c1", "name": "add"},
        {"role": "assistant", "content": "4"},
        {"role": "user", "content": [{"type": "text", "text": "and 3+3?"}]}
      ],
      "tools": [{"type": "function", "function": {"name": "add", "description": "Adds.",
        "parameters": {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "number"}},
        "required": ["a", "b"]}}}],
      "add_generation_prompt": true,
      "bos_token": "<s>", "eos_token": "</s>",
      "n": 7, "x": -2.5, "big": 9007199254740993, "s": "Hello, World", "empty": "", "none": null,
      "list": [3, 1, 2, "a", null, [1, 2], {"k": "v"}], "dict": {"b": 2, "a": 1, "c": [true, false]}
    })");
    return v;
}

// Input: a template source, parsed and, when it parses, rendered with jinja_variables().
inline void jinja(const std::uint8_t* data, std::size_t size) {
    std::string source(reinterpret_cast<const char*>(data), size);
    std::optional<ChatTemplate> tmpl;
    expect_clean([&] { tmpl.emplace(source); });
    if (!tmpl) return;
    tmpl->set_limits(fuzz_limits());
    expect_clean([&] { check_render(tmpl->render(jinja_variables())); });
}

// The demo model's template, plus every template of the shared fixtures' chat-templates
// folder when it exists, in name order (the same byte picks the same template every run).
inline const std::vector<ChatTemplate>& request_templates() {
    static const std::vector<ChatTemplate> all = [] {
        std::vector<ChatTemplate> v;
        v.emplace_back(
            read_text_file(std::filesystem::path(TUNEBENCH_SOURCE_DIR) / "examples/demo-model/chat_template.jinja"));
        const std::filesystem::path shared = std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures/chat-templates";
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(shared))
            for (const auto& e : std::filesystem::directory_iterator(shared))
                if (e.path().extension() == ".jinja") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) v.emplace_back(read_text_file(f));
        for (auto& t : v) t.set_limits(fuzz_limits());
        return v;
    }();
    return all;
}

// Real chat templates rendered with arbitrary request JSON (messages, tools, flags), as
// imported datasets and --messages files feed them. Input: the first byte picks the
// template, the rest is the request JSON.
inline void chat_template_request(const std::uint8_t* data, std::size_t size) {
    const auto& templates = request_templates();
    if (size == 0) return;
    const ChatTemplate& tmpl = templates[data[0] % templates.size()];
    auto request = nlohmann::ordered_json::parse(data + 1, data + size, nullptr, /*allow_exceptions=*/false);
    if (request.is_discarded()) return;
    expect_clean([&] { check_render(tmpl.render(request)); });
}

}  // namespace tb::fuzz
