// The runs row of a training run: each stop reason stored with the status it implies, and
// a project written before runs.stop_reason existed (schema 3: early stopping was a marker
// metric) still reporting its early-stopped run once opened.
#include "core/train/train_run_store.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/project/schema.h"

namespace {

TEST(TrainRunStore, EachStopReasonImpliesItsStatus) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    const auto run_id = tb::create_train_run(project, "by hand", nlohmann::json{{"max_steps", 3}});
    auto running = tb::load_train_run(project, run_id);
    ASSERT_TRUE(running);
    EXPECT_EQ(running->status, "running");
    EXPECT_EQ(running->stop_reason, "");
    EXPECT_TRUE(running->ended_at.empty());
    EXPECT_EQ(running->config["max_steps"], 3);

    const std::vector<std::pair<std::string, std::string>> expected = {
        {tb::kStopAllSteps, "completed"},   {tb::kStopEarlyStopping, "stopped_early"},
        {tb::kStopNonFiniteLoss, "failed"}, {tb::kStopNonFiniteGradNorm, "failed"},
        {tb::kStopError, "failed"},         {tb::kStopCancelled, "cancelled"}};
    for (const auto& [reason, status] : expected) {
        tb::mark_train_run_running(project, run_id);
        tb::finish_train_run(project, run_id, reason);
        const auto row = tb::load_train_run(project, run_id);
        EXPECT_EQ(row->status, status) << reason;
        EXPECT_EQ(row->stop_reason, reason);
        EXPECT_FALSE(row->ended_at.empty()) << reason;
        EXPECT_EQ(tb::train_run_wrote_output(row->status), status == "completed" || status == "stopped_early")
            << reason;
    }
    EXPECT_THROW(tb::finish_train_run(project, run_id, "done"), tb::Error);
    EXPECT_THROW(tb::finish_train_run(project, run_id, "stopped_early"), tb::Error);  // a status, not a reason
    EXPECT_EQ(tb::load_train_run(project, run_id)->stop_reason, tb::kStopCancelled);  // unchanged by the refusals
    EXPECT_FALSE(tb::load_train_run(project, run_id + 1));
}

TEST(TrainRunStore, AProjectWrittenBeforeStopReasonStillReportsItsEarlyStoppedRun) {
    tbtest::TempDir dir;
    const std::string path = dir.file("old.tunebench");
    {
        // What Tunebench wrote at project schema 3: a run stopped early was 'completed' plus
        // the marker metric; a run that trained every step had no marker.
        tb::ProjectOpenOptions v3;
        v3.schema_version = 3;
        auto project = tb::ProjectFile::create(path, v3);
        ASSERT_EQ(project.schema_version(), 3);
        project.exec(
            "INSERT INTO runs(id, kind, name, status) VALUES (1, 'train', 'stopped', 'completed'), "
            "(2, 'train', 'all steps', 'completed'), (3, 'train', 'diverged', 'failed')");
        project.exec(
            "INSERT INTO run_metrics(run_id, name, step, value) VALUES (1, 'train/loss', 4, 2.5), "
            "(1, 'train/stopped_early', 4, 1), (2, 'train/loss', 9, 1.5)");
    }
    auto project = tb::ProjectFile::open(path);
    EXPECT_EQ(project.schema_version(), tb::current_schema_version());
    const auto stopped = tb::load_train_run(project, 1);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->status, "stopped_early");
    EXPECT_EQ(stopped->stop_reason, tb::kStopEarlyStopping);
    EXPECT_TRUE(tb::train_run_wrote_output(stopped->status));
    // The old runs whose reason was never recorded keep their status and no reason.
    EXPECT_EQ(tb::load_train_run(project, 2)->status, "completed");
    EXPECT_EQ(tb::load_train_run(project, 2)->stop_reason, "");
    EXPECT_EQ(tb::load_train_run(project, 3)->status, "failed");
    EXPECT_EQ(tb::load_train_run(project, 3)->stop_reason, "");
    // The metrics are untouched.
    EXPECT_EQ(tb::load_run_metric(project, 1, tb::kMetricTrainLoss).size(), 1u);
    EXPECT_EQ(tb::load_run_metric(project, 1, tb::kMetricStoppedEarly).size(), 1u);
}

}  // namespace
