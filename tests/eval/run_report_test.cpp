// The HTML run report and the run-history queries it is built on, over a real project file:
// two eval runs with chosen scores (some items improve, one regresses), tags from the output
// settings, and an output that tries to inject a script.
#include "core/eval/run_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/run_history.h"
#include "core/project/project_file.h"
#include "core/project/statement.h"

namespace tb {
namespace {

class RunReportTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_.emplace(ProjectFile::create(dir_.file("p.tunebench")));
        import_golden_jsonl(*project_, "tickets",
                            std::string(TUNEBENCH_SOURCE_DIR) + "/examples/support-tickets/golden.jsonl",
                            GoldenKind::task);
        items_ = golden_items(*project_, find_golden_set(*project_, "tickets")->id);
        ASSERT_GE(items_.size(), 4u);
    }

    // One output per (score, passed) pair on golden items 0..n-1; items 0 and 1 tagged "billing",
    // the others "shipping".
    std::int64_t store_run(const std::string& name, const std::vector<std::pair<double, bool>>& scores,
                           const std::vector<std::string>& outputs) {
        auto run = create_run(*project_, tb::RunKind::Eval, name, {{"golden_set", "tickets"}, {"model", name}});
        std::vector<EvalOutputRecord> records;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            EvalOutputRecord r;
            r.golden_item_id = items_[i].id;
            r.output = outputs[i];
            r.settings = {{"tags", {i < 2 ? "billing" : "shipping"}}};
            r.score.score = scores[i].first;
            r.score.passed = scores[i].second;
            records.push_back(std::move(r));
        }
        store_eval_outputs(*project_, run, records);
        finish_run(*project_, run, tb::RunStatus::Completed);
        return run;
    }

    tbtest::TempDir dir_{"tb_run_report_"};
    std::optional<ProjectFile> project_;
    std::vector<GoldenItem> items_;
};

TEST_F(RunReportTest, ListsRunsAndSummarisesItemsPerTag) {
    auto base = store_run("base", {{1.0, true}, {0.2, false}, {0.0, false}, {1.0, true}}, {"a", "b", "c", "d"});
    auto tuned = store_run("tuned", {{1.0, true}, {1.0, true}, {1.0, true}, {0.5, false}}, {"a", "b", "c", "d"});

    auto runs = list_runs(*project_, tb::RunKind::Eval);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].id, base);
    EXPECT_EQ(runs[1].name, "tuned");
    EXPECT_EQ(runs[1].config.value("golden_set", ""), "tickets");
    EXPECT_EQ(runs[1].status, tb::RunStatus::Completed);
    EXPECT_FALSE(runs[1].ended_at.empty());
    EXPECT_TRUE(list_runs(*project_, tb::RunKind::Train).empty());
    EXPECT_EQ(list_runs(*project_).size(), 2u);

    auto items = eval_run_items(*project_, tuned);
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0].id, "golden:" + std::to_string(items_[0].id));
    EXPECT_EQ(items[0].reference, items_[0].reference);
    EXPECT_EQ(items[2].tags, std::vector<std::string>{"shipping"});

    auto stats = summarize_eval_items(items);
    EXPECT_EQ(stats.overall.items, 4u);
    EXPECT_EQ(stats.overall.passed, 3u);
    EXPECT_DOUBLE_EQ(stats.overall.pass_rate, 0.75);
    EXPECT_DOUBLE_EQ(stats.overall.mean_score, 3.5 / 4.0);
    ASSERT_EQ(stats.per_tag.size(), 2u);
    EXPECT_DOUBLE_EQ(stats.per_tag.at("billing").pass_rate, 1.0);
    EXPECT_DOUBLE_EQ(stats.per_tag.at("shipping").mean_score, 0.75);

    EXPECT_THROW(eval_run_items(*project_, 999), Error);
}

