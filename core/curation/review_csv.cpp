#include "core/curation/review_csv.h"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/staleness.h"
#include "core/dataset/csv_reader.h"
#include "core/project/project_files.h"

namespace tb {
namespace {

const std::vector<std::string> kHeader = {"example_id", "conversation", "verdict", "note", "reviewer"};

std::string normalise_newlines(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

std::string stored_conversation(const ProjectFile& project, std::int64_t id) {
    auto s = project.prepare("SELECT messages FROM examples WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return {};
    auto j = nlohmann::json::parse(s.column_text(0), nullptr, false);
    if (j.is_discarded()) throw Error("example " + std::to_string(id) + " has damaged message JSON");
    return conversation_text(example_from_json(j).messages);
}

}  // namespace

std::string conversation_text(const std::vector<Message>& messages) {
    std::string text;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        if (i) text += "\n\n";
        text += messages[i].role + ": " + messages[i].content;
    }
    return text;
}

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::int64_t export_review_csv(const ProjectFile& project, const std::string& path,
                               const ReviewCsvExportOptions& options) {
    QueueCursor cursor;
    cursor.queue = options.queue;
    cursor.reviewer = options.reviewer;
    cursor.overlap = 1 << 30;  // an export for one reviewer lists everything they have not judged
    if (cursor.queue == ReviewQueue::stale) cursor.stale_before = stale_cutoff(project);
    check_output_file(path, project_files(project), options.overwrite);
    AtomicFile file(path);
    std::int64_t rows = 0;
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw Error(path + ": cannot write");
        for (std::size_t i = 0; i < kHeader.size(); ++i) out << (i ? "," : "") << kHeader[i];
        out << "\r\n";
        std::int64_t after = 0;
        while (auto id = next_in_queue(project, cursor, after)) {
            after = *id;
            std::string verdict, note;
            if (!options.reviewer.empty()) {
                ExampleVerdicts v = example_verdicts(project, *id);
                if (auto it = v.by_reviewer.find(options.reviewer); it != v.by_reviewer.end()) {
                    verdict = to_string(it->second);
                    note = v.notes[options.reviewer];
                }
            }
            out << *id << ',' << csv_field(stored_conversation(project, *id)) << ',' << csv_field(verdict) << ','
                << csv_field(note) << ',' << csv_field(options.reviewer) << "\r\n";
            ++rows;
        }
        out.flush();
        if (!out) throw Error(path + ": write failed (disk full?)");
    }
    file.commit();
    return rows;
}

ReviewCsvImportResult import_review_csv(ProjectFile& project, const std::string& path) {
    CsvReader reader(path);
    CsvRow row;
    if (!reader.next(row))
        throw InputError(
            path, 0, "empty file: expected the header " + std::string("example_id,conversation,verdict,note,reviewer"));
    if (row.fields != kHeader) {
        throw InputError(path, row.line, "the header must be example_id,conversation,verdict,note,reviewer");
    }
    ReviewCsvImportResult result;
    std::vector<NewReview> reviews;
    while (reader.next(row)) {
        ++result.rows;
        auto fail = [&](const std::string& reason) { return InputError(path, row.line, reason); };
        if (row.fields.size() != kHeader.size()) {
            throw fail("expected 5 fields (example_id, conversation, verdict, note, reviewer), found " +
                       std::to_string(row.fields.size()));
        }
        const std::string& id_text = row.fields[0];
        char* end = nullptr;
        long long id = std::strtoll(id_text.c_str(), &end, 10);
        if (id_text.empty() || *end != '\0' || id <= 0) throw fail("example_id '" + id_text + "' is not an example id");
        std::string stored = stored_conversation(project, id);
        if (stored.empty()) throw fail("example " + id_text + " does not exist in " + project.path());
        if (normalise_newlines(row.fields[1]) != normalise_newlines(stored)) {
            throw fail("example " + id_text + " was edited since the export (the conversation differs): export again");
        }
        if (row.fields[2].empty()) {
            ++result.ungraded;
            continue;
        }
        auto verdict = parse_verdict(row.fields[2]);
        if (!verdict) throw fail("verdict '" + row.fields[2] + "' is not accept, reject or needs_edit");
        const std::string& reviewer = row.fields[4];
        if (reviewer.empty()) throw fail("the reviewer column is empty: who graded this row?");
        ExampleVerdicts current = example_verdicts(project, id);
        auto standing = current.by_reviewer.find(reviewer);
        if (standing != current.by_reviewer.end() && standing->second == *verdict &&
            current.notes[reviewer] == row.fields[3]) {
            ++result.unchanged;
            continue;
        }
        reviews.push_back({id, reviewer, *verdict, row.fields[3], false});
    }
    project.transaction([&] {
        for (const auto& review : reviews) record_review(project, review);
    });
    result.recorded = static_cast<std::int64_t>(reviews.size());
    return result;
}

}  // namespace tb
