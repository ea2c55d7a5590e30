// ProgressThrottle: the one rule by which the job and training workers forward progress.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "ui/common/progress_throttle.h"

namespace {

// The reports `throttle` lets through, as their `done` values.
std::vector<std::int64_t> admitted(tbui::ProgressThrottle& throttle, const std::vector<tb::Progress>& reports) {
    std::vector<std::int64_t> passed;
    for (const auto& report : reports)
        if (throttle.admit(report)) passed.push_back(report.done);
    return passed;
}

TEST(ProgressThrottle, InsideTheIntervalOnlyTheFirstANewStageAndTheFinalStepPass) {
    // An interval no test run reaches: what passes is decided by the rule alone.
    tbui::ProgressThrottle throttle(/*intervalMs*/ 3'600'000);
    const std::vector<tb::Progress> reports = {
        {1, 10, "reading"},  {2, 10, "reading"},  {3, 10, "reading"},                         //
        {4, 10, "checking"}, {5, 10, "checking"}, {9, 10, "checking"}, {10, 10, "checking"},  // final
        {11, 0, "checking"},  // total unknown: never a final step
    };
    EXPECT_EQ(admitted(throttle, reports), (std::vector<std::int64_t>{1, 4, 10}));
}

TEST(ProgressThrottle, OnceTheIntervalHasPassedTheNextReportPasses) {
    tbui::ProgressThrottle throttle(/*intervalMs*/ 300);
    EXPECT_TRUE(throttle.admit({1, 100, "s"}));
    EXPECT_FALSE(throttle.admit({2, 100, "s"}));
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_TRUE(throttle.admit({3, 100, "s"}));
    EXPECT_FALSE(throttle.admit({4, 100, "s"})) << "the interval restarts at each report that passed";
}

}  // namespace
