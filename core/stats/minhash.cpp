#include "core/stats/minhash.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tb {
namespace {

constexpr std::uint64_t kEmptyKey = ~std::uint64_t(0);
constexpr std::uint32_t kNone = ~std::uint32_t(0);

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// The hot loop, compiled twice: AVX2 where the CPU has it (8 lanes of 32-bit multiplies),
// baseline x86-64 otherwise.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void minhash_kernel(const std::uint32_t* elements, std::size_t count, const std::uint32_t* multipliers,
                    const std::uint32_t* offsets, std::size_t num_perm, std::uint32_t* out) {
    // Blocks of 32 positions: the block's minima, multipliers and offsets stay in registers
    // while every element streams past (4 AVX2 registers each).
    constexpr std::size_t kBlock = 32;
    std::size_t base = 0;
    for (; base + kBlock <= num_perm; base += kBlock) {
        std::uint32_t minima[kBlock], a[kBlock], b[kBlock];
        for (std::size_t i = 0; i < kBlock; ++i) {
            minima[i] = 0xFFFFFFFFu;
            a[i] = multipliers[base + i];
            b[i] = offsets[base + i];
        }
        for (std::size_t e = 0; e < count; ++e) {
            const std::uint32_t x = elements[e];
            for (std::size_t i = 0; i < kBlock; ++i)
                minima[i] = std::min(minima[i], a[i] * x + b[i]);  // odd a: a bijection
        }
        for (std::size_t i = 0; i < kBlock; ++i) out[base + i] = minima[i];
    }
    for (std::size_t i = base; i < num_perm; ++i) {
        std::uint32_t minimum = 0xFFFFFFFFu;
        for (std::size_t e = 0; e < count; ++e) minimum = std::min(minimum, multipliers[i] * elements[e] + offsets[i]);
        out[i] = minimum;
    }
}

}  // namespace

