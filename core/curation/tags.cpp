#include "core/curation/tags.h"

#include <sqlite3.h>

#include <algorithm>

#include "core/common/error.h"
#include "core/curation/names.h"

namespace tb {
namespace {

std::optional<std::int64_t> find_tag(const ProjectFile& project, const std::string& name) {
    auto s = project.prepare("SELECT id FROM tags WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    return s.column_int64(0);
}

void require_example(const ProjectFile& project, std::int64_t example_id) {
    auto s = project.prepare("SELECT 1 FROM examples WHERE id = ?");
    s.bind(1, example_id);
    if (!s.step()) throw Error("example " + std::to_string(example_id) + " does not exist in " + project.path());
}

// Pages through the filter's matches (keyset, so the cost per page stays flat) and applies
// `statement` (bound to example id, tag id) to each.
std::int64_t apply_to_matching(ProjectFile& project, const ExampleFilter& filter, std::int64_t tag_id,
                               Statement& statement) {
    std::int64_t changed = 0;
    std::int64_t after = 0;
    constexpr std::size_t kPage = 5000;
    for (;;) {
        auto rows = list_examples(project, filter, after, kPage);
        for (const auto& row : rows) {
            statement.reset();
            statement.bind(1, row.id).bind(2, tag_id);
            changed += statement.run();
        }
        if (rows.size() < kPage) break;
        after = rows.back().id;
    }
    return changed;
}

}  // namespace

const std::vector<std::string>& builtin_edge_case_tags() {
    static const std::vector<std::string> tags = {"adversarial", "ambiguous", "out-of-domain", "should-refuse"};
    return tags;
}

void validate_tag_name(const std::string& name) { validate_name(name, "tag"); }

void ensure_builtin_tags(ProjectFile& project) {
    project.transaction([&] {
        for (const auto& name : builtin_edge_case_tags()) ensure_tag(project, name);
    });
}

std::int64_t ensure_tag(ProjectFile& project, const std::string& name) {
    validate_tag_name(name);
    return project.transaction([&] {
        if (auto id = find_tag(project, name)) return *id;
        auto insert = project.prepare("INSERT INTO tags(name) VALUES (?)");
        insert.bind(1, name).run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(project.handle()));
    });
}

bool delete_tag(ProjectFile& project, const std::string& name) {
    return project.transaction([&] {
        auto s = project.prepare("DELETE FROM tags WHERE name = ?");
        return s.bind(1, name).run() > 0;
    });
}

std::vector<TagCount> list_tags(const ProjectFile& project) {
    auto s = project.prepare(
        "SELECT t.name, (SELECT count(*) FROM example_tags AS et WHERE et.tag_id = t.id) FROM tags AS t ORDER BY "
        "t.name");
    std::vector<TagCount> tags;
    const auto& builtin = builtin_edge_case_tags();
    while (s.step()) {
        TagCount t;
        t.name = s.column_text(0);
        t.examples = s.column_int64(1);
        t.builtin = std::find(builtin.begin(), builtin.end(), t.name) != builtin.end() || t.name == kNeedsRereviewTag;
        tags.push_back(std::move(t));
    }
    return tags;
}

std::vector<std::string> tags_of(const ProjectFile& project, std::int64_t example_id) {
    auto s = project.prepare(
        "SELECT t.name FROM example_tags AS et JOIN tags AS t ON t.id = et.tag_id WHERE et.example_id = ? ORDER BY "
        "t.name");
    s.bind(1, example_id);
    std::vector<std::string> names;
    while (s.step()) names.push_back(s.column_text(0));
    return names;
}

bool add_tag(ProjectFile& project, std::int64_t example_id, const std::string& tag) {
    return project.transaction([&] {
        require_example(project, example_id);
        std::int64_t tag_id = ensure_tag(project, tag);
        auto s = project.prepare("INSERT OR IGNORE INTO example_tags(example_id, tag_id) VALUES (?, ?)");
        return s.bind(1, example_id).bind(2, tag_id).run() > 0;
    });
}

bool remove_tag(ProjectFile& project, std::int64_t example_id, const std::string& tag) {
    return project.transaction([&] {
        auto s = project.prepare(
            "DELETE FROM example_tags WHERE example_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)");
        return s.bind(1, example_id).bind(2, tag).run() > 0;
    });
}

std::int64_t tag_matching(ProjectFile& project, const ExampleFilter& filter, const std::string& tag) {
    return project.transaction([&] {
        std::int64_t tag_id = ensure_tag(project, tag);
        auto insert = project.prepare("INSERT OR IGNORE INTO example_tags(example_id, tag_id) VALUES (?, ?)");
        return apply_to_matching(project, filter, tag_id, insert);
    });
}

std::int64_t untag_matching(ProjectFile& project, const ExampleFilter& filter, const std::string& tag) {
    return project.transaction([&]() -> std::int64_t {
        auto tag_id = find_tag(project, tag);
        if (!tag_id) return 0;
        auto erase = project.prepare("DELETE FROM example_tags WHERE example_id = ? AND tag_id = ?");
        return apply_to_matching(project, filter, *tag_id, erase);
    });
}

std::int64_t tag_examples(ProjectFile& project, const std::vector<std::int64_t>& example_ids, const std::string& tag) {
    return project.transaction([&] {
        std::int64_t tag_id = ensure_tag(project, tag);
        auto insert = project.prepare("INSERT OR IGNORE INTO example_tags(example_id, tag_id) VALUES (?, ?)");
        std::int64_t changed = 0;
        for (std::int64_t id : example_ids) {
            require_example(project, id);
            insert.reset();
            changed += insert.bind(1, id).bind(2, tag_id).run();
        }
        return changed;
    });
}

}  // namespace tb
