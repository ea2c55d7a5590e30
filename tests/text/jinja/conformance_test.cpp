// Every chat template fixture x every fixture conversation renders byte-identically to the
// Python reference (shared/tools/hf_chat_template.py, i.e. transformers' environment),
// generation spans included, or fails where the reference fails.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/shared_fixtures.h"
#include "core/text/chat_template.h"

namespace {

namespace fs = std::filesystem;
const std::string kShared = TUNEBENCH_SHARED_DIR;
const std::string kTemplates = kShared + "/fixtures/chat-templates";
constexpr const char* kEpoch = "1700000000";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool python_jinja_available() { return std::system("python3 -c 'import jinja2' >/dev/null 2>&1") == 0; }

// Where two texts first differ, for a readable failure.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    auto around = [&](const std::string& s) { return s.substr(i < 40 ? 0 : i - 40, 100); };
    return "byte " + std::to_string(i) + "\n  ours:      [" + around(a) + "]\n  reference: [" + around(b) + "]";
}

TEST(ChatTemplateConformance, AllFixturesMatchTheReference) {
    TB_SKIP_WITHOUT_SHARED(kTemplates + "/conversations.json",
                           "the 57 shared chat templates x 12 conversations against the Python reference "
                           "(fixture_templates_test.cpp checks the project's own on every clone)");
    if (!python_jinja_available()) GTEST_SKIP() << "python3-jinja2 absent";
    ::setenv("SOURCE_DATE_EPOCH", kEpoch, 1);

    std::string out_path = (fs::temp_directory_path() / ("tb_oracle_" + std::to_string(::getpid()) + ".json")).string();
    std::string cmd = std::string("SOURCE_DATE_EPOCH=") + kEpoch + " python3 '" + TUNEBENCH_SOURCE_DIR +
                      "/tests/text/jinja/oracle_driver.py' '" + kShared + "' '" + out_path + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    auto oracle = nlohmann::ordered_json::parse(read_all(out_path));
    fs::remove(out_path);
    auto conversations = nlohmann::ordered_json::parse(read_all(kTemplates + "/conversations.json"));
    std::map<std::string, nlohmann::ordered_json> requests;
    for (const auto& c : conversations) {
        nlohmann::ordered_json req = c;
        req.erase("name");
        req["bos_token"] = "<s>";
        req["eos_token"] = "</s>";
        requests[c["name"].get<std::string>()] = req;
    }

    std::map<std::string, std::unique_ptr<tb::ChatTemplate>> parsed;
    std::map<std::string, std::string> parse_errors;
    int passed = 0, total = 0, with_spans = 0, expected_errors = 0;
    for (const auto& expected : oracle) {
        ++total;
        std::string name = expected["template"].get<std::string>();
        std::string conv = expected["conversation"].get<std::string>();
        std::string where = name + " x " + conv;
        if (!parsed.count(name) && !parse_errors.count(name)) {
            try {
                parsed[name] = std::make_unique<tb::ChatTemplate>(read_all(kTemplates + "/" + name));
            } catch (const tb::TemplateError& e) {
                parse_errors[name] = e.python_style();
            }
        }
        std::string ours_error;
        tb::RenderResult result;
        if (parse_errors.count(name)) {
            ours_error = parse_errors[name];
        } else {
            try {
                result = parsed[name]->render(requests.at(conv));
            } catch (const tb::TemplateError& e) {
                ours_error = e.python_style();
            }
        }
        if (expected.contains("error")) {
            ++expected_errors;
            std::string want = expected["error"].get<std::string>();
            EXPECT_EQ(ours_error, want) << where;
            if (ours_error == want) ++passed;
            continue;
        }
        if (!ours_error.empty()) {
            ADD_FAILURE() << where << ": we failed where the reference renders: " << ours_error;
            continue;
        }
        std::string want_text = expected["text"].get<std::string>();
        auto want_spans = expected["generation_spans"].get<std::vector<std::vector<std::size_t>>>();
        std::vector<std::vector<std::size_t>> got_spans;
        for (const auto& [s, e] : result.generation_spans_chars) got_spans.push_back({s, e});
        with_spans += !want_spans.empty();
        bool ok = true;
        if (result.text != want_text) {
            ADD_FAILURE() << where << ": text differs at " << first_difference(result.text, want_text);
            ok = false;
        }
        if (got_spans != want_spans) {
            ADD_FAILURE() << where << ": generation spans differ";
            ok = false;
        }
        // Byte spans must cover the same text as the code point spans.
        for (std::size_t i = 0; ok && i < result.generation_spans.size(); ++i) {
            auto [bs, be] = result.generation_spans[i];
            EXPECT_LE(be, result.text.size());
        }
        passed += ok;
    }
    std::printf("[conformance] %d/%d cases match the reference (%d expected errors, %d with generation spans)\n",
                passed, total, expected_errors, with_spans);
    EXPECT_EQ(passed, total);
    EXPECT_GT(total, 600);
}

}  // namespace
