#include "core/project/examples.h"

#include <algorithm>

#include <sqlite3.h>

#include <cctype>

#include "core/common/sha256.h"

namespace tb {
namespace {

constexpr std::size_t kPreviewBytes = 160;
constexpr std::int64_t kRankedMatches = 20000;
constexpr char kTagSeparator = '\x1f';  // unit separator: cannot appear in a tag name typed by a user

// Cuts at a UTF-8 character boundary at or before `max_bytes`.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string collapse_whitespace(const std::string& text, std::size_t max_bytes) {
    std::string out;
    out.reserve(std::min(text.size(), max_bytes + 8));
    bool pending_space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
        if (out.size() > max_bytes + 4) break;  // enough to know it must be shortened
    }
    if (out.size() > max_bytes) out = utf8_prefix(out, max_bytes) + "\xE2\x80\xA6";  // "…"
    return out;
}

std::vector<std::string> split_tags(const std::string& joined) {
    std::vector<std::string> tags;
    if (joined.empty()) return tags;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = joined.find(kTagSeparator, start);
        tags.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return tags;
}

// The SELECT list shared by every list query; columns read by read_row().
const char* kRowColumns =
    "e.id, e.preview, e.turns, "
    "(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM example_tags AS et "
    "  JOIN tags AS t ON t.id = et.tag_id WHERE et.example_id = e.id ORDER BY t.name)), "
    "coalesce(s.split, ''), e.created_at";

ExampleRow read_row(const Statement& statement) {
    ExampleRow row;
    row.id = statement.column_int64(0);
    row.preview = statement.column_text(1);
    row.turns = static_cast<int>(statement.column_int64(2));
    row.tags = split_tags(statement.column_text(3));
    row.split = statement.column_text(4);
    row.created_at = statement.column_text(5);
    return row;
}

// FROM ... WHERE ... for a filter, with its parameters in order. When there is a text
// query the FTS table drives the scan, so a page costs the same at any depth.
struct FilterSql {
    std::string from;
    std::string where;
    std::string id_column;
    std::vector<std::string> params;
};

FilterSql filter_sql(const ExampleFilter& filter) {
    FilterSql sql;
    std::vector<std::string> conditions;
    if (!filter.text.empty()) {
        std::string query = fts_query(filter.text);
        if (query.empty()) throw Error("the search text has no word to look for");
        sql.from =
            "examples_fts JOIN examples AS e ON e.id = examples_fts.rowid LEFT JOIN splits AS s ON s.example_id = e.id";
        sql.id_column = "examples_fts.rowid";
        conditions.push_back("examples_fts MATCH ?");
        sql.params.push_back(query);
    } else {
        sql.from = "examples AS e LEFT JOIN splits AS s ON s.example_id = e.id";
        sql.id_column = "e.id";
    }
    if (filter.split == kUnassignedSplit) {
        conditions.push_back("s.example_id IS NULL");
    } else if (!filter.split.empty()) {
        conditions.push_back("s.split = ?");
        sql.params.push_back(filter.split);
    }
    if (!filter.tag.empty()) {
        conditions.push_back(
            "EXISTS (SELECT 1 FROM example_tags AS ft JOIN tags AS t ON t.id = ft.tag_id "
            "WHERE ft.example_id = e.id AND t.name = ?)");
        sql.params.push_back(filter.tag);
    }
    if (!filter.finding_kind.empty()) {
        conditions.push_back(
            "EXISTS (SELECT 1 FROM check_finding_examples AS fe JOIN check_findings AS f ON f.id = fe.finding_id "
            "WHERE fe.example_id = e.id AND f.kind = ?)");
        sql.params.push_back(filter.finding_kind);
    }
    for (std::size_t i = 0; i < conditions.size(); ++i) sql.where += (i ? " AND " : "") + conditions[i];
    return sql;
}

int bind_params(Statement& statement, const std::vector<std::string>& params) {
    int index = 1;
    for (const auto& param : params) statement.bind(index++, param);
    return index;
}

Example read_example_json(const std::string& json_text, std::int64_t id) {
    nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, false);
    if (parsed.is_discarded())
        throw Error("example " + std::to_string(id) + " has damaged message JSON in the project");
    Example example = example_from_json(parsed);
    example.id = id;
    return example;
}

}  // namespace

std::string example_preview(const Example& example) {
    for (const auto& message : example.messages) {
        if (message.role == "user") return collapse_whitespace(message.content, kPreviewBytes);
    }
    return example.messages.empty() ? std::string()
                                    : collapse_whitespace(example.messages.front().content, kPreviewBytes);
}

