// Jinja2's own test suite, ported: every case of pallets/jinja's test_filters.py,
// test_core_tags.py, test_tests.py and test_regression.py that needs only JSON-shaped
// variables (tests/text/jinja/jinja2_cases.json, made by tests/tools/jinja2_port_cases.py),
// with the output python3-jinja2 gives in transformers' environment recorded by
// tests/tools/jinja2_expected.py. Texts must match byte for byte (generator reprs up to their
// address), errors by their Python exception name. The cases Tunebench deliberately does not
// support are listed in the same file with the reason.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/text/chat_template.h"

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "<generator object sync_do_map at 0x7f...>": the address is the only part that may differ.
std::string without_addresses(const std::string& text) {
    static const std::regex address(" at 0x[0-9a-f]+>");
    return std::regex_replace(text, address, " at 0x>");
}

TEST(Jinja2Suite, PortedCasesRenderLikePythonJinja2) {
    const std::string path = std::string(TUNEBENCH_SOURCE_DIR) + "/tests/text/jinja/jinja2_cases.json";
    auto data = nlohmann::ordered_json::parse(read_all(path));
    const auto& cases = data.at("cases");
    ASSERT_GT(cases.size(), 250u);
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);

    int passed = 0, errors = 0;
    for (const auto& c : cases) {
        const std::string id = c.at("id").get<std::string>();
        const std::string source = c.at("template").get<std::string>();
        const auto& want = c.at("expected");
        std::string text, error_kind, error;
        try {
            tb::ChatTemplate t(source);
            text = t.render(c.at("variables")).text;
        } catch (const tb::TemplateError& e) {
            error_kind = e.kind();
            error = e.message();
        }
        if (want.contains("error_kind")) {
            ++errors;
            bool ok = error_kind == want["error_kind"].get<std::string>();
            EXPECT_TRUE(ok) << id << "\n  template: " << source << "\n  python: " << want["error_kind"] << ": "
                            << want["error"]
                            << "\n  ours: " << (error_kind.empty() ? "rendered " + text : error_kind + ": " + error);
            passed += ok;
            continue;
        }
        bool ok = error_kind.empty() && without_addresses(text) == without_addresses(want["text"].get<std::string>());
        EXPECT_TRUE(ok) << id << "\n  template: " << source << "\n  python: " << want["text"]
                        << "\n  ours: " << (error_kind.empty() ? text : error_kind + ": " + error);
        passed += ok;
    }
    std::map<std::string, int> reasons;
    for (const auto& e : data.at("excluded")) ++reasons[e.at("reason").get<std::string>()];
    std::printf("[jinja2 suite] %d/%zu ported cases match %s (%d of them errors); %zu excluded:\n", passed,
                cases.size(), data.value("recorded_with", "python3-jinja2").c_str(), errors,
                data.at("excluded").size());
    for (const auto& [reason, n] : reasons) std::printf("  %3d  %s\n", n, reason.c_str());
}

}  // namespace
