#include "core/curation/reviews.h"

#include <sqlite3.h>

#include <algorithm>

#include "core/common/error.h"
#include "core/curation/settings.h"
#include "core/curation/tags.h"

namespace tb {
namespace {

constexpr std::string_view kWithdraw = "withdraw";
constexpr std::string_view kSettlePrefix = "settle:";

constexpr const char* kReviewColumns =
    "r.id, r.example_id, r.reviewer, r.verdict, r.note, r.guideline_version, r.content_hash, r.created_at";

ReviewRecord read_review(const Statement& s) {
    ReviewRecord r;
    r.id = s.column_int64(0);
    r.example_id = s.column_int64(1);
    r.reviewer = s.column_text(2);
    r.verdict = s.column_text(3);
    r.note = s.column_text(4);
    r.guideline_version = s.column_text(5);
    r.content_hash = s.column_text(6);
    r.created_at = s.column_text(7);
    return r;
}

// A reviewer has a standing verdict when their verdict rows outnumber their withdrawals
// (each withdrawal pops one verdict): the SQL form of the stack in fold_reviews.
constexpr const char* kStandingWeight = "CASE WHEN r.verdict = 'withdraw' THEN -1 ELSE 1 END";

std::string to_review_condition() {
    return std::string("coalesce((SELECT sum(") + kStandingWeight +
           ") FROM reviews AS r WHERE r.example_id = e.id AND r.reviewer = :reviewer), 0) <= 0 "
           "AND (SELECT count(*) FROM (SELECT 1 FROM reviews AS r WHERE r.example_id = e.id GROUP BY r.reviewer "
           "HAVING sum(" +
           kStandingWeight + ") > 0)) < :overlap";
}

std::string stale_condition() {
    return std::string(
               "((SELECT max(r.created_at) FROM reviews AS r WHERE r.example_id = e.id AND r.verdict <> 'withdraw') "
               "< :cutoff "
               "OR (SELECT r.content_hash FROM reviews AS r WHERE r.example_id = e.id AND r.verdict <> 'withdraw' "
               "ORDER BY r.id DESC LIMIT 1) <> e.content_hash "
               "OR EXISTS (SELECT 1 FROM example_tags AS et JOIN tags AS t ON t.id = et.tag_id "
               "WHERE et.example_id = e.id AND t.name = '") +
           kNeedsRereviewTag + "'))";
}

// Binds the named parameters the statement uses (:after, :reviewer, :overlap, :cutoff).
void bind_cursor(Statement& s, const QueueCursor& cursor, std::int64_t bound) {
    sqlite3_stmt* h = s.handle();
    if (int i = sqlite3_bind_parameter_index(h, ":bound"); i > 0) s.bind(i, bound);
    if (int i = sqlite3_bind_parameter_index(h, ":reviewer"); i > 0) s.bind(i, cursor.reviewer);
    if (int i = sqlite3_bind_parameter_index(h, ":overlap"); i > 0) s.bind(i, std::int64_t{cursor.overlap});
    if (int i = sqlite3_bind_parameter_index(h, ":cutoff"); i > 0) s.bind(i, cursor.stale_before);
}

// Candidate set and condition of a SQL-driven queue. The stale queue is driven by the
// reviews index (only reviewed examples can be stale), the others by the examples table.
struct QueueSql {
    std::string from;
    std::string id_column;
    std::string condition;
};

QueueSql queue_sql(const QueueCursor& cursor) {
    switch (cursor.queue) {
        case ReviewQueue::to_review:
            if (cursor.reviewer.empty()) throw Error("the review queue needs a reviewer name");
            return {"examples AS e", "e.id", to_review_condition()};
        case ReviewQueue::stale:
            // Rows per review, not per example: fine for "the first one after X" (LIMIT 1) and
            // counted with DISTINCT; it lets the bound use the reviews index directly.
            return {"reviews AS c JOIN examples AS e ON e.id = c.example_id", "c.example_id", stale_condition()};
        case ReviewQueue::all:
            return {"examples AS e", "e.id", "1"};
        case ReviewQueue::disagreements:
            break;
    }
    throw Error("internal: the disagreements queue is not a SQL queue");
}

std::optional<std::int64_t> sql_queue_step(const ProjectFile& project, const QueueCursor& cursor, std::int64_t bound,
                                           bool forward) {
    QueueSql q = queue_sql(cursor);
    std::string sql = "SELECT " + q.id_column + " FROM " + q.from + " WHERE " + q.id_column +
                      (forward ? " > :bound" : " < :bound") + " AND " + q.condition + " ORDER BY " + q.id_column +
                      (forward ? " ASC" : " DESC") + " LIMIT 1";
    auto s = project.prepare(sql);
    bind_cursor(s, cursor, bound);
    if (!s.step()) return std::nullopt;
    return s.column_int64(0);
}

// Walks reviews grouped by example (forward: ascending ids; backward: descending) and
// returns the first example whose reviewers disagree with nothing settling it.
std::optional<std::int64_t> disagreement_step(const ProjectFile& project, std::int64_t bound, bool forward) {
    auto s = project.prepare(
        std::string("SELECT ") + kReviewColumns + " FROM reviews AS r WHERE r.example_id " +
        (forward ? "> ? ORDER BY r.example_id ASC, r.id ASC" : "< ? ORDER BY r.example_id DESC, r.id DESC"));
    s.bind(1, bound);
    std::vector<ReviewRecord> rows;
    auto group_disputed = [&] {
        if (!forward) std::reverse(rows.begin(), rows.end());  // fold needs the oldest first
        return fold_reviews(rows).disputed;
    };
    while (s.step()) {
        ReviewRecord r = read_review(s);
        if (!rows.empty() && rows.front().example_id != r.example_id) {
            if (group_disputed()) return rows.front().example_id;
            rows.clear();
        }
        rows.push_back(std::move(r));
    }
    if (!rows.empty() && group_disputed()) return rows.front().example_id;
    return std::nullopt;
}

std::string example_hash_or_throw(const ProjectFile& project, std::int64_t example_id) {
    auto s = project.prepare("SELECT content_hash FROM examples WHERE id = ?");
    s.bind(1, example_id);
    if (!s.step()) throw Error("example " + std::to_string(example_id) + " does not exist in " + project.path());
    return s.column_text(0);
}

std::int64_t append_review(ProjectFile& project, std::int64_t example_id, const std::string& reviewer,
                           const std::string& verdict, const std::string& note) {
    if (reviewer.empty()) throw Error("a review needs a reviewer name (set your reviewer identity first)");
    return project.transaction([&] {
        std::string hash = example_hash_or_throw(project, example_id);
        auto insert = project.prepare(
            "INSERT INTO reviews(example_id, reviewer, verdict, note, guideline_version, content_hash, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, example_id)
            .bind(2, reviewer)
            .bind(3, verdict)
            .bind(4, note)
            .bind(5, guideline_version(project))
            .bind(6, hash)
            .bind(7, utc_now_iso8601());
        insert.run();
        std::int64_t id = sqlite3_last_insert_rowid(project.handle());
        if (verdict != kWithdraw) {
            // A fresh verdict is the re-review the mark asked for.
            auto clear = project.prepare(
                "DELETE FROM example_tags WHERE example_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)");
            clear.bind(1, example_id).bind(2, kNeedsRereviewTag).run();
        }
        return id;
    });
}

}  // namespace

const char* to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::accept:
            return "accept";
        case Verdict::reject:
            return "reject";
        case Verdict::needs_edit:
            return "needs_edit";
    }
    return "accept";
}

