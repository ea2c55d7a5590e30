#include "core/curation/near_duplicates.h"

#include "core/common/error.h"
#include "core/stats/minhash.h"

namespace tb {

void find_near_duplicates(const std::vector<std::string>& texts, const NearDuplicateOptions& options,
                          const std::function<bool(std::size_t, std::size_t)>& should_compare,
                          const std::function<void(std::size_t, std::size_t, double)>& found, const JobContext& ctx) {
    if (!(options.threshold > 0.0 && options.threshold <= 1.0)) {
        throw Error("the near-duplicate threshold is a similarity in (0, 1], got " + std::to_string(options.threshold));
    }
    if (texts.size() >= 0xFFFFFFFFu) throw Error("too many texts for the near-duplicate index");
    MinHasher hasher(options.num_perm);
    LshIndex index(choose_lsh_params(options.threshold, options.num_perm), options.num_perm);
    const std::size_t k = options.num_perm;
    std::vector<std::uint32_t> signatures(texts.size() * k);
    std::vector<std::uint32_t> index_to_text;  // LSH ids are dense over the texts that have words
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i % 4096 == 0) {
            ctx.check_cancel();
            ctx.report(static_cast<std::int64_t>(i), static_cast<std::int64_t>(texts.size()), "comparing prompts");
        }
        auto shingles = word_shingle_hashes(texts[i], options.shingle_words);
        if (shingles.empty()) continue;
        std::uint32_t* signature = &signatures[i * k];
        hasher.signature(shingles, signature);
        for (std::uint32_t candidate : index.candidates(signature)) {
            std::size_t j = index_to_text[candidate];
            if (should_compare && !should_compare(j, i)) continue;
            double similarity = estimate_jaccard({&signatures[j * k], k}, {signature, k});
            if (similarity >= options.threshold) found(j, i, similarity);
        }
        index.insert(static_cast<std::uint32_t>(index_to_text.size()), signature);
        index_to_text.push_back(static_cast<std::uint32_t>(i));
    }
}

}  // namespace tb
