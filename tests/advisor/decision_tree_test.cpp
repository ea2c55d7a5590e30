#include "core/advisor/decision_tree.h"

#include <fstream>
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "core/common/error.h"

namespace {

const tb::DecisionTree& tree() { return tb::DecisionTree::builtin(); }

nlohmann::json answers(const std::string& task, bool changes, bool citations, bool with_examples) {
    return {{"goal", "answer support tickets in our tone"},
            {"task", task},
            {"knowledge_changes_often", changes},
            {"needs_citations", citations},
            {"model_can_do_it_with_examples", with_examples}};
}

// What the issue asks of the tree, written out independently of the JSON: facts that change
// or must be cited -> retrieval, for any task; otherwise, when instructions and examples
// already work -> better prompting (except the latency/cost case, where the prompted large
// model is what a small fine-tuned one replaces); when they do not -> fine-tuning for style,
// structure, narrow tasks and domain reasoning, retrieval for missing knowledge, and a
// better-defined problem (prompting) for anything else.
std::string expected_leaf(const std::string& task, bool changes, bool citations, bool with_examples) {
    if (changes) return "rag.changing_facts";
    if (citations) return "rag.citations";
    if (task == "style") return with_examples ? "prompting.style" : "fine_tune.style";
    if (task == "structured_output")
        return with_examples ? "prompting.structured_output" : "fine_tune.structured_output";
    if (task == "narrow_latency_cost")
        return with_examples ? "fine_tune.distill_small_model" : "fine_tune.narrow_task_from_labels";
    if (task == "domain_reasoning") return with_examples ? "prompting.domain_reasoning" : "fine_tune.domain_reasoning";
    if (task == "knowledge") return with_examples ? "prompting.knowledge_in_context" : "rag.static_knowledge";
    return with_examples ? "prompting.general" : "prompting.define_the_gap";
}

TEST(DecisionTree, BuiltinAsksTheFiveQuestionsInOrder) {
    EXPECT_EQ(tree().version(), 1);
    EXPECT_EQ(tree().question_keys(), (std::vector<std::string>{"goal", "task", "knowledge_changes_often",
                                                                "needs_citations", "model_can_do_it_with_examples"}));
    const tb::Question& task = tree().question("task");
    EXPECT_EQ(task.type, tb::QuestionType::choice);
    std::vector<std::string> values;
    for (const auto& o : task.options) values.push_back(o.value);
    EXPECT_EQ(values, (std::vector<std::string>{"style", "structured_output", "narrow_latency_cost", "domain_reasoning",
                                                "knowledge", "other"}));
    const tb::Question& citations = tree().question("needs_citations");
    EXPECT_EQ(citations.type, tb::QuestionType::boolean);
    ASSERT_EQ(citations.options.size(), 2u);
    EXPECT_EQ(citations.options[0].value, "true");
    EXPECT_FALSE(citations.text.empty());
    EXPECT_THROW(tree().question("favourite_colour"), tb::Error);
}

// Every answer combination (6 tasks × 2 × 2 × 2) reaches the leaf the issue asks for, and
// between them they reach every leaf of the tree.
TEST(DecisionTree, EveryCombinationReachesTheExpectedLeaf) {
    std::set<std::string> reached;
    for (const auto& task :
         {"style", "structured_output", "narrow_latency_cost", "domain_reasoning", "knowledge", "other"})
        for (bool changes : {false, true})
            for (bool citations : {false, true})
                for (bool with_examples : {false, true}) {
                    tb::TreeWalk w = tree().walk(answers(task, changes, citations, with_examples));
                    ASSERT_NE(w.leaf, nullptr);
                    EXPECT_EQ(w.next_question, nullptr);
                    EXPECT_EQ(w.leaf->id, expected_leaf(task, changes, citations, with_examples))
                        << task << " changes=" << changes << " citations=" << citations
                        << " examples=" << with_examples;
                    reached.insert(w.leaf->id);
                }
    std::set<std::string> all;
    for (const auto& leaf : tree().leaves()) all.insert(leaf.id);
    EXPECT_EQ(reached, all);
    EXPECT_EQ(all.size(), 14u);
}

// The tree's own path enumeration: 6 tasks × (2 early retrieval exits + 2 final answers).
TEST(DecisionTree, EnumeratedPathsCoverEveryLeafAndEndInOne) {
    std::vector<nlohmann::json> paths = tree().all_paths();
    EXPECT_EQ(paths.size(), 24u);
    std::set<std::string> reached;
    for (const auto& path : paths) {
        tb::TreeWalk w = tree().walk(path);
        ASSERT_NE(w.leaf, nullptr) << path.dump();
        EXPECT_EQ(w.used_keys.size(), path.size()) << "a path answers exactly the questions it asks";
        reached.insert(w.leaf->id);
        EXPECT_FALSE(w.leaf->reasons.empty());
        EXPECT_FALSE(w.leaf->try_first.empty());
        EXPECT_FALSE(w.leaf->title.empty());
    }
    EXPECT_EQ(reached.size(), tree().leaves().size());
}

TEST(DecisionTree, EachKindOfRecommendationIsPossible) {
    std::set<tb::Approach> kinds;
    for (const auto& leaf : tree().leaves()) kinds.insert(leaf.approach);
    EXPECT_EQ(kinds, (std::set<tb::Approach>{tb::Approach::fine_tune, tb::Approach::prompting, tb::Approach::rag}));
}

// The wizard asks one question at a time; missing answers stop the walk, never guessed.
TEST(DecisionTree, PartialAnswersGiveTheNextQuestion) {
    tb::TreeWalk w = tree().walk(nlohmann::json::object());
    ASSERT_NE(w.next_question, nullptr);
    EXPECT_EQ(w.next_question->key, "goal");
    EXPECT_EQ(w.leaf, nullptr);

    w = tree().walk({{"goal", "json for the billing API"}});
    ASSERT_NE(w.next_question, nullptr);
    EXPECT_EQ(w.next_question->key, "task");
    EXPECT_EQ(w.next_question->options.size(), 6u);

    w = tree().walk({{"goal", "json for the billing API"}, {"task", "structured_output"}, {"needs_citations", false}});
    ASSERT_NE(w.next_question, nullptr);
    EXPECT_EQ(w.next_question->key, "knowledge_changes_often");
    EXPECT_EQ(w.path, (std::vector<std::string>{"goal", "task", "structured.changes"}));

    // A leaf can be reached before every question is answered; the unanswered ones are listed.
    nlohmann::json early = {{"goal", "x"}, {"task", "style"}, {"knowledge_changes_often", true}};
    w = tree().walk(early);
    ASSERT_NE(w.leaf, nullptr);
    EXPECT_EQ(w.leaf->id, "rag.changing_facts");
    EXPECT_EQ(tree().unanswered_keys(early),
              (std::vector<std::string>{"needs_citations", "model_can_do_it_with_examples"}));
    EXPECT_EQ(tree().unanswered_keys(nlohmann::json::object()).size(), 5u);
    // null counts as not answered
    EXPECT_EQ(tree().walk({{"goal", nullptr}}).next_question->key, "goal");
}

TEST(DecisionTree, RejectsAnswersOfTheWrongKind) {
    auto message = [](const nlohmann::json& a) {
        try {
            tree().walk(a);
        } catch (const tb::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string m = message({{"goal", "x"}, {"task", "poetry"}});
    EXPECT_NE(m.find("task"), std::string::npos) << m;
    EXPECT_NE(m.find("structured_output"), std::string::npos) << m;  // names the accepted values
    m = message({{"goal", "x"}, {"task", "style"}, {"knowledge_changes_often", "yes"}});
    EXPECT_NE(m.find("knowledge_changes_often"), std::string::npos) << m;
    EXPECT_NE(message({{"goal", "   "}}), "no error");
    EXPECT_THROW(tree().walk(nlohmann::json::array()), tb::Error);
}

// The embedded copy is the JSON file in the source tree (the build regenerates it).
TEST(DecisionTree, EmbeddedTreeMatchesTheSourceFile) {
    std::ifstream in(std::string(TUNEBENCH_SOURCE_DIR) + "/core/advisor/decision_tree.json");
    ASSERT_TRUE(in) << "core/advisor/decision_tree.json not found";
    tb::DecisionTree from_file = tb::DecisionTree::from_json(nlohmann::json::parse(in), "decision_tree.json");
    EXPECT_EQ(from_file.all_paths(), tree().all_paths());
    ASSERT_EQ(from_file.leaves().size(), tree().leaves().size());
    for (std::size_t i = 0; i < tree().leaves().size(); ++i) {
        EXPECT_EQ(from_file.leaves()[i].reasons, tree().leaves()[i].reasons);
        EXPECT_EQ(from_file.leaves()[i].try_first, tree().leaves()[i].try_first);
    }
}

// ---- validation of a tree file, on a small valid tree broken one way at a time.
nlohmann::json small_tree() {
    return nlohmann::json::parse(R"({
      "version": 3, "start": "q",
      "questions": {"ok": {"type": "boolean", "text": "Does prompting work?"}},
      "nodes": {
        "q": {"ask": "ok", "branches": {"true": "p", "false": "f"}},
        "p": {"recommend": "prompting", "title": "Prompt", "reasons": ["it works"], "try_first": "a prompt"},
        "f": {"recommend": "fine-tune", "title": "Tune", "reasons": ["it does not"], "try_first": "a dataset"}
      }})");
}

std::string validation_error(const nlohmann::json& t) {
    try {
        tb::DecisionTree::from_json(t, "test-tree.json");
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "valid";
}

TEST(DecisionTreeValidation, SmallTreeIsValid) {
    tb::DecisionTree t = tb::DecisionTree::from_json(small_tree(), "test-tree.json");
    EXPECT_EQ(t.version(), 3);
    EXPECT_EQ(t.walk({{"ok", false}}).leaf->approach, tb::Approach::fine_tune);
}

TEST(DecisionTreeValidation, RejectsBrokenTrees) {
    struct Case {
        const char* what;
        std::function<void(nlohmann::json&)> mutate;
        const char* expected_in_message;
    };
    std::vector<Case> cases = {
        {"unreachable node", [](auto& t) { t["nodes"]["orphan"] = t["nodes"]["p"]; }, "orphan"},
        {"missing branch", [](auto& t) { t["nodes"]["q"]["branches"].erase("false"); }, "no branch"},
        {"unknown answer", [](auto& t) { t["nodes"]["q"]["branches"]["maybe"] = "p"; }, "maybe"},
        {"unknown target", [](auto& t) { t["nodes"]["q"]["branches"]["true"] = "nowhere"; }, "nowhere"},
        {"bad recommendation", [](auto& t) { t["nodes"]["p"]["recommend"] = "pray"; }, "pray"},
        {"leaf without reasons", [](auto& t) { t["nodes"]["p"]["reasons"] = nlohmann::json::array(); }, "reasons"},
        {"leaf without try_first", [](auto& t) { t["nodes"]["f"].erase("try_first"); }, "try_first"},
        {"unused question",
         [](auto& t) {
             t["questions"]["spare"] = {{"type", "boolean"}, {"text", "Unused?"}};
         },
         "spare"},
        {"unknown question", [](auto& t) { t["nodes"]["q"]["ask"] = "nope"; }, "nope"},
        {"missing start", [](auto& t) { t["start"] = "begin"; }, "begin"},
        {"node both ask and leaf", [](auto& t) { t["nodes"]["p"]["ask"] = "ok"; }, "exactly one"},
        {"cycle",
         [](auto& t) {
             t["questions"]["again"] = {{"type", "boolean"}, {"text", "Again?"}};
             t["nodes"]["q"]["branches"]["true"] = "loop";
             t["nodes"]["loop"] = {{"ask", "again"}, {"branches", {{"true", "q"}, {"false", "p"}}}};
         },
         "cycle"},
        {"question asked twice",
         [](auto& t) {
             t["nodes"]["q"]["branches"]["true"] = "q2";
             t["nodes"]["q2"] = {{"ask", "ok"}, {"branches", {{"true", "p"}, {"false", "f"}}}};
         },
         "twice"},
        {"choice with one option",
         [](auto& t) {
             t["questions"]["ok"] = {
                 {"type", "choice"}, {"text", "Pick"}, {"options", {{{"value", "a"}, {"label", "A"}}}}};
         },
         "two"},
    };
    for (const auto& c : cases) {
        nlohmann::json t = small_tree();
        c.mutate(t);
        std::string message = validation_error(t);
        EXPECT_NE(message.find(c.expected_in_message), std::string::npos) << c.what << ": " << message;
        EXPECT_NE(message.find("test-tree.json"), std::string::npos) << c.what << ": " << message;
    }
}

TEST(Approach, RoundTripsThroughText) {
    for (auto a : {tb::Approach::fine_tune, tb::Approach::prompting, tb::Approach::rag})
        EXPECT_EQ(tb::approach_from_string(tb::to_string(a)), a);
    EXPECT_THROW(tb::approach_from_string("finetune"), tb::Error);
}

}  // namespace
