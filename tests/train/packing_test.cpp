// Packing must not change the loss: several samples in one row (sequence ids, restarting
// positions) give exactly the summed loss of each sample on its own.
#include "core/train/packing.h"

#include <random>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/train/loss.h"
#include "model/model_test_helpers.h"

namespace {

tb::FormattedSample random_sample(std::mt19937& rng, std::size_t n, std::int64_t id) {
    tb::FormattedSample s;
    s.example_id = id;
    std::uniform_int_distribution<int> tok(3, 63);
    for (std::size_t i = 0; i < n; ++i) {
        s.input_ids.push_back(tok(rng));
        s.loss_weights.push_back(i == 0 ? 0.0f : (i % 3 == 0 ? 0.0f : 1.0f + static_cast<float>(i % 2)));
    }
    return s;
}

TEST(Packing, FirstFitLayoutSequenceIdsAndPositions) {
    std::mt19937 rng(1);
    std::vector<tb::FormattedSample> s = {random_sample(rng, 10, 1), random_sample(rng, 12, 2),
                                          random_sample(rng, 6, 3)};
    tb::PackingOptions opt;
    opt.length = 20;
    auto b = tb::pack_samples(s, opt);
    ASSERT_EQ(b.rows, 2);
    EXPECT_EQ(b.samples_per_row[0], (std::vector<std::size_t>{0, 2}));  // 10 + 6 fit; 12 does not
    EXPECT_EQ(b.samples_per_row[1], (std::vector<std::size_t>{1}));
    EXPECT_EQ(b.sequence_ids[0], 0);
    EXPECT_EQ(b.sequence_ids[10], 1);
    EXPECT_EQ(b.position_ids[10], 0);
    EXPECT_EQ(b.position_ids[15], 5);
    EXPECT_EQ(b.sequence_ids[16], 2);  // padding is its own sequence
    EXPECT_EQ(b.loss_weights[17], 0.0f);
    EXPECT_EQ(b.trained_tokens(), s[0].trained_tokens() + s[1].trained_tokens() + s[2].trained_tokens());
    opt.length = 8;
    EXPECT_THROW(tb::pack_samples(s, opt), tb::Error);
}

TEST(Packing, PackedLossEqualsUnpackedLoss) {
    torch::manual_seed(0);
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    torch::NoGradGuard no_grad;
    std::mt19937 rng(3);
    std::vector<tb::FormattedSample> s = {random_sample(rng, 9, 1), random_sample(rng, 17, 2), random_sample(rng, 5, 3),
                                          random_sample(rng, 12, 4)};
    double unpacked = 0;
    for (const auto& one : s) {
        tb::PackingOptions single;
        single.pack = false;
        unpacked += tb::batch_loss_sum(*model, tb::to_tensors(tb::pack_samples({one}, single))).item<double>();
    }
    tb::PackingOptions opt;
    opt.length = 48;
    auto packed_batch = tb::pack_samples(s, opt);
    ASSERT_LT(packed_batch.rows, 4);  // really packed
    double packed = tb::batch_loss_sum(*model, tb::to_tensors(packed_batch)).item<double>();
    EXPECT_NEAR(packed, unpacked, 1e-4 * std::abs(unpacked));
    // The check has teeth: letting attention cross samples changes the loss.
    auto crossing = tb::to_tensors(packed_batch);
    crossing.sequence_ids.zero_();
    EXPECT_GT(std::abs(tb::batch_loss_sum(*model, crossing).item<double>() - unpacked), 1e-3 * std::abs(unpacked));

    // Padded one-per-row batching gives the same sum too.
    tb::PackingOptions padded;
    padded.pack = false;
    auto pb = tb::pack_samples(s, padded);
    EXPECT_EQ(pb.rows, 4);
    EXPECT_NEAR(tb::batch_loss_sum(*model, tb::to_tensors(pb)).item<double>(), unpacked, 1e-4 * std::abs(unpacked));
}

}  // namespace
