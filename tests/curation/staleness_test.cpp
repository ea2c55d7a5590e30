#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/curation/reviews.h"
#include "core/curation/settings.h"
#include "core/curation/staleness.h"
#include "core/curation/tags.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

const std::string kNow = "2026-11-28T12:00:00.000Z";

// A review written at a chosen time (the API stamps the current time).
void old_review(tb::ProjectFile& project, std::int64_t id, const std::string& at) {
    auto s = project.prepare(
        "INSERT INTO reviews(example_id, reviewer, verdict, content_hash, created_at) "
        "SELECT id, 'ana', 'accept', content_hash, ? FROM examples WHERE id = ?");
    s.bind(1, at).bind(2, id).run();
}

TEST(Staleness, ShiftIsoDays) {
    EXPECT_EQ(tb::shift_iso8601_days("2026-03-01T10:20:30.456Z", -1), "2026-02-28T10:20:30.456Z");
    EXPECT_EQ(tb::shift_iso8601_days("2024-03-01T00:00:00.000Z", -90), "2023-12-02T00:00:00.000Z");
    EXPECT_THROW(tb::shift_iso8601_days("yesterday", 1), tb::Error);
}

TEST(Staleness, ReviewsOlderThanTheIntervalAreStale) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 4);
    old_review(project, ids[0], "2026-08-01T00:00:00.000Z");  // 119 days before kNow
    old_review(project, ids[1], "2026-10-01T00:00:00.000Z");  // 58 days
    old_review(project, ids[2], "2026-08-31T13:00:00.000Z");  // 88 days 23 h: fresh at 90 days
    EXPECT_EQ(tb::rereview_interval_days(project), 90);

    auto queue = tb::stale_queue(project, kNow);
    EXPECT_EQ(tb::next_in_queue(project, queue, 0), ids[0]);
    EXPECT_EQ(tb::next_in_queue(project, queue, ids[0]), std::nullopt);
    auto summary = tb::staleness_summary(project, kNow);
    EXPECT_EQ(summary.reviewed, 3);
    EXPECT_EQ(summary.stale, 1);
    EXPECT_NEAR(summary.stale_share, 1.0 / 3.0, 1e-12);

    tb::set_rereview_interval_days(project, 30);
    EXPECT_EQ(tb::staleness_summary(project, kNow).stale, 3);
    EXPECT_THROW(tb::set_rereview_interval_days(project, 0), tb::Error);
    EXPECT_EQ(tb::last_reviewed_at(project, ids[1]), "2026-10-01T00:00:00.000Z");
    EXPECT_EQ(tb::last_reviewed_at(project, ids[3]), std::nullopt);
}

TEST(Staleness, AnEditAfterTheReviewMakesItStale) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t id = add_example(project, chat("Hi", "Hello"));
    tb::record_review(project, {id, "ana", tb::Verdict::accept, "", false});
    EXPECT_EQ(tb::staleness_summary(project).stale, 0);
    tb::update_example_messages(project, id, chat("Hi", "Hello! How can I help?"));
    EXPECT_EQ(tb::next_in_queue(project, tb::stale_queue(project), 0), id);
    tb::record_review(project, {id, "ana", tb::Verdict::accept, "", false});
    EXPECT_EQ(tb::staleness_summary(project).stale, 0);
}

TEST(Staleness, GuidelineChangeMarksAffectedReviewedExamples) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 4);
    tb::add_tag(project, ids[0], "refunds");
    tb::add_tag(project, ids[1], "refunds");  // tagged but never reviewed: not affected
    tb::add_tag(project, ids[2], "shipping");
    for (int i : {0, 2, 3}) tb::record_review(project, {ids[i], "ana", tb::Verdict::accept, "", false});

    tb::RereviewScope scope;
    scope.tags = {"refunds"};
    EXPECT_EQ(tb::set_guideline_version(project, "v2", scope), 1);
    EXPECT_EQ(tb::guideline_version(project), "v2");
    auto queue = tb::stale_queue(project);
    EXPECT_EQ(tb::next_in_queue(project, queue, 0), ids[0]);
    EXPECT_EQ(tb::next_in_queue(project, queue, ids[0]), std::nullopt);

    tb::record_review(project, {ids[0], "ana", tb::Verdict::accept, "", false});  // re-reviewed under v2
    EXPECT_EQ(tb::next_in_queue(project, queue, 0), std::nullopt);
    EXPECT_EQ(tb::review_history(project, ids[0]).back().guideline_version, "v2");

    tb::RereviewScope everything;
    everything.all_reviewed = true;
    EXPECT_EQ(tb::set_guideline_version(project, "v3", everything), 3);
    EXPECT_EQ(tb::staleness_summary(project).stale, 3);
}

}  // namespace
