#pragma once
// The "should this be fine-tuned at all?" decision tree, stored as data
// (core/advisor/decision_tree.json, embedded into the library at build time) so the text can
// be translated and the logic reviewed without reading C++.
//
// Layout of the JSON:
//   "questions": answer key -> {"type": "text" | "choice" | "boolean", "text", "help",
//                "options": [{"value", "label"}]  (choice only)}
//   "nodes":     node id -> a question node {"ask": KEY, "next": ID} (text) or
//                {"ask": KEY, "branches": {VALUE: ID}} (choice: every option; boolean:
//                "true" and "false"), or a leaf {"recommend": "fine-tune" | "prompting" | "rag",
//                "title", "reasons": [...], "try_first"}.
//   "start":     the first node.
// from_json() validates: every node reachable from start, every path ends in a leaf (no
// cycles, no question asked twice on a path), every branch covers exactly the options of
// its question, every question used, every leaf a complete recommendation.
//
// Answers are a JSON object keyed by question key: text -> non-empty string, choice -> one
// of the option values, boolean -> true/false. Walking never guesses: it stops at the first
// question on the path without an answer.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

enum class Approach { fine_tune, prompting, rag };
const char* to_string(Approach approach);                // "fine-tune", "prompting", "rag"
Approach approach_from_string(const std::string& text);  // throws tb::Error naming the choices

enum class QuestionType { text, choice, boolean };

struct QuestionOption {
    std::string value;  // what the answers file holds ("style"; "true"/"false" for booleans)
    std::string label;  // what the wizard shows
};

struct Question {
    std::string key;  // the answers-file key, e.g. "needs_citations"
    QuestionType type = QuestionType::text;
    std::string text;
    std::string help;
    std::vector<QuestionOption> options;  // choice: from the JSON; boolean: "true"/"false" ("Yes"/"No")
};

struct TreeLeaf {
    std::string id;  // node id, e.g. "fine_tune.style"
    Approach approach = Approach::prompting;
    std::string title;
    std::vector<std::string> reasons;
    std::string try_first;
};

// Where a (partial) set of answers leads.
struct TreeWalk {
    std::vector<std::string> path;            // node ids visited, start first
    std::vector<std::string> used_keys;       // answer keys the path consumed, in order
    const Question* next_question = nullptr;  // the question to ask now; null when a leaf was reached
    const TreeLeaf* leaf = nullptr;           // the recommendation; null while answers are missing
};

class DecisionTree {
public:
    // Parses and validates; `source` names the tree in error messages.
    static DecisionTree from_json(const nlohmann::json& tree, const std::string& source);
    // The tree shipped with Tunebench (decision_tree.json, embedded at build time).
    static const DecisionTree& builtin();

    int version() const { return version_; }
    const std::string& start() const { return start_; }
    // Every question key, in the order a walk first meets them (breadth first from start).
    const std::vector<std::string>& question_keys() const { return question_order_; }
    const Question& question(const std::string& key) const;  // throws tb::Error for an unknown key
    const std::vector<TreeLeaf>& leaves() const { return leaves_; }

    // Follows the answers from the start. Throws tb::Error for an answer of the wrong type or
    // an unknown option value (the message names the key and the accepted values); answers
    // the path does not use are ignored.
    TreeWalk walk(const nlohmann::json& answers) const;

    // Every question key with no answer in `answers` (present keys are not checked here).
    std::vector<std::string> unanswered_keys(const nlohmann::json& answers) const;

    // Every root-to-leaf path as the answers that lead along it (for tests and review).
    std::vector<nlohmann::json> all_paths() const;

private:
    struct Node {
        std::string id;
        std::string ask;                              // question key; empty for a leaf
        std::string next;                             // text questions
        std::map<std::string, std::string> branches;  // option value -> node id
        int leaf = -1;                                // index into leaves_
    };
    const Node& node(const std::string& id) const;
    std::string branch_value(const Question& q, const nlohmann::json& answer) const;

    int version_ = 0;
    std::string source_;
    std::string start_;
    std::map<std::string, Question> questions_;
    std::vector<std::string> question_order_;
    std::map<std::string, Node> nodes_;
    std::vector<TreeLeaf> leaves_;
};

}  // namespace tb
