#pragma once
// Near-duplicate prompts for leakage and split grouping: MinHash signatures of word
// 5-gram shingles with LSH banding (core/stats/minhash.h), candidates verified by the
// estimated Jaccard similarity.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/jobs/job.h"

namespace tb {

struct NearDuplicateOptions {
    double threshold = 0.8;  // estimated Jaccard at or above which two prompts are near duplicates
    std::size_t shingle_words = 5;
    std::size_t num_perm = 128;
};

// Calls found(i, j, similarity) (i < j, indices into texts) for every pair whose estimated
// similarity reaches the threshold and for which should_compare(i, j) is true (null = all).
// Texts without any word are skipped (they are nobody's duplicate).
void find_near_duplicates(const std::vector<std::string>& texts, const NearDuplicateOptions& options,
                          const std::function<bool(std::size_t, std::size_t)>& should_compare,
                          const std::function<void(std::size_t, std::size_t, double)>& found,
                          const JobContext& ctx = {});

}  // namespace tb
