#include <gtest/gtest.h>

#include <algorithm>

#include "core/curation/golden_sets.h"
#include "core/curation/reviews.h"
#include "core/curation/splits.h"
#include "core/curation/training_set.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void set_split(tb::ProjectFile& project, std::int64_t id, const std::string& split) {
    auto s = project.prepare("INSERT OR REPLACE INTO splits(example_id, split) VALUES (?, ?)");
    s.bind(1, id).bind(2, split).run();
}

tb::Rubric contains_rubric(const std::string& text) {
    tb::Criterion c;
    c.kind = tb::CriterionKind::contains;
    c.expected = text;
    return tb::Rubric{{c}};
}

// Tries every way to get a held-out or golden example into training: it must never work.
TEST(TrainingSet, HeldOutAndGoldenExamplesCannotBeSneakedIn) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 50);
    std::int64_t validation = ids[0], test = ids[1];
    set_split(project, validation, "validation");
    set_split(project, test, "test");

    // A golden item, and three train examples carrying its prompt: the same content, the same
    // prompt with another answer, and the prompt in another case and spacing.
    std::int64_t set_id = tb::create_golden_set(project, "task", tb::GoldenKind::task);
    tb::GoldenItem item;
    item.set_id = set_id;
    item.messages = {{"system", "Be brief.", "", nullptr, "", std::nullopt},
                     {"user", "How do I reset my router?", "", nullptr, "", std::nullopt}};
    item.reference = "Hold the reset button for 10 seconds.";
    item.rubric = contains_rubric("reset button");
    tb::add_golden_item(project, item);
    std::int64_t same_content =
        add_example(project, chat("How do I reset my router?", "Hold the reset button for 10 seconds.", "Be brief."));
    std::int64_t same_prompt = add_example(project, chat("How do I reset my router?", "Unplug it."));
    std::int64_t normalised = add_example(project, chat("how do i   RESET my router", "Call us."));
    std::int64_t unrelated = add_example(project, chat("My invoice shows the wrong address", "Fixed."));
    for (std::int64_t id : {same_content, same_prompt, normalised, unrelated}) set_split(project, id, "train");
    for (std::size_t i = 2; i < ids.size(); ++i) set_split(project, ids[i], "train");

    // Also accept the held-out examples: a verdict does not open the door.
    for (std::int64_t id : {validation, test, same_prompt})
        tb::record_review(project, {id, "ana", tb::Verdict::accept, "", false});

    for (bool accepted_only : {false, true}) {
        for (bool include_unassigned : {false, true}) {
            tb::TrainingPolicy policy{accepted_only, include_unassigned};
            auto selection = tb::select_training_examples(project, policy);
            for (std::int64_t forbidden : {validation, test, same_content, same_prompt, normalised}) {
                EXPECT_FALSE(contains(selection.example_ids, forbidden))
                    << "example " << forbidden << " reached training (accepted_only=" << accepted_only << ")";
            }
            if (!accepted_only) {
                EXPECT_TRUE(contains(selection.example_ids, unrelated));
                EXPECT_EQ(selection.excluded_golden, 3);
                EXPECT_EQ(selection.excluded_held_out, 2);
                EXPECT_EQ(selection.example_ids.size(), 49u);  // 48 distinct train + unrelated
            }
        }
    }
}

TEST(TrainingSet, AcceptedOnlyKeepsAcceptedTrainExamples) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 10);
    for (auto id : ids) set_split(project, id, "train");
    tb::record_review(project, {ids[0], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[1], "ana", tb::Verdict::reject, "", false});
    tb::record_review(project, {ids[2], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[2], "ben", tb::Verdict::reject, "", false});  // disputed: not accepted
    tb::record_review(project, {ids[3], "ana", tb::Verdict::needs_edit, "", false});

    auto selection = tb::select_training_examples(project, {true, false});
    EXPECT_EQ(selection.example_ids, std::vector<std::int64_t>{ids[0]});
    EXPECT_EQ(selection.accepted, 1);
    EXPECT_EQ(selection.excluded_not_accepted, 9);

    auto everything = tb::training_example_ids(project, {false, false});
    EXPECT_EQ(everything.size(), 10u);
}

TEST(TrainingSet, UnassignedExamplesNeedTheSplitUnlessAllowed) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_distinct_examples(project, 0, 5);
    auto strict = tb::select_training_examples(project, {});
    EXPECT_TRUE(strict.example_ids.empty());
    EXPECT_EQ(strict.excluded_unassigned, 5);
    EXPECT_EQ(tb::training_example_ids(project, {false, true}).size(), 5u);
}

TEST(TrainingSet, PolicyIsStoredInTheProject) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    EXPECT_FALSE(tb::stored_training_policy(project).accepted_only);
    tb::store_training_policy(project, {true, false});
    auto reopened = tb::ProjectFile::open(dir.file("p.tunebench"));
    EXPECT_TRUE(tb::stored_training_policy(reopened).accepted_only);
}

}  // namespace
