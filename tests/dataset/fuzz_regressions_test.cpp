// Inputs the importer fuzzers (tests/fuzz, scripts/fuzz.sh) crashed on, replayed, and the
// bugs they found pinned down in plain terms.
#include "dataset_test_util.h"
#include "tests/fuzz/import_target.h"
#include "tests/fuzz/regressions.h"

namespace tb {
namespace {

TEST(FuzzRegressions, JsonlImportInputs) { fuzz::replay_regressions("import_jsonl", fuzz::import_jsonl); }

// A number too large for a double (2e308) made nlohmann throw out_of_range.406, not
// parse_error: it escaped the record's "invalid JSON" rejection and aborted the whole import.
TEST(FuzzRegressions, ANumberTooLargeRejectsOnlyItsRecord) {
    const std::string good =
        R"({"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]})";
    testing::TempFile file("big.jsonl", good + "\n" +
                                            R"({"messages": [{"role": "user", "content": "a", "weight": 2e308},)"
                                            R"( {"role": "assistant", "content": "b"}]})" +
                                            "\n" + good + "\n");
    const auto result = testing::import_file(file.path());
    EXPECT_EQ(result.examples.size(), 2u);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected[0].line, 2u);
    EXPECT_EQ(result.rejected[0].reason, RejectReason::InvalidJson);
    EXPECT_NE(result.rejected[0].detail.find("number overflow"), std::string::npos) << result.rejected[0].detail;
}

}  // namespace
}  // namespace tb
