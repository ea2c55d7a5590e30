#pragma once
// Reviews: append-only verdicts on examples, by named reviewers, stamped with time,
// guideline version and the example's content hash. Nothing is ever overwritten:
//  - a new verdict is a new row;
//  - undo appends a "withdraw" row that cancels the reviewer's latest standing verdict
//    (a stack per reviewer and example: verdicts push, withdrawals pop), so undoing a
//    re-review brings the previous verdict back;
//  - settling a disagreement appends a "settle:<verdict>" row; it decides the example as
//    long as it is newer than every standing verdict.
// Queues (to review, disagreements, stale) are keyset queries over indexes: next/previous
// cost the same at any depth of a million-example project.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/project/project_file.h"

namespace tb {

enum class Verdict { accept, reject, needs_edit };
const char* to_string(Verdict verdict);  // "accept" | "reject" | "needs_edit"
// Accepts "accept", "reject", "needs_edit" and "needs-edit"; nullopt otherwise.
std::optional<Verdict> parse_verdict(std::string_view text);

struct ReviewRecord {
    std::int64_t id = 0;
    std::int64_t example_id = 0;
    std::string reviewer;
    std::string verdict;  // as stored: accept | reject | needs_edit | withdraw | settle:<verdict>
    std::string note;
    std::string guideline_version;
    std::string content_hash;  // the example's hash when reviewed
    std::string created_at;
};

struct NewReview {
    std::int64_t example_id = 0;
    std::string reviewer;
    Verdict verdict = Verdict::accept;
    std::string note;
    bool settles = false;  // written from the disagreements queue: decides the example
};

// Appends one review (its own transaction, or joins the caller's). Stamps the project's
// guideline version and the example's current content hash, and clears the example's
// needs-re-review mark. Throws tb::Error for an unknown example or an empty reviewer.
std::int64_t record_review(ProjectFile& project, const NewReview& review);

// Undo of a verdict: appends a withdrawal of `reviewer`'s latest standing verdict on the
// example. Throws tb::Error when the reviewer has no standing verdict there.
std::int64_t withdraw_review(ProjectFile& project, std::int64_t example_id, const std::string& reviewer);

// Every row for the example, oldest first (the full history, withdrawals included).
std::vector<ReviewRecord> review_history(const ProjectFile& project, std::int64_t example_id);

struct ExampleVerdicts {
    std::map<std::string, Verdict> by_reviewer;  // standing verdict of each reviewer
    std::map<std::string, std::string> notes;    // note of that standing verdict
    std::vector<std::string> settlers;           // reviewers whose standing entry is a settlement, not a vote
    std::optional<Verdict> settled;              // a settlement newer than every standing verdict
    std::optional<Verdict> effective;            // settled, or the verdict all reviewers agree on
    bool disputed = false;                       // reviewers disagree and nothing settles it
    std::string last_reviewed_at;                // latest non-withdraw row ("" = never reviewed)
};
ExampleVerdicts example_verdicts(const ProjectFile& project, std::int64_t example_id);
// The same, from rows of one example in id order (exposed for batch callers).
ExampleVerdicts fold_reviews(const std::vector<ReviewRecord>& rows_in_id_order);

enum class ReviewQueue {
    to_review,      // examples this reviewer has not judged and that have fewer than `overlap` reviewers
    disagreements,  // examples whose reviewers disagree with no settlement
    stale,          // reviewed, but too long ago, edited since, or marked for re-review
    all,            // every example in id order
};
const char* to_string(ReviewQueue queue);
std::optional<ReviewQueue> parse_review_queue(std::string_view text);

struct QueueCursor {
    ReviewQueue queue = ReviewQueue::to_review;
    std::string reviewer;      // used by to_review
    int overlap = 1;           // used by to_review (see review_overlap())
    std::string stale_before;  // used by stale: reviews older than this ISO time are stale (see stale_cutoff())
};

// The first example of the queue with id > after_id (nullopt at the end).
std::optional<std::int64_t> next_in_queue(const ProjectFile& project, const QueueCursor& cursor, std::int64_t after_id);
// The last example of the queue with id < before_id (nullopt at the start).
std::optional<std::int64_t> previous_in_queue(const ProjectFile& project, const QueueCursor& cursor,
                                              std::int64_t before_id);
// How many examples the queue holds now (a full scan: for counters, not per keystroke).
std::int64_t queue_size(const ProjectFile& project, const QueueCursor& cursor);

// "Quality over quantity": how many examples are accepted against how many were imported.
struct ReviewSummary {
    std::int64_t examples = 0;  // imported (stored) examples
    std::int64_t reviewed = 0;  // with at least one standing verdict or settlement
    std::int64_t accepted = 0;  // effective verdict accept
    std::int64_t rejected = 0;
    std::int64_t needs_edit = 0;
    std::int64_t disputed = 0;
    std::map<std::string, std::int64_t> reviews_by_reviewer;  // standing verdicts per reviewer
};
ReviewSummary review_summary(const ProjectFile& project);

// Ids of examples whose effective verdict is accept, ascending.
std::vector<std::int64_t> accepted_example_ids(const ProjectFile& project);

// Calls visit(example_id, verdicts) for every reviewed example in id order, one pass over
// the reviews index (no per-example query).
void for_each_reviewed_example(const ProjectFile& project,
                               const std::function<void(std::int64_t, const ExampleVerdicts&)>& visit);

}  // namespace tb
