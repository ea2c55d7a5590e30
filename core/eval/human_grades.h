#pragma once
// Human grading of eval outputs, the ground truth a judge is validated against.
//
// Per-criterion grades are eval_scores rows with scorer "human:<grader>", criterion =
// criterion_name() of the rubric criterion, score 1 (pass) or 0 (fail); a re-grade by the
// same grader replaces the row. Humans write no "item" row: the item summary a comparison
// reads stays the machine's.
//
// Grading is blind: a BlindGradingQueue mixes the outputs of several runs for the items
// of one golden set in an order fixed by a seed, and hands out tasks that carry neither
// the run nor the output id (only "Answer 7 of 40"); the queue keeps that mapping
// privately and grades through it. The pairwise mode shows two runs' answers to the same
// item side by side, each side drawn at random, and records which output was on the left.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset/example.h"

namespace tb {

class ProjectFile;

struct HumanGrade {
    std::string criterion;  // criterion_name(): "2:judge"
    bool passed = false;
    std::string note;
};

// "human:<grader>"; throws tb::Error for an empty grader or one with a line break.
std::string human_scorer_name(const std::string& grader);

// One transaction. Throws tb::Error when the output does not exist.
void store_human_grades(ProjectFile& project, std::int64_t output_id, const std::string& grader,
                        const std::vector<HumanGrade>& grades);
std::vector<HumanGrade> load_human_grades(const ProjectFile& project, std::int64_t output_id,
                                          const std::string& grader);

struct BlindCriterion {
    std::string name;         // criterion_name(), the key grades are stored under
    std::string description;  // what passing means, as the grader reads it
    bool critical = false;
};

struct BlindTask {
    std::size_t position = 0;  // 0-based place in the queue
    std::string label;         // "Answer 3 of 40": no run, no model, no output id
    std::vector<Message> prompt;
    std::string reference;
    std::string answer;
    std::vector<BlindCriterion> criteria;
};

class BlindGradingQueue {
public:
    // Every output of `run_ids` whose item belongs to the golden set, shuffled with `seed`
    // (the same inputs and seed give the same order on any machine). Throws tb::Error for
    // a missing set or fewer than one run.
    static BlindGradingQueue build(const ProjectFile& project, std::int64_t set_id,
                                   const std::vector<std::int64_t>& run_ids, std::uint64_t seed);

    std::size_t size() const { return tasks_.size(); }
    const BlindTask& task(std::size_t position) const;
    void grade(ProjectFile& project, std::size_t position, const std::string& grader,
               const std::vector<HumanGrade>& grades) const;
    std::vector<HumanGrade> grades(const ProjectFile& project, std::size_t position, const std::string& grader) const;
    // The first position this grader has not graded yet (size() when all are done).
    std::size_t first_ungraded(const ProjectFile& project, const std::string& grader) const;
    // Unblinds one task (after grading: reports, tests).
    std::int64_t reveal_output_id(std::size_t position) const;

private:
    std::vector<BlindTask> tasks_;
    std::vector<std::int64_t> output_ids_;
};

// ---- Pairwise preferences ----------------------------------------------------------------

struct PairwiseGrade {
    std::int64_t id = 0;
    std::int64_t output_a = 0, output_b = 0;
    std::string grader;  // "human:<name>" or "judge:<model>"
    std::int64_t left_output = 0;
    char preference = 't';  // 'a', 'b' or 't' (tie)
    std::string created_at;
};

// Throws tb::Error when left_output is neither output or preference is not a/b/t.
std::int64_t record_pairwise_grade(ProjectFile& project, std::int64_t output_a, std::int64_t output_b,
                                   const std::string& grader, std::int64_t left_output, char preference);
std::vector<PairwiseGrade> load_pairwise_grades(const ProjectFile& project, const std::string& grader = "");

struct BlindPairTask {
    std::size_t position = 0;
    std::string label;  // "Pair 2 of 10"
    std::vector<Message> prompt;
    std::string reference;
    std::string left, right;
};

class BlindPairQueue {
public:
    // Pairs the outputs of run A and run B for each item of the set both answered (the
    // first output of each), in a seeded order with the sides drawn at random.
    static BlindPairQueue build(const ProjectFile& project, std::int64_t set_id, std::int64_t run_a, std::int64_t run_b,
                                std::uint64_t seed);
    std::size_t size() const { return tasks_.size(); }
    const BlindPairTask& task(std::size_t position) const;
    // side: 'L' (left better), 'R' (right better) or 'T' (tie); stored with the left output.
    void choose(ProjectFile& project, std::size_t position, const std::string& grader, char side) const;
    // The latest choice of this grader for the pair, as a side ('L'/'R'/'T').
    std::optional<char> choice(const ProjectFile& project, std::size_t position, const std::string& grader) const;
    std::pair<std::int64_t, std::int64_t> reveal_outputs(std::size_t position) const;  // (a, b)
    bool left_is_a(std::size_t position) const;

private:
    struct Pair {
        std::int64_t a = 0, b = 0;
        bool left_is_a = true;
    };
    std::vector<BlindPairTask> tasks_;
    std::vector<Pair> pairs_;
};

// A seeded, portable Fisher-Yates permutation of 0..n-1 (splitmix64), so a queue's order
// does not depend on the standard library's distributions.
std::vector<std::size_t> seeded_permutation(std::size_t n, std::uint64_t seed);

}  // namespace tb
