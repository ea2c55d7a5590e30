// Differential tests: small templates exercising one Jinja2 feature each
// (feature_cases.json) render exactly as Python's jinja2 does in transformers' environment.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "common/shared_fixtures.h"
#include "core/text/chat_template.h"

namespace {

namespace fs = std::filesystem;

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Cases where we fail on purpose with a clearer message than the reference
// (which fails too): templates cannot load other templates.
const std::set<std::string> kDifferentErrorText = {"include_rejected"};

TEST(JinjaFeatures, MatchPythonJinja2) {
    const std::string shared = TUNEBENCH_SHARED_DIR;
    TB_SKIP_WITHOUT_SHARED(shared + "/tools/hf_chat_template.py",
                           "feature_cases.json against the Python reference shared/tools/hf_chat_template.py");
    if (std::system("python3 -c 'import jinja2' >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3-jinja2 absent";
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const std::string cases_path = std::string(TUNEBENCH_SOURCE_DIR) + "/tests/text/jinja/feature_cases.json";
    std::string out_path = (fs::temp_directory_path() / ("tb_cases_" + std::to_string(::getpid()) + ".json")).string();
    std::string cmd = "SOURCE_DATE_EPOCH=1700000000 python3 '" + std::string(TUNEBENCH_SOURCE_DIR) +
                      "/tests/text/jinja/oracle_driver.py' '" + shared + "' '" + out_path + "' --cases '" + cases_path +
                      "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    auto expected = nlohmann::ordered_json::parse(read_all(out_path));
    fs::remove(out_path);
    auto cases = nlohmann::ordered_json::parse(read_all(cases_path));
    ASSERT_EQ(expected.size(), cases.size());

    int passed = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& c = cases[i];
        const auto& want = expected[i];
        std::string name = c["name"].get<std::string>();
        std::string error;
        tb::RenderResult got;
        try {
            tb::ChatTemplate t(c["template"].get<std::string>());
            got = t.render(c["variables"]);
        } catch (const tb::TemplateError& e) {
            error = e.python_style();
        }
        if (want.contains("error")) {
            if (kDifferentErrorText.count(name)) {
                EXPECT_FALSE(error.empty()) << name << ": the reference fails with " << want["error"];
                passed += !error.empty();
            } else {
                EXPECT_EQ(error, want["error"].get<std::string>()) << name;
                passed += error == want["error"].get<std::string>();
            }
            continue;
        }
        if (!error.empty()) {
            ADD_FAILURE() << name << ": we fail with " << error << ", the reference renders "
                          << want["text"].get<std::string>();
            continue;
        }
        std::vector<std::vector<std::size_t>> spans;
        for (const auto& [s, e] : got.generation_spans_chars) spans.push_back({s, e});
        // A generator's repr shows its address ("<generator object ... at 0x7f...>"): only that may differ.
        static const std::regex address(" at 0x[0-9a-f]+>");
        std::string got_text = std::regex_replace(got.text, address, " at 0x>");
        std::string want_text = std::regex_replace(want["text"].get<std::string>(), address, " at 0x>");
        bool ok =
            got_text == want_text && spans == want["generation_spans"].get<std::vector<std::vector<std::size_t>>>();
        EXPECT_EQ(got_text, want_text) << name << "\n  template: " << c["template"].get<std::string>();
        EXPECT_EQ(spans, want["generation_spans"].get<std::vector<std::vector<std::size_t>>>()) << name;
        passed += ok;
    }
    std::printf("[features] %d/%zu feature cases match Python jinja2\n", passed, cases.size());
}

}  // namespace
