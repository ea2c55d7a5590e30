#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/curation/reviews.h"
#include "core/curation/settings.h"
#include "core/curation/tags.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

TEST(Reviews, VerdictIsStampedWithReviewerGuidelineAndHash) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t id = add_example(project, chat("Hi", "Hello"));
    project.set_meta("curation.guideline_version", "v3");
    tb::record_review(project, {id, "ana", tb::Verdict::needs_edit, "too curt", false});
    auto history = tb::review_history(project, id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].reviewer, "ana");
    EXPECT_EQ(history[0].verdict, "needs_edit");
    EXPECT_EQ(history[0].note, "too curt");
    EXPECT_EQ(history[0].guideline_version, "v3");
    EXPECT_EQ(history[0].content_hash, tb::get_example(project, id)->content_hash);
    EXPECT_FALSE(history[0].created_at.empty());
    EXPECT_THROW(tb::record_review(project, {id, "", tb::Verdict::accept, "", false}), tb::Error);
    EXPECT_THROW(tb::record_review(project, {id + 100, "ana", tb::Verdict::accept, "", false}), tb::Error);
    // The table refuses updates: history cannot be rewritten.
    EXPECT_THROW(project.exec("UPDATE reviews SET verdict = 'accept'"), tb::Error);
}

TEST(Reviews, UndoWithdrawsAndRestoresThePreviousVerdictKeepingHistory) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t id = add_example(project, chat("Hi", "Hello"));
    tb::record_review(project, {id, "ana", tb::Verdict::accept, "fine", false});
    tb::record_review(project, {id, "ana", tb::Verdict::reject, "changed my mind", false});
    EXPECT_EQ(tb::example_verdicts(project, id).effective, tb::Verdict::reject);
    tb::withdraw_review(project, id, "ana");
    auto v = tb::example_verdicts(project, id);
    EXPECT_EQ(v.effective, tb::Verdict::accept);
    EXPECT_EQ(v.notes["ana"], "fine");
    tb::withdraw_review(project, id, "ana");
    EXPECT_FALSE(tb::example_verdicts(project, id).effective.has_value());
    EXPECT_THROW(tb::withdraw_review(project, id, "ana"), tb::Error);
    EXPECT_EQ(tb::review_history(project, id).size(), 4u);  // nothing deleted
}

TEST(Reviews, DisagreementIsSettledOnlyByANewerSettlement) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t id = add_example(project, chat("Hi", "Hello"));
    tb::record_review(project, {id, "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {id, "ben", tb::Verdict::reject, "", false});
    auto v = tb::example_verdicts(project, id);
    EXPECT_TRUE(v.disputed);
    EXPECT_FALSE(v.effective.has_value());
    tb::record_review(project, {id, "lead", tb::Verdict::accept, "policy allows it", true});
    v = tb::example_verdicts(project, id);
    EXPECT_FALSE(v.disputed);
    EXPECT_EQ(v.settled, tb::Verdict::accept);
    EXPECT_EQ(v.effective, tb::Verdict::accept);
    // A later vote reopens it.
    tb::record_review(project, {id, "cleo", tb::Verdict::reject, "", false});
    v = tb::example_verdicts(project, id);
    EXPECT_FALSE(v.settled.has_value());
    EXPECT_TRUE(v.disputed);
}

TEST(Reviews, ToReviewQueueHonoursOverlapAndTheReviewersOwnVerdicts) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 5);
    tb::record_review(project, {ids[0], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[1], "ben", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[1], "cleo", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[2], "ben", tb::Verdict::accept, "", false});
    tb::withdraw_review(project, ids[2], "ben");  // undone: counts as not reviewed

    tb::QueueCursor ana{tb::ReviewQueue::to_review, "ana", 2, ""};
    // ids[0]: ana already judged; ids[1]: two reviewers already (overlap 2).
    EXPECT_EQ(tb::next_in_queue(project, ana, 0), ids[2]);
    EXPECT_EQ(tb::next_in_queue(project, ana, ids[2]), ids[3]);
    EXPECT_EQ(tb::next_in_queue(project, ana, ids[4]), std::nullopt);
    EXPECT_EQ(tb::previous_in_queue(project, ana, ids[2]), std::nullopt);
    EXPECT_EQ(tb::previous_in_queue(project, ana, ids[4]), ids[3]);
    EXPECT_EQ(tb::queue_size(project, ana), 3);

    tb::QueueCursor ben{tb::ReviewQueue::to_review, "ben", 2, ""};
    EXPECT_EQ(tb::next_in_queue(project, ben, 0), ids[0]);  // ana alone on it: ben is the second
    tb::QueueCursor dan_single{tb::ReviewQueue::to_review, "dan", 1, ""};
    EXPECT_EQ(tb::next_in_queue(project, dan_single, 0), ids[2]);  // overlap 1: reviewed ones are done
}

