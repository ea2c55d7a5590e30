#include <gtest/gtest.h>

#include <cmath>

#include "core/curation/agreement.h"
#include "core/curation/reviews.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

TEST(Agreement, TwoReviewersGiveCohensKappaOverSharedItems) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 12);
    // 10 shared items: both accept 4, both reject 3, ana accept/ben reject 2, ana reject/ben accept 1.
    // p_o = 0.7; ana accepts 0.6, ben 0.5: p_e = 0.6*0.5 + 0.4*0.5 = 0.5; kappa = 0.2/0.5 = 0.4.
    const char* ana[] = {"accept", "accept", "accept", "accept", "reject",
                         "reject", "reject", "accept", "accept", "reject"};
    const char* ben[] = {"accept", "accept", "accept", "accept", "reject",
                         "reject", "reject", "reject", "reject", "accept"};
    for (int i = 0; i < 10; ++i) {
        tb::record_review(project, {ids[i], "ana", *tb::parse_verdict(ana[i]), "", false});
        tb::record_review(project, {ids[i], "ben", *tb::parse_verdict(ben[i]), "", false});
    }
    // Items one reviewer saw do not count; settlements are not votes.
    tb::record_review(project, {ids[10], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[7], "lead", tb::Verdict::accept, "", true});

    auto report = tb::reviewer_agreement(project);
    EXPECT_EQ(report.method, "cohen_kappa");
    EXPECT_EQ(report.items, 10);
    EXPECT_EQ(report.reviewers, (std::vector<std::string>{"ana", "ben"}));
    EXPECT_NEAR(report.value, 0.4, 1e-12);
    ASSERT_TRUE(report.kappa.has_value());
    EXPECT_NEAR(report.kappa->observed_agreement, 0.7, 1e-12);
    EXPECT_EQ(report.disagreements, 2);  // ids 8 and 9; 7 is settled
}

TEST(Agreement, ThreeReviewersGiveKrippendorffsAlpha) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 4);
    // Unit values (nominal): {a,a,a}, {a,a,r}, {r,r}, {a,r}.
    // Coincidences: o_aa = 6/2 + 2/2 = 4, o_rr = 2, o_ar = o_ra = 2/2 + 2/1... computed below.
    auto vote = [&](int i, const char* who, tb::Verdict v) { tb::record_review(project, {ids[i], who, v, "", false}); };
    vote(0, "ana", tb::Verdict::accept);
    vote(0, "ben", tb::Verdict::accept);
    vote(0, "cleo", tb::Verdict::accept);
    vote(1, "ana", tb::Verdict::accept);
    vote(1, "ben", tb::Verdict::accept);
    vote(1, "cleo", tb::Verdict::reject);
    vote(2, "ana", tb::Verdict::reject);
    vote(2, "ben", tb::Verdict::reject);
    vote(3, "ben", tb::Verdict::accept);
    vote(3, "cleo", tb::Verdict::reject);
    // Unit 0 (m=3): o_aa += 6/2 = 3. Unit 1 (m=3): pairs aa x2, ar x2, ra x2 over 2: o_aa += 1, o_ar += 1, o_ra += 1.
    // Unit 2 (m=2): o_rr += 2. Unit 3 (m=2): o_ar += 1, o_ra += 1.
    // o_aa = 4, o_rr = 2, o_ar = o_ra = 2; n_a = 6, n_r = 4, n = 10.
    // D_o = (o_ar + o_ra) = 4; D_e = (n_a n_r + n_r n_a) / (n - 1) = 48 / 9; alpha = 1 - 4 / (48/9) = 0.25.
    auto report = tb::reviewer_agreement(project);
    EXPECT_EQ(report.method, "krippendorff_alpha");
    EXPECT_EQ(report.items, 4);
    EXPECT_EQ(report.reviewers.size(), 3u);
    EXPECT_NEAR(report.value, 0.25, 1e-12);
}

TEST(Agreement, NoSharedItemsMeansNoFigure) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 2);
    tb::record_review(project, {ids[0], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[1], "ben", tb::Verdict::accept, "", false});
    auto report = tb::reviewer_agreement(project);
    EXPECT_EQ(report.method, "none");
    EXPECT_EQ(report.items, 0);
}

}  // namespace
