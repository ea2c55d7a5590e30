#pragma once
// The data side of a training run: which examples (the one door: select_training_examples,
// validation from the project's split, the "general" mix), formatted into samples, laid out
// in rows once, and the per-epoch order of those rows, a pure function of (seed, epoch) so a
// checkpoint only needs the step to find its place in the data.
//
// Rows are built once per run (packing is first-fit in example-id order) and shuffled per
// epoch: rows_per_epoch is fixed, so the step count is known before step 1.
#include <cstdint>
#include <string>
#include <vector>

#include "core/jobs/job.h"
#include "core/project/project_file.h"
#include "core/train/loss.h"
#include "core/train/sample_formatter.h"
#include "core/train/trainer.h"

namespace tb {

struct PreparedData {
    std::vector<FormattedSample> train, validation;
    FormatReport train_report, validation_report;
    std::int64_t selected_examples = 0;                    // from select_training_examples (before the general mix)
    std::int64_t general_available = 0, general_used = 0;  // examples tagged "general" in the selection
    std::vector<std::string> warnings;                     // data warnings for the pre-flight report
};

// Selects, mixes and formats. `formatter` carries the tokenizer, template and max_length.
// Throws tb::Error when there is no training example at all.
PreparedData prepare_training_data(const ProjectFile& project, const TrainConfig& config,
                                   const SampleFormatter& formatter, const JobContext& ctx = {});

// LossOn::AllTokens: the rendered conversation with every token after the first trained
// (pretraining on rendered text). nullopt when dropped (too long); counted in `report`.
std::optional<FormattedSample> format_all_tokens(const SampleFormatter& formatter, const Example& example,
                                                 FormatReport* report);

// Rows built once; micro-batches are gathered rows, cut to their longest real row.
class RowSet {
public:
    RowSet() = default;
    RowSet(const std::vector<FormattedSample>& samples, std::int64_t max_length, bool pack, std::int32_t pad_id);
    std::int64_t rows() const { return static_cast<std::int64_t>(real_length_.size()); }
    // The rows `indices` as one batch [indices.size(), longest real row].
    BatchTensors batch(const std::vector<std::int64_t>& indices) const;
    std::int64_t real_tokens(const std::vector<std::int64_t>& indices) const;
    std::int64_t total_real_tokens() const;

private:
    BatchTensors all_;                       // [rows, length]
    std::vector<std::int64_t> real_length_;  // per row: tokens before the padding
};

// Row order of `epoch`: a Fisher-Yates shuffle driven by splitmix64 of (seed, epoch), the
// same on every platform and independent of torch's generator.
std::vector<std::int64_t> epoch_row_order(std::int64_t rows, std::uint64_t seed, std::int64_t epoch);

}  // namespace tb
