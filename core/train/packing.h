#pragma once
// Packs formatted samples into fixed-length rows so a batch wastes no compute on padding.
// Each token carries the id of the sample it came from: the model's forward takes these as
// ForwardInputs::sequence_ids, so attention never crosses samples, and positions restart at 0
// for each sample. Loss weights come along unchanged: a sample's first token has weight 0
// (FormattedSample), so the token before a boundary never learns to predict the next sample.
//
// Torch-free: rows are flat vectors [rows * length], row-major; core/train/loss.h turns them
// into tensors.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/train/sample_formatter.h"

namespace tb {

struct PackedBatch {
    std::int64_t rows = 0, length = 0;
    std::vector<std::int64_t> input_ids;  // [rows * length]; pad_id on padding
    std::vector<std::int64_t>
        sequence_ids;  // [rows * length]; 0, 1, ... per sample in the row; padding gets its own id
    std::vector<std::int64_t> position_ids;                 // [rows * length]; 0.. per sample
    std::vector<float> loss_weights;                        // [rows * length]; 0 on padding
    std::vector<std::vector<std::size_t>> samples_per_row;  // indices into the packed input
    std::size_t trained_tokens() const;
};

struct PackingOptions {
    std::int64_t length = 2048;  // tokens per row
    bool pack = true;            // false: one sample per row (right-padded to the longest row)
    std::int32_t pad_id = 0;
};

// Packs `samples` (in order, first fit: deterministic for a given order). Throws tb::Error when
// a sample is longer than options.length (format with max_length <= length first).
PackedBatch pack_samples(const std::vector<FormattedSample>& samples, const PackingOptions& options);

}  // namespace tb
