#pragma once
// Storing and reading examples in the project file, and the queries behind the GUI's
// lazy dataset table (keyset pages, filters, full-text search). No Qt, no torch.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset/example.h"
#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

struct StoredExample {
    Example example;  // id, messages, tools, source_file, source_line
    std::string content_hash;
    std::optional<std::int64_t> import_id;
    std::string created_at;
    std::string updated_at;
};

// One row of the dataset table: cheap columns only (no message JSON parsing).
struct ExampleRow {
    std::int64_t id = 0;
    std::string preview;            // first user text, whitespace collapsed, <= ~160 chars
    int turns = 0;                  // number of messages
    std::vector<std::string> tags;  // sorted by name
    std::string split;              // "train" | "validation" | "test" | "" (unassigned)
    std::string created_at;
};

// The word for an example no split holds yet, wherever splits are counted or filtered
// (split_counts, project stats, ExampleFilter, leakage sides).
inline constexpr const char* kUnassignedSplit = "unassigned";

// All set members must hold; empty members do not filter.
struct ExampleFilter {
    std::string tag;           // examples carrying this tag
    std::string split;         // "train" | "validation" | "test"; kUnassignedSplit = not assigned
    std::string finding_kind;  // examples named by a finding of this kind in the latest check report
    std::string text;          // full-text search: every word must appear (prefix match on the last)
    bool empty() const { return tag.empty() && split.empty() && finding_kind.empty() && text.empty(); }
};

// Inserts many examples with prepared statements; call inside ProjectFile::transaction.
// Duplicates (same content_hash as a stored example) are skipped, not errors. The one way
// to add examples: it also fills the columns the list view reads (preview, turns) and the
// full-text index (examples_fts), which has no insert trigger, for speed.
class ExampleInserter {
public:
    explicit ExampleInserter(ProjectFile& project);
    // The new id, or nullopt when an example with the same content is already stored.
    std::optional<std::int64_t> insert(const Example& example, std::optional<std::int64_t> import_id = {});

private:
    ProjectFile& project_;
    Statement insert_;
    Statement index_text_;
};

// One example in its own transaction; nullopt when it is a duplicate.
std::optional<std::int64_t> insert_example(ProjectFile& project, const Example& example);

std::optional<StoredExample> get_example(const ProjectFile& project, std::int64_t id);

std::int64_t count_examples(const ProjectFile& project, const ExampleFilter& filter = {});
// min(count_examples(filter), limit), without visiting the matches past `limit`: counting
// every match of a word found in most of a million examples takes ~2 s, too long for a
// browser that counts on every keystroke of a search.
std::int64_t count_examples_up_to(const ProjectFile& project, const ExampleFilter& filter, std::int64_t limit);

// Up to `limit` rows with id > after_id, in id order: pass the last id of a page to get the
// next one (keyset pagination: constant time per page however deep the table is).
std::vector<ExampleRow> list_examples(const ProjectFile& project, const ExampleFilter& filter, std::int64_t after_id,
                                      std::size_t limit);

// Full-text search ranked by relevance (BM25), best first. When more than 20000 examples
// match, only the first 20000 (by id) are ranked, so a search stays under ~10 ms even for
// a word found everywhere. Throws tb::Error on an empty query.
std::vector<ExampleRow> search_examples(const ProjectFile& project, const std::string& text, std::size_t limit);

// Turns what a user typed into an FTS5 query: each word quoted (so -, :, " and AND are
// plain text), all required, the last one a prefix. Empty when there is no word.
std::string fts_query(const std::string& user_text);

// An edit: replaces messages/tools, keeps the previous version in example_history,
// bumps updated_at. Throws tb::Error if the id does not exist or the new content equals
// another stored example's.
void update_example_messages(ProjectFile& project, std::int64_t id, const Example& edited,
                             const std::string& note = "");

struct ExampleVersion {
    std::int64_t history_id = 0;
    Example example;
    std::string content_hash;
    std::string note;
    std::string replaced_at;
};
// Previous versions of an example, oldest first.
std::vector<ExampleVersion> example_history(const ProjectFile& project, std::int64_t id);

// Streams stored examples in id order (with ids set), optionally only one split
// ("train" | "validation" | "test"; empty = all). Reports progress in examples.
void for_each_example(const ProjectFile& project, const std::string& split, const std::function<void(Example&&)>& visit,
                      const JobContext& ctx = {});

// The list-view preview of an example: its first user message (or first message).
std::string example_preview(const Example& example);

}  // namespace tb