std::string fts_query(const std::string& user_text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        bool has_text = false;
        for (unsigned char c : word) has_text = has_text || std::isalnum(c) || c >= 0x80;
        if (has_text) words.push_back(word);
        word.clear();
    };
    for (char c : user_text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            flush();
        } else {
            word.push_back(c);
        }
    }
    flush();
    std::string query;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string quoted = "\"";
        for (char c : words[i]) {
            if (c == '"') quoted.push_back('"');  // FTS5 escapes a quote by doubling it
            quoted.push_back(c);
        }
        quoted.push_back('"');
        if (i + 1 == words.size()) quoted.push_back('*');
        query += (i ? " " : "") + quoted;
    }
    return query;
}

ExampleInserter::ExampleInserter(ProjectFile& project)
    : project_(project),
      insert_(project.prepare(
          "INSERT INTO examples(messages, content_hash, preview, turns, source_file, source_line, import_id, "
          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(content_hash) DO NOTHING")),
      index_text_(project.prepare("INSERT INTO examples_fts(rowid, text) VALUES (?, ?)")) {}

std::optional<std::int64_t> ExampleInserter::insert(const Example& example, std::optional<std::int64_t> import_id) {
    std::string now = utc_now_iso8601();
    // Serialised once: the stored JSON is also what the content hash is taken over.
    std::string canonical = to_json(example).dump();
    std::string hash = sha256_hex(canonical);
    insert_.bind(1, canonical)
        .bind(2, hash)
        .bind(3, example_preview(example))
        .bind(4, example.messages.size())
        .bind(5, example.source_file)
        .bind(6, example.source_line)
        .bind(7, import_id)
        .bind(8, now)
        .bind(9, now);
    if (insert_.run() == 0) return std::nullopt;
    std::int64_t id = sqlite3_last_insert_rowid(project_.handle());
    index_text_.bind(1, id).bind(2, plain_text(example)).run();
    return id;
}

std::optional<std::int64_t> insert_example(ProjectFile& project, const Example& example) {
    return project.transaction([&] {
        ExampleInserter inserter(project);
        return inserter.insert(example);
    });
}

std::optional<StoredExample> get_example(const ProjectFile& project, std::int64_t id) {
    auto statement = project.prepare(
        "SELECT messages, content_hash, source_file, source_line, import_id, created_at, updated_at "
        "FROM examples WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step()) return std::nullopt;
    StoredExample stored;
    stored.example = read_example_json(statement.column_text(0), id);
    stored.content_hash = statement.column_text(1);
    stored.example.source_file = statement.column_text(2);
    stored.example.source_line = static_cast<std::size_t>(statement.column_int64(3));
    stored.import_id = statement.column_optional_int64(4);
    stored.created_at = statement.column_text(5);
    stored.updated_at = statement.column_text(6);
    return stored;
}

std::int64_t count_examples(const ProjectFile& project, const ExampleFilter& filter) {
    if (filter.empty()) return query_int64(project.handle(), "SELECT count(*) FROM examples").value_or(0);
    FilterSql sql = filter_sql(filter);
    auto statement = project.prepare("SELECT count(*) FROM " + sql.from + " WHERE " + sql.where);
    bind_params(statement, sql.params);
    statement.step();
    return statement.column_int64(0);
}

std::int64_t count_examples_up_to(const ProjectFile& project, const ExampleFilter& filter, std::int64_t limit) {
    if (limit <= 0) return 0;
    if (filter.empty()) return std::min(count_examples(project, filter), limit);
    FilterSql sql = filter_sql(filter);
    auto statement =
        project.prepare("SELECT count(*) FROM (SELECT 1 FROM " + sql.from + " WHERE " + sql.where + " LIMIT ?)");
    statement.bind(bind_params(statement, sql.params), limit);
    statement.step();
    return statement.column_int64(0);
}

std::vector<ExampleRow> list_examples(const ProjectFile& project, const ExampleFilter& filter, std::int64_t after_id,
                                      std::size_t limit) {
    FilterSql sql = filter_sql(filter);
    std::string where = sql.id_column + " > ?" + (sql.where.empty() ? "" : " AND " + sql.where);
    auto statement = project.prepare(std::string("SELECT ") + kRowColumns + " FROM " + sql.from + " WHERE " + where +
                                     " ORDER BY " + sql.id_column + " LIMIT ?");
    statement.bind(1, after_id);
    int next = 2;
    for (const auto& param : sql.params) statement.bind(next++, param);
    statement.bind(next, limit);
    std::vector<ExampleRow> rows;
    rows.reserve(limit);
    while (statement.step()) rows.push_back(read_row(statement));
    return rows;
}

std::vector<ExampleRow> search_examples(const ProjectFile& project, const std::string& text, std::size_t limit) {
    std::string query = fts_query(text);
    if (query.empty()) throw Error("the search text has no word to look for");
    // BM25 costs time per match: a word in most of 1M examples took 300 ms CPU to rank in
    // full (bench_project_bench). Ranking the first kRankedMatches matches keeps every
    // search fast; for rarer words (almost every real search) it is the exact ranking.
    auto statement = project.prepare(std::string("SELECT ") + kRowColumns +
                                     " FROM (SELECT rowid AS id, rank AS score FROM examples_fts "
                                     "       WHERE examples_fts MATCH ? LIMIT ?) AS hits "
                                     "JOIN examples AS e ON e.id = hits.id "
                                     "LEFT JOIN splits AS s ON s.example_id = e.id "
                                     "ORDER BY hits.score, e.id LIMIT ?");
    statement.bind(1, query).bind(2, kRankedMatches).bind(3, limit);
    std::vector<ExampleRow> rows;
    while (statement.step()) rows.push_back(read_row(statement));
    return rows;
}

void update_example_messages(ProjectFile& project, std::int64_t id, const Example& edited, const std::string& note) {
    std::string new_json = to_json(edited).dump();
    std::string new_hash = content_hash(edited);
    project.transaction([&] {
        auto current = project.prepare("SELECT messages, content_hash FROM examples WHERE id = ?");
        current.bind(1, id);
        if (!current.step()) throw Error("example " + std::to_string(id) + " does not exist");
        std::string old_json = current.column_text(0);
        std::string old_hash = current.column_text(1);
        if (old_hash == new_hash) return;  // nothing changed: no new version

        auto twin = project.prepare("SELECT id FROM examples WHERE content_hash = ? AND id <> ?");
        twin.bind(1, new_hash).bind(2, id);
        if (twin.step()) {
            throw Error("the edited example " + std::to_string(id) + " is now identical to example " +
                        std::to_string(twin.column_int64(0)) + "; change it or delete one of them");
        }
        std::string now = utc_now_iso8601();
        project
            .prepare(
                "INSERT INTO example_history(example_id, messages, content_hash, note, replaced_at) "
                "VALUES (?, ?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, old_json)
            .bind(3, old_hash)
            .bind(4, note)
            .bind(5, now)
            .run();
        project
            .prepare(
                "UPDATE examples SET messages = ?, content_hash = ?, preview = ?, turns = ?, updated_at = ? "
                "WHERE id = ?")
            .bind(1, new_json)
            .bind(2, new_hash)
            .bind(3, example_preview(edited))
            .bind(4, edited.messages.size())
            .bind(5, now)
            .bind(6, id)
            .run();
    });
}

std::vector<ExampleVersion> example_history(const ProjectFile& project, std::int64_t id) {
    auto statement = project.prepare(
        "SELECT id, messages, content_hash, note, replaced_at FROM example_history WHERE example_id = ? ORDER BY id");
    statement.bind(1, id);
    std::vector<ExampleVersion> versions;
    while (statement.step()) {
        ExampleVersion version;
        version.history_id = statement.column_int64(0);
        version.example = read_example_json(statement.column_text(1), id);
        version.content_hash = statement.column_text(2);
        version.note = statement.column_text(3);
        version.replaced_at = statement.column_text(4);
        versions.push_back(std::move(version));
    }
    return versions;
}

void for_each_example(const ProjectFile& project, const std::string& split, const std::function<void(Example&&)>& visit,
                      const JobContext& ctx) {
    ExampleFilter filter;
    filter.split = split;
    std::int64_t total = count_examples(project, filter);
    std::string sql = "SELECT e.id, e.messages, e.source_file, e.source_line FROM examples AS e";
    if (!split.empty()) sql += " JOIN splits AS s ON s.example_id = e.id AND s.split = ?";
    sql += " ORDER BY e.id";
    auto statement = project.prepare(sql);
    if (!split.empty()) statement.bind(1, split);
    std::int64_t done = 0;
    while (statement.step()) {
        Example example = read_example_json(statement.column_text(1), statement.column_int64(0));
        example.source_file = statement.column_text(2);
        example.source_line = static_cast<std::size_t>(statement.column_int64(3));
        visit(std::move(example));
        if (++done % 1024 == 0) {
            ctx.check_cancel();
            ctx.report(done, total, "reading examples");
        }
    }
    ctx.report(done, total, "reading examples");
}

}  // namespace tb
