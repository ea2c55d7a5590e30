#pragma once
// MinHash signatures and LSH banding, for near-duplicate detection (dataset checks) and
// train/test leakage (curation).
//
// The Jaccard similarity J(A, B) = |A ∩ B| / |A ∪ B| of two shingle sets is estimated by the
// fraction of the K signature positions where the two minima agree: for a random
// permutation π, P[min π(A) = min π(B)] = J. Elements are first mixed to 32 well-spread
// bits; each position then applies its own bijection of that space (multiply-add with a
// random odd multiplier), so two sets collide only where their elements do (or, rarely,
// where two elements' 32-bit mixes do). Standard error ≈ sqrt(J(1−J)/K).
//
// LSH: the signature is cut into b bands of r rows; two sets become candidates when some
// band matches exactly, which happens with probability 1 − (1 − J^r)^b (an S-curve).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace tb {

// Hashes of the word n-grams ("shingles") of `text`, sorted and without repeats. Words are
// runs of ASCII letters and digits and of non-ASCII bytes (so accented and non-Latin words
// stay whole); ASCII letters are lowercased; everything else separates words. A text with
// fewer than n words gives one shingle of all its words; a text with no words gives none.
std::vector<std::uint64_t> word_shingle_hashes(std::string_view text, std::size_t n = 5);

// Exact Jaccard similarity of two sorted, repeat-free vectors (1 when both are empty).
double exact_jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

class MinHasher {
public:
    explicit MinHasher(std::size_t num_perm = 128, std::uint64_t seed = 0x5eed'1234'abcdULL);
    std::size_t num_perm() const { return multipliers_.size(); }
    // out must hold num_perm() values. The empty set gives all 0xFFFFFFFF.
    void signature(std::span<const std::uint64_t> elements, std::uint32_t* out) const;
    std::vector<std::uint32_t> signature(std::span<const std::uint64_t> elements) const;

private:
    std::vector<std::uint32_t> multipliers_;  // odd
    std::vector<std::uint32_t> offsets_;
};

// Fraction of equal positions of two signatures of the same length.
double estimate_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

struct LshParams {
    std::size_t bands = 0;
    std::size_t rows = 0;
};
// 1 − (1 − J^rows)^bands: the chance that a pair with Jaccard J becomes a candidate.
double lsh_candidate_probability(double jaccard, LshParams params);
// The banding (bands × rows ≤ num_perm) with the most rows per band (fewest spurious
// candidates) whose candidate probability at `threshold` is at least `min_recall`.
LshParams choose_lsh_params(double threshold, std::size_t num_perm, double min_recall = 0.99);

// Incremental LSH index over signatures, ids dense from 0. Memory: one 8-byte entry per
// (item, band) plus an open-addressing table of band keys.
//
// max_bucket (0 = no limit) bounds the ids kept per band bucket: on templated data (every
// text sharing a long boilerplate) some buckets hold nearly everything, and each query
// would return the whole dataset. Ids past the limit are not added to that bucket (they
// stay in their other buckets), so a query returns at most bands × max_bucket ids. Pairs
// above the threshold share several bands on average, so recall drops only when all of
// them are crowded.
class LshIndex {
public:
    LshIndex(LshParams params, std::size_t num_perm, std::size_t max_bucket = 0);
    void insert(std::uint32_t id, const std::uint32_t* signature);
    // Ids already inserted that share at least one band with `signature`, each once.
    std::vector<std::uint32_t> candidates(const std::uint32_t* signature);
    std::size_t size() const { return items_; }

private:
    std::uint64_t band_key(std::size_t band, const std::uint32_t* signature) const;
    std::size_t slot_for(std::uint64_t key) const;  // the key's slot, or the empty slot where it goes
    void grow();

    LshParams params_;
    std::size_t items_ = 0;
    struct Entry {
        std::uint32_t id;
        std::uint32_t next;  // index into entries_, or kNone
    };
    std::vector<Entry> entries_;
    std::vector<std::uint64_t> keys_;    // open addressing; kEmptyKey marks a free slot
    std::vector<std::uint32_t> heads_;   // first entry of the key's chain
    std::vector<std::uint32_t> counts_;  // entries in the key's chain
    std::size_t max_bucket_ = 0;
    std::size_t used_slots_ = 0;
    std::vector<std::uint32_t> seen_stamp_;  // per id: last query that returned it
    std::uint32_t stamp_ = 0;
};

}  // namespace tb
