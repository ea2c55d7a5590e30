// JobRunner: work runs off the GUI thread, progress and outcome come back as signals, and a
// typed job's result comes back to its callback on the GUI thread.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <optional>
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

// What a typed job's callbacks saw.
struct Delivery {
    int results = 0;
    int noResults = 0;
    std::optional<int> value;
    bool onGuiThread = false;
    bool runnerIdle = false;
    int finishedBefore = -1;  // the runner's finished() emissions seen when the callback ran
};

TEST(JobRunner, HandsATypedResultToItsCallbackOnceOnTheGuiThread) {
    tbui::JobRunner runner;
    QObject receiver;
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    QThread* guiThread = QThread::currentThread();
    std::atomic<bool> workOnGuiThread{true};
    Delivery seen;
    ASSERT_TRUE(runner.start<int>(
        [&](const tb::JobContext&) {
            workOnGuiThread = QThread::currentThread() == guiThread;
            int sum = 0;
            for (int i = 1; i <= 100; ++i) sum += i;
            return sum;  // 5050, Gauss
        },
        &receiver,
        [&](int value) {
            ++seen.results;
            seen.value = value;
            seen.onGuiThread = QThread::currentThread() == guiThread;
            seen.runnerIdle = !runner.isRunning();
            seen.finishedBefore = static_cast<int>(finished.count());
        },
        [&] { ++seen.noResults; }));
    ASSERT_TRUE(finished.wait(5000));
    QTest::qWait(50);  // a second delivery would arrive here
    EXPECT_FALSE(workOnGuiThread.load());
    EXPECT_EQ(seen.results, 1);
    EXPECT_EQ(seen.noResults, 0);
    EXPECT_EQ(seen.value, 5050);
    EXPECT_TRUE(seen.onGuiThread);
    // The runner is idle and has told its listeners when the result arrives.
    EXPECT_TRUE(seen.runnerIdle);
    EXPECT_EQ(seen.finishedBefore, 1);
}

TEST(JobRunner, AMoveOnlyResultIsHandedOverNotCopied) {
    tbui::JobRunner runner;
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    std::unique_ptr<int> received;
    ASSERT_TRUE(runner.start<std::unique_ptr<int>>([](const tb::JobContext&) { return std::make_unique<int>(7); },
                                                   &runner,
                                                   [&](std::unique_ptr<int> value) { received = std::move(value); }));
    ASSERT_TRUE(finished.wait(5000));
    ASSERT_NE(received, nullptr);
    EXPECT_EQ(*received, 7);
}

TEST(JobRunner, AThrowingTypedJobTakesTheErrorPath) {
    tbui::JobRunner runner;
    QObject receiver;
    QSignalSpy failed(&runner, &tbui::JobRunner::failed);
    QSignalSpy succeeded(&runner, &tbui::JobRunner::succeeded);
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    Delivery seen;
    ASSERT_TRUE(runner.start<int>(
        [](const tb::JobContext&) -> int { throw tb::InputError("data.jsonl", 3, "missing \"messages\""); }, &receiver,
        [&](int) { ++seen.results; },
        [&] {
            ++seen.noResults;
            seen.finishedBefore = static_cast<int>(finished.count());
        }));
    ASSERT_TRUE(finished.wait(5000));
    QTest::qWait(50);
    EXPECT_EQ(seen.results, 0);
    EXPECT_EQ(seen.noResults, 1);
    EXPECT_EQ(seen.finishedBefore, 1);
    EXPECT_EQ(succeeded.count(), 0);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.first().at(0).toString(), QStringLiteral("data.jsonl:3: missing \"messages\""));
}

TEST(JobRunner, ACancelledTypedJobDeliversNoResult) {
    tbui::JobRunner runner;
    QObject receiver;
    QSignalSpy cancelled(&runner, &tbui::JobRunner::cancelled);
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    std::atomic<bool> started{false};
    Delivery seen;
    ASSERT_TRUE(runner.start<int>(
        [&](const tb::JobContext& context) {
            for (int i = 0;; ++i) {
                started = true;
                context.check_cancel();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                if (i > 100000) return i;  // never reached within the test's wait
            }
        },
        &receiver, [&](int) { ++seen.results; }, [&] { ++seen.noResults; }));
    while (!started.load()) QTest::qWait(5);
    runner.cancel();
    ASSERT_TRUE(finished.wait(5000));
    QTest::qWait(50);
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(seen.results, 0);
    EXPECT_EQ(seen.noResults, 1);
}

TEST(JobRunner, NoCallbackRunsOnceItsContextIsGone) {
    tbui::JobRunner runner;
    QSignalSpy finished(&runner, &tbui::JobRunner::finished);
    auto receiver = std::make_unique<QObject>();
    std::atomic<bool> release{false};
    Delivery seen;
    ASSERT_TRUE(runner.start<int>(
        [&](const tb::JobContext&) {
            while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return 1;
        },
        receiver.get(), [&](int) { ++seen.results; }, [&] { ++seen.noResults; }));
    receiver.reset();  // e.g. the panel that asked was closed meanwhile
    release = true;
    ASSERT_TRUE(finished.wait(5000));
    QTest::qWait(50);
    EXPECT_EQ(seen.results, 0);
    EXPECT_EQ(seen.noResults, 0);
}

TEST(JobRunner, ACallbackMayStartTheNextJob) {
    tbui::JobRunner runner;
    QObject receiver;
    std::vector<int> results;
    std::function<void(int)> next = [&](int value) {
        results.push_back(value);
        if (value < 3) {
            EXPECT_TRUE(runner.start<int>([value](const tb::JobContext&) { return value + 1; }, &receiver, next));
        }
    };
    ASSERT_TRUE(runner.start<int>([](const tb::JobContext&) { return 1; }, &receiver, next));
    for (int i = 0; i < 200 && results.size() < 3; ++i) QTest::qWait(10);
    EXPECT_EQ(results, (std::vector<int>{1, 2, 3})) << "each callback got its own job's result";
    EXPECT_FALSE(runner.isRunning());
}

}  // namespace
