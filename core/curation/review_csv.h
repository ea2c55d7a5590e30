#pragma once
// Grading offline: export examples to an RFC 4180 CSV a reviewer fills in a spreadsheet,
// import it back as reviews. Columns: example_id, conversation, verdict, note, reviewer.
// The conversation column is "role: content" turns separated by blank lines; on import it
// must still match the stored example (an edit since the export would make the grade
// refer to another text). Rows with an empty verdict are left ungraded.
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/output_file.h"
#include "core/curation/reviews.h"
#include "core/dataset/example.h"
#include "core/project/project_file.h"

namespace tb {

struct ReviewCsvExportOptions {
    std::string reviewer;  // fills the reviewer column and the verdict/note columns with their standing verdict
    ReviewQueue queue = ReviewQueue::all;     // which examples (to_review needs reviewer)
    Overwrite overwrite = Overwrite::refuse;  // an existing file (core/common/output_file.h)
};

// Returns the number of example rows written.
std::int64_t export_review_csv(const ProjectFile& project, const std::string& path,
                               const ReviewCsvExportOptions& options = {});

struct ReviewCsvImportResult {
    std::int64_t rows = 0;       // example rows read
    std::int64_t recorded = 0;   // reviews appended
    std::int64_t ungraded = 0;   // empty verdict
    std::int64_t unchanged = 0;  // same verdict and note as the reviewer's standing one
};
// Validates every row first (tb::InputError FILE:LINE on the first bad one), then appends
// all reviews in one transaction.
ReviewCsvImportResult import_review_csv(ProjectFile& project, const std::string& path);

// The conversation column's text.
std::string conversation_text(const std::vector<Message>& messages);
// One CSV field, quoted when it holds a comma, quote, CR or LF.
std::string csv_field(const std::string& value);

}  // namespace tb
