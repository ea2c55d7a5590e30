#pragma once
// Shared helpers of the curation tests: a fresh project per test, examples built in code.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "core/dataset/example.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tbtest {

class CurationTempDir : public TempDir {
public:
    CurationTempDir() : TempDir("tb_curation_") {}
};

inline tb::Example chat(const std::string& user, const std::string& assistant, const std::string& system = "") {
    tb::Example e;
    if (!system.empty()) e.messages.push_back({"system", system, "", nullptr, "", std::nullopt});
    e.messages.push_back({"user", user, "", nullptr, "", std::nullopt});
    e.messages.push_back({"assistant", assistant, "", nullptr, "", std::nullopt});
    return e;
}

// A distinct, wordy prompt per index (no two share a 5-word shingle by accident).
inline std::string distinct_prompt(int i) {
    static const char* words[] = {"alpha", "bravo",  "charlie", "delta", "echo", "foxtrot",  "golf",  "hotel",
                                  "india", "juliet", "kilo",    "lima",  "mike", "november", "oscar", "papa"};
    std::string text = "ticket " + std::to_string(i);
    unsigned x = static_cast<unsigned>(i) * 2654435761u + 12345u;
    for (int k = 0; k < 12; ++k) {
        x = x * 1103515245u + 12345u;
        text += std::string(" ") + words[(x >> 16) % 16] + std::to_string((x >> 8) % 97);
    }
    return text;
}

inline std::int64_t add_example(tb::ProjectFile& project, const tb::Example& example) {
    auto id = tb::insert_example(project, example);
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
}

inline std::vector<std::int64_t> add_distinct_examples(tb::ProjectFile& project, int first, int count) {
    std::vector<std::int64_t> ids;
    project.transaction([&] {
        for (int i = first; i < first + count; ++i)
            ids.push_back(add_example(project, chat(distinct_prompt(i), "answer " + std::to_string(i))));
    });
    return ids;
}

}  // namespace tbtest
