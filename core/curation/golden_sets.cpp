#include "core/curation/golden_sets.h"

#include <sqlite3.h>

#include <fstream>
#include <set>

#include "core/common/error.h"
#include "core/curation/names.h"
#include "core/curation/prompt_key.h"
#include "core/dataset/json_records.h"
#include "core/project/project_files.h"

namespace tb {
namespace {

std::string messages_json(const std::vector<Message>& messages) {
    Example e;
    e.messages = messages;
    return to_json(e).dump();
}

std::vector<Message> parse_messages_json(const std::string& text, std::int64_t item_id) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) throw Error("golden item " + std::to_string(item_id) + " has damaged message JSON");
    return example_from_json(j).messages;
}

Rubric parse_stored_rubric(const std::string& text, std::int64_t item_id) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    try {
        if (j.is_object() && j.contains("criteria")) return parse_rubric(j["criteria"]);
        if (j.is_object() && j.empty()) return {};
        return parse_rubric(j);
    } catch (const Error& e) {
        throw Error("golden item " + std::to_string(item_id) + " has a damaged rubric: " + e.what());
    }
}

std::string stored_rubric(const Rubric& rubric) {
    nlohmann::json j;
    j["criteria"] = to_json(rubric);
    return j.dump();
}

constexpr const char* kItemColumns = "id, set_id, messages, reference, rubric, author, created_at, updated_at";

GoldenItem read_item(const Statement& s) {
    GoldenItem item;
    item.id = s.column_int64(0);
    item.set_id = s.column_int64(1);
    item.messages = parse_messages_json(s.column_text(2), item.id);
    item.reference = s.column_text(3);
    item.rubric = parse_stored_rubric(s.column_text(4), item.id);
    item.author = s.column_text(5);
    item.created_at = s.column_text(6);
    item.updated_at = s.column_text(7);
    return item;
}

GoldenKind kind_from_text(const std::string& text) {
    return text == "general" ? GoldenKind::general : GoldenKind::task;
}

std::vector<Message> parse_input_messages(const nlohmann::json& j) {
    if (!j.is_array()) throw Error("\"messages\" must be a list of {\"role\", \"content\"} objects");
    static const std::set<std::string> allowed{"role", "content", "name", "tool_calls", "tool_call_id"};
    static const std::set<std::string> roles{"system", "user", "assistant", "tool"};
    for (std::size_t i = 0; i < j.size(); ++i) {
        const auto& m = j[i];
        std::string where = "message " + std::to_string(i + 1) + ": ";
        if (!m.is_object()) throw Error(where + "not an object");
        for (const auto& [key, value] : m.items()) {
            if (!allowed.count(key)) throw Error(where + "unknown key '" + key + "'");
        }
        if (!m.contains("role") || !m["role"].is_string() || !roles.count(m["role"].get<std::string>())) {
            throw Error(where + "\"role\" must be system, user, assistant or tool");
        }
        if (!m.contains("content") || !m["content"].is_string()) throw Error(where + "\"content\" must be a string");
    }
    nlohmann::json wrapper;
    wrapper["messages"] = j;
    return example_from_json(wrapper).messages;
}

}  // namespace

const char* to_string(GoldenKind kind) { return kind == GoldenKind::general ? "general" : "task"; }

std::optional<std::string> golden_size_advice(std::int64_t items) {
    if (items < kRecommendedGoldenMin) {
        return std::to_string(items) +
               " items: a golden set of fewer than 100 items gives wide confidence intervals; "
               "100-500 is recommended";
    }
    if (items > kRecommendedGoldenMax) {
        return std::to_string(items) +
               " items: more than 500 items makes every evaluation slow and expensive to "
               "review; 100-500 is recommended";
    }
    return std::nullopt;
}

std::int64_t create_golden_set(ProjectFile& project, const std::string& name, GoldenKind kind,
                               const std::string& description) {
    validate_name(name, "golden set");
    return project.transaction([&] {
        if (find_golden_set(project, name)) throw Error("a golden set named '" + name + "' already exists");
        auto s = project.prepare("INSERT INTO golden_sets(name, kind, description, created_at) VALUES (?, ?, ?, ?)");
        s.bind(1, name).bind(2, to_string(kind)).bind(3, description).bind(4, utc_now_iso8601()).run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(project.handle()));
    });
}

