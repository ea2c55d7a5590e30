// MinHash estimates against exact Jaccard, LSH recall at the threshold, word shingles.
#include <cmath>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "core/stats/minhash.h"

namespace tb {
namespace {

// Two sets with exactly `common` shared elements and `own` elements each of their own:
// J = common / (common + 2 own). `structured` uses consecutive integers, the worst case
// for a weak hash family; otherwise random 64-bit values.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint64_t>> set_pair(std::size_t common, std::size_t own,
                                                                           std::mt19937_64& random, bool structured) {
    std::vector<std::uint64_t> a, b;
    std::uint64_t next = random() & 0xFFFFFF;
    auto draw = [&] { return structured ? next++ : random(); };
    for (std::size_t i = 0; i < common; ++i) {
        const auto x = draw();
        a.push_back(x);
        b.push_back(x);
    }
    for (std::size_t i = 0; i < own; ++i) a.push_back(draw());
    for (std::size_t i = 0; i < own; ++i) b.push_back(draw());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return {a, b};
}

TEST(MinHash, EstimateTracksExactJaccard) {
    const MinHasher hasher(128);
    std::mt19937_64 random(7);
    for (bool structured : {false, true}) {
        // (common, own) -> J = 0.2, 0.5, 0.8, 0.9
        for (auto [common, own] : {std::pair<std::size_t, std::size_t>{50, 100}, {100, 50}, {160, 20}, {180, 10}}) {
            double bias = 0, squared = 0, expected_j = 0;
            const int trials = 300;
            for (int t = 0; t < trials; ++t) {
                const auto [a, b] = set_pair(common, own, random, structured);
                const double exact = exact_jaccard(a, b);
                expected_j = exact;
                const double estimate = estimate_jaccard(hasher.signature(a), hasher.signature(b));
                bias += estimate - exact;
                squared += (estimate - exact) * (estimate - exact);
            }
            bias /= trials;
            const double rms = std::sqrt(squared / trials);
            const double theory = std::sqrt(expected_j * (1 - expected_j) / 128);  // binomial standard error
            EXPECT_LT(std::abs(bias), 0.01) << "J=" << expected_j << " structured=" << structured;
            EXPECT_LT(rms, 1.3 * theory) << "J=" << expected_j << " structured=" << structured;
            EXPECT_GT(rms, 0.6 * theory) << "J=" << expected_j << " (suspiciously exact)";
        }
    }
}

TEST(MinHash, IdenticalAndDisjointSets) {
    const MinHasher hasher(64);
    std::vector<std::uint64_t> a = {1, 2, 3, 4, 5}, b = {6, 7, 8, 9, 10};
    EXPECT_EQ(estimate_jaccard(hasher.signature(a), hasher.signature(a)), 1.0);
    EXPECT_LT(estimate_jaccard(hasher.signature(a), hasher.signature(b)), 0.1);
    EXPECT_EQ(exact_jaccard(a, b), 0.0);
    EXPECT_EQ(exact_jaccard(a, a), 1.0);
    EXPECT_EQ(hasher.signature({}), std::vector<std::uint32_t>(64, 0xFFFFFFFFu));
    // Same seed, same signature; another seed, another one.
    EXPECT_EQ(MinHasher(64, 1).signature(a), MinHasher(64, 1).signature(a));
    EXPECT_NE(MinHasher(64, 1).signature(a), MinHasher(64, 2).signature(a));
    EXPECT_THROW(estimate_jaccard(hasher.signature(a), MinHasher(32).signature(a)), std::invalid_argument);
}

TEST(MinHash, LshParametersAndCurve) {
    const LshParams p = choose_lsh_params(0.8, 128);
    EXPECT_LE(p.bands * p.rows, 128u);
    EXPECT_GE(lsh_candidate_probability(0.8, p), 0.99);
    // One more row per band would miss more than 1% at the threshold.
    EXPECT_LT(lsh_candidate_probability(0.8, LshParams{128 / (p.rows + 1), p.rows + 1}), 0.99);
    EXPECT_NEAR(lsh_candidate_probability(0.5, LshParams{4, 2}), 1 - std::pow(0.75, 4), 1e-12);
    EXPECT_THROW(choose_lsh_params(0.0, 128), std::invalid_argument);
}

TEST(MinHash, LshRecallAtTheThresholdAndFewFalseCandidates) {
    const MinHasher hasher(128);
    const double threshold = 0.8;
    const LshParams params = choose_lsh_params(threshold, 128);
    std::mt19937_64 random(11);
    LshIndex index(params, 128);
    std::vector<std::vector<std::uint32_t>> partners;
    const std::uint32_t pairs = 400;
    for (std::uint32_t i = 0; i < pairs; ++i) {
        const auto [a, b] = set_pair(160, 20, random, false);  // J = 0.8 exactly
        index.insert(i, hasher.signature(a).data());
        partners.push_back(hasher.signature(b));
    }
    std::size_t found = 0;
    for (std::uint32_t i = 0; i < pairs; ++i) {
        const auto candidates = index.candidates(partners[i].data());
        found += std::find(candidates.begin(), candidates.end(), i) != candidates.end();
    }
    EXPECT_GE(static_cast<double>(found) / pairs, 0.97);  // theory: >= 0.99

    std::size_t false_candidates = 0;
    for (std::uint32_t i = 0; i < pairs; ++i) {
        const auto [a, b] = set_pair(60, 70, random, false);  // J = 0.3, unrelated to the index
        index.insert(pairs + 2 * i, hasher.signature(a).data());
        const auto candidates = index.candidates(hasher.signature(b).data());
        false_candidates += std::find(candidates.begin(), candidates.end(), pairs + 2 * i) != candidates.end();
    }
    EXPECT_LE(static_cast<double>(false_candidates) / pairs, 0.05);  // theory: about 0.015
}

TEST(MinHash, LshCandidatesAreUniqueAndGrowthKeepsThem) {
    const MinHasher hasher(128);
    LshIndex index(LshParams{32, 4}, 128);
    std::vector<std::uint64_t> shared = {1, 2, 3, 4, 5, 6, 7, 8};
    const auto signature = hasher.signature(shared);
    for (std::uint32_t i = 0; i < 3000; ++i) {  // identical items: every band collides; tables grow
        index.insert(i, signature.data());
    }
    const auto candidates = index.candidates(signature.data());
    EXPECT_EQ(candidates.size(), 3000u);
    EXPECT_EQ(std::set<std::uint32_t>(candidates.begin(), candidates.end()).size(), 3000u);
    EXPECT_EQ(index.size(), 3000u);
}

TEST(MinHash, LshBucketLimitBoundsCandidates) {
    const MinHasher hasher(128);
    LshIndex index(LshParams{32, 4}, 128, /*max_bucket=*/10);
    const auto signature = hasher.signature(std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8});
    for (std::uint32_t i = 0; i < 100; ++i) index.insert(i, signature.data());
    const auto candidates = index.candidates(signature.data());
    EXPECT_EQ(candidates.size(), 10u);  // every band bucket holds the first 10 ids
    EXPECT_EQ(*std::max_element(candidates.begin(), candidates.end()), 9u);
    // An item that only shares one uncrowded band is still found.
    auto other = hasher.signature(std::vector<std::uint64_t>{100, 200, 300});
    index.insert(100, other.data());
    auto probe = hasher.signature(std::vector<std::uint64_t>{400, 500});
    std::copy(other.begin(), other.begin() + 4, probe.begin());  // same first band only
    EXPECT_EQ(index.candidates(probe.data()), std::vector<std::uint32_t>{100});
}