std::vector<std::uint64_t> word_shingle_hashes(std::string_view text, std::size_t n) {
    if (n == 0) throw std::invalid_argument("word_shingle_hashes: n must be at least 1");
    // Word hashes first (FNV-1a over lowercased bytes, then mixed).
    std::vector<std::uint64_t> words;
    words.reserve(text.size() / 5 + 1);
    std::size_t i = 0;
    const std::size_t size = text.size();
    while (i < size) {
        while (i < size && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= size) break;
        std::uint64_t h = 0xcbf29ce484222325ULL;
        while (i < size && is_word_byte(static_cast<unsigned char>(text[i]))) {
            unsigned char c = static_cast<unsigned char>(text[i++]);
            if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
            h = (h ^ c) * 0x100000001b3ULL;
        }
        words.push_back(mix64(h));
    }
    std::vector<std::uint64_t> shingles;
    if (words.empty()) return shingles;
    const std::size_t width = std::min(n, words.size());
    shingles.reserve(words.size() - width + 1);
    for (std::size_t start = 0; start + width <= words.size(); ++start) {
        std::uint64_t h = width;
        for (std::size_t k = 0; k < width; ++k) h = mix64(h ^ words[start + k]) + k;
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

double exact_jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
    if (a.empty() && b.empty()) return 1.0;
    std::size_t common = 0, i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else
            ++common, ++i, ++j;
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

MinHasher::MinHasher(std::size_t num_perm, std::uint64_t seed) {
    if (num_perm == 0) throw std::invalid_argument("MinHasher: num_perm must be at least 1");
    std::uint64_t state = seed;
    multipliers_.resize(num_perm);
    offsets_.resize(num_perm);
    for (std::size_t i = 0; i < num_perm; ++i) {
        const std::uint64_t r = splitmix64(state);
        multipliers_[i] = static_cast<std::uint32_t>(r) | 1u;
        offsets_[i] = static_cast<std::uint32_t>(r >> 32);
    }
}

void MinHasher::signature(std::span<const std::uint64_t> elements, std::uint32_t* out) const {
    // Mix each 64-bit element to 32 well-spread bits once (callers may pass structured values
    // such as small integers); the per-position multiply-add bijections then act on those.
    std::vector<std::uint32_t> folded(elements.size());
    for (std::size_t e = 0; e < elements.size(); ++e) folded[e] = static_cast<std::uint32_t>(mix64(elements[e]) >> 32);
    minhash_kernel(folded.data(), folded.size(), multipliers_.data(), offsets_.data(), num_perm(), out);
}

std::vector<std::uint32_t> MinHasher::signature(std::span<const std::uint64_t> elements) const {
    std::vector<std::uint32_t> out(num_perm());
    signature(elements, out.data());
    return out;
}

double estimate_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    if (a.size() != b.size() || a.empty())
        throw std::invalid_argument("estimate_jaccard: signatures of different or zero length");
    std::size_t equal = 0;
    for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
    return static_cast<double>(equal) / static_cast<double>(a.size());
}

double lsh_candidate_probability(double jaccard, LshParams params) {
    return 1.0 - std::pow(1.0 - std::pow(jaccard, static_cast<double>(params.rows)), static_cast<double>(params.bands));
}

LshParams choose_lsh_params(double threshold, std::size_t num_perm, double min_recall) {
    if (!(threshold > 0.0 && threshold <= 1.0))
        throw std::invalid_argument("choose_lsh_params: threshold must be in (0, 1]");
    LshParams best{num_perm, 1};  // one row per band: every shared minimum is a candidate
    for (std::size_t rows = 2; rows <= num_perm; ++rows) {
        const LshParams params{num_perm / rows, rows};
        if (lsh_candidate_probability(threshold, params) >= min_recall) best = params;
    }
    return best;
}

LshIndex::LshIndex(LshParams params, std::size_t num_perm, std::size_t max_bucket)
    : params_(params), max_bucket_(max_bucket) {
    if (params.bands == 0 || params.rows == 0 || params.bands * params.rows > num_perm)
        throw std::invalid_argument("LshIndex: bands × rows must be between 1 and num_perm");
    keys_.assign(1024, kEmptyKey);
    heads_.assign(1024, kNone);
    counts_.assign(1024, 0);
}

std::uint64_t LshIndex::band_key(std::size_t band, const std::uint32_t* signature) const {
    std::uint64_t h = mix64(band + 1);
    const std::uint32_t* rows = signature + band * params_.rows;
    for (std::size_t r = 0; r < params_.rows; ++r) h = mix64(h ^ rows[r]) + r;
    return h == kEmptyKey ? h - 1 : h;
}

std::size_t LshIndex::slot_for(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = static_cast<std::size_t>(key) & mask;
    while (keys_[slot] != kEmptyKey && keys_[slot] != key) slot = (slot + 1) & mask;
    return slot;
}

void LshIndex::grow() {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_heads = std::move(heads_);
    std::vector<std::uint32_t> old_counts = std::move(counts_);
    keys_.assign(old_keys.size() * 2, kEmptyKey);
    heads_.assign(old_keys.size() * 2, kNone);
    counts_.assign(old_keys.size() * 2, 0);
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
        if (old_keys[i] == kEmptyKey) continue;
        const std::size_t slot = slot_for(old_keys[i]);
        keys_[slot] = old_keys[i];
        heads_[slot] = old_heads[i];
        counts_[slot] = old_counts[i];
    }
}

void LshIndex::insert(std::uint32_t id, const std::uint32_t* signature) {
    for (std::size_t band = 0; band < params_.bands; ++band) {
        if ((used_slots_ + 1) * 2 > keys_.size()) grow();  // load factor at most 1/2
        const std::uint64_t key = band_key(band, signature);
        const std::size_t slot = slot_for(key);
        if (keys_[slot] == kEmptyKey) {
            keys_[slot] = key;
            ++used_slots_;
        }
        if (max_bucket_ && counts_[slot] >= max_bucket_) continue;
        ++counts_[slot];
        entries_.push_back(Entry{id, heads_[slot]});
        heads_[slot] = static_cast<std::uint32_t>(entries_.size() - 1);
    }
    if (id >= seen_stamp_.size()) seen_stamp_.resize(std::max<std::size_t>(id + 1, seen_stamp_.size() * 2), 0);
    ++items_;
}

std::vector<std::uint32_t> LshIndex::candidates(const std::uint32_t* signature) {
    std::vector<std::uint32_t> found;
    if (++stamp_ == 0) {  // wrapped: forget old stamps
        std::fill(seen_stamp_.begin(), seen_stamp_.end(), 0);
        stamp_ = 1;
    }
    for (std::size_t band = 0; band < params_.bands; ++band) {
        const std::size_t slot = slot_for(band_key(band, signature));
        if (keys_[slot] == kEmptyKey) continue;
        for (std::uint32_t e = heads_[slot]; e != kNone; e = entries_[e].next) {
            const std::uint32_t id = entries_[e].id;
            if (seen_stamp_[id] == stamp_) continue;
            seen_stamp_[id] = stamp_;
            found.push_back(id);
        }
    }
    return found;
}

}  // namespace tb
