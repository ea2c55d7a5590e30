#pragma once
// Import of a dataset file into the project: tb::read_dataset streams and normalises the
// records, this stores them, all in one transaction (a crash or a cancel leaves the
// project exactly as it was). Re-importing the same file adds nothing (content hash).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/importer.h"
#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

struct ImportResult {
    std::int64_t import_id = 0;  // the import_reports row
    std::string file;
    ImportSummary summary;                 // records seen / accepted / rejected, detected format
    std::size_t inserted = 0;              // new examples stored
    std::size_t duplicates = 0;            // accepted records whose content was already stored
    std::vector<RejectedRecord> rejected;  // left out (skip_invalid); `raw` is in the project only
    // {"import_id","file","format","records","accepted","rejected","inserted","duplicates",
    //  "rejects":[{"line","reason","message"}]}
    nlohmann::json to_json() const;
};

// Thrown by an all-or-nothing import that met bad records: nothing was stored.
class ImportRejected : public Error {
public:
    ImportRejected(std::string file, std::vector<RejectedRecord> rejects);
    const std::vector<RejectedRecord>& rejects() const { return rejects_; }

private:
    std::vector<RejectedRecord> rejects_;
};

// By default all-or-nothing: one bad record and nothing is stored (throws ImportRejected
// listing every bad record as FILE:LINE: reason). With skip_invalid the valid records are
// stored and the bad ones kept, raw text included, in the import report. Throws tb::Error
// when the file cannot be read, tb::Cancelled when cancelled (nothing stored either way).
// Progress is in bytes of the file.
ImportResult import_file(ProjectFile& project, const std::string& path, const ImportOptions& options, bool skip_invalid,
                         const JobContext& ctx = {});

// What the project remembers of each import (newest first), and its rejected records.
struct ImportReport {
    std::int64_t id = 0;
    std::string source_file;
    std::string format;
    std::size_t records = 0, accepted = 0, rejected = 0, inserted = 0, duplicates = 0;
    std::string created_at;
};
std::vector<ImportReport> list_import_reports(const ProjectFile& project);
std::vector<RejectedRecord> import_rejects(const ProjectFile& project, std::int64_t import_id);

}  // namespace tb