TEST_F(RunReportTest, RunMetricsAreGroupedByNameAndSortedByStep) {
    project_->exec("INSERT INTO runs(id, kind, name) VALUES (7, 'train', 'lora')");
    project_->exec(
        "INSERT INTO run_metrics(run_id, name, step, value) VALUES "
        "(7, 'train/loss', 2, 1.5), (7, 'train/loss', 1, 2.5), (7, 'val/loss', 2, 1.75)");
    auto metrics = run_metrics(*project_, 7);
    ASSERT_EQ(metrics.size(), 2u);
    ASSERT_EQ(metrics["train/loss"].size(), 2u);
    EXPECT_EQ(metrics["train/loss"][0], (std::pair<std::int64_t, double>{1, 2.5}));
    EXPECT_EQ(metrics["train/loss"][1], (std::pair<std::int64_t, double>{2, 1.5}));
    EXPECT_EQ(metrics["val/loss"][0].second, 1.75);
    EXPECT_TRUE(run_metrics(*project_, 8).empty());
    EXPECT_EQ(find_run(*project_, 7)->kind, tb::RunKind::Train);
    EXPECT_FALSE(find_run(*project_, 8).has_value());
    EXPECT_THROW(eval_run_items(*project_, 7), Error);  // a training run has no eval items
}

TEST_F(RunReportTest, HtmlHoldsTheNumbersAndEscapesOutputs) {
    auto base = store_run("base <v1>", {{1.0, true}, {0.2, false}, {0.0, false}, {1.0, true}}, {"a", "b", "c", "d"});
    auto tuned = store_run("tuned", {{1.0, true}, {1.0, true}, {1.0, true}, {0.5, false}},
                           {"fine", "<script>alert('x')</script>", "ok & done", "d"});
    const std::string html = render_run_report_html(load_run_report_data(*project_, tuned, base));

    // The run's own figures: 3 of 4 passed, mean 0.875; billing 2/2, shipping 1/2.
    EXPECT_NE(html.find("75.0%"), std::string::npos);
    EXPECT_NE(html.find("0.875"), std::string::npos);
    EXPECT_NE(html.find("<td>tag: billing</td><td class=num>2</td><td class=num>2</td><td class=num>100.0%"),
              std::string::npos);
    EXPECT_NE(html.find("<td>tag: shipping</td><td class=num>2</td><td class=num>1</td><td class=num>50.0%"),
              std::string::npos);
    // Against the baseline: 50% -> 75%, two items improved, one regressed.
    EXPECT_NE(html.find("Against baseline #" + std::to_string(base) + " base &lt;v1&gt;"), std::string::npos);
    EXPECT_NE(html.find("<td class=num>50.0%</td><td class=num>75.0%</td>"), std::string::npos);
    auto comparison = compare_runs(to_item_results(eval_run_items(*project_, base)),
                                   to_item_results(eval_run_items(*project_, tuned)));
    std::ostringstream p;
    p << "McNemar exact p = " << std::fixed;
    p.precision(4);
    p << comparison.overall.mcnemar.p_value;
    EXPECT_NE(html.find(p.str()), std::string::npos) << p.str();
    std::size_t improved = 0, regressed = 0;
    for (std::size_t at = 0; (at = html.find("<tr class=improved>", at)) != std::string::npos; ++at) ++improved;
    for (std::size_t at = 0; (at = html.find("<tr class=regressed>", at)) != std::string::npos; ++at) ++regressed;
    EXPECT_EQ(improved, 2u);
    EXPECT_EQ(regressed, 1u);

    // Outputs are text, never markup.
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("ok &amp; done"), std::string::npos);
}

TEST_F(RunReportTest, WritesTheFileAndNamesAMissingBaseline) {
    auto tuned = store_run("tuned", {{1.0, true}, {0.0, false}}, {"x", "y"});
    const std::string path = dir_.file("report.html");
    write_run_report(*project_, tuned, std::nullopt, path);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(text.str().find("50.0%"), std::string::npos);
    EXPECT_EQ(text.str().find("Against baseline"), std::string::npos);
    try {
        write_run_report(*project_, tuned, 4242, path);
        FAIL() << "a missing baseline must throw";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("4242"), std::string::npos);
    }
}

TEST(HtmlEscape, EscapesAllFiveCharacters) {
    EXPECT_EQ(html_escape(R"(<a href="x">Tom & 'Jerry'</a>)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    EXPECT_EQ(html_escape("plain"), "plain");
}

}  // namespace
}  // namespace tb
