// The decision tree is data; its texts reach translators through the generated
// ui/advisor/decision_tree_strings.cpp. Editing the tree without regenerating it
// (translations/update.sh) would leave new texts untranslatable: this catches it.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void collect(const nlohmann::json& node, const std::string& key, std::vector<std::string>& out) {
    static const std::set<std::string> kTextKeys = {"text", "help", "label", "title", "try_first", "reasons"};
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) collect(it.value(), it.key(), out);
    } else if (node.is_array()) {
        for (const auto& item : node) collect(item, key, out);
    } else if (node.is_string() && kTextKeys.count(key) && !node.get<std::string>().empty()) {
        out.push_back(node.get<std::string>());
    }
}

TEST(DecisionTreeStrings, EveryTreeTextIsVisibleToTranslators) {
    const std::string source = TUNEBENCH_SOURCE_DIR;
    auto tree = nlohmann::json::parse(read(source + "/core/advisor/decision_tree.json"));
    const std::string generated = read(source + "/ui/advisor/decision_tree_strings.cpp");
    ASSERT_FALSE(generated.empty());
    std::vector<std::string> texts;
    collect(tree, "", texts);
    ASSERT_GT(texts.size(), 50u);
    for (const auto& text : texts) {
        // The generator writes each text as a JSON string literal, which C++ reads the same way.
        const std::string literal =
            "QT_TRANSLATE_NOOP(\"DecisionTree\", " + nlohmann::json(text).dump(-1, ' ', false) + ")";
        EXPECT_NE(generated.find(literal), std::string::npos)
            << "not in ui/advisor/decision_tree_strings.cpp (run translations/update.sh): " << text;
    }
}

}  // namespace