std::optional<Verdict> parse_verdict(std::string_view text) {
    if (text == "accept") return Verdict::accept;
    if (text == "reject") return Verdict::reject;
    if (text == "needs_edit" || text == "needs-edit") return Verdict::needs_edit;
    return std::nullopt;
}

const char* to_string(ReviewQueue queue) {
    switch (queue) {
        case ReviewQueue::to_review:
            return "to_review";
        case ReviewQueue::disagreements:
            return "disagreements";
        case ReviewQueue::stale:
            return "stale";
        case ReviewQueue::all:
            return "all";
    }
    return "all";
}

std::optional<ReviewQueue> parse_review_queue(std::string_view text) {
    for (ReviewQueue q : {ReviewQueue::to_review, ReviewQueue::disagreements, ReviewQueue::stale, ReviewQueue::all}) {
        if (text == to_string(q)) return q;
    }
    return std::nullopt;
}

std::int64_t record_review(ProjectFile& project, const NewReview& review) {
    std::string verdict = to_string(review.verdict);
    if (review.settles) verdict = std::string(kSettlePrefix) + verdict;
    return append_review(project, review.example_id, review.reviewer, verdict, review.note);
}

std::int64_t withdraw_review(ProjectFile& project, std::int64_t example_id, const std::string& reviewer) {
    return project.transaction([&] {
        auto rows = review_history(project, example_id);
        rows.erase(
            std::remove_if(rows.begin(), rows.end(), [&](const ReviewRecord& r) { return r.reviewer != reviewer; }),
            rows.end());
        if (fold_reviews(rows).by_reviewer.count(reviewer) == 0) {
            throw Error(reviewer + " has no verdict on example " + std::to_string(example_id) + " to withdraw");
        }
        return append_review(project, example_id, reviewer, std::string(kWithdraw), "");
    });
}

std::vector<ReviewRecord> review_history(const ProjectFile& project, std::int64_t example_id) {
    auto s = project.prepare(std::string("SELECT ") + kReviewColumns +
                             " FROM reviews AS r WHERE r.example_id = ? ORDER BY r.id");
    s.bind(1, example_id);
    std::vector<ReviewRecord> rows;
    while (s.step()) rows.push_back(read_review(s));
    return rows;
}

