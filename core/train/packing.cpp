#include "core/train/packing.h"

#include <algorithm>

#include "core/common/error.h"

namespace tb {

std::size_t PackedBatch::trained_tokens() const {
    return static_cast<std::size_t>(
        std::count_if(loss_weights.begin(), loss_weights.end(), [](float w) { return w > 0; }));
}

PackedBatch pack_samples(const std::vector<FormattedSample>& samples, const PackingOptions& options) {
    PackedBatch b;
    std::vector<std::int64_t> used;  // tokens filled per row
    std::int64_t length = options.length;
    if (!options.pack) {
        length = 1;
        for (const auto& s : samples)
            length = std::max<std::int64_t>(length, static_cast<std::int64_t>(s.input_ids.size()));
    }
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto n = static_cast<std::int64_t>(samples[i].input_ids.size());
        if (n > length)
            throw Error("sample of example " + std::to_string(samples[i].example_id) + " has " + std::to_string(n) +
                        " tokens, more than the row length " + std::to_string(length));
        std::size_t row = used.size();
        if (options.pack)
            for (std::size_t r = 0; r < used.size(); ++r)
                if (used[r] + n <= length) {
                    row = r;
                    break;
                }
        if (row == used.size()) {
            used.push_back(0);
            b.samples_per_row.emplace_back();
        }
        b.samples_per_row[row].push_back(i);
        used[row] += n;
    }
    b.rows = static_cast<std::int64_t>(used.size());
    b.length = length;
    const auto total = static_cast<std::size_t>(b.rows * b.length);
    b.input_ids.assign(total, options.pad_id);
    b.sequence_ids.assign(total, 0);
    b.position_ids.assign(total, 0);
    b.loss_weights.assign(total, 0.0f);
    for (std::int64_t r = 0; r < b.rows; ++r) {
        std::size_t at = static_cast<std::size_t>(r * b.length);
        std::int64_t seq = 0;
        for (std::size_t i : b.samples_per_row[r]) {
            const auto& s = samples[i];
            for (std::size_t t = 0; t < s.input_ids.size(); ++t, ++at) {
                b.input_ids[at] = s.input_ids[t];
                b.sequence_ids[at] = seq;
                b.position_ids[at] = static_cast<std::int64_t>(t);
                b.loss_weights[at] = s.loss_weights[t];
            }
            ++seq;
        }
        // Padding: a sequence of its own (it sees only itself), positions continuing from 0.
        for (std::int64_t t = 0; at < static_cast<std::size_t>((r + 1) * b.length); ++at, ++t) {
            b.sequence_ids[at] = seq;
            b.position_ids[at] = t;
        }
    }
    return b;
}

}  // namespace tb
