#include <gtest/gtest.h>

#include <fstream>

#include "core/common/error.h"
#include "core/curation/review_csv.h"
#include "core/curation/reviews.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

TEST(ReviewCsv, ExportGradeImportAppendsReviews) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t a = add_example(project, chat("Hello, \"world\"", "Hi,\nthere"));
    std::int64_t b = add_example(project, chat("Second", "Answer"));
    std::string path = dir.file("grades.csv");
    EXPECT_EQ(tb::export_review_csv(project, path, {"ana", tb::ReviewQueue::all}), 2);
    std::string csv = read_all(path);
    EXPECT_EQ(csv.rfind("example_id,conversation,verdict,note,reviewer\r\n", 0), 0u);
    EXPECT_NE(csv.find("\"user: Hello, \"\"world\"\"\n\nassistant: Hi,\nthere\""), std::string::npos) << csv;

    // The grader fills in the first row only (as a spreadsheet would).
    replace_all(csv, "there\",,,ana", "there\",reject,\"rude, too short\",ana");
    std::string graded = dir.write("graded.csv", csv);
    auto result = tb::import_review_csv(project, graded);
    EXPECT_EQ(result.rows, 2);
    EXPECT_EQ(result.recorded, 1);
    EXPECT_EQ(result.ungraded, 1);
    auto v = tb::example_verdicts(project, a);
    EXPECT_EQ(v.by_reviewer.at("ana"), tb::Verdict::reject);
    EXPECT_EQ(v.notes.at("ana"), "rude, too short");
    EXPECT_TRUE(tb::review_history(project, b).empty());

    // A re-export (over the first file: replacing it is asked for) carries the verdict; importing
    // it unchanged appends nothing.
    tb::export_review_csv(project, path, {"ana", tb::ReviewQueue::all, tb::Overwrite::replace});
    EXPECT_NE(read_all(path).find("reject,\"rude, too short\",ana"), std::string::npos);
    auto again = tb::import_review_csv(project, path);
    EXPECT_EQ(again.recorded, 0);
    EXPECT_EQ(again.unchanged, 1);
    EXPECT_EQ(tb::review_history(project, a).size(), 1u);
}

TEST(ReviewCsv, BadRowsAreRejectedWithTheirLineAndNothingIsStored) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t a = add_example(project, chat("Q1", "A1"));
    std::int64_t b = add_example(project, chat("Q2", "A2"));
    std::string header = "example_id,conversation,verdict,note,reviewer\n";
    std::string good = std::to_string(a) + ",\"user: Q1\n\nassistant: A1\",accept,,ana\n";
    auto expect_line_error = [&](const std::string& second_row, std::size_t line, const std::string& fragment) {
        std::string path = dir.write("bad.csv", header + good + second_row);
        try {
            tb::import_review_csv(project, path);
            ADD_FAILURE() << "accepted: " << second_row;
        } catch (const tb::InputError& e) {
            EXPECT_EQ(e.line(), line) << e.what();
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
        EXPECT_TRUE(tb::review_history(project, a).empty()) << "a bad file must store nothing";
    };
    // The good row spans lines 2-4, so the second row starts on line 5.
    std::string conv_b = "\"user: Q2\n\nassistant: A2\"";
    expect_line_error(std::to_string(b) + "," + conv_b + ",maybe,,ana\n", 5, "verdict 'maybe'");
    expect_line_error(std::to_string(b) + "," + conv_b + ",accept,,\n", 5, "reviewer column is empty");
    expect_line_error("999," + conv_b + ",accept,,ana\n", 5, "does not exist");
    expect_line_error("x1," + conv_b + ",accept,,ana\n", 5, "not an example id");
    expect_line_error(std::to_string(b) + ",\"user: Q2 edited\",accept,,ana\n", 5, "edited since the export");
    expect_line_error(std::to_string(b) + "," + conv_b + ",accept\n", 5, "expected 5 fields");
    std::string wrong_header = dir.write("h.csv", "id,text,verdict,note,reviewer\n");
    EXPECT_THROW(tb::import_review_csv(project, wrong_header), tb::InputError);
}

}  // namespace