ExampleVerdicts fold_reviews(const std::vector<ReviewRecord>& rows) {
    struct Entry {
        Verdict verdict;
        bool settles;
        std::int64_t id;
        const std::string* note;
    };
    std::map<std::string, std::vector<Entry>> stacks;
    ExampleVerdicts out;
    for (const ReviewRecord& r : rows) {
        if (r.verdict == kWithdraw) {
            auto& stack = stacks[r.reviewer];
            if (!stack.empty()) stack.pop_back();
            continue;
        }
        bool settles = r.verdict.rfind(kSettlePrefix, 0) == 0;
        auto verdict = parse_verdict(settles ? std::string_view(r.verdict).substr(kSettlePrefix.size()) : r.verdict);
        if (!verdict) continue;  // an unknown verdict from a newer version: not ours to interpret
        stacks[r.reviewer].push_back({*verdict, settles, r.id, &r.note});
        out.last_reviewed_at = std::max(out.last_reviewed_at, r.created_at);
    }
    std::int64_t newest_vote = 0;
    const Entry* newest_settlement = nullptr;
    for (const auto& [reviewer, stack] : stacks) {
        if (stack.empty()) continue;
        const Entry& top = stack.back();
        out.by_reviewer[reviewer] = top.verdict;
        out.notes[reviewer] = *top.note;
        if (top.settles) {
            out.settlers.push_back(reviewer);
            if (!newest_settlement || top.id > newest_settlement->id) newest_settlement = &top;
        } else {
            newest_vote = std::max(newest_vote, top.id);
        }
    }
    if (newest_settlement && newest_settlement->id > newest_vote) out.settled = newest_settlement->verdict;
    if (out.settled) {
        out.effective = out.settled;
    } else if (!out.by_reviewer.empty()) {
        Verdict first = out.by_reviewer.begin()->second;
        bool all_agree = std::all_of(out.by_reviewer.begin(), out.by_reviewer.end(),
                                     [&](const auto& entry) { return entry.second == first; });
        if (all_agree) {
            out.effective = first;
        } else {
            out.disputed = true;
        }
    }
    return out;
}

ExampleVerdicts example_verdicts(const ProjectFile& project, std::int64_t example_id) {
    return fold_reviews(review_history(project, example_id));
}

std::optional<std::int64_t> next_in_queue(const ProjectFile& project, const QueueCursor& cursor,
                                          std::int64_t after_id) {
    if (cursor.queue == ReviewQueue::disagreements) return disagreement_step(project, after_id, true);
    return sql_queue_step(project, cursor, after_id, true);
}

std::optional<std::int64_t> previous_in_queue(const ProjectFile& project, const QueueCursor& cursor,
                                              std::int64_t before_id) {
    if (cursor.queue == ReviewQueue::disagreements) return disagreement_step(project, before_id, false);
    return sql_queue_step(project, cursor, before_id, false);
}

std::int64_t queue_size(const ProjectFile& project, const QueueCursor& cursor) {
    if (cursor.queue == ReviewQueue::disagreements) {
        std::int64_t count = 0;
        for_each_reviewed_example(project,
                                  [&](std::int64_t, const ExampleVerdicts& v) { count += v.disputed ? 1 : 0; });
        return count;
    }
    QueueSql q = queue_sql(cursor);
    auto s = project.prepare("SELECT count(DISTINCT " + q.id_column + ") FROM " + q.from + " WHERE " + q.condition);
    bind_cursor(s, cursor, 0);
    s.step();
    return s.column_int64(0);
}

void for_each_reviewed_example(const ProjectFile& project,
                               const std::function<void(std::int64_t, const ExampleVerdicts&)>& visit) {
    auto s =
        project.prepare(std::string("SELECT ") + kReviewColumns + " FROM reviews AS r ORDER BY r.example_id, r.id");
    std::vector<ReviewRecord> rows;
    auto flush = [&] {
        if (rows.empty()) return;
        visit(rows.front().example_id, fold_reviews(rows));
        rows.clear();
    };
    while (s.step()) {
        ReviewRecord r = read_review(s);
        if (!rows.empty() && rows.front().example_id != r.example_id) flush();
        rows.push_back(std::move(r));
    }
    flush();
}

ReviewSummary review_summary(const ProjectFile& project) {
    ReviewSummary summary;
    summary.examples = query_int64(project.handle(), "SELECT count(*) FROM examples").value_or(0);
    for_each_reviewed_example(project, [&](std::int64_t, const ExampleVerdicts& v) {
        if (v.by_reviewer.empty()) return;
        ++summary.reviewed;
        for (const auto& [reviewer, verdict] : v.by_reviewer) ++summary.reviews_by_reviewer[reviewer];
        if (v.disputed) ++summary.disputed;
        if (!v.effective) return;
        switch (*v.effective) {
            case Verdict::accept:
                ++summary.accepted;
                break;
            case Verdict::reject:
                ++summary.rejected;
                break;
            case Verdict::needs_edit:
                ++summary.needs_edit;
                break;
        }
    });
    return summary;
}

std::vector<std::int64_t> accepted_example_ids(const ProjectFile& project) {
    std::vector<std::int64_t> ids;
    for_each_reviewed_example(project, [&](std::int64_t id, const ExampleVerdicts& v) {
        if (v.effective == Verdict::accept) ids.push_back(id);
    });
    return ids;
}

}  // namespace tb