std::vector<GoldenSet> list_golden_sets(const ProjectFile& project) {
    auto s = project.prepare(
        "SELECT g.id, g.name, g.kind, g.description, g.created_at, "
        "(SELECT count(*) FROM golden_items AS i WHERE i.set_id = g.id) FROM golden_sets AS g ORDER BY g.name");
    std::vector<GoldenSet> sets;
    while (s.step()) {
        GoldenSet g;
        g.id = s.column_int64(0);
        g.name = s.column_text(1);
        g.kind = kind_from_text(s.column_text(2));
        g.description = s.column_text(3);
        g.created_at = s.column_text(4);
        g.items = s.column_int64(5);
        sets.push_back(std::move(g));
    }
    return sets;
}

std::optional<GoldenSet> find_golden_set(const ProjectFile& project, const std::string& name) {
    for (auto& g : list_golden_sets(project)) {
        if (g.name == name) return g;
    }
    return std::nullopt;
}

bool delete_golden_set(ProjectFile& project, const std::string& name) {
    return project.transaction([&] {
        auto s = project.prepare("DELETE FROM golden_sets WHERE name = ?");
        return s.bind(1, name).run() > 0;
    });
}

std::vector<GoldenItem> golden_items(const ProjectFile& project, std::int64_t set_id) {
    auto s = project.prepare(std::string("SELECT ") + kItemColumns + " FROM golden_items WHERE set_id = ? ORDER BY id");
    s.bind(1, set_id);
    std::vector<GoldenItem> items;
    while (s.step()) items.push_back(read_item(s));
    return items;
}

std::optional<GoldenItem> get_golden_item(const ProjectFile& project, std::int64_t item_id) {
    auto s = project.prepare(std::string("SELECT ") + kItemColumns + " FROM golden_items WHERE id = ?");
    s.bind(1, item_id);
    if (!s.step()) return std::nullopt;
    return read_item(s);
}

void validate_golden_item(const GoldenItem& item) {
    if (item.messages.empty()) throw Error("a golden item needs at least one input message");
    if (item.messages.back().role == "assistant") {
        throw Error("the input messages end with an assistant turn: put the expected answer in \"reference\"");
    }
    if (item.rubric.criteria.empty()) throw Error("a golden item needs at least one rubric criterion");
    for (std::size_t i = 0; i < item.rubric.criteria.size(); ++i) {
        try {
            validate_criterion(item.rubric.criteria[i]);
        } catch (const Error& e) {
            throw Error("rubric criterion " + std::to_string(i + 1) + ": " + e.what());
        }
    }
}

std::int64_t add_golden_item(ProjectFile& project, const GoldenItem& item) {
    validate_golden_item(item);
    return project.transaction([&] {
        std::string now = utc_now_iso8601();
        auto s = project.prepare(
            "INSERT INTO golden_items(set_id, messages, reference, rubric, author, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, item.set_id)
            .bind(2, messages_json(item.messages))
            .bind(3, item.reference)
            .bind(4, stored_rubric(item.rubric))
            .bind(5, item.author)
            .bind(6, item.created_at.empty() ? now : item.created_at)
            .bind(7, now)
            .run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(project.handle()));
    });
}

void update_golden_item(ProjectFile& project, const GoldenItem& item) {
    validate_golden_item(item);
    project.transaction([&] {
        auto s = project.prepare(
            "UPDATE golden_items SET messages = ?, reference = ?, rubric = ?, author = ?, updated_at = ? WHERE id = ?");
        s.bind(1, messages_json(item.messages))
            .bind(2, item.reference)
            .bind(3, stored_rubric(item.rubric))
            .bind(4, item.author)
            .bind(5, utc_now_iso8601())
            .bind(6, item.id);
        if (s.run() == 0) throw Error("golden item " + std::to_string(item.id) + " does not exist");
    });
}

bool delete_golden_item(ProjectFile& project, std::int64_t item_id) {
    return project.transaction([&] {
        auto s = project.prepare("DELETE FROM golden_items WHERE id = ?");
        return s.bind(1, item_id).run() > 0;
    });
}

std::int64_t add_golden_item_from_example(ProjectFile& project, std::int64_t set_id, std::int64_t example_id,
                                          const Rubric& rubric, const std::string& author) {
    auto s = project.prepare("SELECT messages FROM examples WHERE id = ?");
    s.bind(1, example_id);
    if (!s.step()) throw Error("example " + std::to_string(example_id) + " does not exist");
    auto messages = parse_messages_json(s.column_text(0), example_id);
    GoldenItem item;
    item.set_id = set_id;
    item.messages = prompt_messages(messages);
    if (item.messages.size() == messages.size()) {
        throw Error("example " + std::to_string(example_id) + " has no final assistant answer to use as the reference");
    }
    item.reference = messages.back().content;
    item.rubric = rubric;
    item.author = author;
    return add_golden_item(project, item);
}