TEST(WordShingles, NormalisesCaseAndPunctuation) {
    EXPECT_EQ(word_shingle_hashes("Hello, World! How are you today?"),
              word_shingle_hashes("hello world how are you   today"));
    EXPECT_EQ(word_shingle_hashes("one two three four five six seven").size(), 3u);
    EXPECT_EQ(word_shingle_hashes("one two three").size(), 1u);
    EXPECT_EQ(word_shingle_hashes("one two three"), word_shingle_hashes("ONE two three."));
    EXPECT_NE(word_shingle_hashes("one two three"), word_shingle_hashes("one two four"));
    EXPECT_TRUE(word_shingle_hashes(" ,.;!? ").empty());
    // Repeated n-grams count once; non-ASCII words stay whole.
    EXPECT_EQ(word_shingle_hashes("a b c d e a b c d e").size(), 5u);
    EXPECT_NE(word_shingle_hashes("café au lait"), word_shingle_hashes("caf au lait"));
    // Order matters inside a shingle.
    EXPECT_NE(word_shingle_hashes("a b c d e"), word_shingle_hashes("e d c b a"));
}

TEST(WordShingles, OneChangedWordKeepsMostShingles) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "w" + std::to_string(i) + " ";
    std::string changed = text;
    changed.replace(changed.find("w50 "), 4, "x50 ");
    const auto a = word_shingle_hashes(text), b = word_shingle_hashes(changed);
    EXPECT_EQ(a.size(), 96u);
    // 5 of 96 shingles contain the changed word: J = 91 / 101.
    EXPECT_NEAR(exact_jaccard(a, b), 91.0 / 101.0, 1e-12);
}

}  // namespace
}  // namespace tb
