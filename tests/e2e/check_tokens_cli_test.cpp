// `check --tokenizer`: token lengths in the data report, counted with the real stories260K
// tokenizer (no chat template: message texts only, and the report says so).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/shared_fixtures.h"
#include "core/text/tokenizer.h"
#include "e2e/cli_runner.h"

namespace {

using tbtest::CliDir;

TEST(CliCheckTokens, TokenLengthsFromTheNamedTokenizer) {
    const std::string model = std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/models/stories260K";
    TB_SKIP_WITHOUT_SHARED(model + "/tokenizer.json", "`check --tokenizer` token lengths with stories260K's tokenizer");
    CliDir dir;
    const std::string project = dir.file("p.tunebench");
    const std::string data = dir.file("d.jsonl");
    {
        std::ofstream out(data);
        out << R"({"messages":[{"role":"user","content":"Once upon a time"},{"role":"assistant","content":"there was a cat."}]})"
            << "\n"
            << R"({"messages":[{"role":"user","content":"Tell me a story about a big red ball"},{"role":"assistant","content":"Lily saw a ball. She was happy."}]})"
            << "\n";
    }
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    ASSERT_EQ(dir.run({"import", project, data}).exit_code, 0);

    auto result = dir.run({"check", project, "--tokenizer", model, "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto report = nlohmann::json::parse(result.out);
    ASSERT_TRUE(report["stats"].contains("tokens_per_example")) << result.out;
    const auto& tokens = report["stats"]["tokens_per_example"];
    EXPECT_NE(tokens["tokenizer"].get<std::string>().find("message texts only"), std::string::npos);

    auto tok = tb::Tokenizer::from_folder(model);
    auto count = [&](std::initializer_list<const char*> texts) {
        std::size_t n = 0;
        for (const char* t : texts) n += tok.encode(t, false).size();
        return n;
    };
    std::size_t a = count({"Once upon a time", "there was a cat."});
    std::size_t b = count({"Tell me a story about a big red ball", "Lily saw a ball. She was happy."});
    EXPECT_EQ(tokens["min"].get<std::size_t>(), std::min(a, b));
    EXPECT_EQ(tokens["max"].get<std::size_t>(), std::max(a, b));

    auto bad = dir.run({"check", project, "--tokenizer", dir.file("missing")});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("missing"), std::string::npos) << bad.err;
}

}  // namespace