TEST(Reviews, DisagreementsQueueWalksBothWays) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 6);
    auto vote = [&](int i, const char* who, tb::Verdict v) { tb::record_review(project, {ids[i], who, v, "", false}); };
    vote(1, "ana", tb::Verdict::accept);
    vote(1, "ben", tb::Verdict::reject);  // disputed
    vote(2, "ana", tb::Verdict::accept);
    vote(2, "ben", tb::Verdict::accept);  // agreed
    vote(4, "ana", tb::Verdict::needs_edit);
    vote(4, "ben", tb::Verdict::accept);  // disputed
    vote(5, "ana", tb::Verdict::reject);
    vote(5, "ben", tb::Verdict::accept);
    tb::record_review(project, {ids[5], "lead", tb::Verdict::reject, "", true});  // settled

    tb::QueueCursor q;
    q.queue = tb::ReviewQueue::disagreements;
    EXPECT_EQ(tb::next_in_queue(project, q, 0), ids[1]);
    EXPECT_EQ(tb::next_in_queue(project, q, ids[1]), ids[4]);
    EXPECT_EQ(tb::next_in_queue(project, q, ids[4]), std::nullopt);
    EXPECT_EQ(tb::previous_in_queue(project, q, ids[5] + 1), ids[4]);
    EXPECT_EQ(tb::previous_in_queue(project, q, ids[4]), ids[1]);
    EXPECT_EQ(tb::queue_size(project, q), 2);
}

TEST(Reviews, SummaryCountsAcceptedAgainstImported) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 8);
    tb::record_review(project, {ids[0], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[1], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[2], "ana", tb::Verdict::reject, "", false});
    tb::record_review(project, {ids[3], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[3], "ben", tb::Verdict::needs_edit, "", false});
    auto summary = tb::review_summary(project);
    EXPECT_EQ(summary.examples, 8);
    EXPECT_EQ(summary.reviewed, 4);
    EXPECT_EQ(summary.accepted, 2);
    EXPECT_EQ(summary.rejected, 1);
    EXPECT_EQ(summary.disputed, 1);
    EXPECT_EQ(summary.reviews_by_reviewer["ana"], 4);
    EXPECT_EQ(tb::accepted_example_ids(project), (std::vector<std::int64_t>{ids[0], ids[1]}));
}

TEST(Reviews, ANewReviewClearsTheReReviewMark) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t id = add_example(project, chat("Hi", "Hello"));
    tb::add_tag(project, id, tb::kNeedsRereviewTag);
    tb::record_review(project, {id, "ana", tb::Verdict::accept, "", false});
    EXPECT_TRUE(tb::tags_of(project, id).empty());
}

TEST(Reviews, VerdictNames) {
    EXPECT_EQ(tb::parse_verdict("needs-edit"), tb::Verdict::needs_edit);
    EXPECT_EQ(tb::parse_verdict("Accept"), std::nullopt);
    EXPECT_STREQ(tb::to_string(tb::Verdict::needs_edit), "needs_edit");
    EXPECT_EQ(tb::parse_review_queue("stale"), tb::ReviewQueue::stale);
}

}  // namespace