GoldenItem golden_item_from_json(const nlohmann::json& j, const std::string& file, std::size_t line) {
    try {
        if (!j.is_object()) throw Error("a golden item is a JSON object");
        static const std::set<std::string> allowed{"messages", "reference", "rubric", "author"};
        for (const auto& [key, value] : j.items()) {
            if (!allowed.count(key)) {
                throw Error("unknown key '" + key +
                            "' (a golden item has messages, reference, rubric and optionally author)");
            }
        }
        for (const char* required : {"messages", "reference", "rubric"}) {
            if (!j.contains(required)) throw Error(std::string("missing \"") + required + "\"");
        }
        GoldenItem item;
        item.messages = parse_input_messages(j["messages"]);
        if (!j["reference"].is_string()) throw Error("\"reference\" must be a string (the expert answer)");
        item.reference = j["reference"].get<std::string>();
        item.rubric = parse_rubric(j["rubric"]);
        if (j.contains("author")) {
            if (!j["author"].is_string()) throw Error("\"author\" must be a string");
            item.author = j["author"].get<std::string>();
        }
        validate_golden_item(item);
        return item;
    } catch (const InputError&) {
        throw;
    } catch (const Error& e) {
        throw InputError(file, line, e.what());
    }
}

nlohmann::json to_json(const GoldenItem& item) {
    Example e;
    e.messages = item.messages;
    nlohmann::json j = nlohmann::json::object();
    j["messages"] = to_json(e)["messages"];
    j["reference"] = item.reference;
    j["rubric"] = to_json(item.rubric);
    if (!item.author.empty()) j["author"] = item.author;
    return j;
}

GoldenImportResult import_golden_jsonl(ProjectFile& project, const std::string& set_name, const std::string& path,
                                       GoldenKind kind, const std::string& author) {
    validate_name(set_name, "golden set");
    // Parse and validate every record before writing anything. The dataset reader's limits
    // apply: a regular file, no record over kMaxRecordBytes.
    JsonRecordReader reader(path);
    std::vector<GoldenItem> items;
    RawRecord record;
    while (true) {
        const auto status = reader.next(record);
        if (status == JsonRecordReader::Status::End) break;
        if (status == JsonRecordReader::Status::Broken) throw InputError(path, record.line, reader.broken_reason());
        if (!record.problem.empty()) throw InputError(path, record.line, record.problem);
        const std::size_t line = record.line;
        auto j = nlohmann::json::parse(record.text, nullptr, false);
        if (j.is_discarded()) throw InputError(path, line, "not valid JSON");
        GoldenItem item = golden_item_from_json(j, path, line);
        if (item.author.empty()) item.author = author;
        items.push_back(std::move(item));
    }
    if (items.empty()) throw InputError(path, 0, "no golden items in the file");

    return project.transaction([&] {
        GoldenImportResult result;
        auto existing = find_golden_set(project, set_name);
        if (existing) {
            if (existing->kind != kind) {
                throw Error("golden set '" + set_name + "' exists with kind " + to_string(existing->kind) +
                            "; import into another name or with the matching kind");
            }
            result.set_id = existing->id;
        } else {
            result.set_id = create_golden_set(project, set_name, kind);
            result.created = true;
        }
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& stored : golden_items(project, result.set_id)) {
            seen.emplace(messages_json(stored.messages), stored.reference);
        }
        for (auto& item : items) {
            item.set_id = result.set_id;
            if (!seen.emplace(messages_json(item.messages), item.reference).second) {
                ++result.duplicates;
                continue;
            }
            add_golden_item(project, item);
            ++result.added;
        }
        return result;
    });
}

std::int64_t export_golden_jsonl(const ProjectFile& project, const std::string& set_name, const std::string& path,
                                 Overwrite overwrite) {
    auto set = find_golden_set(project, set_name);
    if (!set) throw Error("no golden set named '" + set_name + "' in " + project.path());
    check_output_file(path, project_files(project), overwrite);
    auto items = golden_items(project, set->id);
    AtomicFile file(path);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw Error(path + ": cannot write");
        for (const auto& item : items) out << to_json(item).dump() << '\n';
        out.flush();
        if (!out) throw Error(path + ": write failed (disk full?)");
    }
    file.commit();
    return static_cast<std::int64_t>(items.size());
}

}  // namespace tb
