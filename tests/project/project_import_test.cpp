#include "core/project/project_import.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/shared_fixtures.h"
#include "common/temp_dir.h"
#include "core/project/examples.h"

namespace {

using tb::ProjectFile;

std::string chat_line(int i) {
    return R"({"messages": [{"role": "user", "content": "question )" + std::to_string(i) +
           R"("}, {"role": "assistant", "content": "answer )" + std::to_string(i) + R"("}]})";
}

std::string good_file(int n, int first = 0) {
    std::string text;
    for (int i = first; i < first + n; ++i) text += chat_line(i) + "\n";
    return text;
}

std::string fixture(const std::string& name) {
    return std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/datasets/" + name;
}

class ImportTest : public ::testing::Test {
protected:
    tbtest::TempDir dir;
    ProjectFile project = ProjectFile::create(dir.file("p.tunebench"));
};

TEST_F(ImportTest, ImportsEveryRecordAndRecordsAReport) {
    std::string path = dir.write("data.jsonl", good_file(50));
    auto result = tb::import_file(project, path, {}, false);
    EXPECT_EQ(result.summary.records, 50u);
    EXPECT_EQ(result.inserted, 50u);
    EXPECT_EQ(result.duplicates, 0u);
    EXPECT_EQ(result.summary.detected, tb::DatasetFormat::Chat);
    EXPECT_EQ(tb::count_examples(project), 50);

    auto reports = tb::list_import_reports(project);
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].id, result.import_id);
    EXPECT_EQ(reports[0].format, "chat");
    EXPECT_EQ(reports[0].inserted, 50u);
    auto stored = tb::get_example(project, 50);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->example.source_line, 50u);
    EXPECT_EQ(stored->import_id.value_or(0), result.import_id);
    EXPECT_EQ(stored->example.messages[1].content, "answer 49");
}

TEST_F(ImportTest, ReimportAddsNothing) {
    std::string path = dir.write("data.jsonl", good_file(30));
    tb::import_file(project, path, {}, false);
    auto again = tb::import_file(project, path, {}, false);
    EXPECT_EQ(again.inserted, 0u);
    EXPECT_EQ(again.duplicates, 30u);
    EXPECT_EQ(tb::count_examples(project), 30);
    // An overlapping file adds only what is new.
    auto overlap = tb::import_file(project, dir.write("more.jsonl", good_file(20, 20)), {}, false);
    EXPECT_EQ(overlap.inserted, 10u);
    EXPECT_EQ(overlap.duplicates, 10u);
    EXPECT_EQ(tb::count_examples(project), 40);
}

TEST_F(ImportTest, ABadRecordRejectsTheWholeFileByDefault) {
    std::string text = good_file(3) + "{not json\n" + good_file(2, 10) +
                       R"({"messages": [{"role": "user", "content": "only a question"}]})" + "\n";
    std::string path = dir.write("bad.jsonl", text);
    try {
        tb::import_file(project, path, {}, false);
        FAIL() << "expected ImportRejected";
    } catch (const tb::ImportRejected& e) {
        ASSERT_EQ(e.rejects().size(), 2u);
        EXPECT_EQ(e.rejects()[0].line, 4u);
        EXPECT_EQ(e.rejects()[0].reason, tb::RejectReason::InvalidJson);
        EXPECT_EQ(e.rejects()[1].line, 7u);
        EXPECT_EQ(e.rejects()[1].message().rfind(path + ":7: ", 0), 0u) << e.rejects()[1].message();
        EXPECT_NE(std::string(e.what()).find("--skip-invalid"), std::string::npos);
    }
    EXPECT_EQ(tb::count_examples(project), 0);
    EXPECT_TRUE(tb::list_import_reports(project).empty());
}

TEST_F(ImportTest, SkipInvalidKeepsTheGoodRecordsAndStoresTheBadOnes) {
    std::string text = good_file(3) + "{not json\n" + good_file(2, 10);
    std::string path = dir.write("bad.jsonl", text);
    auto result = tb::import_file(project, path, {}, true);
    EXPECT_EQ(result.inserted, 5u);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected[0].line, 4u);
    EXPECT_EQ(tb::count_examples(project), 5);

    auto rejects = tb::import_rejects(project, result.import_id);
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].line, 4u);
    EXPECT_EQ(rejects[0].reason, tb::RejectReason::InvalidJson);
    EXPECT_EQ(rejects[0].raw, "{not json");
    EXPECT_EQ(rejects[0].file, path);
    EXPECT_EQ(tb::list_import_reports(project)[0].rejected, 1u);
    EXPECT_EQ(result.to_json()["rejects"][0]["line"], 4);
}

TEST_F(ImportTest, CancelLeavesTheProjectUntouched) {
    tb::import_file(project, dir.write("first.jsonl", good_file(10)), {}, false);
    std::string path = dir.write("big.jsonl", good_file(20000, 100));
    tb::JobContext ctx;
    ctx.cancel = std::make_shared<tb::CancelToken>();
    std::int64_t reports = 0;
    ctx.progress = [&](const tb::Progress& progress) {
        ++reports;
        if (progress.done > 0 && progress.done < progress.total) ctx.cancel->cancel();
    };
    EXPECT_THROW(tb::import_file(project, path, {}, false, ctx), tb::Cancelled);
    EXPECT_GT(reports, 0);
    EXPECT_EQ(tb::count_examples(project), 10);
    EXPECT_EQ(tb::list_import_reports(project).size(), 1u);
}

TEST_F(ImportTest, MissingFileIsAnError) {
    EXPECT_THROW(tb::import_file(project, dir.file("absent.jsonl"), {}, false), tb::Error);
    EXPECT_TRUE(tb::list_import_reports(project).empty());
}

TEST_F(ImportTest, RealFixturesImportWithTheirRecordCounts) {
    TB_SKIP_WITHOUT_SHARED(fixture("alpaca_en_demo.json"),
                           "importing the 5 real public datasets into a project with their record counts");
    struct Case {
        const char* file;
        std::size_t records;
    };
    for (Case c : {Case{"alpaca_en_demo.json", 999}, Case{"sharegpt_dummy_conversation.json", 500},
                   Case{"glaive_toolcall_en_demo.json", 300}, Case{"v1_sft_demo.jsonl", 500}}) {
        auto result = tb::import_file(project, fixture(c.file), {}, false);
        EXPECT_EQ(result.summary.records, c.records) << c.file;
        EXPECT_EQ(result.summary.accepted, c.records) << c.file;
        EXPECT_EQ(result.inserted + result.duplicates, c.records) << c.file;
    }
    // FTS covers the imported text.
    EXPECT_FALSE(tb::search_examples(project, "assistant", 5).empty());
}

}  // namespace
