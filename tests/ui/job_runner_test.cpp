// JobRunner: work runs off the GUI thread, progress and outcome come back as signals.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include "core/common/error.h"
#include "ui/common/job_runner.h"

namespace {

TEST(JobRunner, RunsOffTheGuiThreadAndReportsProgressAndSuccess) {
    tbui::JobRunner runner;
    QSignalSpy progress(&runner, &tbui::JobRunner::progressChanged);
    QSignalSpy succeeded(&runner, &tbui::JobRunner::succeeded);
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    std::atomic<bool> ranOnGuiThread{true};
    QThread* guiThread = QThread::currentThread();
    ASSERT_TRUE(runner.start([&](const tb::JobContext& context) {
        ranOnGuiThread = QThread::currentThread() == guiThread;
        for (int i = 1; i <= 5; ++i) {
            context.report(i, 5, "counting");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }));
    EXPECT_TRUE(runner.isRunning());
    EXPECT_FALSE(runner.start([](const tb::JobContext&) {})) << "one job at a time";
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(ranOnGuiThread.load());
    EXPECT_EQ(succeeded.count(), 1);
    ASSERT_GE(progress.count(), 2);
    // The last update is the final one (throttling never drops done == total).
    EXPECT_EQ(progress.last().at(0).toLongLong(), 5);
    EXPECT_EQ(progress.last().at(1).toLongLong(), 5);
    EXPECT_EQ(progress.last().at(2).toString(), QStringLiteral("counting"));
    EXPECT_FALSE(runner.isRunning());
}

TEST(JobRunner, CancelStopsTheJobThroughItsToken) {
    tbui::JobRunner runner;
    QSignalSpy cancelled(&runner, &tbui::JobRunner::cancelled);
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    std::atomic<int> iterations{0};
    runner.start([&](const tb::JobContext& context) {
        for (;;) {
            context.check_cancel();
            ++iterations;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    QTest::qWait(50);
    runner.cancel();
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_GT(iterations.load(), 0);
}

TEST(JobRunner, ErrorsBecomeTheFailedSignal) {
    tbui::JobRunner runner;
    QSignalSpy failed(&runner, &tbui::JobRunner::failed);
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    runner.start([](const tb::JobContext&) { throw tb::InputError("data.jsonl", 7, "invalid JSON"); });
    ASSERT_TRUE(finished.wait(5000));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.first().at(0).toString(), QStringLiteral("data.jsonl:7: invalid JSON"));
    // The runner can start the next job afterwards.
    QSignalSpy succeeded(&runner, &tbui::JobRunner::succeeded);
    runner.start([](const tb::JobContext&) {});
    ASSERT_TRUE(succeeded.wait(5000));
}

TEST(JobRunner, DestroyingARunningRunnerCancelsAndJoins) {
    std::atomic<bool> stopped{false};
    {
        tbui::JobRunner runner;
        runner.start([&](const tb::JobContext& context) {
            try {
                for (;;) {
                    context.check_cancel();
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
            } catch (const tb::Cancelled&) {
                stopped = true;
                throw;
            }
        });
        QTest::qWait(20);
    }
    EXPECT_TRUE(stopped.load());
}

}  // namespace
